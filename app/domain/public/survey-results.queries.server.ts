import { and, asc, desc, eq, inArray, isNotNull } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { municipality, partnership, partnershipMunicipality, survey, surveyWave } from "~/db/schema";
import { changeBetween } from "~/domain/surveys/statistics";
import { computeWaveResults, type WaveResults } from "~/domain/surveys/survey-results.server";

/**
 * The public read model of safety-survey results: a wave's aggregates only once its results are
 * published (results_published_at set), always in "published" mode (small groups suppressed, no
 * free text). The trend and the change compare with published waves only: a wave whose results
 * were never published, or were withdrawn, shows nowhere, not even as a point on a line.
 */

export interface PublishedWaveResults extends WaveResults {
  partnership: { id: string; name: string };
  /** The municipalities the partnership covers, for links back to their pages. */
  municipalities: { code: string; name: string; slug: string }[];
}

export interface PublishedWaveSummary {
  id: string;
  name: string;
  surveyTitle: string;
  opensOn: string;
  closesOn: string;
  resultsPublishedAt: Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A wave's published results, or null when it is unknown or its results are not published. */
export async function findPublishedWaveResults(
  db: DbOrTx,
  waveId: string,
): Promise<PublishedWaveResults | null> {
  if (!UUID.test(waveId)) return null;
  const [wave] = await db
    .select({
      surveyId: surveyWave.surveyId,
      partnershipId: partnership.id,
      partnershipName: partnership.name,
    })
    .from(surveyWave)
    .innerJoin(partnership, eq(partnership.id, surveyWave.partnershipId))
    .where(and(eq(surveyWave.id, waveId), isNotNull(surveyWave.resultsPublishedAt)));
  if (!wave) return null;
  const [results, published, municipalities] = await Promise.all([
    computeWaveResults(db, waveId, { mode: "published" }),
    db
      .select({ id: surveyWave.id })
      .from(surveyWave)
      .where(and(eq(surveyWave.surveyId, wave.surveyId), isNotNull(surveyWave.resultsPublishedAt))),
    db
      .select({ code: municipality.code, name: municipality.name, slug: municipality.slug })
      .from(partnershipMunicipality)
      .innerJoin(municipality, eq(municipality.code, partnershipMunicipality.municipalityCode))
      .where(eq(partnershipMunicipality.partnershipId, wave.partnershipId))
      .orderBy(asc(municipality.name)),
  ]);
  if (!results || results.mode !== "published") return null;
  const publishedIds = new Set(published.map((w) => w.id));
  return {
    ...results,
    questions: results.questions.map((question) => {
      const trend = question.trend.filter((point) => publishedIds.has(point.waveId));
      const current = trend.at(-1);
      const previous = trend.length >= 2 ? trend[trend.length - 2]! : null;
      const change =
        current?.waveId === waveId && current.indicator && previous?.indicator
          ? changeBetween(
              { count: previous.indicator.count, n: previous.indicator.n },
              { count: current.indicator.count, n: current.indicator.n },
            )
          : null;
      return { ...question, trend, change };
    }),
    partnership: { id: wave.partnershipId, name: wave.partnershipName },
    municipalities,
  };
}

/** The published waves of the partnerships covering a municipality, newest first. */
export async function findPublishedWavesForMunicipality(
  db: DbOrTx,
  municipalityCode: string,
): Promise<PublishedWaveSummary[]> {
  const partnerships = db
    .select({ id: partnershipMunicipality.partnershipId })
    .from(partnershipMunicipality)
    .where(eq(partnershipMunicipality.municipalityCode, municipalityCode));
  const rows = await db
    .select({
      id: surveyWave.id,
      name: surveyWave.name,
      surveyTitle: survey.title,
      opensOn: surveyWave.opensOn,
      closesOn: surveyWave.closesOn,
      resultsPublishedAt: surveyWave.resultsPublishedAt,
    })
    .from(surveyWave)
    .innerJoin(survey, eq(survey.id, surveyWave.surveyId))
    .where(and(inArray(surveyWave.partnershipId, partnerships), isNotNull(surveyWave.resultsPublishedAt)))
    .orderBy(desc(surveyWave.closesOn), desc(surveyWave.opensOn), asc(surveyWave.id));
  return rows.map((row) => ({ ...row, resultsPublishedAt: row.resultsPublishedAt! }));
}
