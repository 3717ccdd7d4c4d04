import { useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, Link, redirect } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/new";
import { CitizenPromiseEditor, type CitizenPromiseFormValue } from "~/components/citizen-promise-editor";
import { PeriodFields } from "~/components/document-fields";
import { ErrorSummary, PostForm, SelectField, SubmitButton, TextField } from "~/components/form";
import { BadImport, ImportReviewNotice } from "~/components/import-review-notice";
import { requirePartnershipPermission } from "~/domain/access/permissions";
import { findAgreements } from "~/domain/agreements/agreement.queries.server";
import {
  citizenPromiseFormSchema,
  newCitizenPromiseFormSchema,
  toFormValue,
} from "~/domain/citizen-promises/citizen-promise-form.schemas";
import type { CitizenPromiseContent } from "~/domain/citizen-promises/citizen-promise.schemas";
import { createCitizenPromiseDraft } from "~/domain/citizen-promises/create-citizen-promise-draft.server";
import { getPartnership } from "~/domain/partnerships/partnership.queries.server";
import { isAppError } from "~/errors/app-error";
import {
  citizenPromiseReviewSchema,
  IMPORT_REVIEW_FIELD,
  importReviewMetaSchema,
  parseReviewJson,
  type ImportReviewMeta,
} from "~/import/review";
import { defineMessages } from "~/i18n/messages";
import { useT } from "~/i18n/use-t";
import { handleForm } from "~/lib/form-action.server";
import { pageCall, throwAsPageError } from "~/lib/http.server";
import { appContext } from "~/lib/request-context.server";
import { uuidParams } from "~/lib/route-params.server";
import { requireUser } from "~/lib/require-user.server";

const messages = defineMessages({
  sv: {
    title: "Nytt medborgarlöfte",
    intro:
      "Börja med rubrik och period. Sedan skriver ni bakgrund, problembild och löftena i redigeraren; varje sparning blir en ny version.",
    docTitle: "Rubrik",
    docTitleHint: "T.ex. ”Medborgarlöfte 2017 Polis och Sollefteå kommun”.",
    agreement: "Hör till överenskommelsen",
    agreementHint: "Då kan löftena kopplas till överenskommelsens fokusområden.",
    noAgreement: "Ingen, löftet står för sig",
    submit: "Skapa utkast",
    back: "Tillbaka till {name}",
    reviewTitle: "Granska det importerade medborgarlöftet",
    reviewAgreementHint:
      "Kom löftet i samma fil som en överenskommelse? Spara överenskommelsen först, så kan du välja den här.",
    saveImport: "Spara som utkast",
  },
  en: {
    title: "New citizen promise",
    intro:
      "Start with the title and period. Then write the background, problem picture and commitments in the editor; every save becomes a new version.",
    docTitle: "Title",
    docTitleHint: "E.g. “Medborgarlöfte 2017 Polis och Sollefteå kommun”.",
    agreement: "Belongs to the agreement",
    agreementHint: "Its commitments can then be linked to the agreement's focus areas.",
    noAgreement: "None, the promise stands on its own",
    submit: "Create draft",
    back: "Back to {name}",
    reviewTitle: "Review the imported citizen promise",
    reviewAgreementHint:
      "Did the promise come in the same file as an agreement? Save the agreement first, then you can choose it here.",
    saveImport: "Save as draft",
  },
});

export const meta: Route.MetaFunction = () => [{ title: "Nytt medborgarlöfte – Tryggsam" }];

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const ctx = context.get(appContext);
  const { id: partnershipId } = uuidParams(params, "id");
  const actor = requireUser(ctx.actor, request);
  const { partnership, agreements } = await pageCall(async () => {
    requirePartnershipPermission(actor, "agreement.edit", partnershipId);
    return {
      partnership: await getPartnership(ctx, partnershipId),
      agreements: await findAgreements(ctx, partnershipId),
    };
  });
  return {
    partnership: { id: partnership.id, name: partnership.name },
    agreements: agreements.map((a) => ({ id: a.id, title: a.title })),
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const ctx = context.get(appContext);
  const { id: partnershipId } = uuidParams(params, "id");
  const actor = requireUser(ctx.actor, request);
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "review-import" || intent === "save-import") {
    // Nothing is shown to who may not write here, even what they sent themselves.
    await pageCall(async () => requirePartnershipPermission(actor, "agreement.edit", partnershipId));
    return intent === "review-import"
      ? reviewImport(formData)
      : saveImport(formData, (content, agreementId) =>
          createCitizenPromiseDraft(ctx, partnershipId, content, { agreementId }),
        );
  }
  // Another partnership's, or one the actor may not write in, answers with the error page.
  return handleForm(
    request,
    newCitizenPromiseFormSchema,
    ({ content, agreementId }) =>
      pageCall(async () => {
        const { id } = await createCitizenPromiseDraft(ctx, partnershipId, content, { agreementId });
        return redirect(`/medborgarloften/${id}/redigera`);
      }),
    formData,
  );
}

/** What the review editor shows: the imported content (first time) or the form as last sent. */
interface Review {
  meta: ImportReviewMeta;
  formValue: CitizenPromiseFormValue | null;
  reply: SubmissionResult<string[]> | null;
  /** The agreement chosen for the promise, and why it was refused. */
  agreementId: string;
  agreementErrors: string[];
}

const agreementIdSchema = z.union([z.literal(""), z.guid()]);

