import { endpoints } from "~/lib/api-endpoints";
import { apiRoute, operation } from "~/lib/api.server";
import { buildOpenApiDocument } from "~/lib/openapi";

let document: ReturnType<typeof buildOpenApiDocument> | undefined;

const route = apiRoute({
  GET: operation(endpoints.openApi, async () => (document ??= buildOpenApiDocument())),
});

export const loader = route.loader;
export const action = route.action;
