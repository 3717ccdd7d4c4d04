import { useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, Link, redirect } from "react-router";
import type { Route } from "./+types/new";
import { AgreementEditor, type AgreementFormValue } from "~/components/agreement-editor";
import { PeriodFields } from "~/components/document-fields";
import { ErrorSummary, PostForm, SubmitButton, TextField } from "~/components/form";
import { BadImport, ImportReviewNotice } from "~/components/import-review-notice";
import { requirePartnershipPermission } from "~/domain/access/permissions";
import {
  agreementFormSchema,
  newAgreementFormSchema,
  toFormValue,
} from "~/domain/agreements/agreement-form.schemas";
import type { AgreementContent } from "~/domain/agreements/agreement.schemas";
import { createAgreementDraft } from "~/domain/agreements/create-agreement-draft.server";
import { getPartnership } from "~/domain/partnerships/partnership.queries.server";
import { isAppError } from "~/errors/app-error";
import {
  agreementReviewSchema,
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
    title: "Ny samverkansöverenskommelse",
    intro:
      "Börja med rubrik och period. Sedan skriver ni bakgrund, fokusområden, mål och uppföljning i redigeraren; varje sparning blir en ny version.",
    docTitle: "Rubrik",
    docTitleHint: "T.ex. ”Samverkansöverenskommelse mellan Polisen och Ånge kommun 2023–2026”.",
    submit: "Skapa utkast",
    back: "Tillbaka till {name}",
    reviewTitle: "Granska den importerade överenskommelsen",
    saveImport: "Spara som utkast",
  },
  en: {
    title: "New collaboration agreement",
    intro:
      "Start with the title and period. Then write the background, focus areas, goals and follow-up in the editor; every save becomes a new version.",
    docTitle: "Title",
    docTitleHint: "E.g. “Samverkansöverenskommelse mellan Polisen och Ånge kommun 2023–2026”.",
    submit: "Create draft",
    back: "Back to {name}",
    reviewTitle: "Review the imported agreement",
    saveImport: "Save as draft",
  },
});

export const meta: Route.MetaFunction = () => [{ title: "Ny samverkansöverenskommelse – Tryggsam" }];

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
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "review-import" || intent === "save-import") {
    // Nothing is shown to who may not write here, even what they sent themselves.
    await pageCall(async () => requirePartnershipPermission(actor, "agreement.edit", partnershipId));
    return intent === "review-import"
      ? reviewImport(formData)
      : saveImport(formData, (content) => createAgreementDraft(ctx, partnershipId, content));
  }
  // Another partnership's, or one the actor may not write in, answers with the error page.
  return handleForm(
    request,
    newAgreementFormSchema,
    (content) =>
      pageCall(async () => {
        const { id } = await createAgreementDraft(ctx, partnershipId, content);
        return redirect(`/overenskommelser/${id}/redigera`);
      }),
    formData,
  );
}

/** What the review editor shows: the imported content (first time) or the form as last sent. */
interface Review {
  meta: ImportReviewMeta;
  formValue: AgreementFormValue | null;
  reply: SubmissionResult<string[]> | null;
}

/** The upload's result page sends an imported agreement: show it in the editor, unsaved. */
function reviewImport(formData: FormData) {
  const review = parseReviewJson(agreementReviewSchema, formData.get(IMPORT_REVIEW_FIELD));
  if (!review) return data({ badImport: true as const }, { status: 400 });
  const { content, ...meta } = review;
  return {
    review: {
      meta,
      formValue: toFormValue(content, 1, { themesSuggested: true }),
      reply: null,
    } satisfies Review,
  };
}

/** The review editor is saved (or one of its list buttons pressed): a new draft, or the form again. */
async function saveImport(
  formData: FormData,
  create: (content: AgreementContent) => Promise<{ id: string }>,
) {
  const meta = parseReviewJson(importReviewMetaSchema, formData.get(IMPORT_REVIEW_FIELD));
  if (meta?.part !== "agreement") return data({ badImport: true as const }, { status: 400 });
  const submission = parseWithZod(formData, { schema: agreementFormSchema });
  if (submission.status !== "success") {
    const review: Review = { meta, formValue: null, reply: submission.reply() };
    return data({ review }, { status: submission.status ? 400 : 200 });
  }
  try {
    const { id } = await create(submission.value.content);
    return redirect(`/overenskommelser/${id}?sparad=1`);
  } catch (error) {
    if (!isAppError(error) || error.httpStatus >= 500) throw error;
    if (error.code === "NOT_FOUND" || error.code === "FORBIDDEN") throwAsPageError(error);
    const reply = submission.reply({
      fieldErrors: error.fields,
      formErrors: Object.keys(error.fields).length ? [] : [error.message],
    });
    const review: Review = { meta, formValue: null, reply };
    return data({ review }, { status: error.code === "VALIDATION" ? 400 : error.httpStatus });
  }
}
export default function NewAgreement({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT(messages);
  if (actionData && "review" in actionData) {
    return <ReviewImportedAgreement partnership={loaderData.partnership} review={actionData.review} />;
  }
  if (actionData && "badImport" in actionData)
    return <BadImport partnershipId={loaderData.partnership.id} title={t("reviewTitle")} />;
  return <NewAgreementForm partnership={loaderData.partnership} lastResult={actionData} />;
}

function NewAgreementForm({
  partnership,
  lastResult,
}: {
  partnership: { id: string; name: string };
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const t = useT(messages);
  const [form, fields] = useForm({
    id: "new-agreement",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: newAgreementFormSchema }),
    shouldRevalidate: "onBlur",
  });
  return (
    <div className="narrow">
      <p>
        <Link className="ds-link" to={`/samverkan/${partnership.id}`}>
          {t("back").replace("{name}", partnership.name)}
        </Link>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {t("title")}
      </h1>
      <p className="ds-paragraph">{t("intro")}</p>
      <PostForm form={form}>
        <ErrorSummary form={form} fields={[fields.title, fields.periodFrom, fields.periodTo]} />
        <TextField field={fields.title} label={t("docTitle")} description={t("docTitleHint")} required />
        <PeriodFields
          from={fields.periodFrom}
          to={fields.periodTo}
          continues={fields.continuesUntilReplaced}
        />
        <SubmitButton>{t("submit")}</SubmitButton>
      </PostForm>
    </div>
  );
}

function ReviewImportedAgreement({
  partnership,
  review,
}: {
  partnership: { id: string; name: string };
  review: Review;
}) {
  const t = useT(messages);
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
      <AgreementEditor
        lastResult={review.reply}
        defaultValue={review.formValue ?? undefined}
        baseRevision={{ conflict: null, current: 1 }}
        uncertain={review.meta.uncertain}
        submitLabel={t("saveImport")}
        hidden={
          <>
            <input type="hidden" name="intent" value="save-import" />
            <input type="hidden" name={IMPORT_REVIEW_FIELD} value={JSON.stringify(review.meta)} />
          </>
        }
      />
    </div>
  );
}
