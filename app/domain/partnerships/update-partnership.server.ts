import { and, eq, notInArray } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { partnership, partnershipMunicipality } from "~/db/schema";
import type { Actor } from "~/domain/access/actor";
import { requirePartnershipPermission } from "~/domain/access/permissions";
import { recordAuditEvent } from "~/domain/audit/record-audit-event.server";
import { notFound } from "~/errors/app-error";
import { requireReferences } from "./partnership.queries.server";
import type { PartnershipInput } from "./partnership.schemas";
import { raisePublicationVersion } from "~/db/publication-version.server";

/**
 * Changes a partnership's name, police area, municipalities and other actors.
 * Throws UNAUTHENTICATED, NOT_FOUND (unknown or not readable), FORBIDDEN (may read, not change),
 * VALIDATION (unknown police area or municipality).
 */
export async function updatePartnership(
  ctx: { db: DbOrTx; actor: Actor },
  id: string,
  input: PartnershipInput,
): Promise<void> {
  const { actor } = ctx;
  requirePartnershipPermission(actor, "partnership.update", id);
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(partnership).where(eq(partnership.id, id)).for("update");
    if (!before) throw notFound("Samverkan");
    await requireReferences(tx, input);
    const codesBefore = (
      await tx
        .select({ code: partnershipMunicipality.municipalityCode })
        .from(partnershipMunicipality)
        .where(eq(partnershipMunicipality.partnershipId, id))
    ).map((r) => r.code);
    await tx
      .update(partnership)
      .set({
        name: input.name,
        policeAreaId: input.policeAreaId,
        otherActors: input.otherActors,
        updatedAt: new Date(),
      })
      .where(eq(partnership.id, id));
    await tx
      .delete(partnershipMunicipality)
      .where(
        and(
          eq(partnershipMunicipality.partnershipId, id),
          notInArray(partnershipMunicipality.municipalityCode, input.municipalities),
        ),
      );
    const added = input.municipalities.filter((code) => !codesBefore.includes(code));
    if (added.length) {
      await tx
        .insert(partnershipMunicipality)
        .values(added.map((municipalityCode) => ({ partnershipId: id, municipalityCode })))
        .onConflictDoNothing();
    }
    // Residents see it: cached public pages are dropped at commit.
    await raisePublicationVersion(tx);
    await recordAuditEvent(tx, actor, {
      entityType: "partnership",
      entityId: id,
      partnershipId: id,
      action: "update",
      before: {
        name: before.name,
        policeAreaId: before.policeAreaId,
        municipalities: [...codesBefore].sort(),
        otherActors: before.otherActors,
      },
      after: {
        name: input.name,
        policeAreaId: input.policeAreaId,
        municipalities: [...input.municipalities].sort(),
        otherActors: input.otherActors,
      },
    });
  });
}
