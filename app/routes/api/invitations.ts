import { getEnv } from "~/config/env.server";
import { findPendingInvitations } from "~/domain/invitations/invitation.queries.server";
import { invitePerson } from "~/domain/invitations/invite-person.server";
import { endpoints } from "~/lib/api-endpoints";
import { apiRoute, operation } from "~/lib/api.server";

const route = apiRoute({
  GET: operation(endpoints.findInvitations, ({ ctx, params }) => findPendingInvitations(ctx, params.id!)),
  POST: operation(endpoints.invitePerson, ({ ctx, params, body, request }) => {
    const env = getEnv();
    return invitePerson(ctx, params.id!, body, {
      baseUrl: env.PUBLIC_URL ?? new URL(request.url).origin,
      smtpUrl: env.SMTP_URL,
    });
  }),
});

export const loader = route.loader;
export const action = route.action;
