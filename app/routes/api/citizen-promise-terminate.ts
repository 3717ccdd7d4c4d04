import { getCitizenPromise } from "~/domain/citizen-promises/citizen-promise.queries.server";
import { terminateCitizenPromise } from "~/domain/citizen-promises/terminate-citizen-promise.server";
import { endpoints } from "~/lib/api-endpoints";
import { apiRoute, operation } from "~/lib/api.server";

const route = apiRoute({
  POST: operation(endpoints.terminateCitizenPromise, async ({ ctx, params, body }) => {
    await terminateCitizenPromise(ctx, params.id!, body);
    return getCitizenPromise(ctx, params.id!);
  }),
});

export const loader = route.loader;
export const action = route.action;
