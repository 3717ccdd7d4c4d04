import type { Route } from "./+types/raw-export";
import { exportRawResponses } from "~/domain/surveys/raw-responses.server";
import { toCsv } from "~/lib/csv";
import { pageCall } from "~/lib/http.server";
import { appContext } from "~/lib/request-context.server";
import { requireUser } from "~/lib/require-user.server";
import { uuidParams } from "~/lib/route-params.server";

/** All answers of a wave as CSV for Swedish Excel: for the partnership's coordinators and police. */
export async function loader({ context, request, params }: Route.LoaderArgs) {
  const ctx = context.get(appContext);
  requireUser(ctx.actor, request);
  const { waveId } = uuidParams(params, "surveyId", "waveId");
  const file = await pageCall(() => exportRawResponses(ctx, waveId));
  return new Response(toCsv(file.header, file.rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8; header=present",
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      "Cache-Control": "no-store",
    },
  });
}
