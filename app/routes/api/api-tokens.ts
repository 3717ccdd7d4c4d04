import { findApiTokens } from "~/domain/users/api-token.queries.server";
import { createApiToken } from "~/domain/users/create-api-token.server";
import { endpoints } from "~/lib/api-endpoints";
import { apiRoute, operation } from "~/lib/api.server";

const route = apiRoute({
  GET: operation(endpoints.findApiTokens, ({ ctx }) => findApiTokens(ctx)),
  POST: operation(endpoints.createApiToken, async ({ ctx, body }) => {
    const { token, apiToken } = await createApiToken(ctx, body);
    return { ...apiToken, token };
  }),
});

export const loader = route.loader;
export const action = route.action;
