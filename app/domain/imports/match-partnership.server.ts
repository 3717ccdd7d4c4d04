import { asc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { partnership, partnershipMunicipality, policeArea, policeAreaMunicipality } from "~/db/schema";
import type { ImportResult } from "~/import/import-v1";

/**
 * Which partnership an imported document belongs to: the one with exactly the document's
 * municipalities (by SCB code) and its local police area (by name). Read-only.
 */

export interface PartnershipRef {
  id: string;
  name: string;
}

export type PartnershipMatch =
  | { status: "matched"; partnership: PartnershipRef }
  /** No partnership has these municipalities and this LPO. */
  | { status: "missing" }
  /** Several have: the document does not say which. */
  | { status: "ambiguous"; partnerships: PartnershipRef[] }
  /** The document names no municipality, so there is nothing to match on. */
  | { status: "no-municipality" };

/**
 * "Lokalpolisområde Södra Ångermanland", "LPO Medelpad", "medelpad" → one comparable form:
 * lower case, without the words "lokalpolisområde"/"LPO" and with single spaces.
 */
export function normaliseLpoName(name: string): string {
  return name
    .toLocaleLowerCase("sv")
    .split(/[\s,.:;()-]+/)
    .filter((word) => word && !LPO_WORDS.has(word))
    .join(" ");
}
const LPO_WORDS = new Set(["lpo", "lokalpolisområde", "lokalpolisområdet", "lokalpolisområdes"]);

/**
 * Finds the partnership of an imported document. Without an LPO in the document, the
 * municipalities alone decide. Throws nothing: the caller says what to do about each status.
 */
export async function matchPartnership(db: DbOrTx, result: ImportResult): Promise<PartnershipMatch> {
  const codes = [...new Set(result.municipalities.map((m) => m.code))].sort();
  if (codes.length === 0) return { status: "no-municipality" };
  // Candidates: partnerships with at least one of the municipalities; equality is checked below.
  const rows = await db
    .select({
      id: partnership.id,
      name: partnership.name,
      policeAreaName: policeArea.name,
      codes: sql<
        string[]
      >`array_agg(${partnershipMunicipality.municipalityCode} order by ${partnershipMunicipality.municipalityCode})`,
    })
    .from(partnership)
    .innerJoin(policeArea, eq(policeArea.id, partnership.policeAreaId))
    .innerJoin(partnershipMunicipality, eq(partnershipMunicipality.partnershipId, partnership.id))
    .where(
      inArray(
        partnership.id,
        db
          .select({ id: partnershipMunicipality.partnershipId })
          .from(partnershipMunicipality)
          .where(inArray(partnershipMunicipality.municipalityCode, codes)),
      ),
    )
    .groupBy(partnership.id, partnership.name, policeArea.name)
    .orderBy(asc(partnership.name), asc(partnership.id));
  const lpo = result.policeArea.lpo ? normaliseLpoName(result.policeArea.lpo) : null;
  const matches = rows
    .filter((r) => r.codes.join(",") === codes.join(","))
    .filter((r) => lpo === null || normaliseLpoName(r.policeAreaName) === lpo)
    .map((r) => ({ id: r.id, name: r.name }));
  if (matches.length === 1) return { status: "matched", partnership: matches[0]! };
  if (matches.length === 0) return { status: "missing" };
  return { status: "ambiguous", partnerships: matches };
}

/** The document's local police area as Tryggsam knows it, and how it was found. */
export type PoliceAreaResolution =
  | { status: "named"; policeArea: PartnershipRef }
  /** The document's LPO is unknown (or not given): the one serving its municipalities instead. */
  | { status: "from-municipalities"; policeArea: PartnershipRef; documentLpo: string | null }
  | { status: "unknown"; documentLpo: string | null };

/**
 * The police area named in the document (compared as normaliseLpoName does); failing that, the
 * one police area that the reference data says serves all the document's municipalities.
 */
export async function resolvePoliceArea(db: DbOrTx, result: ImportResult): Promise<PoliceAreaResolution> {
  const documentLpo = result.policeArea.lpo?.trim() || null;
  if (documentLpo) {
    const wanted = normaliseLpoName(documentLpo);
    const areas = await db
      .select({ id: policeArea.id, name: policeArea.name })
      .from(policeArea)
      .orderBy(asc(policeArea.name));
    const named = areas.find((a) => normaliseLpoName(a.name) === wanted);
    if (named) return { status: "named", policeArea: named };
  }
  const codes = [...new Set(result.municipalities.map((m) => m.code))];
  if (codes.length > 0) {
    const serving = await db
      .select({
        id: policeArea.id,
        name: policeArea.name,
        served: sql<number>`count(distinct ${policeAreaMunicipality.municipalityCode})::int`,
      })
      .from(policeAreaMunicipality)
      .innerJoin(policeArea, eq(policeArea.id, policeAreaMunicipality.policeAreaId))
      .where(inArray(policeAreaMunicipality.municipalityCode, codes))
      .groupBy(policeArea.id, policeArea.name);
    const servesAll = serving.filter((a) => a.served === codes.length);
    if (servesAll.length === 1) {
      const area = servesAll[0]!;
      return { status: "from-municipalities", policeArea: { id: area.id, name: area.name }, documentLpo };
    }
  }
  return { status: "unknown", documentLpo };
}
