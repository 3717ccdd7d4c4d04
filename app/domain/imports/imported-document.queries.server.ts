import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { agreement, auditEvent, citizenPromise } from "~/db/schema";

/**
 * Whether a document imported from this file (by its base name) is still stored in the
 * partnership: the import's audit event names the file, and its document still exists.
 */
export async function hasDocumentImportedFrom(
  db: DbOrTx,
  partnershipId: string,
  source: string,
): Promise<boolean> {
  const [row] = await db
    .select({ id: auditEvent.id })
    .from(auditEvent)
    .where(
      and(
        eq(auditEvent.partnershipId, partnershipId),
        eq(auditEvent.action, "import"),
        sql`${auditEvent.changes} -> 'source' ->> 'after' = ${source}`,
        sql`(exists (select 1 from ${agreement} where ${agreement.id}::text = ${auditEvent.entityId})
          or exists (select 1 from ${citizenPromise} where ${citizenPromise.id}::text = ${auditEvent.entityId}))`,
      ),
    )
    .limit(1);
  return row !== undefined;
}
