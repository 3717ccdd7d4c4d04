import { getCitizenPromise } from "~/domain/citizen-promises/citizen-promise.queries.server";
import { markCitizenPromiseReadyForSigning } from "~/domain/citizen-promises/mark-citizen-promise-ready-for-signing.server";
import { endpoints } from "~/lib/api-endpoints";
import { apiRoute, operation } from "~/lib/api.server";

const route = apiRoute({
  POST: operation(endpoints.markCitizenPromiseReadyForSigning, async ({ ctx, params }) => {
    await markCitizenPromiseReadyForSigning(ctx, params.id!);
    return getCitizenPromise(ctx, params.id!);
  }),
});

export const loader = route.loader;
export const action = route.action;
