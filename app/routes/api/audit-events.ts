import { findAuditEvents } from "~/domain/audit/audit.queries.server";
import { endpoints } from "~/lib/api-endpoints";
import { apiRoute, operation } from "~/lib/api.server";

const route = apiRoute({
  GET: operation(endpoints.findAuditEvents, ({ ctx, query }) => findAuditEvents(ctx, query)),
});

export const loader = route.loader;
export const action = route.action;
