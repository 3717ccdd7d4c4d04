import { eq } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { agreement, agreementRevision, partnership } from "~/db/schema";
import { actorId, type Actor } from "~/domain/access/actor";
import { requirePartnershipPermission } from "~/domain/access/permissions";
import { recordAuditEvent } from "~/domain/audit/record-audit-event.server";
import { AppError, notFound } from "~/errors/app-error";
import { parseInput } from "~/lib/validation";
import { agreementContentSchema, type AgreementContent } from "./agreement.schemas";

/**
 * Starts an agreement of a partnership as a draft: revision 1 with the given content, optionally
 * replacing an earlier agreement of the same partnership.
 * Throws UNAUTHENTICATED, NOT_FOUND (partnership unknown or not readable), FORBIDDEN, VALIDATION
 * (content, or a predecessor that is not this partnership's agreement).
 */
export async function createAgreementDraft(
  ctx: { db: DbOrTx; actor: Actor },
  partnershipId: string,
  content: AgreementContent,
  options: { predecessorId?: string | null } = {},
): Promise<{ id: string }> {
  const { actor } = ctx;
  requirePartnershipPermission(actor, "agreement.edit", partnershipId);
  const valid = parseInput(agreementContentSchema, content);
  const predecessorId = options.predecessorId ?? null;
  return ctx.db.transaction(async (tx) => {
    const [owner] = await tx
      .select({ id: partnership.id })
      .from(partnership)
      .where(eq(partnership.id, partnershipId));
    if (!owner) throw notFound("Samverkan");
    if (predecessorId) {
      const [predecessor] = await tx
        .select({ partnershipId: agreement.partnershipId })
        .from(agreement)
        .where(eq(agreement.id, predecessorId));
      if (predecessor?.partnershipId !== partnershipId) {
        throw new AppError("VALIDATION", "Uppgifterna innehåller fel.", {
          predecessorId: ["Överenskommelsen som ersätts finns inte i den här samverkan."],
        });
      }
    }
    const [row] = await tx
      .insert(agreement)
      .values({ partnershipId, predecessorId, currentRevision: 1 })
      .returning({ id: agreement.id });
    const id = row!.id;
    await tx
      .insert(agreementRevision)
      .values({ agreementId: id, number: 1, content: valid, authorId: actorId(actor) });
    await recordAuditEvent(tx, actor, {
      entityType: "agreement",
      entityId: id,
      partnershipId,
      action: "create",
      after: { title: valid.title, revision: 1, predecessorId },
    });
    return { id };
  });
}
