import { and, eq, ne, sql } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { policeArea, policeRegion } from "~/db/schema";
import type { Actor } from "~/domain/access/actor";
import { requirePermission } from "~/domain/access/permissions";
import { recordAuditEvent } from "~/domain/audit/record-audit-event.server";
import { AppError } from "~/errors/app-error";
import { putServedMunicipality } from "./add-municipality-to-police-area.server";
import { selectPoliceAreas, type PoliceAreaView } from "./police-area.queries.server";
import type { PoliceAreaInput, ServedMunicipalityInput } from "./police-area.schemas";
import { raisePublicationVersion } from "~/db/publication-version.server";

const nameTaken = "Det finns redan ett lokalpolisområde med det namnet.";

/** Throws CONFLICT (by the name field) when another police area has the name in any case. */
export async function requireFreeName(tx: DbOrTx, name: string, exceptId?: string): Promise<void> {
  const sameName = sql`lower(${policeArea.name}) = lower(${name})`;
  const [taken] = await tx
    .select({ id: policeArea.id })
    .from(policeArea)
    .where(exceptId ? and(sameName, ne(policeArea.id, exceptId)) : sameName);
  if (taken) throw new AppError("CONFLICT", nameTaken, { name: [nameTaken] });
}

/** The region's name; throws VALIDATION (by the region field) for an unknown region. */
export async function requirePoliceRegionName(tx: DbOrTx, id: string): Promise<string> {
  const [region] = await tx
    .select({ name: policeRegion.name })
    .from(policeRegion)
    .where(eq(policeRegion.id, id));
  if (!region) {
    throw new AppError("VALIDATION", "Uppgifterna innehåller fel.", {
      policeRegionId: ["Polisregionen finns inte. Välj en i listan."],
    });
  }
  return region.name;
}

/** A concurrent write with the same name got past requireFreeName: answer as it would have. */
export async function withNameConflict<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const code = (error as { code?: unknown; cause?: { code?: unknown } }).cause?.code;
    if (code === "23505" || (error as { code?: unknown }).code === "23505") {
      throw new AppError("CONFLICT", nameTaken, { name: [nameTaken] });
    }
    throw error;
  }
}

/** What the audit log keeps of a police area's own fields. */
export const auditedArea = (area: { name: string; policeDistrict: string | null }, regionName: string) => ({
  name: area.name,
  policeDistrict: area.policeDistrict,
  policeRegion: regionName,
});

/**
 * Adds a police area (lokalpolisområde), optionally with the municipalities it serves, all in one
 * transaction with its audit events. Throws UNAUTHENTICATED, FORBIDDEN (not an administrator),
 * CONFLICT (the name is taken, in any case), VALIDATION (unknown region or municipality code).
 */
export async function addPoliceArea(
  ctx: { db: DbOrTx; actor: Actor },
  input: PoliceAreaInput & { municipalities?: ServedMunicipalityInput[] },
): Promise<PoliceAreaView> {
  const { actor } = ctx;
  requirePermission(actor, "policeArea.manage");
  return ctx.db.transaction(async (tx) => {
    const regionName = await requirePoliceRegionName(tx, input.policeRegionId);
    await requireFreeName(tx, input.name);
    const [row] = await withNameConflict(() =>
      tx
        .insert(policeArea)
        .values({
          name: input.name,
          policeDistrict: input.policeDistrict,
          policeRegionId: input.policeRegionId,
        })
        .returning(),
    );
    // Residents see it: cached public pages are dropped at commit.
    await raisePublicationVersion(tx);
    await recordAuditEvent(tx, actor, {
      entityType: "policeArea",
      entityId: row!.id,
      action: "create",
      after: auditedArea(row!, regionName),
    });
    for (const [index, link] of (input.municipalities ?? []).entries()) {
      await putServedMunicipality(tx, actor, row!.id, link, `municipalities[${index}].municipalityCode`);
    }
    const [view] = await selectPoliceAreas(tx, { id: row!.id });
    return view!;
  });
}
