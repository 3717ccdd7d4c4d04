import { eq } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { policeArea, policeAreaMunicipality, policeRegion } from "~/db/schema";
import type { Actor } from "~/domain/access/actor";
import { requirePermission } from "~/domain/access/permissions";
import { diffFields, recordAuditEvent } from "~/domain/audit/record-audit-event.server";
import { lockPoliceArea, putServedMunicipality } from "./add-municipality-to-police-area.server";
import {
  auditedArea,
  requireFreeName,
  requirePoliceRegionName,
  withNameConflict,
} from "./add-police-area.server";
import { selectPoliceAreas, type PoliceAreaView } from "./police-area.queries.server";
import type { PoliceAreaInput, ServedMunicipalityInput } from "./police-area.schemas";
import { deleteServedMunicipality } from "./remove-municipality-from-police-area.server";
import { raisePublicationVersion } from "~/db/publication-version.server";

/**
 * Corrects a police area's name, police district and region. With `municipalities`, the list
 * replaces the municipalities it serves (added, corrected and removed, each audited); without,
 * they stay. Throws UNAUTHENTICATED, FORBIDDEN (not an administrator), NOT_FOUND, CONFLICT (the
 * name is taken), VALIDATION (unknown region or municipality code).
 */
export async function correctPoliceArea(
  ctx: { db: DbOrTx; actor: Actor },
  id: string,
  input: PoliceAreaInput & { municipalities?: ServedMunicipalityInput[] },
): Promise<PoliceAreaView> {
  const { actor } = ctx;
  requirePermission(actor, "policeArea.manage");
  return ctx.db.transaction(async (tx) => {
    const current = await lockPoliceArea(tx, id);
    const [currentRegion] = await tx
      .select({ name: policeRegion.name })
      .from(policeRegion)
      .where(eq(policeRegion.id, current.policeRegionId));
    const regionName = await requirePoliceRegionName(tx, input.policeRegionId);
    await requireFreeName(tx, input.name, id);
    const before = auditedArea(current, currentRegion!.name);
    const after = auditedArea(input, regionName);
    if (Object.keys(diffFields(before, after)).length > 0) {
      await withNameConflict(() =>
        tx
          .update(policeArea)
          .set({
            name: input.name,
            policeDistrict: input.policeDistrict,
            policeRegionId: input.policeRegionId,
            updatedAt: new Date(),
          })
          .where(eq(policeArea.id, id)),
      );
      await recordAuditEvent(tx, actor, {
        entityType: "policeArea",
        entityId: id,
        action: "update",
        before,
        after,
      });
    }
    if (input.municipalities) {
      const wanted = new Set(input.municipalities.map((m) => m.municipalityCode));
      const served = await tx
        .select({ code: policeAreaMunicipality.municipalityCode })
        .from(policeAreaMunicipality)
        .where(eq(policeAreaMunicipality.policeAreaId, id));
      for (const { code } of served) {
        if (!wanted.has(code)) await deleteServedMunicipality(tx, actor, id, code);
      }
      for (const [index, link] of input.municipalities.entries()) {
        await putServedMunicipality(tx, actor, id, link, `municipalities[${index}].municipalityCode`);
      }
    }
    // What the public pages show may change: cached ones are dropped at commit.
    await raisePublicationVersion(tx);
    const [view] = await selectPoliceAreas(tx, { id });
    return view!;
  });
}
