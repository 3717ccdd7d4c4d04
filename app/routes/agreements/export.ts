import { data } from "react-router";
import type { Route } from "./+types/export";
import { EXPORT_FORMATS, exportDocument, type ExportFormat } from "~/documents/export/export-document.server";
import { fileResponse } from "~/lib/api.server";
import { pageCall } from "~/lib/http.server";
import { appContext } from "~/lib/request-context.server";
import { uuidParams } from "~/lib/route-params.server";
import { requireUser } from "~/lib/require-user.server";

const isFormat = (value: string): value is ExportFormat =>
  (EXPORT_FORMATS as readonly string[]).includes(value);

/** The document's current version as DOCX or PDF. */
export async function loader({ context, request, params }: Route.LoaderArgs) {
  const ctx = context.get(appContext);
  const { agreementId } = uuidParams(params, "agreementId");
  requireUser(ctx.actor, request);
  if (!isFormat(params.format)) throw data({ code: "NOT_FOUND" }, { status: 404 });
  const file = await pageCall(() =>
    exportDocument(ctx, agreementId, params.format as ExportFormat, "agreement"),
  );
  return fileResponse(file);
}
