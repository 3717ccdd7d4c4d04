import { and, asc, eq } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { appUser, auditEvent, type FieldChange } from "~/db/schema";
import type { Actor } from "~/domain/access/actor";
import { can, requirePartnershipPermission, requirePermission } from "~/domain/access/permissions";
import { AppError, notFound } from "~/errors/app-error";
import type { AuditQuery } from "./audit.schemas";

/** One entry of a record's history, as the history view and the API show it. */
export interface AuditEventView {
  id: string;
  createdAt: Date;
  /** The acting user's current name, else what was recorded (e-mail, or "cli", "system"…). */
  actor: string;
  action: string;
  changes: { field: string; before: unknown; after: unknown }[];
}

/**
 * A record's history, oldest first. Events of a partnership need `audit.read` in it (another
 * partnership's record answers NOT_FOUND, its existence not leaked); events outside partnerships
 * (users, police areas) need `audit.read` globally, i.e. an administrator or analyst.
 * Throws UNAUTHENTICATED, FORBIDDEN, NOT_FOUND (also when nothing is recorded and the actor could
 * not tell whose record it is).
 */
export async function findAuditEvents(
  ctx: { db: DbOrTx; actor: Actor },
  query: AuditQuery,
): Promise<AuditEventView[]> {
  const { actor } = ctx;
  if (actor.kind === "anonymous") throw new AppError("UNAUTHENTICATED", "Du behöver logga in.");
  const rows = await ctx.db
    .select({
      id: auditEvent.id,
      createdAt: auditEvent.createdAt,
      actorLabel: auditEvent.actorLabel,
      actorName: appUser.name,
      action: auditEvent.action,
      partnershipId: auditEvent.partnershipId,
      changes: auditEvent.changes,
    })
    .from(auditEvent)
    .leftJoin(appUser, eq(appUser.id, auditEvent.actorId))
    .where(and(eq(auditEvent.entityType, query.entityType), eq(auditEvent.entityId, query.entityId)))
    .orderBy(asc(auditEvent.createdAt), asc(auditEvent.id));
  const globalReader = can(actor, "audit.read");
  if (rows.length === 0 && !globalReader) throw notFound("Historiken");
  // Checked once per partnership the record's events belong to, not row by row.
  for (const partnershipId of new Set(rows.map((r) => r.partnershipId))) {
    if (partnershipId) requirePartnershipPermission(actor, "audit.read", partnershipId);
    else requirePermission(actor, "audit.read");
  }
  return rows.map((row) => ({
    id: row.id,
    createdAt: row.createdAt,
    actor: row.actorName ?? row.actorLabel,
    action: row.action,
    changes: presentChanges(row.changes),
  }));
}

function presentChanges(changes: Record<string, FieldChange>) {
  return Object.entries(changes).map(([field, change]) => ({
    field,
    before: change.before ?? null,
    after: change.after ?? null,
  }));
}
