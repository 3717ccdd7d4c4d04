import { addCouncil } from "~/domain/partnerships/add-council.server";
import { endpoints } from "~/lib/api-endpoints";
import { apiRoute, operation } from "~/lib/api.server";

const route = apiRoute({
  POST: operation(endpoints.addCouncil, async ({ ctx, params, body }) => {
    const { id } = await addCouncil(ctx, params.id!, body);
    return { id, ...body };
  }),
});

export const loader = route.loader;
export const action = route.action;
