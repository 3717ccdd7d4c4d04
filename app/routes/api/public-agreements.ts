import { swedishDate } from "~/domain/agreements/document-lifecycle";
import { AGREEMENT_COLUMNS, openDataCsv } from "~/domain/public/open-data";
import { findOpenAgreements } from "~/domain/public/open-data.queries.server";
import { endpoints } from "~/lib/api-endpoints";
import { apiRoute, csvFile, operation } from "~/lib/api.server";

const route = apiRoute({
  GET: operation(endpoints.findOpenAgreements, async ({ ctx, query }) => {
    const rows = await findOpenAgreements(ctx.db, swedishDate(new Date()));
    return query.format === "csv"
      ? csvFile("tryggsam-overenskommelser.csv", openDataCsv(AGREEMENT_COLUMNS, rows))
      : rows;
  }),
});

export const loader = route.loader;
export const action = route.action;
