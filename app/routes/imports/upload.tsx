import { data, Form, Link } from "react-router";
import type { Route } from "./+types/upload";
import { CsrfInput } from "~/components/csrf-input";
import { PersonalDataWarning, useUncertainLabels } from "~/components/import-review-notice";
import { requirePartnershipPermission } from "~/domain/access/permissions";
import { getPartnership } from "~/domain/partnerships/partnership.queries.server";
import { isImportFailure, type ImportOutcome } from "~/import/import-v1";
import { IMPORT_REVIEW_FIELD, reviewPayloads, type ImportReviewPart } from "~/import/review";
import { toContent } from "~/import/to-content";
import {
  isImportUpload,
  MAX_UPLOAD_FILE_BYTES,
  MAX_UPLOAD_FILES,
  UPLOAD_ACCEPT,
  UPLOAD_FIELD,
} from "~/import/upload-limits";
import { importUploadedFiles, UploadRefusedError, type UploadRefusalReason } from "~/import/upload.server";
import { defineMessages } from "~/i18n/messages";
import { useLocale, useT } from "~/i18n/use-t";
import { pageCall } from "~/lib/http.server";
import { appContext } from "~/lib/request-context.server";
import { uuidParams } from "~/lib/route-params.server";
import { requireUser } from "~/lib/require-user.server";

const messages = defineMessages({
  sv: {
    title: "Importera dokument",
    intro:
      "Läs in befintliga samverkansöverenskommelser och medborgarlöften från filer. Tryggsam läser ut rubrik, period, parter, fokusområden och löften, och du granskar resultatet i redigeraren innan något sparas.",
    nothingSaved:
      "Inget sparas när filerna läses in. Ett dokument sparas först när du sparar det i redigeraren.",
    files: "Filer",
    filesHint:
      "Text (.txt), Markdown (.md), Word (.docx) eller PDF (.pdf). Högst {files} filer åt gången, högst {size} MB per fil. Du kan välja flera filer samtidigt.",
    submit: "Läs in filerna",
    back: "Tillbaka till {name}",
    results: "Inlästa filer – inget är sparat ännu",
    resultsIntro:
      "Granska varje dokument i redigeraren och spara det där. Det du inte sparar försvinner när du lämnar sidan.",
    more: "Läs in fler filer",
    kind: "Känt som",
    "kind.agreement": "Samverkansöverenskommelse",
    "kind.promise": "Medborgarlöfte",
    "kind.agreement+promise": "Båda: samverkansöverenskommelse med medborgarlöften",
    docTitle: "Rubrik",
    noTitle: "Ingen rubrik hittades",
    period: "Period",
    noPeriod: "Ingen period hittades",
    continues: "förlängs tills vidare",
    parties: "Parter",
    noParties: "Inga parter hittades",
    focusAreas: "Fokusområden",
    commitments: "Löften",
    uncertain: "Osäkert: {fields}. Fälten är märkta ”Osäker – kontrollera” i redigeraren.",
    both: "Filen innehåller både en överenskommelse och medborgarlöften. Granska och spara överenskommelsen först. Medborgarlöftet kan sedan kopplas till den sparade överenskommelsen när du granskar löftet: välj den under ”Hör till överenskommelsen”.",
    review: "Granska i redigeraren",
    "review.agreement": "Granska överenskommelsen i redigeraren",
    "review.citizenPromise": "Granska medborgarlöftet i redigeraren",
    tooBigToReview:
      "Innehållet är för stort för att granskas i webbläsaren. Dela upp dokumentet eller importera det med kommandot tryggsam import.",
    failed: "Filen kunde inte läsas in",
    "refused.file-too-large":
      "En av filerna är större än {size} MB. Inget lästes in. Välj filer på högst {size} MB.",
    "refused.too-many-files":
      "Du valde fler än {files} filer. Inget lästes in. Välj högst {files} filer åt gången.",
    "refused.no-files": "Välj minst en fil att läsa in.",
    "refused.malformed": "Uppladdningen kunde inte tas emot. Försök igen.",
    errorTitle: "Filerna lästes inte in",
  },
  en: {
    title: "Import documents",
    intro:
      "Read existing collaboration agreements and citizen promises from files. Tryggsam reads out the title, period, parties, focus areas and commitments, and you review the result in the editor before anything is saved.",
    nothingSaved:
      "Nothing is saved when the files are read. A document is saved only when you save it in the editor.",
    files: "Files",
    filesHint:
      "Text (.txt), Markdown (.md), Word (.docx) or PDF (.pdf). At most {files} files at a time, at most {size} MB each. You can choose several files at once.",
    submit: "Read the files",
    back: "Back to {name}",
    results: "Files read – nothing is saved yet",
    resultsIntro:
      "Review each document in the editor and save it there. What you do not save is gone when you leave the page.",
    more: "Read more files",
    kind: "Recognised as",
    "kind.agreement": "Collaboration agreement",
    "kind.promise": "Citizen promise",
    "kind.agreement+promise": "Both: collaboration agreement with citizen promises",
    docTitle: "Title",
    noTitle: "No title found",
    period: "Period",
    noPeriod: "No period found",
    continues: "continues until replaced",
    parties: "Parties",
    noParties: "No parties found",
    focusAreas: "Focus areas",
    commitments: "Commitments",
    uncertain: "Uncertain: {fields}. The fields are marked “Uncertain – check” in the editor.",
    both: "The file holds both an agreement and citizen promises. Review and save the agreement first. The citizen promise can then be attached to the saved agreement when you review the promise: choose it under “Belongs to the agreement”.",
    review: "Review in the editor",
    "review.agreement": "Review the agreement in the editor",
    "review.citizenPromise": "Review the citizen promise in the editor",
    tooBigToReview:
      "The content is too large to review in the browser. Split the document or import it with the command tryggsam import.",
    failed: "The file could not be read",
    "refused.file-too-large":
      "One of the files is larger than {size} MB. Nothing was read. Choose files of at most {size} MB.",
    "refused.too-many-files":
      "You chose more than {files} files. Nothing was read. Choose at most {files} files at a time.",
    "refused.no-files": "Choose at least one file to read.",
    "refused.malformed": "The upload could not be received. Please try again.",
    errorTitle: "The files were not read",
  },
});

