import { and, asc, desc, eq, inArray, isNotNull } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import {
  agreement,
  agreementRevision,
  citizenPromise,
  citizenPromiseRevision,
  commitmentProgress,
  council,
  county,
  municipality,
  partnership,
  partnershipMunicipality,
  policeArea,
  policeRegion,
} from "~/db/schema";
import { agreementContentSchema, type FollowUpCadence } from "~/domain/agreements/agreement.schemas";
import type { DateStatus, Period } from "~/domain/agreements/document-parts.schemas";
import {
  citizenPromiseContentSchema,
  type CommitmentOwner,
  type CommitmentStatus,
} from "~/domain/citizen-promises/citizen-promise.schemas";
import type { Theme } from "~/domain/themes/themes";
import {
  compareForCurrent,
  isCurrentStatus,
  publicStatus,
  successorDates,
  themesOf,
} from "./public-documents";

/**
 * The public read model of one municipality: only what has been published (published_at set).
 * Drafts, documents ready for signing and signed-but-unpublished documents never appear, nor do
 * they count as successors of a published document.
 */

export interface PublicMunicipalityRef {
  code: string;
  name: string;
  slug: string;
  county: string;
  policeRegion: string;
}

export interface PublicPartnership {
  id: string;
  name: string;
  /** The local police area (LPO). */
  policeArea: string;
  councils: { name: string; type: string }[];
}

export interface PublicFocusArea {
  key: string;
  title: string;
  description: string;
  points: string[];
  themes: Theme[];
}

export interface PublicAgreement {
  id: string;
  partnershipId: string;
  title: string;
  caseNumber: string;
  status: DateStatus;
  period: Period;
  signedOn: string | null;
  publishedAt: Date;
  /** The last change residents can see: the publication, a later amendment or the termination. */
  changedAt: Date;
  terminatedOn: string | null;
  goals: string[];
  focusAreas: PublicFocusArea[];
  followUp: { cadence: FollowUpCadence | null; responsible: string; reportsTo: string; description: string };
}

export interface PublicCommitment {
  key: string;
  owner: CommitmentOwner;
  ownerName: string;
  text: string;
  themes: Theme[];
  /** The latest progress note's status, null before any. */
  status: CommitmentStatus | null;
  note: string;
  statusOn: string | null;
}

export interface PublicCitizenPromise {
  id: string;
  partnershipId: string;
  /** The agreement whose document it is part of, if any. */
  agreementId: string | null;
  title: string;
  status: DateStatus;
  period: Period;
  signedOn: string | null;
  publishedAt: Date;
  /** The last change residents can see: the publication, a later amendment or the termination. */
  changedAt: Date;
  terminatedOn: string | null;
  problemPicture: string;
  followUp: string;
  commitments: PublicCommitment[];
}

export interface PublicFollowUp {
  id: string;
  citizenPromiseId: string;
  citizenPromiseTitle: string;
  commitmentKey: string;
  commitmentText: string;
  status: CommitmentStatus;
  note: string;
  occurredOn: string;
}

export interface PublicMunicipality {
  municipality: PublicMunicipalityRef;
  partnerships: PublicPartnership[];
  /** The agreement in force (or upcoming, or else the latest), null when none is published. */
  currentAgreement: PublicAgreement | null;
  /** The other published agreements, latest first: earlier periods as history. */
  earlierAgreements: PublicAgreement[];
  currentPromises: PublicCitizenPromise[];
  earlierPromises: PublicCitizenPromise[];
  /** Progress notes on the published promises' commitments, newest first. */
  followUps: PublicFollowUp[];
}

/** The municipality by slug: the reference row with its county and police region, or null. */
export async function findPublicMunicipalityRef(
  db: DbOrTx,
  slug: string,
): Promise<PublicMunicipalityRef | null> {
  const [row] = await db
    .select({
      code: municipality.code,
      name: municipality.name,
      slug: municipality.slug,
      county: county.name,
      policeRegion: policeRegion.name,
    })
    .from(municipality)
    .innerJoin(county, eq(county.code, municipality.countyCode))
    .innerJoin(policeRegion, eq(policeRegion.id, county.policeRegionId))
    .where(eq(municipality.slug, slug));
  return row ?? null;
}

/**
 * Everything published about one municipality, with statuses on `today` ("YYYY-MM-DD", Sweden).
 * Returns null for an unknown slug; a municipality with nothing published has empty lists.
 */
