import { getCitizenPromise } from "~/domain/citizen-promises/citizen-promise.queries.server";
import { saveCitizenPromiseRevision } from "~/domain/citizen-promises/save-citizen-promise-revision.server";
import { endpoints } from "~/lib/api-endpoints";
import { apiRoute, operation } from "~/lib/api.server";

const route = apiRoute({
  GET: operation(endpoints.getCitizenPromise, ({ ctx, params }) => getCitizenPromise(ctx, params.id!)),
  PUT: operation(endpoints.saveCitizenPromiseRevision, async ({ ctx, params, body }) => {
    await saveCitizenPromiseRevision(ctx, params.id!, body);
    return getCitizenPromise(ctx, params.id!);
  }),
});

export const loader = route.loader;
export const action = route.action;
