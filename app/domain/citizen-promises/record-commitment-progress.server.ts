import type { DbOrTx } from "~/db/client.server";
import { commitmentProgress } from "~/db/schema";
import { actorId, type Actor } from "~/domain/access/actor";
import { recordAuditEvent } from "~/domain/audit/record-audit-event.server";
import { AppError } from "~/errors/app-error";
import { parseInput } from "~/lib/validation";
import { findCitizenPromiseRevision, lockCitizenPromiseForWrite } from "./citizen-promise.queries.server";
import { commitmentProgressSchema, type CommitmentProgressInput } from "./citizen-promise-lifecycle.schemas";
import { raisePublicationVersion } from "~/db/publication-version.server";

/**
 * Adds a dated progress note to one commitment of a citizen promise: what was done, when, and its
 * status now (planerad, pågår, genomförd…). The newest note gives the commitment's status.
 * Throws UNAUTHENTICATED, NOT_FOUND, FORBIDDEN, VALIDATION (also a commitment key the promise's
 * current content does not have).
 */
export async function recordCommitmentProgress(
  ctx: { db: DbOrTx; actor: Actor },
  citizenPromiseId: string,
  input: CommitmentProgressInput,
): Promise<{ id: string }> {
  const { actor } = ctx;
  const valid = parseInput(commitmentProgressSchema, input);
  return ctx.db.transaction(async (tx) => {
    const row = await lockCitizenPromiseForWrite(tx, actor, citizenPromiseId, "commitmentProgress.record");
    const current = await findCitizenPromiseRevision(tx, citizenPromiseId, row.currentRevision);
    if (!current!.content.commitments.some((c) => c.key === valid.commitmentKey)) {
      throw new AppError("VALIDATION", "Uppgifterna innehåller fel.", {
        commitmentKey: ["Löftet finns inte i medborgarlöftet. Välj ett i listan."],
      });
    }
    const [created] = await tx
      .insert(commitmentProgress)
      .values({
        citizenPromiseId,
        commitmentKey: valid.commitmentKey,
        status: valid.status,
        note: valid.note,
        occurredOn: valid.occurredOn,
        authorId: actorId(actor),
      })
      .returning({ id: commitmentProgress.id });
    // A published document's change is seen by residents: cached public pages are dropped at commit.
    if (row.publishedAt) await raisePublicationVersion(tx);
    await recordAuditEvent(tx, actor, {
      entityType: "citizenPromise",
      entityId: citizenPromiseId,
      partnershipId: row.partnershipId,
      action: "record-progress",
      after: {
        commitmentKey: valid.commitmentKey,
        status: valid.status,
        note: valid.note,
        occurredOn: valid.occurredOn,
      },
    });
    return { id: created!.id };
  });
}
