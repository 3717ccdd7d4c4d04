import type { DbOrTx } from "~/db/client.server";
import { council, partnership, partnershipMunicipality } from "~/db/schema";
import type { Actor } from "~/domain/access/actor";
import { requirePermission } from "~/domain/access/permissions";
import { recordAuditEvent } from "~/domain/audit/record-audit-event.server";
import { requireReferences } from "./partnership.queries.server";
import type { NewPartnershipInput } from "./partnership.schemas";
import { raisePublicationVersion } from "~/db/publication-version.server";

/**
 * Sets up a partnership between a local police area and one or more municipalities, with its
 * first council if given. Throws UNAUTHENTICATED, FORBIDDEN (not an administrator), VALIDATION
 * (unknown police area or municipality).
 */
export async function createPartnership(
  ctx: { db: DbOrTx; actor: Actor },
  input: NewPartnershipInput,
): Promise<{ id: string }> {
  const { actor } = ctx;
  requirePermission(actor, "partnership.create");
  return ctx.db.transaction(async (tx) => {
    await requireReferences(tx, input);
    const [row] = await tx
      .insert(partnership)
      .values({ name: input.name, policeAreaId: input.policeAreaId, otherActors: input.otherActors })
      .returning({ id: partnership.id });
    const id = row!.id;
    await tx
      .insert(partnershipMunicipality)
      .values(input.municipalities.map((municipalityCode) => ({ partnershipId: id, municipalityCode })));
    // Residents see it: cached public pages are dropped at commit.
    await raisePublicationVersion(tx);
    await recordAuditEvent(tx, actor, {
      entityType: "partnership",
      entityId: id,
      partnershipId: id,
      action: "create",
      after: {
        name: input.name,
        policeAreaId: input.policeAreaId,
        municipalities: [...input.municipalities].sort(),
        otherActors: input.otherActors,
      },
    });
    if (input.council) {
      const [created] = await tx
        .insert(council)
        .values({ partnershipId: id, ...input.council })
        .returning({ id: council.id });
      await recordAuditEvent(tx, actor, {
        entityType: "council",
        entityId: created!.id,
        partnershipId: id,
        action: "create",
        after: input.council,
      });
    }
    return { id };
  });
}
