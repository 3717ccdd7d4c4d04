import { revokeApiToken } from "~/domain/users/revoke-api-token.server";
import { endpoints } from "~/lib/api-endpoints";
import { apiRoute, operation } from "~/lib/api.server";

const route = apiRoute({
  DELETE: operation(endpoints.revokeApiToken, ({ ctx, params }) => revokeApiToken(ctx, params.id!)),
});

export const loader = route.loader;
export const action = route.action;
