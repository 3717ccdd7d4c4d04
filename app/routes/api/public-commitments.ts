import { swedishDate } from "~/domain/agreements/document-lifecycle";
import { COMMITMENT_COLUMNS, openDataCsv } from "~/domain/public/open-data";
import { findOpenCommitments } from "~/domain/public/open-data.queries.server";
import { endpoints } from "~/lib/api-endpoints";
import { apiRoute, csvFile, operation } from "~/lib/api.server";

const route = apiRoute({
  GET: operation(endpoints.findOpenCommitments, async ({ ctx, query }) => {
    const rows = await findOpenCommitments(ctx.db, swedishDate(new Date()));
    return query.format === "csv"
      ? csvFile("tryggsam-loften.csv", openDataCsv(COMMITMENT_COLUMNS, rows))
      : rows;
  }),
});

export const loader = route.loader;
export const action = route.action;
