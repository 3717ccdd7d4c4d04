import { createPartnership } from "~/domain/partnerships/create-partnership.server";
import { findPartnerships, getPartnership } from "~/domain/partnerships/partnership.queries.server";
import { endpoints } from "~/lib/api-endpoints";
import { apiRoute, operation } from "~/lib/api.server";

const route = apiRoute({
  GET: operation(endpoints.findPartnerships, ({ ctx }) => findPartnerships(ctx)),
  POST: operation(endpoints.createPartnership, async ({ ctx, body }) => {
    const { id } = await createPartnership(ctx, body);
    return getPartnership(ctx, id);
  }),
});

export const loader = route.loader;
export const action = route.action;
