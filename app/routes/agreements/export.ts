import { data } from "react-router";
import type { Route } from "./+types/export";
import {
  EXPORT_FORMATS,
  exportDocument,
  exportPublishedDocument,
  type ExportFormat,
} from "~/documents/export/export-document.server";
import { isAppError } from "~/errors/app-error";
import { fileResponse } from "~/lib/api.server";
import { pageCall } from "~/lib/http.server";
import { appContext } from "~/lib/request-context.server";
import { uuidParams } from "~/lib/route-params.server";

const isFormat = (value: string): value is ExportFormat =>
  (EXPORT_FORMATS as readonly string[]).includes(value);

/**
 * The document's current version as DOCX or PDF: for the partnership's people any stage, for
 * everyone else (anonymous visitors included) a published agreement only, 404 otherwise.
 */
export async function loader({ context, params }: Route.LoaderArgs) {
  const ctx = context.get(appContext);
  const { agreementId } = uuidParams(params, "agreementId");
  if (!isFormat(params.format)) throw data({ code: "NOT_FOUND" }, { status: 404 });
  const format = params.format;
  const file = await pageCall(async () => {
    if (ctx.actor.kind === "user") {
      try {
        return await exportDocument(ctx, agreementId, format, "agreement");
      } catch (error) {
        if (!isAppError(error) || error.code !== "NOT_FOUND") throw error;
      }
    }
    return exportPublishedDocument(ctx.db, agreementId, format, "agreement");
  });
  return fileResponse(file);
}
