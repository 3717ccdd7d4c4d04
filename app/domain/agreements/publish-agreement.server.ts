import { eq } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { agreement } from "~/db/schema";
import type { Actor } from "~/domain/access/actor";
import { recordAuditEvent } from "~/domain/audit/record-audit-event.server";
import { lockAgreementForWrite } from "./agreement.queries.server";
import { AGREEMENT_WORDS, requirePublishable } from "./document-lifecycle";
import { raisePublicationVersion } from "~/db/publication-version.server";

/**
 * Publishes a signed agreement: from now on it is a public document.
 * Throws UNAUTHENTICATED, NOT_FOUND, FORBIDDEN, CONFLICT (not signed, already published, terminated).
 */
export async function publishAgreement(
  ctx: { db: DbOrTx; actor: Actor; now?: Date },
  agreementId: string,
): Promise<void> {
  const { actor } = ctx;
  const now = ctx.now ?? new Date();
  await ctx.db.transaction(async (tx) => {
    const row = await lockAgreementForWrite(tx, actor, agreementId, "agreement.sign");
    requirePublishable(row, AGREEMENT_WORDS);
    await tx.update(agreement).set({ publishedAt: now, updatedAt: now }).where(eq(agreement.id, agreementId));
    // Residents see it: cached public pages are dropped at commit.
    await raisePublicationVersion(tx);
    await recordAuditEvent(tx, actor, {
      entityType: "agreement",
      entityId: agreementId,
      partnershipId: row.partnershipId,
      action: "publish",
      before: { stage: "signed" },
      after: { stage: "published", revision: row.currentRevision },
    });
  });
}
