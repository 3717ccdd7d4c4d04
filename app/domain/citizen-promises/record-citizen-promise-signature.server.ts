import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { citizenPromise, signature } from "~/db/schema";
import { actorId, type Actor } from "~/domain/access/actor";
import { recordAuditEvent } from "~/domain/audit/record-audit-event.server";
import { parseInput } from "~/lib/validation";
import { CITIZEN_PROMISE_DOCUMENT_TYPE, lockCitizenPromiseForWrite } from "./citizen-promise.queries.server";
import {
  CITIZEN_PROMISE_WORDS,
  hasRequiredSignatures,
  requireSignable,
} from "~/domain/agreements/document-lifecycle";
import { signatureInputSchema, type SignatureInput } from "~/domain/agreements/document-lifecycle.schemas";

/**
 * Records one signatory's signature of the citizen promise's current revision. Once the police and
 * the municipality have both signed it, the citizen promise is signed, on the latest signature's date.
 * Throws UNAUTHENTICATED, NOT_FOUND, FORBIDDEN, CONFLICT (not ready for signing, published,
 * terminated), VALIDATION.
 */
export async function recordCitizenPromiseSignature(
  ctx: { db: DbOrTx; actor: Actor },
  citizenPromiseId: string,
  input: SignatureInput,
): Promise<{ signed: boolean }> {
  const { actor } = ctx;
  const valid = parseInput(signatureInputSchema, input);
  return ctx.db.transaction(async (tx) => {
    const row = await lockCitizenPromiseForWrite(tx, actor, citizenPromiseId, "agreement.sign");
    requireSignable(row, CITIZEN_PROMISE_WORDS);
    await tx.insert(signature).values({
      documentType: CITIZEN_PROMISE_DOCUMENT_TYPE,
      documentId: citizenPromiseId,
      revisionNumber: row.currentRevision,
      signatoryName: valid.name,
      signatoryTitle: valid.title,
      party: valid.party,
      signedOn: valid.signedOn,
      place: valid.place,
      recordedBy: actorId(actor),
    });
    const ofRevision = await tx
      .select({ party: signature.party, signedOn: signature.signedOn, place: signature.place })
      .from(signature)
      .where(
        and(
          eq(signature.documentType, CITIZEN_PROMISE_DOCUMENT_TYPE),
          eq(signature.documentId, citizenPromiseId),
          eq(signature.revisionNumber, row.currentRevision),
        ),
      );
    const signed = hasRequiredSignatures(ofRevision);
    const latest = ofRevision.reduce((a, b) => (b.signedOn > a.signedOn ? b : a));
    const signedOn = signed ? latest.signedOn : null;
    const signedPlace = signed ? latest.place || null : null;
    await tx
      .update(citizenPromise)
      .set({ signedOn, signedPlace, updatedAt: new Date() })
      .where(eq(citizenPromise.id, citizenPromiseId));
    await recordAuditEvent(tx, actor, {
      entityType: "citizenPromise",
      entityId: citizenPromiseId,
      partnershipId: row.partnershipId,
      action: "record-signature",
      before: { signedOn: row.signedOn },
      after: {
        signatory: `${valid.name}${valid.title ? `, ${valid.title}` : ""}`,
        party: valid.party,
        revision: row.currentRevision,
        signedOn,
      },
    });
    return { signed };
  });
}
