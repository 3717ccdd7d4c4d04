import { findOutboxMessages } from "~/domain/mail/outbox.queries.server";
import { endpoints } from "~/lib/api-endpoints";
import { apiRoute, operation } from "~/lib/api.server";

const route = apiRoute({
  GET: operation(endpoints.findOutboxMessages, ({ ctx }) => findOutboxMessages(ctx)),
});

export const loader = route.loader;
export const action = route.action;
