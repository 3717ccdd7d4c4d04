import { AppError, notFound } from "~/errors/app-error";
import type { Actor, GlobalRole, PartnershipRole } from "./actor";

/**
 * The one permission table. A global permission is granted by a global role; a partnership
 * permission by a global role or by the actor's role in that very partnership.
 * The system actor (CLI, migrations, demo content) may do everything.
 */
export const PERMISSIONS = {
  // Global
  "partnership.create": { global: ["admin"], partnership: [] },
  "partnership.list-all": { global: ["admin", "analyst"], partnership: [] },
  "policeArea.manage": { global: ["admin"], partnership: [] },
  "user.manage": { global: ["admin"], partnership: [] },
  "outbox.read": { global: ["admin"], partnership: [] },
  // Per partnership
  "partnership.read": { global: ["admin", "analyst"], partnership: ["coordinator", "police", "member"] },
  "partnership.update": { global: ["admin"], partnership: ["coordinator"] },
  "council.manage": { global: ["admin"], partnership: ["coordinator", "police"] },
  "invitation.create": { global: ["admin"], partnership: ["coordinator"] },
  "audit.read": { global: ["admin", "analyst"], partnership: ["coordinator", "police"] },
  // Agreements and citizen promises alike: drafts are read inside the partnership (and by analysts).
  "agreement.read": { global: ["admin", "analyst"], partnership: ["coordinator", "police", "member"] },
  "agreement.comment": { global: ["admin"], partnership: ["coordinator", "police", "member"] },
  "agreement.edit": { global: ["admin"], partnership: ["coordinator", "police"] },
  "agreement.sign": { global: ["admin"], partnership: ["coordinator", "police"] },
  "commitmentProgress.record": { global: ["admin"], partnership: ["coordinator", "police"] },
  // Safety surveys. Results are read in the partnership; coordinators and police see them before
  // suppression, everyone else only as published (small groups hidden). Raw answers leave the
  // system only to the partnership's coordinators and police.
  "survey.read": { global: ["admin", "analyst"], partnership: ["coordinator", "police", "member"] },
  "survey.manage": { global: ["admin"], partnership: ["coordinator"] },
  "survey.analyse": { global: [], partnership: ["coordinator", "police"] },
  "survey.export-raw": { global: [], partnership: ["coordinator", "police"] },
} as const satisfies Record<
  string,
  { global: readonly GlobalRole[]; partnership: readonly PartnershipRole[] }
>;

export type Permission = keyof typeof PERMISSIONS;

/** Whether the actor holds the permission (for a partnership permission: in that partnership). */
export function can(actor: Actor, permission: Permission, partnershipId?: string): boolean {
  if (actor.kind === "system") return true;
  if (actor.kind !== "user") return false;
  const rule: { global: readonly GlobalRole[]; partnership: readonly PartnershipRole[] } =
    PERMISSIONS[permission];
  if (actor.globalRole && rule.global.includes(actor.globalRole)) return true;
  if (!partnershipId) return false;
  const role = actor.memberships.get(partnershipId);
  return role !== undefined && rule.partnership.includes(role);
}

/** Throws UNAUTHENTICATED for anonymous actors, FORBIDDEN when the permission is missing. */
export function requirePermission(actor: Actor, permission: Permission): void {
  if (actor.kind === "anonymous") throw new AppError("UNAUTHENTICATED", "Du behöver logga in.");
  if (!can(actor, permission)) throw new AppError("FORBIDDEN", "Du har inte behörighet att göra detta.");
}

/**
 * For records of a partnership: NOT_FOUND when the actor may not even read the partnership
 * (its existence is not leaked), FORBIDDEN when it may read but not do this.
 */
export function requirePartnershipPermission(
  actor: Actor,
  permission: Permission,
  partnershipId: string,
): void {
  if (actor.kind === "anonymous") throw new AppError("UNAUTHENTICATED", "Du behöver logga in.");
  if (!can(actor, "partnership.read", partnershipId)) throw notFound("Samverkan");
  if (!can(actor, permission, partnershipId))
    throw new AppError("FORBIDDEN", "Du har inte behörighet att göra detta.");
}

/** The partnerships an actor may read: "all", or a list of ids (for scoping queries set-wise). */
export function readablePartnerships(actor: Actor): "all" | string[] {
  if (actor.kind === "system") return "all";
  if (actor.kind !== "user") return [];
  if (can(actor, "partnership.list-all")) return "all";
  return [...actor.memberships.keys()];
}
