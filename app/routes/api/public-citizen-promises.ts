import { swedishDate } from "~/domain/agreements/document-lifecycle";
import { CITIZEN_PROMISE_COLUMNS, openDataCsv } from "~/domain/public/open-data";
import { findOpenCitizenPromises } from "~/domain/public/open-data.queries.server";
import { endpoints } from "~/lib/api-endpoints";
import { apiRoute, csvFile, operation } from "~/lib/api.server";

const route = apiRoute({
  GET: operation(endpoints.findOpenCitizenPromises, async ({ ctx, query }) => {
    const rows = await findOpenCitizenPromises(ctx.db, swedishDate(new Date()));
    return query.format === "csv"
      ? csvFile("tryggsam-medborgarloften.csv", openDataCsv(CITIZEN_PROMISE_COLUMNS, rows))
      : rows;
  }),
});

export const loader = route.loader;
export const action = route.action;
