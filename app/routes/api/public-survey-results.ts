import {
  presentSurveyResults,
  SURVEY_RESULTS_CSV_HEADER,
  surveyResultsCsvName,
  surveyResultsCsvRows,
} from "~/domain/public/survey-results";
import { findPublishedWaveResults } from "~/domain/public/survey-results.queries.server";
import { AppError } from "~/errors/app-error";
import { endpoints } from "~/lib/api-endpoints";
import { apiRoute, csvFile, operation } from "~/lib/api.server";
import { toCsv } from "~/lib/csv";

const route = apiRoute({
  GET: operation(endpoints.getOpenSurveyResults, async ({ ctx, params, query }) => {
    const found = await findPublishedWaveResults(ctx.db, params.waveId!);
    if (!found) throw new AppError("NOT_FOUND", "Det finns inga publicerade resultat för omgången.");
    const results = presentSurveyResults(found, "sv");
    if (query.format !== "csv") return results;
    return csvFile(
      surveyResultsCsvName(results),
      toCsv(SURVEY_RESULTS_CSV_HEADER, surveyResultsCsvRows(results)),
    );
  }),
});

export const loader = route.loader;
export const action = route.action;
