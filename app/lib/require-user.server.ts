import { redirect } from "react-router";
import type { Actor, UserActor } from "~/domain/access/actor";

/** For pages: the signed-in user, or a redirect to the login page that comes back here. */
export function requireUser(actor: Actor, request: Request): UserActor {
  if (actor.kind === "user") return actor;
  const url = new URL(request.url);
  throw redirect(`/logga-in?tillbaka=${encodeURIComponent(url.pathname + url.search)}`);
}
