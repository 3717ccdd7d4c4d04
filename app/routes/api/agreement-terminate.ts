import { getAgreement } from "~/domain/agreements/agreement.queries.server";
import { terminateAgreement } from "~/domain/agreements/terminate-agreement.server";
import { endpoints } from "~/lib/api-endpoints";
import { apiRoute, operation } from "~/lib/api.server";

const route = apiRoute({
  POST: operation(endpoints.terminateAgreement, async ({ ctx, params, body }) => {
    await terminateAgreement(ctx, params.id!, body);
    return getAgreement(ctx, params.id!);
  }),
});

export const loader = route.loader;
export const action = route.action;