const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ""));

const LIMITS = { files: MAX_UPLOAD_FILES, size: Math.round(MAX_UPLOAD_FILE_BYTES / 1024 / 1024) };

/** The status of a refused upload: too much is 413, a form without files 400. */
const REFUSAL_STATUS: Record<Exclude<UploadRefusalReason, "csrf">, number> = {
  "file-too-large": 413,
  "too-many-files": 413,
  "no-files": 400,
  malformed: 400,
};

/**
 * A review button's form must stay under the server's 1 MiB limit for forms (URL-encoded, so
 * counted encoded); a larger document cannot be reviewed in the browser.
 */
const MAX_REVIEW_FIELD_CHARS = 1024 * 1024 - 16 * 1024;

export const meta: Route.MetaFunction = () => [{ title: "Importera dokument – Tryggsam" }];

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const ctx = context.get(appContext);
  const { id: partnershipId } = uuidParams(params, "id");
  const actor = requireUser(ctx.actor, request);
  const partnership = await pageCall(async () => {
    requirePartnershipPermission(actor, "agreement.edit", partnershipId);
    return getPartnership(ctx, partnershipId);
  });
  return { partnership: { id: partnership.id, name: partnership.name } };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const ctx = context.get(appContext);
  const { id: partnershipId } = uuidParams(params, "id");
  const actor = requireUser(ctx.actor, request);
  // Who may not write here is answered before a byte of the body is read.
  await pageCall(async () => {
    requirePartnershipPermission(actor, "agreement.edit", partnershipId);
    await getPartnership(ctx, partnershipId);
  });
  const upload = isImportUpload(
    request.method,
    new URL(request.url).pathname,
    request.headers.get("Content-Type"),
  );
  let outcomes: ImportOutcome[];
  try {
    // A form that is not multipart carries no files (its CSRF token was checked by the root).
    if (!upload) throw new UploadRefusedError("no-files");
    outcomes = await importUploadedFiles(request, ctx.csrfToken);
  } catch (error) {
    if (!(error instanceof UploadRefusedError)) throw error;
    if (error.reason === "csrf") throw data({ code: "CSRF", message: "CSRF" }, { status: 403 });
    return data({ refusal: error.reason, files: null }, { status: REFUSAL_STATUS[error.reason] });
  }
  return { refusal: null, files: outcomes.map(presentOutcome) };
}

