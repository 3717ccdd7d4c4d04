import { exportDocument } from "~/documents/export/export-document.server";
import { endpoints } from "~/lib/api-endpoints";
import { apiRoute, operation } from "~/lib/api.server";

const route = apiRoute({
  GET: operation(endpoints.exportCitizenPromise, ({ ctx, params, query }) =>
    exportDocument(ctx, params.id!, query.format, "citizen-promise"),
  ),
});

export const loader = route.loader;
export const action = route.action;
