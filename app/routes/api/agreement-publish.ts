import { getAgreement } from "~/domain/agreements/agreement.queries.server";
import { publishAgreement } from "~/domain/agreements/publish-agreement.server";
import { endpoints } from "~/lib/api-endpoints";
import { apiRoute, operation } from "~/lib/api.server";

const route = apiRoute({
  POST: operation(endpoints.publishAgreement, async ({ ctx, params }) => {
    await publishAgreement(ctx, params.id!);
    return getAgreement(ctx, params.id!);
  }),
});

export const loader = route.loader;
export const action = route.action;
