import { getAgreement } from "~/domain/agreements/agreement.queries.server";
import { recordAgreementSignature } from "~/domain/agreements/record-agreement-signature.server";
import { endpoints } from "~/lib/api-endpoints";
import { apiRoute, operation } from "~/lib/api.server";

const route = apiRoute({
  POST: operation(endpoints.recordAgreementSignature, async ({ ctx, params, body }) => {
    await recordAgreementSignature(ctx, params.id!, body);
    return getAgreement(ctx, params.id!);
  }),
});

export const loader = route.loader;
export const action = route.action;
