import { getCitizenPromise } from "~/domain/citizen-promises/citizen-promise.queries.server";
import { recordCitizenPromiseSignature } from "~/domain/citizen-promises/record-citizen-promise-signature.server";
import { endpoints } from "~/lib/api-endpoints";
import { apiRoute, operation } from "~/lib/api.server";

const route = apiRoute({
  POST: operation(endpoints.recordCitizenPromiseSignature, async ({ ctx, params, body }) => {
    await recordCitizenPromiseSignature(ctx, params.id!, body);
    return getCitizenPromise(ctx, params.id!);
  }),
});

export const loader = route.loader;
export const action = route.action;