export async function findPublicMunicipality(
  db: DbOrTx,
  slug: string,
  today: string,
): Promise<PublicMunicipality | null> {
  const ref = await findPublicMunicipalityRef(db, slug);
  if (!ref) return null;

  const partnerships = await db
    .select({ id: partnership.id, name: partnership.name, policeArea: policeArea.name })
    .from(partnershipMunicipality)
    .innerJoin(partnership, eq(partnership.id, partnershipMunicipality.partnershipId))
    .innerJoin(policeArea, eq(policeArea.id, partnership.policeAreaId))
    .where(eq(partnershipMunicipality.municipalityCode, ref.code))
    .orderBy(asc(partnership.name), asc(partnership.id));
  const partnershipIds = partnerships.map((p) => p.id);
  const empty: PublicMunicipality = {
    municipality: ref,
    partnerships: [],
    currentAgreement: null,
    earlierAgreements: [],
    currentPromises: [],
    earlierPromises: [],
    followUps: [],
  };
  if (partnershipIds.length === 0) return empty;

  const [councils, agreements, promises] = await Promise.all([
    db
      .select({ partnershipId: council.partnershipId, name: council.name, type: council.type })
      .from(council)
      .where(inArray(council.partnershipId, partnershipIds))
      .orderBy(asc(council.name)),
    publishedAgreements(db, partnershipIds, today),
    publishedCitizenPromises(db, partnershipIds, today),
  ]);

  agreements.sort(compareForCurrent);
  promises.sort(compareForCurrent);
  const [currentAgreement = null, ...earlierAgreements] = agreements;
  const followUps = promises
    .flatMap((p) => p.followUps)
    .sort((a, b) => b.occurredOn.localeCompare(a.occurredOn) || b.createdAt.getTime() - a.createdAt.getTime())
    .map(({ createdAt: _createdAt, ...rest }) => rest);
  const presented = promises.map(({ followUps: _followUps, ...rest }) => rest);

  return {
    municipality: ref,
    partnerships: partnerships.map((p) => ({
      ...p,
      councils: councils.filter((c) => c.partnershipId === p.id).map(({ name, type }) => ({ name, type })),
    })),
    currentAgreement,
    earlierAgreements,
    currentPromises: presented.filter((p) => isCurrentStatus(p.status)),
    earlierPromises: presented.filter((p) => !isCurrentStatus(p.status)),
    followUps,
  };
}

/** The latest of the publication and any change after it (an amendment, the termination). */
const lastChange = (publishedAt: Date, ...later: Date[]) =>
  new Date(Math.max(publishedAt.getTime(), ...later.map((d) => d.getTime())));

/** The published agreements of these partnerships (null: of every partnership), statuses on `today`. */
export async function publishedAgreements(
  db: DbOrTx,
  partnershipIds: string[] | null,
  today: string,
): Promise<PublicAgreement[]> {
  const rows = await db
    .select({
      id: agreement.id,
      partnershipId: agreement.partnershipId,
      signedOn: agreement.signedOn,
      publishedAt: agreement.publishedAt,
      updatedAt: agreement.updatedAt,
      revisedAt: agreementRevision.createdAt,
      terminatedOn: agreement.terminatedOn,
      content: agreementRevision.content,
    })
    .from(agreement)
    .innerJoin(
      agreementRevision,
      and(
        eq(agreementRevision.agreementId, agreement.id),
        eq(agreementRevision.number, agreement.currentRevision),
      ),
    )
    .where(
      and(
        partnershipIds ? inArray(agreement.partnershipId, partnershipIds) : undefined,
        isNotNull(agreement.publishedAt),
      ),
    );
  if (rows.length === 0) return [];
  const successors = successorDates(
    await db
      .select({ predecessorId: agreement.predecessorId, signedOn: agreement.signedOn })
      .from(agreement)
      .where(
        and(
          inArray(
            agreement.predecessorId,
            rows.map((r) => r.id),
          ),
          isNotNull(agreement.publishedAt),
        ),
      ),
  );
  return rows.map((row) => {
    const content = agreementContentSchema.parse(row.content);
    // Themes are read from the stored JSON, so they show whether or not the schema knows them yet.
    const rawFocusAreas = (row.content as { focusAreas?: unknown[] }).focusAreas ?? [];
    return {
      id: row.id,
      partnershipId: row.partnershipId,
      title: content.title,
      caseNumber: content.caseNumber,
      status: publicStatus(
        {
          period: content.period,
          signedOn: row.signedOn,
          terminatedOn: row.terminatedOn,
          successorSignedOn: successors.get(row.id) ?? null,
        },
        today,
      ),
      period: content.period,
      signedOn: row.signedOn,
      publishedAt: row.publishedAt!,
      changedAt: lastChange(row.publishedAt!, row.updatedAt, row.revisedAt),
      terminatedOn: row.terminatedOn,
      goals: content.goals.map((g) => g.text),
      focusAreas: content.focusAreas.map((f, index) => ({
        key: f.key,
        title: f.title,
        description: f.description,
        points: f.points,
        themes: themesOf(rawFocusAreas[index]),
      })),
      followUp: {
        cadence: content.followUp.cadence,
        responsible: content.followUp.responsible,
        reportsTo: content.followUp.reportsTo,
        description: content.followUp.description,
      },
    };
  });
}

