import { data } from "react-router";
import type { Route } from "./+types/export";
import {
  EXPORT_FORMATS,
  exportDocument,
  exportPublishedDocument,
  type ExportFormat,
} from "~/documents/export/export-document.server";
import { isAppError } from "~/errors/app-error";
import { getCitizenPromise } from "~/domain/citizen-promises/citizen-promise.queries.server";
import { pageCall } from "~/lib/http.server";
import { appContext } from "~/lib/request-context.server";
import { uuidParams } from "~/lib/route-params.server";

const isFormat = (value: string): value is ExportFormat =>
  (EXPORT_FORMATS as readonly string[]).includes(value);

/**
 * The citizen promise's current version as DOCX or PDF (the same export as the API and the CLI):
 * for the partnership's people any stage, for everyone else (anonymous visitors included) a
 * published citizen promise only, 404 otherwise.
 */
export async function loader({ context, params }: Route.LoaderArgs) {
  const ctx = context.get(appContext);
  const { promiseId } = uuidParams(params, "promiseId");
  if (!isFormat(params.format)) throw data({ code: "NOT_FOUND" }, { status: 404 });
  const format = params.format;
  const file = await pageCall(async () => {
    if (ctx.actor.kind === "user") {
      try {
        // The export takes any document id; this URL names a citizen promise, so only one answers.
        await getCitizenPromise(ctx, promiseId);
        return await exportDocument(ctx, promiseId, format);
      } catch (error) {
        if (!isAppError(error) || error.code !== "NOT_FOUND") throw error;
      }
    }
    return exportPublishedDocument(ctx.db, promiseId, format, "citizen-promise");
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
