import { getCitizenPromise } from "~/domain/citizen-promises/citizen-promise.queries.server";
import { publishCitizenPromise } from "~/domain/citizen-promises/publish-citizen-promise.server";
import { endpoints } from "~/lib/api-endpoints";
import { apiRoute, operation } from "~/lib/api.server";

const route = apiRoute({
  POST: operation(endpoints.publishCitizenPromise, async ({ ctx, params }) => {
    await publishCitizenPromise(ctx, params.id!);
    return getCitizenPromise(ctx, params.id!);
  }),
});

export const loader = route.loader;
export const action = route.action;
