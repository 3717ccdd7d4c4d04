import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { council, municipality, partnership, partnershipMunicipality, policeArea } from "~/db/schema";
import type { DateStatus } from "~/domain/agreements/document-parts.schemas";
import type { CommitmentOwner, CommitmentStatus } from "~/domain/citizen-promises/citizen-promise.schemas";
import { THEMES, type Theme } from "~/domain/themes/themes";
import {
  publishedAgreements,
  publishedCitizenPromises,
  type PublicCitizenPromise,
} from "./public-municipality.queries.server";

/**
 * The open data of the whole country (/api/v1/public/…): every published agreement, citizen
 * promise and commitment, one flat row each, with the partnership and the municipalities (slugs)
 * it covers. Published material only, as the public pages; statuses on `today`.
 */

interface Covering {
  partnershipId: string;
  partnership: string;
  /** The slugs of the municipalities the partnership covers, in name order. */
  municipalities: string[];
}

export interface OpenPartnershipRow {
  id: string;
  name: string;
  /** The local police area (LPO). */
  policeArea: string;
  /** The slugs of the municipalities it covers, in name order. */
  municipalities: string[];
  /** Its councils' names (trygghetsråd, styrgrupp…), in name order. */
  councils: string[];
}

export interface OpenAgreementRow extends Covering {
  id: string;
  title: string;
  caseNumber: string;
  status: DateStatus;
  periodFrom: string | null;
  periodTo: string | null;
  continuesUntilReplaced: boolean;
  signedOn: string | null;
  publishedAt: Date;
  terminatedOn: string | null;
  focusAreas: string[];
  themes: Theme[];
}

export interface OpenCitizenPromiseRow extends Covering {
  id: string;
  agreementId: string | null;
  title: string;
  status: DateStatus;
  periodFrom: string | null;
  periodTo: string | null;
  continuesUntilReplaced: boolean;
  signedOn: string | null;
  publishedAt: Date;
  terminatedOn: string | null;
  commitments: number;
  themes: Theme[];
}

export interface OpenCommitmentRow extends Covering {
  citizenPromiseId: string;
  citizenPromiseTitle: string;
  citizenPromiseStatus: DateStatus;
  key: string;
  owner: CommitmentOwner;
  ownerName: string;
  text: string;
  themes: Theme[];
  /** The latest progress note's status, null before any. */
  status: CommitmentStatus | null;
  statusOn: string | null;
  note: string;
}

/** Each partnership's name and the slugs of the municipalities it covers. */
async function coverings(db: DbOrTx): Promise<Map<string, Omit<Covering, "partnershipId">>> {
  const rows = await db
    .select({ id: partnership.id, name: partnership.name, slug: municipality.slug })
    .from(partnership)
    .leftJoin(partnershipMunicipality, eq(partnershipMunicipality.partnershipId, partnership.id))
    .leftJoin(municipality, eq(municipality.code, partnershipMunicipality.municipalityCode))
    .orderBy(asc(partnership.id), asc(municipality.name));
  const byId = new Map<string, Omit<Covering, "partnershipId">>();
  for (const row of rows) {
    const entry = byId.get(row.id) ?? { partnership: row.name, municipalities: [] };
    if (row.slug) entry.municipalities.push(row.slug);
    byId.set(row.id, entry);
  }
  return byId;
}

function covering(byId: Map<string, Omit<Covering, "partnershipId">>, partnershipId: string): Covering {
  const found = byId.get(partnershipId);
  return {
    partnershipId,
    partnership: found?.partnership ?? "",
    municipalities: found?.municipalities ?? [],
  };
}

/** Newest publication first, then by id, so the order is stable. */
const byPublication = (a: { publishedAt: Date; id: string }, b: { publishedAt: Date; id: string }) =>
  b.publishedAt.getTime() - a.publishedAt.getTime() || a.id.localeCompare(b.id);

const inListOrder = (themes: Iterable<Theme>): Theme[] => {
  const set = new Set(themes);
  return THEMES.filter((t) => set.has(t));
};

