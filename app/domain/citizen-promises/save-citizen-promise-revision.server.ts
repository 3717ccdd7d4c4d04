import { eq } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { citizenPromise, citizenPromiseRevision } from "~/db/schema";
import { actorId, type Actor } from "~/domain/access/actor";
import { recordAuditEvent } from "~/domain/audit/record-audit-event.server";
import { parseInput } from "~/lib/validation";
import { citizenPromiseContentSchema } from "./citizen-promise.schemas";
import { findCitizenPromiseRevision, lockCitizenPromiseForWrite } from "./citizen-promise.queries.server";
import {
  CITIZEN_PROMISE_WORDS,
  lifecycleStage,
  requireSavable,
  staleRevisionError,
} from "~/domain/agreements/document-lifecycle";
import type { CitizenPromiseRevisionInput } from "./citizen-promise-lifecycle.schemas";
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
export async function saveCitizenPromiseRevision(
  ctx: { db: DbOrTx; actor: Actor },
  citizenPromiseId: string,
  input: CitizenPromiseRevisionInput,
): Promise<{ number: number }> {
  const { actor } = ctx;
  const content = parseInput(citizenPromiseContentSchema, input.content);
  return ctx.db.transaction(async (tx) => {
    const row = await lockCitizenPromiseForWrite(tx, actor, citizenPromiseId, "agreement.edit");
    if (input.baseRevision !== row.currentRevision) {
      const current = await findCitizenPromiseRevision(tx, citizenPromiseId, row.currentRevision);
      throw staleRevisionError(CITIZEN_PROMISE_WORDS, input.baseRevision, current!);
    }
    const amendmentReason = requireSavable(row, input.amendmentReason, CITIZEN_PROMISE_WORDS);
    const previous = await findCitizenPromiseRevision(tx, citizenPromiseId, row.currentRevision);
    const number = row.currentRevision + 1;
    await tx.insert(citizenPromiseRevision).values({
      citizenPromiseId,
      number,
      content,
      authorId: actorId(actor),
      amendmentReason,
    });
    const backToDraft = lifecycleStage(row) === "ready-for-signing";
    await tx
      .update(citizenPromise)
      .set({
        currentRevision: number,
        ...(backToDraft ? { readyForSigningAt: null } : {}),
        updatedAt: new Date(),
      })
      .where(eq(citizenPromise.id, citizenPromiseId));
    // A published document's change is seen by residents: cached public pages are dropped at commit.
    if (row.publishedAt) await raisePublicationVersion(tx);
    await recordAuditEvent(tx, actor, {
      entityType: "citizenPromise",
      entityId: citizenPromiseId,
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
