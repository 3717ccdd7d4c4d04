import { getAgreement } from "~/domain/agreements/agreement.queries.server";
import { markAgreementReadyForSigning } from "~/domain/agreements/mark-agreement-ready-for-signing.server";
import { endpoints } from "~/lib/api-endpoints";
import { apiRoute, operation } from "~/lib/api.server";

const route = apiRoute({
  POST: operation(endpoints.markAgreementReadyForSigning, async ({ ctx, params }) => {
    await markAgreementReadyForSigning(ctx, params.id!);
    return getAgreement(ctx, params.id!);
  }),
});

export const loader = route.loader;
export const action = route.action;
