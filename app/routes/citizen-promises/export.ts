import { data } from "react-router";
import type { Route } from "./+types/export";
import { EXPORT_FORMATS, exportDocument, type ExportFormat } from "~/documents/export/export-document.server";
import { getCitizenPromise } from "~/domain/citizen-promises/citizen-promise.queries.server";
import { pageCall } from "~/lib/http.server";
import { appContext } from "~/lib/request-context.server";
import { uuidParams } from "~/lib/route-params.server";
import { requireUser } from "~/lib/require-user.server";

const isFormat = (value: string): value is ExportFormat =>
  (EXPORT_FORMATS as readonly string[]).includes(value);

/** The citizen promise's current version as DOCX or PDF (the same export as the API and the CLI). */
export async function loader({ context, request, params }: Route.LoaderArgs) {
  const ctx = context.get(appContext);
  const { promiseId } = uuidParams(params, "promiseId");
  requireUser(ctx.actor, request);
  if (!isFormat(params.format)) throw data({ code: "NOT_FOUND" }, { status: 404 });
  const file = await pageCall(async () => {
    // The export takes any document id; this URL names a citizen promise, so only one answers.
    await getCitizenPromise(ctx, promiseId);
    return exportDocument(ctx, promiseId, params.format as ExportFormat);
  });
  return new Response(new Uint8Array(file.body), {
    headers: {
      "Content-Type": file.contentType,
      // An ASCII fallback for old clients, the real name for the rest (RFC 6266).
      "Content-Disposition": `attachment; filename="${file.fileName.replace(/[^\x20-\x7e]|"/g, "_")}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      "Cache-Control": "private, no-store",
    },
  });
}
