import { eq } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { agreement, agreementRevision } from "~/db/schema";
import { actorId, type Actor } from "~/domain/access/actor";
import { recordAuditEvent } from "~/domain/audit/record-audit-event.server";
import { parseInput } from "~/lib/validation";
import { agreementContentSchema } from "./agreement.schemas";
import { findAgreementRevision, lockAgreementForWrite } from "./agreement.queries.server";
import { AGREEMENT_WORDS, lifecycleStage, requireSavable, staleRevisionError } from "./document-lifecycle";
import type { AgreementRevisionInput } from "./document-lifecycle.schemas";
import { raisePublicationVersion } from "~/db/publication-version.server";

/**
 * Saves the editor's content as a new revision; nothing is overwritten. Optimistic locking: the
 * save must be based on the current revision, else it is refused with the revision saved
 * meanwhile. After signing, a save is an amendment (revidering) and needs a reason; before
 * signing, a save of a document marked ready sends it back to draft, so both parties sign what
 * they read.
 * Throws UNAUTHENTICATED, NOT_FOUND, FORBIDDEN, CONFLICT (stale base revision: `details.current`;
 * terminated), VALIDATION (content; amendmentReason after signing).
 */
export async function saveAgreementRevision(
  ctx: { db: DbOrTx; actor: Actor },
  agreementId: string,
  input: AgreementRevisionInput,
): Promise<{ number: number }> {
  const { actor } = ctx;
  const content = parseInput(agreementContentSchema, input.content);
  return ctx.db.transaction(async (tx) => {
    const row = await lockAgreementForWrite(tx, actor, agreementId, "agreement.edit");
    if (input.baseRevision !== row.currentRevision) {
      const current = await findAgreementRevision(tx, agreementId, row.currentRevision);
      throw staleRevisionError(AGREEMENT_WORDS, input.baseRevision, current!);
    }
    const amendmentReason = requireSavable(row, input.amendmentReason, AGREEMENT_WORDS);
    const previous = await findAgreementRevision(tx, agreementId, row.currentRevision);
    const number = row.currentRevision + 1;
    await tx.insert(agreementRevision).values({
      agreementId,
      number,
      content,
      authorId: actorId(actor),
      amendmentReason,
    });
    const backToDraft = lifecycleStage(row) === "ready-for-signing";
    await tx
      .update(agreement)
      .set({
        currentRevision: number,
        ...(backToDraft ? { readyForSigningAt: null } : {}),
        updatedAt: new Date(),
      })
      .where(eq(agreement.id, agreementId));
    // A published document's change is seen by residents: cached public pages are dropped at commit.
    if (row.publishedAt) await raisePublicationVersion(tx);
    await recordAuditEvent(tx, actor, {
      entityType: "agreement",
      entityId: agreementId,
      partnershipId: row.partnershipId,
      action: amendmentReason ? "amend" : "save-revision",
      before: { revision: row.currentRevision, title: previous!.content.title, stage: lifecycleStage(row) },
      after: {
        revision: number,
        title: content.title,
        stage: backToDraft ? "draft" : lifecycleStage(row),
        amendmentReason,
      },
    });
    return { number };
  });
}
