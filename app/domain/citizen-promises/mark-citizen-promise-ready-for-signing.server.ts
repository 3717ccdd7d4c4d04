import { eq } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { citizenPromise } from "~/db/schema";
import type { Actor } from "~/domain/access/actor";
import { recordAuditEvent } from "~/domain/audit/record-audit-event.server";
import { lockCitizenPromiseForWrite } from "./citizen-promise.queries.server";
import { CITIZEN_PROMISE_WORDS, requireMarkableReady } from "~/domain/agreements/document-lifecycle";

/**
 * Marks a draft citizen promise as ready for signing (its current revision is the one to sign).
 * Throws UNAUTHENTICATED, NOT_FOUND, FORBIDDEN, CONFLICT (not a draft, or terminated).
 */
export async function markCitizenPromiseReadyForSigning(
  ctx: { db: DbOrTx; actor: Actor; now?: Date },
  citizenPromiseId: string,
): Promise<void> {
  const { actor } = ctx;
  const now = ctx.now ?? new Date();
  await ctx.db.transaction(async (tx) => {
    const row = await lockCitizenPromiseForWrite(tx, actor, citizenPromiseId, "agreement.edit");
    requireMarkableReady(row, CITIZEN_PROMISE_WORDS);
    await tx
      .update(citizenPromise)
      .set({ readyForSigningAt: now, updatedAt: now })
      .where(eq(citizenPromise.id, citizenPromiseId));
    await recordAuditEvent(tx, actor, {
      entityType: "citizenPromise",
      entityId: citizenPromiseId,
      partnershipId: row.partnershipId,
      action: "mark-ready-for-signing",
      before: { stage: "draft" },
      after: { stage: "ready-for-signing", revision: row.currentRevision },
    });
  });
}
