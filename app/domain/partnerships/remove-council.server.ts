import { eq } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { council } from "~/db/schema";
import type { Actor } from "~/domain/access/actor";
import { requirePartnershipPermission } from "~/domain/access/permissions";
import { recordAuditEvent } from "~/domain/audit/record-audit-event.server";
import { notFound } from "~/errors/app-error";
import { findCouncil } from "./partnership.queries.server";
import { raisePublicationVersion } from "~/db/publication-version.server";

/**
 * Removes a council from a partnership.
 * Throws UNAUTHENTICATED, NOT_FOUND (unknown council or partnership not readable), FORBIDDEN.
 */
export async function removeCouncil(
  ctx: { db: DbOrTx; actor: Actor },
  partnershipId: string,
  councilId: string,
): Promise<void> {
  const { actor } = ctx;
  requirePartnershipPermission(actor, "council.manage", partnershipId);
  await ctx.db.transaction(async (tx) => {
    const before = await findCouncil(tx, partnershipId, councilId);
    if (!before) throw notFound("Rådet");
    await tx.delete(council).where(eq(council.id, councilId));
    // Residents see it: cached public pages are dropped at commit.
    await raisePublicationVersion(tx);
    await recordAuditEvent(tx, actor, {
      entityType: "council",
      entityId: councilId,
      partnershipId,
      action: "remove",
      before: { name: before.name, type: before.type, members: before.members },
    });
  });
}
