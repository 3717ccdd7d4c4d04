import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import {
  appUser,
  council,
  county,
  membership,
  municipality,
  partnership,
  partnershipMunicipality,
  policeArea,
  policeRegion,
} from "~/db/schema";
import type { Actor, PartnershipRole } from "~/domain/access/actor";
import { readablePartnerships, requirePartnershipPermission } from "~/domain/access/permissions";
import { AppError, notFound } from "~/errors/app-error";
import type { CouncilType } from "./partnership.schemas";

export interface MunicipalityView {
  code: string;
  name: string;
  countyCode: string;
  countyName: string;
}

export interface PoliceAreaView {
  id: string;
  name: string;
  policeDistrict: string | null;
  policeRegion: string;
}

export interface CouncilView {
  id: string;
  name: string;
  type: CouncilType;
  members: { name: string; role: string }[];
}

export interface PartnershipSummary {
  id: string;
  name: string;
  policeArea: { id: string; name: string };
  municipalities: { code: string; name: string }[];
  createdAt: Date;
}

export interface PartnershipView extends PartnershipSummary {
  otherActors: string[];
  councils: CouncilView[];
  /** The people with an account in this partnership, and their role in it. */
  people: { userId: string; name: string; email: string; role: PartnershipRole }[];
  updatedAt: Date;
}

/** All 290 municipalities with their county, ordered by county and name. */
export async function findMunicipalities(db: DbOrTx): Promise<MunicipalityView[]> {
  return db
    .select({
      code: municipality.code,
      name: municipality.name,
      countyCode: county.code,
      countyName: county.name,
    })
    .from(municipality)
    .innerJoin(county, eq(county.code, municipality.countyCode))
    .orderBy(asc(county.code), asc(municipality.name));
}

/** The known local police areas with their region, ordered by region and name. */
export async function findPoliceAreas(db: DbOrTx): Promise<PoliceAreaView[]> {
  return db
    .select({
      id: policeArea.id,
      name: policeArea.name,
      policeDistrict: policeArea.policeDistrict,
      policeRegion: policeRegion.name,
    })
    .from(policeArea)
    .innerJoin(policeRegion, eq(policeRegion.id, policeArea.policeRegionId))
    .orderBy(asc(policeRegion.name), asc(policeArea.name));
}

/**
 * Checks that the police area and every municipality exist.
 * Throws VALIDATION naming the field when one does not.
 */
export async function requireReferences(
  db: DbOrTx,
  input: { policeAreaId: string; municipalities: string[] },
): Promise<void> {
  const fields: Record<string, string[]> = {};
  const [area] = await db
    .select({ id: policeArea.id })
    .from(policeArea)
    .where(eq(policeArea.id, input.policeAreaId));
  if (!area) fields.policeAreaId = ["Lokalpolisområdet finns inte. Välj ett i listan."];
  const found = await db
    .select({ code: municipality.code })
    .from(municipality)
    .where(inArray(municipality.code, input.municipalities));
  const known = new Set(found.map((m) => m.code));
  const unknown = input.municipalities.filter((code) => !known.has(code));
  if (unknown.length) fields.municipalities = [`Kommunkoden ${unknown.join(", ")} finns inte.`];
  if (Object.keys(fields).length) throw new AppError("VALIDATION", "Uppgifterna innehåller fel.", fields);
}

/** Municipalities per partnership, for a set of partnerships at once. */
async function municipalitiesOf(db: DbOrTx, ids: string[]) {
  const rows = ids.length
    ? await db
        .select({
          partnershipId: partnershipMunicipality.partnershipId,
          code: municipality.code,
          name: municipality.name,
        })
        .from(partnershipMunicipality)
        .innerJoin(municipality, eq(municipality.code, partnershipMunicipality.municipalityCode))
        .where(inArray(partnershipMunicipality.partnershipId, ids))
        .orderBy(asc(municipality.name))
    : [];
  const byPartnership = new Map<string, { code: string; name: string }[]>();
  for (const { partnershipId, code, name } of rows) {
    const list = byPartnership.get(partnershipId) ?? [];
    list.push({ code, name });
    byPartnership.set(partnershipId, list);
  }
  return byPartnership;
}

const summaryColumns = {
  id: partnership.id,
  name: partnership.name,
  policeAreaId: policeArea.id,
  policeAreaName: policeArea.name,
  otherActors: partnership.otherActors,
  createdAt: partnership.createdAt,
  updatedAt: partnership.updatedAt,
};

/** The partnerships the actor may read, by name. Throws UNAUTHENTICATED for anonymous visitors. */
export async function findPartnerships(ctx: { db: DbOrTx; actor: Actor }): Promise<PartnershipSummary[]> {
  if (ctx.actor.kind === "anonymous") throw new AppError("UNAUTHENTICATED", "Du behöver logga in.");
  const scope = readablePartnerships(ctx.actor);
  if (scope !== "all" && scope.length === 0) return [];
  const rows = await ctx.db
    .select(summaryColumns)
    .from(partnership)
    .innerJoin(policeArea, eq(policeArea.id, partnership.policeAreaId))
    .where(scope === "all" ? undefined : inArray(partnership.id, scope))
    .orderBy(asc(sql`lower(${partnership.name})`), asc(partnership.id));
  const municipalities = await municipalitiesOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    policeArea: { id: r.policeAreaId, name: r.policeAreaName },
    municipalities: municipalities.get(r.id) ?? [],
    createdAt: r.createdAt,
  }));
}

/**
 * One partnership with its municipalities, councils and people.
 * Throws UNAUTHENTICATED, NOT_FOUND when it does not exist or the actor may not read it.
 */
export async function getPartnership(
  ctx: { db: DbOrTx; actor: Actor },
  id: string,
): Promise<PartnershipView> {
  requirePartnershipPermission(ctx.actor, "partnership.read", id);
  const [row] = await ctx.db
    .select(summaryColumns)
    .from(partnership)
    .innerJoin(policeArea, eq(policeArea.id, partnership.policeAreaId))
    .where(eq(partnership.id, id));
  if (!row) throw notFound("Samverkan");
  const [municipalities, councils, people] = await Promise.all([
    municipalitiesOf(ctx.db, [id]),
    findCouncils(ctx.db, id),
    ctx.db
      .select({ userId: appUser.id, name: appUser.name, email: appUser.email, role: membership.role })
      .from(membership)
      .innerJoin(appUser, eq(appUser.id, membership.userId))
      .where(eq(membership.partnershipId, id))
      .orderBy(asc(appUser.name)),
  ]);
  return {
    id: row.id,
    name: row.name,
    policeArea: { id: row.policeAreaId, name: row.policeAreaName },
    municipalities: municipalities.get(id) ?? [],
    otherActors: row.otherActors,
    councils,
    people: people.map((p) => ({ ...p, role: p.role as PartnershipRole })),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

async function findCouncils(db: DbOrTx, partnershipId: string): Promise<CouncilView[]> {
  const rows = await db
    .select({ id: council.id, name: council.name, type: council.type, members: council.members })
    .from(council)
    .where(eq(council.partnershipId, partnershipId))
    .orderBy(asc(council.createdAt), asc(council.id));
  return rows.map((r) => ({ ...r, type: r.type as CouncilType }));
}

/** One council of a partnership, or null (for the use cases that change it). */
export async function findCouncil(db: DbOrTx, partnershipId: string, councilId: string) {
  const [row] = await db
    .select()
    .from(council)
    .where(and(eq(council.id, councilId), eq(council.partnershipId, partnershipId)));
  return row ?? null;
}