/**
 * Every partnership with its police area, municipalities and councils, in name order (as the
 * municipality pages show them, whether or not it has published anything).
 */
export async function findOpenPartnerships(db: DbOrTx): Promise<OpenPartnershipRow[]> {
  const [byId, rows, councils] = await Promise.all([
    coverings(db),
    db
      .select({ id: partnership.id, name: partnership.name, policeArea: policeArea.name })
      .from(partnership)
      .innerJoin(policeArea, eq(policeArea.id, partnership.policeAreaId))
      .orderBy(asc(partnership.name), asc(partnership.id)),
    db
      .select({ partnershipId: council.partnershipId, name: council.name })
      .from(council)
      .orderBy(asc(council.name)),
  ]);
  return rows.map((row) => ({
    ...row,
    municipalities: byId.get(row.id)?.municipalities ?? [],
    councils: councils.filter((c) => c.partnershipId === row.id).map((c) => c.name),
  }));
}

export async function findOpenAgreements(db: DbOrTx, today: string): Promise<OpenAgreementRow[]> {
  const [byId, agreements] = await Promise.all([coverings(db), publishedAgreements(db, null, today)]);
  return agreements.sort(byPublication).map((a) => ({
    id: a.id,
    ...covering(byId, a.partnershipId),
    title: a.title,
    caseNumber: a.caseNumber,
    status: a.status,
    periodFrom: a.period.from,
    periodTo: a.period.to,
    continuesUntilReplaced: a.period.continuesUntilReplaced,
    signedOn: a.signedOn,
    publishedAt: a.publishedAt,
    terminatedOn: a.terminatedOn,
    focusAreas: a.focusAreas.map((f) => f.title),
    themes: inListOrder(a.focusAreas.flatMap((f) => f.themes)),
  }));
}

export async function findOpenCitizenPromises(db: DbOrTx, today: string): Promise<OpenCitizenPromiseRow[]> {
  const [byId, promises] = await Promise.all([coverings(db), publishedCitizenPromises(db, null, today)]);
  return promises.sort(byPublication).map((p) => ({
    id: p.id,
    ...covering(byId, p.partnershipId),
    agreementId: p.agreementId,
    title: p.title,
    status: p.status,
    periodFrom: p.period.from,
    periodTo: p.period.to,
    continuesUntilReplaced: p.period.continuesUntilReplaced,
    signedOn: p.signedOn,
    publishedAt: p.publishedAt,
    terminatedOn: p.terminatedOn,
    commitments: p.commitments.length,
    themes: inListOrder(p.commitments.flatMap((c) => c.themes)),
  }));
}

/** The commitments of these published promises, one row each, in the promise's order. */
export function commitmentRows(
  promises: readonly PublicCitizenPromise[],
  coveringOf: (partnershipId: string) => Covering,
): OpenCommitmentRow[] {
  return promises.flatMap((p) =>
    p.commitments.map((c) => ({
      ...coveringOf(p.partnershipId),
      citizenPromiseId: p.id,
      citizenPromiseTitle: p.title,
      citizenPromiseStatus: p.status,
      key: c.key,
      owner: c.owner,
      ownerName: c.ownerName,
      text: c.text,
      themes: c.themes,
      status: c.status,
      statusOn: c.statusOn,
      note: c.note,
    })),
  );
}

/** The commitments of one municipality's published promises (current and earlier), as open-data rows. */
export async function findOpenMunicipalityCommitments(
  db: DbOrTx,
  promises: readonly PublicCitizenPromise[],
): Promise<OpenCommitmentRow[]> {
  const byId = await coverings(db);
  return commitmentRows(promises, (id) => covering(byId, id));
}

export async function findOpenCommitments(db: DbOrTx, today: string): Promise<OpenCommitmentRow[]> {
  const [byId, promises] = await Promise.all([coverings(db), publishedCitizenPromises(db, null, today)]);
  return commitmentRows(promises.sort(byPublication), (id) => covering(byId, id));
}