export type PromiseWithFollowUps = PublicCitizenPromise & {
  followUps: (PublicFollowUp & { createdAt: Date })[];
};

/**
 * The published citizen promises of these partnerships (null: of every partnership), statuses on
 * `today`, each with its progress notes, newest first.
 */
export async function publishedCitizenPromises(
  db: DbOrTx,
  partnershipIds: string[] | null,
  today: string,
): Promise<PromiseWithFollowUps[]> {
  const rows = await db
    .select({
      id: citizenPromise.id,
      partnershipId: citizenPromise.partnershipId,
      agreementId: citizenPromise.agreementId,
      signedOn: citizenPromise.signedOn,
      publishedAt: citizenPromise.publishedAt,
      updatedAt: citizenPromise.updatedAt,
      revisedAt: citizenPromiseRevision.createdAt,
      terminatedOn: citizenPromise.terminatedOn,
      content: citizenPromiseRevision.content,
    })
    .from(citizenPromise)
    .innerJoin(
      citizenPromiseRevision,
      and(
        eq(citizenPromiseRevision.citizenPromiseId, citizenPromise.id),
        eq(citizenPromiseRevision.number, citizenPromise.currentRevision),
      ),
    )
    .where(
      and(
        partnershipIds ? inArray(citizenPromise.partnershipId, partnershipIds) : undefined,
        isNotNull(citizenPromise.publishedAt),
      ),
    );
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [successorRows, progress] = await Promise.all([
    db
      .select({ predecessorId: citizenPromise.predecessorId, signedOn: citizenPromise.signedOn })
      .from(citizenPromise)
      .where(and(inArray(citizenPromise.predecessorId, ids), isNotNull(citizenPromise.publishedAt))),
    db
      .select({
        id: commitmentProgress.id,
        citizenPromiseId: commitmentProgress.citizenPromiseId,
        commitmentKey: commitmentProgress.commitmentKey,
        status: commitmentProgress.status,
        note: commitmentProgress.note,
        occurredOn: commitmentProgress.occurredOn,
        createdAt: commitmentProgress.createdAt,
      })
      .from(commitmentProgress)
      .where(inArray(commitmentProgress.citizenPromiseId, ids))
      .orderBy(desc(commitmentProgress.occurredOn), desc(commitmentProgress.createdAt)),
  ]);
  const successors = successorDates(successorRows);
  return rows.map((row) => {
    const content = citizenPromiseContentSchema.parse(row.content);
    const rawCommitments = (row.content as { commitments?: unknown[] }).commitments ?? [];
    const notes = progress.filter((p) => p.citizenPromiseId === row.id);
    const textOf = new Map(content.commitments.map((c) => [c.key, c.text]));
    return {
      id: row.id,
      partnershipId: row.partnershipId,
      agreementId: row.agreementId,
      title: content.title,
      status: publicStatus(
        {
          period: content.period,
          signedOn: row.signedOn,
          terminatedOn: row.terminatedOn,
          successorSignedOn: successors.get(row.id) ?? null,
        },
        today,
      ),
      period: content.period,
      signedOn: row.signedOn,
      publishedAt: row.publishedAt!,
      changedAt: lastChange(row.publishedAt!, row.updatedAt, row.revisedAt),
      terminatedOn: row.terminatedOn,
      problemPicture: content.problemPicture,
      followUp: content.followUp,
      commitments: content.commitments.map((c, index) => {
        // Notes are newest first, so the first one of a commitment gives its status.
        const latest = notes.find((n) => n.commitmentKey === c.key);
        return {
          key: c.key,
          owner: c.owner,
          ownerName: c.ownerName,
          text: c.text,
          themes: themesOf(rawCommitments[index]),
          status: (latest?.status as CommitmentStatus | undefined) ?? null,
          note: latest?.note ?? "",
          statusOn: latest?.occurredOn ?? null,
        };
      }),
      followUps: notes
        .filter((n) => textOf.has(n.commitmentKey))
        .map((n) => ({
          id: n.id,
          citizenPromiseId: row.id,
          citizenPromiseTitle: content.title,
          commitmentKey: n.commitmentKey,
          commitmentText: textOf.get(n.commitmentKey)!,
          status: n.status as CommitmentStatus,
          note: n.note,
          occurredOn: n.occurredOn,
          createdAt: n.createdAt,
        })),
    };
  });
}
