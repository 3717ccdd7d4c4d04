import { eq } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { agreement, citizenPromise, citizenPromiseRevision, partnership } from "~/db/schema";
import { actorId, type Actor } from "~/domain/access/actor";
import { requirePartnershipPermission } from "~/domain/access/permissions";
import { recordAuditEvent } from "~/domain/audit/record-audit-event.server";
import { AppError, notFound } from "~/errors/app-error";
import { parseInput } from "~/lib/validation";
import { citizenPromiseContentSchema, type CitizenPromiseContent } from "./citizen-promise.schemas";

/**
 * Starts a citizen promise of a partnership as a draft: revision 1 with the given content, on its
 * own or inside one of the partnership's agreements, optionally replacing an earlier promise.
 * Throws UNAUTHENTICATED, NOT_FOUND (partnership unknown or not readable), FORBIDDEN, VALIDATION
 * (content, or an agreement or predecessor that is not this partnership's).
 */
export async function createCitizenPromiseDraft(
  ctx: { db: DbOrTx; actor: Actor },
  partnershipId: string,
  content: CitizenPromiseContent,
  options: { agreementId?: string | null; predecessorId?: string | null } = {},
): Promise<{ id: string }> {
  const { actor } = ctx;
  requirePartnershipPermission(actor, "agreement.edit", partnershipId);
  const valid = parseInput(citizenPromiseContentSchema, content);
  const predecessorId = options.predecessorId ?? null;
  const agreementId = options.agreementId ?? null;
  return ctx.db.transaction(async (tx) => {
    const [owner] = await tx
      .select({ id: partnership.id })
      .from(partnership)
      .where(eq(partnership.id, partnershipId));
    if (!owner) throw notFound("Samverkan");
    const fields: Record<string, string[]> = {};
    if (predecessorId) {
      const [predecessor] = await tx
        .select({ partnershipId: citizenPromise.partnershipId })
        .from(citizenPromise)
        .where(eq(citizenPromise.id, predecessorId));
      if (predecessor?.partnershipId !== partnershipId) {
        fields.predecessorId = ["Medborgarlöftet som ersätts finns inte i den här samverkan."];
      }
    }
    if (agreementId) {
      const [owning] = await tx
        .select({ partnershipId: agreement.partnershipId })
        .from(agreement)
        .where(eq(agreement.id, agreementId));
      if (owning?.partnershipId !== partnershipId) {
        fields.agreementId = ["Överenskommelsen finns inte i den här samverkan."];
      }
    }
    if (Object.keys(fields).length) throw new AppError("VALIDATION", "Uppgifterna innehåller fel.", fields);
    const [row] = await tx
      .insert(citizenPromise)
      .values({ partnershipId, agreementId, predecessorId, currentRevision: 1 })
      .returning({ id: citizenPromise.id });
    const id = row!.id;
    await tx
      .insert(citizenPromiseRevision)
      .values({ citizenPromiseId: id, number: 1, content: valid, authorId: actorId(actor) });
    await recordAuditEvent(tx, actor, {
      entityType: "citizenPromise",
      entityId: id,
      partnershipId,
      action: "create",
      after: { title: valid.title, revision: 1, agreementId, predecessorId },
    });
    return { id };
  });
}
