import { asc, inArray } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { municipality } from "~/db/schema";
import type { Actor } from "~/domain/access/actor";
import { requirePermission } from "~/domain/access/permissions";
import { createPartnership } from "~/domain/partnerships/create-partnership.server";
import { AppError } from "~/errors/app-error";
import type { ImportResult } from "~/import/import-v1";
import { resolvePoliceArea, type PartnershipRef } from "./match-partnership.server";

export interface PartnershipForImport extends PartnershipRef {
  policeArea: PartnershipRef;
  /** Set when the partnership's LPO is not the one the document names, saying why (Swedish). */
  note: string | null;
}

/**
 * Sets up the partnership an imported document belongs to (when matchPartnership found none):
 * named "Ånge kommun och LPO Medelpad", with the document's municipalities and its local police
 * area, or, when Tryggsam does not know that one, the police area serving the municipalities.
 * No council, as createPartnership without one. Throws UNAUTHENTICATED, FORBIDDEN (not an
 * administrator), VALIDATION (no municipality, unknown municipality, no police area to be found).
 */
export async function createPartnershipForImport(
  ctx: { db: DbOrTx; actor: Actor },
  result: ImportResult,
): Promise<PartnershipForImport> {
  requirePermission(ctx.actor, "partnership.create");
  const codes = [...new Set(result.municipalities.map((m) => m.code))];
  if (codes.length === 0) {
    throw new AppError("VALIDATION", "Dokumentet nämner ingen kommun, så ingen samverkan kan läggas upp.", {
      municipalities: ["Dokumentet nämner ingen kommun som Tryggsam känner igen."],
    });
  }
  const resolved = await resolvePoliceArea(ctx.db, result);
  if (resolved.status === "unknown") {
    const named = resolved.documentLpo
      ? `Lokalpolisområdet ${resolved.documentLpo}`
      : "Dokumentets lokalpolisområde";
    throw new AppError(
      "VALIDATION",
      `${named} finns inte i Tryggsam, och inget lokalpolisområde är känt för kommunen.`,
      {
        "policeArea.lpo": [
          `${named} finns inte i Tryggsam, och inget lokalpolisområde är känt för ${names(result)}. ` +
            "En administratör kan lägga upp det under Lokalpolisområden.",
        ],
      },
    );
  }
  const known = await ctx.db
    .select({ code: municipality.code, name: municipality.name })
    .from(municipality)
    .where(inArray(municipality.code, codes))
    .orderBy(asc(municipality.name));
  const municipalityNames = known.length === codes.length ? known.map((m) => m.name) : null;
  const area = resolved.policeArea;
  const name = `${municipalityPhrase(municipalityNames ?? result.municipalities.map((m) => m.name))} och ${lpoPhrase(area.name)}`;
  const { id } = await createPartnership(ctx, {
    name,
    policeAreaId: area.id,
    municipalities: codes,
    otherActors: [],
  });
  const note =
    resolved.status === "from-municipalities"
      ? `${resolved.documentLpo ? `Lokalpolisområdet ${resolved.documentLpo} finns inte i Tryggsam` : "Dokumentet anger inget lokalpolisområde"}; ` +
        `samverkan kopplades till ${lpoPhrase(area.name)}, som enligt referensdata arbetar i ${names(result)}.`
      : null;
  return { id, name, policeArea: area, note };
}

/** "Ånge kommun"; "Ånge och Bräcke kommuner"; "Ånge, Bräcke och Ragunda kommuner". */
function municipalityPhrase(list: string[]): string {
  if (list.length === 1) return `${list[0]} kommun`;
  return `${list.slice(0, -1).join(", ")} och ${list.at(-1)} kommuner`;
}

/** "LPO Medelpad", unless the police area's name already says so. */
function lpoPhrase(areaName: string): string {
  return /(^|\s)(lpo|lokalpolisområde)/i.test(areaName) ? areaName : `LPO ${areaName}`;
}

function names(result: ImportResult): string {
  return result.municipalities.map((m) => m.name).join(", ");
}
