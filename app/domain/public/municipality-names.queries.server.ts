import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { county, municipality } from "~/db/schema";
import type { MunicipalityName } from "./municipality-search";

/** All municipalities' names, slugs and counties, in name order (for the search). */
export async function findMunicipalityNames(db: DbOrTx): Promise<MunicipalityName[]> {
  return db
    .select({ name: municipality.name, slug: municipality.slug, county: county.name })
    .from(municipality)
    .innerJoin(county, eq(county.code, municipality.countyCode))
    .orderBy(asc(municipality.name));
}
