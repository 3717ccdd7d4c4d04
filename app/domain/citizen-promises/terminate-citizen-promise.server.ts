import { eq } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { citizenPromise } from "~/db/schema";
import type { Actor } from "~/domain/access/actor";
import { recordAuditEvent } from "~/domain/audit/record-audit-event.server";
import { parseInput } from "~/lib/validation";
import { lockCitizenPromiseForWrite } from "./citizen-promise.queries.server";
import { CITIZEN_PROMISE_WORDS, requireTerminable } from "~/domain/agreements/document-lifecycle";
import { terminationSchema, type TerminationInput } from "~/domain/agreements/document-lifecycle.schemas";
import { raisePublicationVersion } from "~/db/publication-version.server";

/**
 * Terminates a signed citizen promise (either party may) from a date, with the reason.
 * Throws UNAUTHENTICATED, NOT_FOUND, FORBIDDEN, CONFLICT (not signed, already terminated),
 * VALIDATION.
 */
export async function terminateCitizenPromise(
  ctx: { db: DbOrTx; actor: Actor },
  citizenPromiseId: string,
  input: TerminationInput,
): Promise<void> {
  const { actor } = ctx;
  const valid = parseInput(terminationSchema, input);
  await ctx.db.transaction(async (tx) => {
    const row = await lockCitizenPromiseForWrite(tx, actor, citizenPromiseId, "agreement.sign");
    requireTerminable(row, CITIZEN_PROMISE_WORDS);
    await tx
      .update(citizenPromise)
      .set({ terminatedOn: valid.terminatedOn, terminationReason: valid.reason, updatedAt: new Date() })
      .where(eq(citizenPromise.id, citizenPromiseId));
    // Residents see it: cached public pages are dropped at commit.
    await raisePublicationVersion(tx);
    await recordAuditEvent(tx, actor, {
      entityType: "citizenPromise",
      entityId: citizenPromiseId,
      partnershipId: row.partnershipId,
      action: "terminate",
      after: { terminatedOn: valid.terminatedOn, terminationReason: valid.reason },
    });
  });
}
