import { and, asc, eq, exists, isNotNull, or } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { agreement, citizenPromise, municipality, partnershipMunicipality } from "~/db/schema";

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
