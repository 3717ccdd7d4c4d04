import { getAgreement } from "~/domain/agreements/agreement.queries.server";
import { saveAgreementRevision } from "~/domain/agreements/save-agreement-revision.server";
import { endpoints } from "~/lib/api-endpoints";
import { apiRoute, operation } from "~/lib/api.server";

const route = apiRoute({
  GET: operation(endpoints.getAgreement, ({ ctx, params }) => getAgreement(ctx, params.id!)),
  PUT: operation(endpoints.saveAgreementRevision, async ({ ctx, params, body }) => {
    await saveAgreementRevision(ctx, params.id!, body);
    return getAgreement(ctx, params.id!);
  }),
});

export const loader = route.loader;
export const action = route.action;
