import { and, asc, eq, exists, isNotNull, or } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { agreement, citizenPromise, municipality, partnershipMunicipality, surveyWave } from "~/db/schema";

/**
 * The municipalities with anything published (an agreement or a citizen promise of a partnership
 * covering them), by slug, for the sitemap. Never counts a draft or an unpublished document.
 */
export async function findPublishedMunicipalitySlugs(db: DbOrTx): Promise<string[]> {
  const published = (table: typeof agreement | typeof citizenPromise) =>
    exists(
      db
        .select({ one: table.id })
        .from(table)
        .innerJoin(partnershipMunicipality, eq(partnershipMunicipality.partnershipId, table.partnershipId))
        .where(
          and(eq(partnershipMunicipality.municipalityCode, municipality.code), isNotNull(table.publishedAt)),
        ),
    );
  const rows = await db
    .select({ slug: municipality.slug })
    .from(municipality)
    .where(or(published(agreement), published(citizenPromise)))
    .orderBy(asc(municipality.slug));
  return rows.map((r) => r.slug);
}

/** The survey waves whose results are published, oldest first, for the sitemap. */
export async function findPublishedSurveyWaveIds(db: DbOrTx): Promise<string[]> {
  const rows = await db
    .select({ id: surveyWave.id })
    .from(surveyWave)
    .where(isNotNull(surveyWave.resultsPublishedAt))
    .orderBy(asc(surveyWave.resultsPublishedAt), asc(surveyWave.id));
  return rows.map((r) => r.id);
}
