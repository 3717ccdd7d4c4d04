import type { Route } from "./+types/survey-results-csv";
import {
  presentSurveyResults,
  SURVEY_RESULTS_CSV_HEADER,
  surveyResultsCsvName,
  surveyResultsCsvRows,
} from "~/domain/public/survey-results";
import { findPublishedWaveResults } from "~/domain/public/survey-results.queries.server";
import { toCsv } from "~/lib/csv";
import { appContext } from "~/lib/request-context.server";

/**
 * A wave's published results as CSV for Swedish Excel (app/lib/csv.ts): the page's numbers, one
 * row per option and group, hidden groups with empty numbers and "för få svar". 404 unless published.
 */
export async function loader({ context, params }: Route.LoaderArgs) {
  const { db } = context.get(appContext);
  const found = await findPublishedWaveResults(db, params.waveId);
  if (!found) return new Response("Det du söker finns inte.\n", { status: 404 });
  const results = presentSurveyResults(found, "sv");
  return new Response(toCsv(SURVEY_RESULTS_CSV_HEADER, surveyResultsCsvRows(results)), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8; header=present",
      "Content-Disposition": `attachment; filename="${surveyResultsCsvName(results)}"`,
    },
  });
}
