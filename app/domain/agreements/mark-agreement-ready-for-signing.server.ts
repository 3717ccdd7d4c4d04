import { eq } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { agreement } from "~/db/schema";
import type { Actor } from "~/domain/access/actor";
import { recordAuditEvent } from "~/domain/audit/record-audit-event.server";
import { lockAgreementForWrite } from "./agreement.queries.server";
import { AGREEMENT_WORDS, requireMarkableReady } from "./document-lifecycle";

/**
 * Marks a draft agreement as ready for signing (its current revision is the one to sign).
 * Throws UNAUTHENTICATED, NOT_FOUND, FORBIDDEN, CONFLICT (not a draft, or terminated).
 */
export async function markAgreementReadyForSigning(
  ctx: { db: DbOrTx; actor: Actor; now?: Date },
  agreementId: string,
): Promise<void> {
  const { actor } = ctx;
  const now = ctx.now ?? new Date();
  await ctx.db.transaction(async (tx) => {
    const row = await lockAgreementForWrite(tx, actor, agreementId, "agreement.edit");
    requireMarkableReady(row, AGREEMENT_WORDS);
    await tx
      .update(agreement)
      .set({ readyForSigningAt: now, updatedAt: now })
      .where(eq(agreement.id, agreementId));
    await recordAuditEvent(tx, actor, {
      entityType: "agreement",
      entityId: agreementId,
      partnershipId: row.partnershipId,
      action: "mark-ready-for-signing",
      before: { stage: "draft" },
      after: { stage: "ready-for-signing", revision: row.currentRevision },
    });
  });
}
