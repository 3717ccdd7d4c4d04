import { compareCitizenPromiseRevisions } from "~/domain/citizen-promises/citizen-promise.queries.server";
import { endpoints } from "~/lib/api-endpoints";
import { apiRoute, operation } from "~/lib/api.server";

const route = apiRoute({
  GET: operation(endpoints.compareCitizenPromiseRevisions, ({ ctx, params, query }) =>
    compareCitizenPromiseRevisions(ctx, params.id!, query.a, query.b),
  ),
});

export const loader = route.loader;
export const action = route.action;
