import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { agreement, signature } from "~/db/schema";
import { actorId, type Actor } from "~/domain/access/actor";
import { recordAuditEvent } from "~/domain/audit/record-audit-event.server";
import { parseInput } from "~/lib/validation";
import { AGREEMENT_DOCUMENT_TYPE, lockAgreementForWrite } from "./agreement.queries.server";
import { AGREEMENT_WORDS, hasRequiredSignatures, requireSignable } from "./document-lifecycle";
import { signatureInputSchema, type SignatureInput } from "./document-lifecycle.schemas";

/**
 * Records one signatory's signature of the agreement's current revision. Once the police and
 * the municipality have both signed it, the agreement is signed, on the latest signature's date.
 * Throws UNAUTHENTICATED, NOT_FOUND, FORBIDDEN, CONFLICT (not ready for signing, published,
 * terminated), VALIDATION.
 */
export async function recordAgreementSignature(
  ctx: { db: DbOrTx; actor: Actor },
  agreementId: string,
  input: SignatureInput,
): Promise<{ signed: boolean }> {
  const { actor } = ctx;
  const valid = parseInput(signatureInputSchema, input);
  return ctx.db.transaction(async (tx) => {
    const row = await lockAgreementForWrite(tx, actor, agreementId, "agreement.sign");
    requireSignable(row, AGREEMENT_WORDS);
    await tx.insert(signature).values({
      documentType: AGREEMENT_DOCUMENT_TYPE,
      documentId: agreementId,
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
          eq(signature.documentType, AGREEMENT_DOCUMENT_TYPE),
          eq(signature.documentId, agreementId),
          eq(signature.revisionNumber, row.currentRevision),
        ),
      );
    const signed = hasRequiredSignatures(ofRevision);
    const latest = ofRevision.reduce((a, b) => (b.signedOn > a.signedOn ? b : a));
    const signedOn = signed ? latest.signedOn : null;
    const signedPlace = signed ? latest.place || null : null;
    await tx
      .update(agreement)
      .set({ signedOn, signedPlace, updatedAt: new Date() })
      .where(eq(agreement.id, agreementId));
    await recordAuditEvent(tx, actor, {
      entityType: "agreement",
      entityId: agreementId,
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
