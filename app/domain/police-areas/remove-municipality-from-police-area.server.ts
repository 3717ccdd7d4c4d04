import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { municipality, policeAreaMunicipality } from "~/db/schema";
import type { Actor } from "~/domain/access/actor";
import { requirePermission } from "~/domain/access/permissions";
import { recordAuditEvent } from "~/domain/audit/record-audit-event.server";
import { notFound } from "~/errors/app-error";
import { auditedLink, lockPoliceArea, municipalityKey } from "./add-municipality-to-police-area.server";
import { raisePublicationVersion } from "~/db/publication-version.server";

/**
 * Inside the caller's transaction: the police area no longer serves the municipality, with its
 * audit event. Returns false when it did not serve it.
 */
export async function deleteServedMunicipality(
  tx: DbOrTx,
  actor: Actor,
  policeAreaId: string,
  municipalityCode: string,
): Promise<boolean> {
  const [removed] = await tx
    .delete(policeAreaMunicipality)
    .where(
      and(
        eq(policeAreaMunicipality.policeAreaId, policeAreaId),
        eq(policeAreaMunicipality.municipalityCode, municipalityCode),
      ),
    )
    .returning();
  if (!removed) return false;
  const [known] = await tx
    .select({ name: municipality.name })
    .from(municipality)
    .where(eq(municipality.code, municipalityCode));
  await recordAuditEvent(tx, actor, {
    entityType: "policeArea",
    entityId: policeAreaId,
    action: "remove-municipality",
    before: { [municipalityKey(municipalityCode)]: auditedLink(known?.name ?? municipalityCode, removed) },
  });
  return true;
}

/**
 * The police area no longer serves the municipality. Throws UNAUTHENTICATED, FORBIDDEN (not an
 * administrator), NOT_FOUND (no such police area, or it does not serve the municipality).
 */
export async function removeMunicipalityFromPoliceArea(
  ctx: { db: DbOrTx; actor: Actor },
  policeAreaId: string,
  municipalityCode: string,
): Promise<void> {
  const { actor } = ctx;
  requirePermission(actor, "policeArea.manage");
  await ctx.db.transaction(async (tx) => {
    await lockPoliceArea(tx, policeAreaId);
    if (!(await deleteServedMunicipality(tx, actor, policeAreaId, municipalityCode))) {
      throw notFound("Kommunen i lokalpolisområdet");
    }
    // What the public pages show may change: cached ones are dropped at commit.
    await raisePublicationVersion(tx);
  });
}
