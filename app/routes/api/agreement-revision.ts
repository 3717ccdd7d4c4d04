import { getAgreementRevision } from "~/domain/agreements/agreement.queries.server";
import { endpoints } from "~/lib/api-endpoints";
import { apiRoute, operation } from "~/lib/api.server";

const route = apiRoute({
  GET: operation(endpoints.getAgreementRevision, ({ ctx, params, query }) =>
    getAgreementRevision(ctx, params.id!, query.number),
  ),
});

export const loader = route.loader;
export const action = route.action;
