import { openDataCsv, PARTNERSHIP_COLUMNS } from "~/domain/public/open-data";
import { findOpenPartnerships } from "~/domain/public/open-data.queries.server";
import { endpoints } from "~/lib/api-endpoints";
import { apiRoute, csvFile, operation } from "~/lib/api.server";

const route = apiRoute({
  GET: operation(endpoints.findOpenPartnerships, async ({ ctx, query }) => {
    const rows = await findOpenPartnerships(ctx.db);
    return query.format === "csv"
      ? csvFile("tryggsam-samverkan.csv", openDataCsv(PARTNERSHIP_COLUMNS, rows))
      : rows;
  }),
});

export const loader = route.loader;
export const action = route.action;
