import { getPartnership } from "~/domain/partnerships/partnership.queries.server";
import { updatePartnership } from "~/domain/partnerships/update-partnership.server";
import { endpoints } from "~/lib/api-endpoints";
import { apiRoute, operation } from "~/lib/api.server";

const route = apiRoute({
  GET: operation(endpoints.getPartnership, ({ ctx, params }) => getPartnership(ctx, params.id!)),
  PUT: operation(endpoints.updatePartnership, async ({ ctx, params, body }) => {
    await updatePartnership(ctx, params.id!, body);
    return getPartnership(ctx, params.id!);
  }),
});

export const loader = route.loader;
export const action = route.action;
