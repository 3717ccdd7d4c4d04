import type { UserActor, Actor } from "~/domain/access/actor";
import { requirePermission, type Permission } from "~/domain/access/permissions";
import { throwAsPageError } from "./http.server";
import { requireUser } from "./require-user.server";

/**
 * For pages of a global permission (administration): anonymous visitors go to the login page and
 * come back; signed-in users without the permission get the 403 page.
 */
export function requirePagePermission(actor: Actor, request: Request, permission: Permission): UserActor {
  const user = requireUser(actor, request);
  try {
    requirePermission(user, permission);
  } catch (error) {
    throwAsPageError(error);
  }
  return user;
}
