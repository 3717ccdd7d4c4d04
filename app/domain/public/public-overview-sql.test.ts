import { drizzle } from "drizzle-orm/node-postgres";
import { expect, it } from "vitest";
import * as schema from "~/db/schema";
import { publicOverviewQueries } from "./public-overview.queries.server";

// The national overview's SQL, checked in, so a reviewer sees when the query changes.
it("the overview's two queries are the SQL checked in beside them", async () => {
  const queries = publicOverviewQueries(drizzle.mock({ schema }));
  const text = [
    "-- municipalities, with their published citizen promises and commitments counted",
    `${queries.municipalities.toSQL().sql};`,
    "",
    "-- published agreements by municipality, with the signing date of a published successor",
    `${queries.agreements.toSQL().sql};`,
    "",
  ].join("\n");
  await expect(text).toMatchFileSnapshot("./public-overview.sql");
});
