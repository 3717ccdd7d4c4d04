import { and, asc, eq, isNotNull, sql } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import {
  agreement,
  agreementRevision,
  citizenPromise,
  citizenPromiseRevision,
  county,
  municipality,
  partnershipMunicipality,
  policeRegion,
} from "~/db/schema";
import { periodSchema, type DateStatus, type Period } from "~/domain/agreements/document-parts.schemas";
import { THEMES, type Theme } from "~/domain/themes/themes";
import { compareForCurrent, publicStatus, themesOf } from "./public-documents";

/** One municipality in the national overview: its current published agreement and counts. */
export interface PublicOverviewRow {
  code: string;
  name: string;
  slug: string;
  county: string;
  policeRegion: string;
  /** The current published agreement's status, "none" when nothing is published. */
  status: DateStatus | "none";
  agreementId: string | null;
  /** The current agreement's period ("2026" or "2026-03-31"), null when none or open-ended. */
  periodEnd: string | null;
  continuesUntilReplaced: boolean;
  /** The themes of the current agreement's focus areas, each once, in the list's order. */
  themes: Theme[];
  /** Published citizen promises (all periods) of the partnerships covering it, and their commitments. */
  promises: number;
  commitments: number;
}

const NO_PERIOD: Period = { from: null, to: null, continuesUntilReplaced: false };

/** The overview's two queries, unexecuted (their SQL is checked in: public-overview.sql). */
export function publicOverviewQueries(db: DbOrTx) {
  const promiseCounts = db
    .select({
      code: partnershipMunicipality.municipalityCode,
      promises: sql<number>`count(*)::int`.as("promises"),
      commitments:
        sql<number>`coalesce(sum(jsonb_array_length(coalesce(${citizenPromiseRevision.content} -> 'commitments', '[]'::jsonb))), 0)::int`.as(
          "commitments",
        ),
    })
    .from(citizenPromise)
    .innerJoin(
      partnershipMunicipality,
      eq(partnershipMunicipality.partnershipId, citizenPromise.partnershipId),
    )
    .innerJoin(
      citizenPromiseRevision,
      and(
        eq(citizenPromiseRevision.citizenPromiseId, citizenPromise.id),
        eq(citizenPromiseRevision.number, citizenPromise.currentRevision),
      ),
    )
    .where(isNotNull(citizenPromise.publishedAt))
    .groupBy(partnershipMunicipality.municipalityCode)
    .as("promise_counts");

  return {
    municipalities: db
      .select({
        code: municipality.code,
        name: municipality.name,
        slug: municipality.slug,
        county: county.name,
        policeRegion: policeRegion.name,
        promises: sql<number>`coalesce(${promiseCounts.promises}, 0)::int`,
        commitments: sql<number>`coalesce(${promiseCounts.commitments}, 0)::int`,
      })
      .from(municipality)
      .innerJoin(county, eq(county.code, municipality.countyCode))
      .innerJoin(policeRegion, eq(policeRegion.id, county.policeRegionId))
      .leftJoin(promiseCounts, eq(promiseCounts.code, municipality.code))
      .orderBy(asc(municipality.name), asc(municipality.code)),
    agreements: db
      .select({
        code: partnershipMunicipality.municipalityCode,
        id: agreement.id,
        signedOn: agreement.signedOn,
        terminatedOn: agreement.terminatedOn,
        period: sql<unknown>`${agreementRevision.content} -> 'period'`,
        focusAreas: sql<unknown>`${agreementRevision.content} -> 'focusAreas'`,
        // Only a published successor replaces it in public: an unpublished one is not public.
        successorSignedOn: sql<
          string | null
        >`(select min(s.signed_on)::text from ${agreement} s where s.predecessor_id = ${agreement.id} and s.published_at is not null)`,
      })
      .from(agreement)
      .innerJoin(partnershipMunicipality, eq(partnershipMunicipality.partnershipId, agreement.partnershipId))
      .innerJoin(
        agreementRevision,
        and(
          eq(agreementRevision.agreementId, agreement.id),
          eq(agreementRevision.number, agreement.currentRevision),
        ),
      )
      .where(isNotNull(agreement.publishedAt)),
  };
}

/**
 * All municipalities (290), one row each, in name order, with what has been published about
 * them, status on `today` ("YYYY-MM-DD", Sweden). Two queries, whatever the number of rows.
 */
export async function findPublicOverview(db: DbOrTx, today: string): Promise<PublicOverviewRow[]> {
  const queries = publicOverviewQueries(db);
  const [municipalities, agreements] = await Promise.all([queries.municipalities, queries.agreements]);

  const candidates = new Map<
    string,
    { id: string; status: DateStatus; period: Period; signedOn: string | null; focusAreas: unknown }[]
  >();
  for (const row of agreements) {
    const parsed = periodSchema.safeParse(row.period ?? {});
    const period = parsed.success ? parsed.data : NO_PERIOD;
    const status = publicStatus(
      {
        period,
        signedOn: row.signedOn,
        terminatedOn: row.terminatedOn,
        successorSignedOn: row.successorSignedOn,
      },
      today,
    );
    const list = candidates.get(row.code) ?? [];
    list.push({ id: row.id, status, period, signedOn: row.signedOn, focusAreas: row.focusAreas });
    candidates.set(row.code, list);
  }

  return municipalities.map((m) => {
    const current = candidates.get(m.code)?.sort(compareForCurrent)[0];
    const themes = new Set<Theme>();
    if (current && Array.isArray(current.focusAreas)) {
      for (const area of current.focusAreas) for (const theme of themesOf(area)) themes.add(theme);
    }
    return {
      ...m,
      status: current?.status ?? "none",
      agreementId: current?.id ?? null,
      periodEnd: current?.period.to ?? null,
      continuesUntilReplaced: current?.period.continuesUntilReplaced ?? false,
      themes: THEMES.filter((t) => themes.has(t)),
    };
  });
}
