import { eq } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { agreement } from "~/db/schema";
import type { Actor } from "~/domain/access/actor";
import { recordAuditEvent } from "~/domain/audit/record-audit-event.server";
import { parseInput } from "~/lib/validation";
import { lockAgreementForWrite } from "./agreement.queries.server";
import { AGREEMENT_WORDS, requireTerminable } from "./document-lifecycle";
import { terminationSchema, type TerminationInput } from "./document-lifecycle.schemas";
import { raisePublicationVersion } from "~/db/publication-version.server";

/**
 * Terminates a signed agreement (either party may) from a date, with the reason.
 * Throws UNAUTHENTICATED, NOT_FOUND, FORBIDDEN, CONFLICT (not signed, already terminated),
 * VALIDATION.
 */
export async function terminateAgreement(
  ctx: { db: DbOrTx; actor: Actor },
  agreementId: string,
  input: TerminationInput,
): Promise<void> {
  const { actor } = ctx;
  const valid = parseInput(terminationSchema, input);
  await ctx.db.transaction(async (tx) => {
    const row = await lockAgreementForWrite(tx, actor, agreementId, "agreement.sign");
    requireTerminable(row, AGREEMENT_WORDS);
    await tx
      .update(agreement)
      .set({ terminatedOn: valid.terminatedOn, terminationReason: valid.reason, updatedAt: new Date() })
      .where(eq(agreement.id, agreementId));
    // Residents see it: cached public pages are dropped at commit.
    await raisePublicationVersion(tx);
    await recordAuditEvent(tx, actor, {
      entityType: "agreement",
      entityId: agreementId,
      partnershipId: row.partnershipId,
      action: "terminate",
      after: { terminatedOn: valid.terminatedOn, terminationReason: valid.reason },
    });
  });
}