type FileResult = ReturnType<typeof presentOutcome>;

/** What the result page shows of one file, and the review payloads its buttons send. */
function presentOutcome(outcome: ImportOutcome) {
  if (isImportFailure(outcome)) {
    return { source: outcome.source, error: outcome.error, read: null };
  }
  const content = toContent(outcome);
  return {
    source: outcome.source,
    error: null,
    read: {
      kind: outcome.kind,
      title: outcome.title,
      period: outcome.period,
      parties: [
        ...outcome.municipalities.map((m) => `${m.name} kommun`),
        ...(outcome.policeArea.lpo ? [`Lokalpolisområde ${outcome.policeArea.lpo}`] : []),
      ],
      focusAreaCount: outcome.focusAreas.length,
      commitmentCount: outcome.commitments.length,
      // Where, not what: the numbers themselves are not repeated on the page.
      personalData: outcome.personalData.map((p) => ({ kind: p.kind, line: p.line })),
      uncertain: outcome.uncertain,
      reviews: reviewPayloads(outcome, content).map((review) => ({
        ...review,
        reviewable: encodeURIComponent(review.json).length <= MAX_REVIEW_FIELD_CHARS,
      })),
    },
  };
}

export default function ImportUpload({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT(messages);
  const { partnership } = loaderData;
  const files = actionData?.files ?? null;
  const refusal = actionData?.refusal ?? null;
  const refusalText = refusal ? fill(t(`refused.${refusal}`), LIMITS) : null;
  return (
    <div className="narrow stack">
      <p>
        <Link className="ds-link" to={`/samverkan/${partnership.id}`}>
          {fill(t("back"), { name: partnership.name })}
        </Link>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {t("title")}
      </h1>
      {files ? (
        <section className="stack" aria-labelledby="import-results">
          <h2 className="ds-heading" data-size="md" id="import-results">
            {t("results")}
          </h2>
          <p className="ds-paragraph">{t("resultsIntro")}</p>
          {files.map((file, index) => (
            <FileSection key={index} file={file} index={index} partnershipId={partnership.id} />
          ))}
        </section>
      ) : null}
      {files ? (
        <h2 className="ds-heading" data-size="md" id="import-more">
          {t("more")}
        </h2>
      ) : (
        <>
          <p className="ds-paragraph">{t("intro")}</p>
          <p className="ds-paragraph">{t("nothingSaved")}</p>
        </>
      )}
      {refusalText ? (
        <div className="ds-alert" data-color="danger" role="alert" aria-labelledby="import-error-title">
          <h2 className="ds-heading" data-size="xs" id="import-error-title">
            {t("errorTitle")}
          </h2>
          <p className="ds-paragraph">
            <a href="#import-files">{refusalText}</a>
          </p>
        </div>
      ) : null}
      {/* A plain form: the browser streams the files to the server, with or without JavaScript. */}
      <form method="post" encType="multipart/form-data" className="stack" noValidate>
        {/* The token comes first: the server checks it before it accepts any file. */}
        <CsrfInput />
        <div className="ds-field field">
          <label className="ds-label" htmlFor="import-files">
            {t("files")}
          </label>
          <div data-field="description" id="import-files-hint" className="field-description">
            {fill(t("filesHint"), LIMITS)}
          </div>
          <input
            className="ds-input"
            type="file"
            id="import-files"
            name={UPLOAD_FIELD}
            multiple
            accept={UPLOAD_ACCEPT}
            aria-invalid={refusalText ? true : undefined}
            aria-describedby={refusalText ? "import-files-hint import-files-error" : "import-files-hint"}
          />
          {refusalText ? (
            <div
              className="ds-validation-message field-error"
              data-field="validation"
              id="import-files-error"
            >
              {refusalText}
            </div>
          ) : null}
        </div>
        <div>
          <button type="submit" className="ds-button" data-variant="primary">
            {t("submit")}
          </button>
        </div>
      </form>
    </div>
  );
}

function FileSection({
  file,
  index,
  partnershipId,
}: {
  file: FileResult;
  index: number;
  partnershipId: string;
}) {
  const t = useT(messages);
  const locale = useLocale();
  const labels = useUncertainLabels();
  const headingId = `fil-${index + 1}`;
  const read = file.read;
  return (
    <section className="import-file stack" aria-labelledby={headingId}>
      <h3 className="ds-heading" data-size="sm" id={headingId}>
        {file.source}
      </h3>
      {file.error || !read ? (
        <div className="ds-alert" data-color="danger">
          <p className="ds-paragraph">
            <strong>{t("failed")}:</strong> {file.error?.message}
          </p>
        </div>
      ) : (
        <>
          <dl className="facts">
            <dt>{t("kind")}</dt>
            <dd>{t(`kind.${read.kind}`)}</dd>
            <dt>{t("docTitle")}</dt>
            <dd>{read.title ?? t("noTitle")}</dd>
            <dt>{t("period")}</dt>
            <dd>
              {read.period.from || read.period.to
                ? `${read.period.from ?? "…"} – ${read.period.to ?? "…"}${read.period.continuesUntilReplaced ? ` (${t("continues")})` : ""}`
                : t("noPeriod")}
            </dd>
            <dt>{t("parties")}</dt>
            <dd>{read.parties.length ? read.parties.join(", ") : t("noParties")}</dd>
            <dt>{t("focusAreas")}</dt>
            <dd>{read.focusAreaCount.toLocaleString(locale === "en" ? "en-GB" : "sv-SE")}</dd>
            <dt>{t("commitments")}</dt>
            <dd>{read.commitmentCount.toLocaleString(locale === "en" ? "en-GB" : "sv-SE")}</dd>
          </dl>
          {read.uncertain.length ? (
            <p className="ds-paragraph">
              {fill(t("uncertain"), { fields: labels(read.uncertain).join(", ") })}
            </p>
          ) : null}
          <PersonalDataWarning findings={read.personalData} headingId={`${headingId}-pd`} level={4} />
          {read.reviews.length > 1 ? <p className="ds-paragraph">{t("both")}</p> : null}
          <div className="actions">
            {read.reviews.map((review) =>
              review.reviewable ? (
                <Form key={review.part} method="post" action={editorPath(partnershipId, review.part)}>
                  <CsrfInput />
                  <input type="hidden" name="intent" value="review-import" />
                  <input type="hidden" name={IMPORT_REVIEW_FIELD} value={review.json} />
                  <button
                    type="submit"
                    className="ds-button"
                    data-variant={
                      review.part === "agreement" || read.reviews.length === 1 ? "primary" : "secondary"
                    }
                    aria-describedby={headingId}
                  >
                    {read.reviews.length > 1 ? t(`review.${review.part}`) : t("review")}
                  </button>
                </Form>
              ) : (
                <p key={review.part} className="ds-paragraph">
                  {t("tooBigToReview")}
                </p>
              ),
            )}
          </div>
        </>
      )}
    </section>
  );
}

function editorPath(partnershipId: string, part: ImportReviewPart): string {
  return part === "agreement"
    ? `/samverkan/${partnershipId}/overenskommelser/ny`
    : `/samverkan/${partnershipId}/medborgarloften/ny`;
}
