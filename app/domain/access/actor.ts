export const GLOBAL_ROLES = ["admin", "analyst"] as const;
export type GlobalRole = (typeof GLOBAL_ROLES)[number];
export const PARTNERSHIP_ROLES = ["coordinator", "police", "member"] as const;
export type PartnershipRole = (typeof PARTNERSHIP_ROLES)[number];

export interface UserActor {
  kind: "user";
  id: string;
  email: string;
  name: string;
  globalRole: GlobalRole | null;
  /** partnership id → role in it */
  memberships: ReadonlyMap<string, PartnershipRole>;
}

export type Actor = { kind: "anonymous" } | UserActor | { kind: "system"; label: string };

export const anonymous: Actor = { kind: "anonymous" };
export const systemActor = (label: string): Actor => ({ kind: "system", label });

export function actorLabel(actor: Actor): string {
  if (actor.kind === "user") return actor.email;
  if (actor.kind === "system") return actor.label;
  return "anonym";
}

export function actorId(actor: Actor): string | null {
  return actor.kind === "user" ? actor.id : null;
}
