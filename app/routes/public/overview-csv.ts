import type { Route } from "./+types/overview-csv";
import { swedishDate } from "~/domain/agreements/document-lifecycle";
import {
  filterAndSortOverview,
  OVERVIEW_CSV_HEADER,
  overviewCsvRows,
  parseOverviewQuery,
} from "~/domain/public/public-overview";
import { findPublicOverview } from "~/domain/public/public-overview.queries.server";
import { toCsv } from "~/lib/csv";
import { publicOrigin } from "~/lib/public-url.server";
import { appContext } from "~/lib/request-context.server";

/**
 * The overview's rows as the table shows them (same filters and sort), as CSV for Swedish Excel:
 * UTF-8 with BOM, `;` between fields (see app/lib/csv.ts).
 */
export async function loader({ context, request }: Route.LoaderArgs) {
  const { db } = context.get(appContext);
  const today = swedishDate(new Date());
  const query = parseOverviewQuery(new URL(request.url).searchParams);
  const rows = filterAndSortOverview(await findPublicOverview(db, today), query);
  const body = toCsv(OVERVIEW_CSV_HEADER, overviewCsvRows(rows, publicOrigin(request)));
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8; header=present",
      "Content-Disposition": `attachment; filename="tryggsam-oversikt-${today}.csv"`,
    },
  });
}
