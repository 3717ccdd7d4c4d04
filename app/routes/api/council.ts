import { removeCouncil } from "~/domain/partnerships/remove-council.server";
import { updateCouncil } from "~/domain/partnerships/update-council.server";
import { endpoints } from "~/lib/api-endpoints";
import { apiRoute, operation } from "~/lib/api.server";

const route = apiRoute({
  PUT: operation(endpoints.updateCouncil, async ({ ctx, params, body }) => {
    await updateCouncil(ctx, params.id!, params.councilId!, body);
    return { id: params.councilId!, ...body };
  }),
  DELETE: operation(endpoints.removeCouncil, ({ ctx, params }) =>
    removeCouncil(ctx, params.id!, params.councilId!),
  ),
});

export const loader = route.loader;
export const action = route.action;
