import { eq } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { council, partnership } from "~/db/schema";
import type { Actor } from "~/domain/access/actor";
import { requirePartnershipPermission } from "~/domain/access/permissions";
import { recordAuditEvent } from "~/domain/audit/record-audit-event.server";
import { notFound } from "~/errors/app-error";
import type { CouncilInput } from "./partnership.schemas";
import { raisePublicationVersion } from "~/db/publication-version.server";

/**
 * Adds a council (trygghetsråd, lokalt BRÅ, …) to a partnership.
 * Throws UNAUTHENTICATED, NOT_FOUND (unknown or not readable partnership), FORBIDDEN.
 */
export async function addCouncil(
  ctx: { db: DbOrTx; actor: Actor },
  partnershipId: string,
  input: CouncilInput,
): Promise<{ id: string }> {
  const { actor } = ctx;
  requirePartnershipPermission(actor, "council.manage", partnershipId);
  return ctx.db.transaction(async (tx) => {
    const [owner] = await tx
      .select({ id: partnership.id })
      .from(partnership)
      .where(eq(partnership.id, partnershipId));
    if (!owner) throw notFound("Samverkan");
    const [row] = await tx
      .insert(council)
      .values({ partnershipId, name: input.name, type: input.type, members: input.members })
      .returning({ id: council.id });
    // Residents see it: cached public pages are dropped at commit.
    await raisePublicationVersion(tx);
    await recordAuditEvent(tx, actor, {
      entityType: "council",
      entityId: row!.id,
      partnershipId,
      action: "create",
      after: { name: input.name, type: input.type, members: input.members },
    });
    return { id: row!.id };
  });
}
