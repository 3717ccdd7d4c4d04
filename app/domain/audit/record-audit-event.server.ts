import { sql } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { auditEvent, type FieldChange } from "~/db/schema";
import { actorId, actorLabel, type Actor } from "~/domain/access/actor";

export interface AuditInput {
  entityType: string;
  entityId: string;
  partnershipId?: string | null;
  action: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/** The fields that differ between two versions of a record, as before → after. */
export function diffFields(
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown> | null | undefined,
): Record<string, FieldChange> {
  const changes: Record<string, FieldChange> = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const key of keys) {
    if (key === "updatedAt" || key === "createdAt" || key === "passwordHash" || key === "tokenHash") continue;
    const b = before?.[key] ?? null;
    const a = after?.[key] ?? null;
    if (JSON.stringify(b) !== JSON.stringify(a)) changes[key] = { before: b, after: a };
  }
  return changes;
}

/** Appends an audit event; call it with the transaction of the write it records. */
export async function recordAuditEvent(tx: DbOrTx, actor: Actor, input: AuditInput): Promise<void> {
  await tx.insert(auditEvent).values({
    actorId: actorId(actor),
    actorLabel: actorLabel(actor),
    entityType: input.entityType,
    entityId: input.entityId,
    partnershipId: input.partnershipId ?? null,
    action: input.action,
    changes: diffFields(input.before, input.after),
    // The statement's time, not the transaction's (now()), so events of one write keep their order.
    createdAt: sql`clock_timestamp()`,
  });
}
