import { swedishDate } from "~/domain/agreements/document-lifecycle";
import { MUNICIPALITY_COLUMNS, openDataCsv } from "~/domain/public/open-data";
import { findPublicOverview } from "~/domain/public/public-overview.queries.server";
import { endpoints } from "~/lib/api-endpoints";
import { apiRoute, csvFile, operation } from "~/lib/api.server";

const route = apiRoute({
  GET: operation(endpoints.findOpenMunicipalities, async ({ ctx, query }) => {
    const rows = await findPublicOverview(ctx.db, swedishDate(new Date()));
    return query.format === "csv"
      ? csvFile("tryggsam-kommuner.csv", openDataCsv(MUNICIPALITY_COLUMNS, rows))
      : rows;
  }),
});

export const loader = route.loader;
export const action = route.action;
