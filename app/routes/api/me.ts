import { endpoints } from "~/lib/api-endpoints";
import { apiRoute, operation } from "~/lib/api.server";

const route = apiRoute({
  GET: operation(endpoints.getMe, async ({ ctx: { actor } }) =>
    actor.kind === "user"
      ? {
          ...actor,
          memberships: [...actor.memberships].map(([partnershipId, role]) => ({ partnershipId, role })),
        }
      : null,
  ),
});

export const loader = route.loader;
export const action = route.action;
