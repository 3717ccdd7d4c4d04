import { data } from "react-router";
import type { Route } from "./+types/export";
import { writeDocx } from "~/documents/export/docx-writer.server";
import { writePdf } from "~/documents/export/pdf-writer.server";
import { printableAgreement } from "~/documents/export/printable";
import { getAgreement } from "~/domain/agreements/agreement.queries.server";
import { getPartnership } from "~/domain/partnerships/partnership.queries.server";
import { pageCall } from "~/lib/http.server";
import { appContext } from "~/lib/request-context.server";
import { uuidParams } from "~/lib/route-params.server";
import { requireUser } from "~/lib/require-user.server";

const TYPES = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
} as const;

/** "Samverkansöverenskommelse Ånge 2023–2026" → a safe file name. */
function fileName(title: string, format: string) {
  const base = title
    .normalize("NFC")
    .replace(/[^\p{L}\p{N} ._-]+/gu, "")
    .trim()
    .slice(0, 100);
  return `${base || "overenskommelse"}.${format}`;
}

/** The agreement's current version as DOCX or PDF. */
export async function loader({ context, request, params }: Route.LoaderArgs) {
  const ctx = context.get(appContext);
  const { agreementId } = uuidParams(params, "agreementId");
  requireUser(ctx.actor, request);
  const format = params.format;
  if (format !== "docx" && format !== "pdf") throw data({ code: "NOT_FOUND" }, { status: 404 });
  const { agreement, partnership } = await pageCall(async () => {
    const agreement = await getAgreement(ctx, agreementId);
    return { agreement, partnership: await getPartnership(ctx, agreement.partnershipId) };
  });
  // Once signed, the signature block shows who actually signed; before, who is to sign.
  const signed = agreement.stage === "signed" || agreement.stage === "published";
  const content = signed
    ? {
        ...agreement.content,
        signatories: agreement.signatures.map((s) => ({
          name: s.name,
          title: s.title,
          party: s.party,
          organisation: "",
        })),
      }
    : agreement.content;
  const printable = printableAgreement(
    content,
    {
      municipalities: partnership.municipalities.map((m) => m.name),
      policeArea: partnership.policeArea.name,
    },
    { place: agreement.signedPlace, date: agreement.signedOn },
  );
  const body = format === "docx" ? await writeDocx(printable) : await writePdf(printable);
  const name = fileName(agreement.title, format);
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": TYPES[format],
      "Content-Disposition": `attachment; filename="${name.replace(/[^\x20-\x7e]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "Cache-Control": "private, no-store",
    },
  });
}
