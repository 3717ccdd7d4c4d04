import { asc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { municipality, policeArea, policeAreaMunicipality, policeRegion } from "~/db/schema";
import type { Actor } from "~/domain/access/actor";
import { AppError, notFound } from "~/errors/app-error";
import type { Coverage, LinkStatus } from "./police-area.schemas";

/** A municipality as an LPO serves it. */
export interface ServedMunicipalityView {
  code: string;
  name: string;
  coverage: Coverage;
  status: LinkStatus;
  source: string | null;
}

export interface PoliceAreaView {
  id: string;
  name: string;
  policeDistrict: string | null;
  policeRegion: { id: string; name: string };
  municipalities: ServedMunicipalityView[];
  updatedAt: Date;
}

export interface NamedOption {
  id: string;
  name: string;
}

const bySwedishName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, "sv");

function requireSignedIn(actor: Actor): void {
  if (actor.kind === "anonymous") throw new AppError("UNAUTHENTICATED", "Du behöver logga in.");
}

/**
 * The police areas with the municipalities they serve, by region and name; everyone signed in may
 * read them. Throws UNAUTHENTICATED.
 */
export async function findPoliceAreas(
  ctx: { db: DbOrTx; actor: Actor },
  filter: { policeRegionId?: string | undefined } = {},
): Promise<PoliceAreaView[]> {
  requireSignedIn(ctx.actor);
  return selectPoliceAreas(ctx.db, filter.policeRegionId ? { policeRegionId: filter.policeRegionId } : {});
}

/** One police area. Throws UNAUTHENTICATED, NOT_FOUND. */
export async function getPoliceArea(ctx: { db: DbOrTx; actor: Actor }, id: string): Promise<PoliceAreaView> {
  requireSignedIn(ctx.actor);
  const [area] = await selectPoliceAreas(ctx.db, { id });
  if (!area) throw notFound("Lokalpolisområdet");
  return area;
}

/** The seven police regions, by name (for choosing one). Throws UNAUTHENTICATED. */
export async function findPoliceRegions(ctx: { db: DbOrTx; actor: Actor }): Promise<NamedOption[]> {
  requireSignedIn(ctx.actor);
  const rows = await ctx.db.select({ id: policeRegion.id, name: policeRegion.name }).from(policeRegion);
  return rows.sort(bySwedishName);
}

/** All municipalities as code and name, by name (for choosing one). Throws UNAUTHENTICATED. */
export async function findMunicipalityOptions(ctx: {
  db: DbOrTx;
  actor: Actor;
}): Promise<{ code: string; name: string }[]> {
  requireSignedIn(ctx.actor);
  const rows = await ctx.db.select({ code: municipality.code, name: municipality.name }).from(municipality);
  return rows.sort(bySwedishName);
}

/** Police areas with their municipalities in two queries (not one per area); no access check. */
export async function selectPoliceAreas(
  db: DbOrTx,
  where: { id?: string; policeRegionId?: string },
): Promise<PoliceAreaView[]> {
  const condition = where.id
    ? eq(policeArea.id, where.id)
    : where.policeRegionId
      ? eq(policeArea.policeRegionId, where.policeRegionId)
      : undefined;
  const areas = await db
    .select({
      id: policeArea.id,
      name: policeArea.name,
      policeDistrict: policeArea.policeDistrict,
      regionId: policeRegion.id,
      regionName: policeRegion.name,
      updatedAt: policeArea.updatedAt,
    })
    .from(policeArea)
    .innerJoin(policeRegion, eq(policeRegion.id, policeArea.policeRegionId))
    .where(condition);
  if (areas.length === 0) return [];
  const links = await db
    .select({
      policeAreaId: policeAreaMunicipality.policeAreaId,
      code: municipality.code,
      name: municipality.name,
      coverage: policeAreaMunicipality.coverage,
      status: policeAreaMunicipality.status,
      source: policeAreaMunicipality.source,
    })
    .from(policeAreaMunicipality)
    .innerJoin(municipality, eq(municipality.code, policeAreaMunicipality.municipalityCode))
    .where(
      inArray(
        policeAreaMunicipality.policeAreaId,
        areas.map((a) => a.id),
      ),
    )
    .orderBy(asc(municipality.code));
  const served = new Map<string, ServedMunicipalityView[]>();
  for (const link of links) {
    const list = served.get(link.policeAreaId) ?? [];
    list.push({
      code: link.code,
      name: link.name,
      coverage: link.coverage === "part" ? "part" : "whole",
      status: link.status === "probable" ? "probable" : "verified",
      source: link.source,
    });
    served.set(link.policeAreaId, list);
  }
  return areas
    .map((a) => ({
      id: a.id,
      name: a.name,
      policeDistrict: a.policeDistrict,
      policeRegion: { id: a.regionId, name: a.regionName },
      municipalities: (served.get(a.id) ?? []).sort(bySwedishName),
      updatedAt: a.updatedAt,
    }))
    .sort((a, b) => a.policeRegion.name.localeCompare(b.policeRegion.name, "sv") || bySwedishName(a, b));
}
