import { compareAgreementRevisions } from "~/domain/agreements/agreement.queries.server";
import { endpoints } from "~/lib/api-endpoints";
import { apiRoute, operation } from "~/lib/api.server";

const route = apiRoute({
  GET: operation(endpoints.compareAgreementRevisions, ({ ctx, params, query }) =>
    compareAgreementRevisions(ctx, params.id!, query.a, query.b),
  ),
});

export const loader = route.loader;
export const action = route.action;