/** The upload's result page sends an imported citizen promise: show it in the editor, unsaved. */
function reviewImport(formData: FormData) {
  const review = parseReviewJson(citizenPromiseReviewSchema, formData.get(IMPORT_REVIEW_FIELD));
  if (!review) return data({ badImport: true as const }, { status: 400 });
  const { content, ...meta } = review;
  const shown: Review = {
    meta,
    formValue: toFormValue(content, 1, { themesSuggested: true }),
    reply: null,
    agreementId: "",
    agreementErrors: [],
  };
  return { review: shown };
}

/** The review editor is saved (or one of its buttons pressed): a new draft, or the form again. */
async function saveImport(
  formData: FormData,
  create: (content: CitizenPromiseContent, agreementId: string | null) => Promise<{ id: string }>,
) {
  const meta = parseReviewJson(importReviewMetaSchema, formData.get(IMPORT_REVIEW_FIELD));
  if (meta?.part !== "citizenPromise") return data({ badImport: true as const }, { status: 400 });
  const chosen = agreementIdSchema.safeParse(formData.get("agreementId") ?? "");
  const agreementId = chosen.success ? chosen.data : "";
  const submission = parseWithZod(formData, { schema: citizenPromiseFormSchema });
  const again = (reply: SubmissionResult<string[]>, agreementErrors: string[], status: number) => {
    const review: Review = { meta, formValue: null, reply, agreementId, agreementErrors };
    return data({ review }, { status });
  };
  const agreementErrors = chosen.success ? [] : ["Välj en överenskommelse i listan."];
  if (submission.status !== "success" || agreementErrors.length) {
    return again(
      submission.reply(),
      agreementErrors,
      submission.status === undefined && !agreementErrors.length ? 200 : 400,
    );
  }
  try {
    const { id } = await create(submission.value.content, agreementId || null);
    return redirect(`/medborgarloften/${id}?sparad=1`);
  } catch (error) {
    if (!isAppError(error) || error.httpStatus >= 500) throw error;
    if (error.code === "NOT_FOUND" || error.code === "FORBIDDEN") throwAsPageError(error);
    const { agreementId: refused = [], ...fieldErrors } = error.fields;
    const reply = submission.reply({
      fieldErrors,
      formErrors: Object.keys(error.fields).length ? [] : [error.message],
    });
    return again(reply, refused, error.code === "VALIDATION" ? 400 : error.httpStatus);
  }
}

export default function NewCitizenPromise({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT(messages);
  if (actionData && "review" in actionData) {
    return <ReviewImportedCitizenPromise {...loaderData} review={actionData.review} />;
  }
  if (actionData && "badImport" in actionData)
    return <BadImport partnershipId={loaderData.partnership.id} title={t("reviewTitle")} />;
  return <NewCitizenPromiseForm {...loaderData} lastResult={actionData} />;
}

interface PageData {
  partnership: { id: string; name: string };
  agreements: { id: string; title: string }[];
}

function NewCitizenPromiseForm({
  lastResult,
  ...loaderData
}: PageData & { lastResult: SubmissionResult<string[]> | undefined }) {
  const t = useT(messages);
  const [form, fields] = useForm({
    id: "new-citizen-promise",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: newCitizenPromiseFormSchema }),
    shouldRevalidate: "onBlur",
  });
  return (
    <div className="narrow">
      <p>
        <Link className="ds-link" to={`/samverkan/${loaderData.partnership.id}`}>
          {t("back").replace("{name}", loaderData.partnership.name)}
        </Link>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {t("title")}
      </h1>
      <p className="ds-paragraph">{t("intro")}</p>
      <PostForm form={form}>
        <ErrorSummary
          form={form}
          fields={[fields.title, fields.periodFrom, fields.periodTo, fields.agreementId]}
        />
        <TextField field={fields.title} label={t("docTitle")} description={t("docTitleHint")} required />
        <PeriodFields
          from={fields.periodFrom}
          to={fields.periodTo}
          continues={fields.continuesUntilReplaced}
        />
        {loaderData.agreements.length ? (
          <SelectField
            field={fields.agreementId}
            label={t("agreement")}
            description={t("agreementHint")}
            placeholder={t("noAgreement")}
            options={loaderData.agreements.map((a) => ({ value: a.id, label: a.title }))}
          />
        ) : null}
        <SubmitButton>{t("submit")}</SubmitButton>
      </PostForm>
    </div>
  );
}

function ReviewImportedCitizenPromise({ partnership, agreements, review }: PageData & { review: Review }) {
  const t = useT(messages);
  const agreementField = {
    id: "import-agreement",
    name: "agreementId",
    errorId: "import-agreement-error",
    descriptionId: "import-agreement-description",
    errors: review.agreementErrors,
    initialValue: review.agreementId,
  };
  return (
    <div className="stack">
      <p>
        <Link className="ds-link" to={`/samverkan/${partnership.id}`}>
          {t("back").replace("{name}", partnership.name)}
        </Link>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {t("reviewTitle")}
      </h1>
      <ImportReviewNotice meta={review.meta} />
      <CitizenPromiseEditor
        lastResult={review.reply}
        defaultValue={review.formValue ?? undefined}
        baseRevision={{ conflict: null, current: 1 }}
        focusAreas={[]}
        uncertain={review.meta.uncertain}
        submitLabel={t("saveImport")}
        hidden={
          <>
            <input type="hidden" name="intent" value="save-import" />
            <input type="hidden" name={IMPORT_REVIEW_FIELD} value={JSON.stringify(review.meta)} />
          </>
        }
      >
        <SelectField
          field={agreementField}
          label={t("agreement")}
          description={`${t("agreementHint")} ${t("reviewAgreementHint")}`}
          placeholder={t("noAgreement")}
          options={agreements.map((a) => ({ value: a.id, label: a.title }))}
        />
      </CitizenPromiseEditor>
    </div>
  );
}
