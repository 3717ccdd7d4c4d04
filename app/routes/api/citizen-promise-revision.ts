import { getCitizenPromiseRevision } from "~/domain/citizen-promises/citizen-promise.queries.server";
import { endpoints } from "~/lib/api-endpoints";
import { apiRoute, operation } from "~/lib/api.server";

const route = apiRoute({
  GET: operation(endpoints.getCitizenPromiseRevision, ({ ctx, params, query }) =>
    getCitizenPromiseRevision(ctx, params.id!, query.number),
  ),
});

export const loader = route.loader;
export const action = route.action;
