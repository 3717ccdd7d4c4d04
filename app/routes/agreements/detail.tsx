import { useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/detail";
import { AgreementView } from "~/components/agreement-view";
import { TextAreaField } from "~/components/choice-fields";
import { CsrfInput } from "~/components/csrf-input";
import { ErrorSummary, PostForm, SelectField, SubmitButton, TextField } from "~/components/form";
import { QualityChecklist } from "~/components/quality-checklist";
import { Comments } from "~/components/comments";
import { can } from "~/domain/access/permissions";
import { addComment } from "~/domain/comments/add-comment.server";
import { findComments } from "~/domain/comments/comment.queries.server";
import { commentSchema } from "~/domain/comments/comment.schemas";
import { getAgreement } from "~/domain/agreements/agreement.queries.server";
import {
  DATE_STATUS_LABELS,
  SIGNATORY_PARTIES,
  SIGNATORY_PARTY_LABELS,
} from "~/domain/agreements/document-parts.schemas";
import { signatureInputSchema, terminationSchema } from "~/domain/agreements/document-lifecycle.schemas";
import { markAgreementReadyForSigning } from "~/domain/agreements/mark-agreement-ready-for-signing.server";
import { periodText } from "~/documents/export/printable";
import { publishAgreement } from "~/domain/agreements/publish-agreement.server";
import { checkAgreement } from "~/domain/agreements/quality-check";
import { recordAgreementSignature } from "~/domain/agreements/record-agreement-signature.server";
import { terminateAgreement } from "~/domain/agreements/terminate-agreement.server";
import { isAppError } from "~/errors/app-error";
import { defineMessages } from "~/i18n/messages";
import { useDateTimeFormat, useLocale, useT } from "~/i18n/use-t";
import { pageCall, throwAsPageError } from "~/lib/http.server";
import { appContext } from "~/lib/request-context.server";
import { uuidParams } from "~/lib/route-params.server";
import { requireUser } from "~/lib/require-user.server";

const messages = defineMessages({
  sv: {
    back: "Tillbaka till samverkan",
    status: "Status",
    stage: "Steg",
    period: "Period",
    noPeriod: "Ingen period angiven",
    version: "Version",
    saved: "En ny version är sparad.",
    readyDone: "Överenskommelsen är klar för underskrift.",
    signedDone: "Underskriften är registrerad.",
    publishedDone: "Överenskommelsen är publicerad.",
    terminatedDone: "Överenskommelsen är uppsagd.",
    commented: "Kommentaren är skickad.",
    edit: "Redigera",
    export: "Ladda ned",
    docx: "Word (DOCX)",
    pdf: "PDF",
    lifecycle: "Underskrift och publicering",
    ready: "Markera som klar för underskrift",
    readyHint: "När båda parter har läst den version som ska undertecknas.",
    sign: "Registrera en underskrift",
    signHint:
      "Polisen och kommunen skriver under; överenskommelsen är undertecknad när båda parter har gjort det.",
    name: "Namn",
    title: "Titel",
    party: "Part",
    chooseParty: "Välj part",
    signedOn: "Datum",
    signedOnHint: "T.ex. 2023-03-03.",
    place: "Ort",
    submitSign: "Registrera underskriften",
    signatures: "Underskrifter",
    noSignatures: "Inga underskrifter ännu.",
    publish: "Publicera",
    publishHint: "Publicerad blir överenskommelsen en allmän handling som invånarna kan läsa.",
    terminate: "Säg upp överenskommelsen",
    terminatedOn: "Uppsagd från",
    reason: "Skäl",
    submitTerminate: "Säg upp",
    revisions: "Versioner",
    amendment: "Revidering: {reason}",
    compare: "Jämför två versioner",
    compareA: "Version",
    compareB: "med version",
    submitCompare: "Jämför",
    someone: "okänd",
  },
  en: {
    back: "Back to the partnership",
    status: "Status",
    stage: "Stage",
    period: "Period",
    noPeriod: "No period given",
    version: "Version",
    saved: "A new version has been saved.",
    readyDone: "The agreement is ready for signing.",
    signedDone: "The signature has been recorded.",
    publishedDone: "The agreement has been published.",
    terminatedDone: "The agreement has been terminated.",
    commented: "The comment has been sent.",
    edit: "Edit",
    export: "Download",
    docx: "Word (DOCX)",
    pdf: "PDF",
    lifecycle: "Signing and publishing",
    ready: "Mark as ready for signing",
    readyHint: "When both parties have read the version to be signed.",
    sign: "Record a signature",
    signHint: "The police and the municipality sign; the agreement is signed once both parties have.",
    name: "Name",
    title: "Title",
    party: "Party",
    chooseParty: "Choose a party",
    signedOn: "Date",
    signedOnHint: "E.g. 2023-03-03.",
    place: "Place",
    submitSign: "Record the signature",
    signatures: "Signatures",
    noSignatures: "No signatures yet.",
    publish: "Publish",
    publishHint: "Once published, the agreement is a public document residents can read.",
    terminate: "Terminate the agreement",
    terminatedOn: "Terminated from",
    reason: "Reason",
    submitTerminate: "Terminate",
    revisions: "Versions",
    amendment: "Amendment: {reason}",
    compare: "Compare two versions",
    compareA: "Version",
    compareB: "with version",
    submitCompare: "Compare",
    someone: "unknown",
  },
});

const STAGE_LABELS = {
  sv: {
    draft: "Utkast",
    "ready-for-signing": "Klar för underskrift",
    signed: "Undertecknad",
    published: "Publicerad",
  },
  en: { draft: "Draft", "ready-for-signing": "Ready for signing", signed: "Signed", published: "Published" },
} as const;

const NOTICES = {
  sparad: "saved",
  klar: "readyDone",
  underskrift: "signedDone",
  publicerad: "publishedDone",
  uppsagd: "terminatedDone",
  kommentar: "commented",
} as const;

export const meta: Route.MetaFunction = ({ data: loaded }) => [
  { title: `${loaded?.agreement.title ?? "Överenskommelse"} – Tryggsam` },
];

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const ctx = context.get(appContext);
  const { agreementId } = uuidParams(params, "agreementId");
  const actor = requireUser(ctx.actor, request);
  const agreement = await pageCall(() => getAgreement(ctx, agreementId));
  const search = new URL(request.url).searchParams;
  const notice = Object.entries(NOTICES).find(([key]) => search.has(key))?.[1] ?? null;
  return {
    agreement,
    notice,
    quality: checkAgreement(agreement.content),
    canEdit: can(actor, "agreement.edit", agreement.partnershipId),
    canSign: can(actor, "agreement.sign", agreement.partnershipId),
    canComment: can(actor, "agreement.comment", agreement.partnershipId),
    comments: await findComments(ctx, "agreement", agreement.id),
  };
}

/** An expected failure of a write as the page shows it; anything else propagates. */
function failure(error: unknown): { status: number; message: string; fields: Record<string, string[]> } {
  if (!isAppError(error) || error.httpStatus >= 500) throw error;
  if (error.code === "NOT_FOUND") throwAsPageError(error);
  return {
    status: error.code === "VALIDATION" ? 400 : error.httpStatus,
    message: error.message,
    fields: error.fields,
  };
}

type ActionData = { intent: string; reply?: SubmissionResult<string[]>; message?: string };
type ReplyOptions = { fieldErrors: Record<string, string[]>; formErrors: string[] };

export async function action({ context, request, params }: Route.ActionArgs) {
  const ctx = context.get(appContext);
  const { agreementId } = uuidParams(params, "agreementId");
  requireUser(ctx.actor, request);
  const formData = await request.formData();
  const intentValue = formData.get("intent");
  const intent = typeof intentValue === "string" ? intentValue : "";
  const id = agreementId;
  const done = (key: string) => redirect(`/overenskommelser/${id}?${key}=1`);
  const step = async (run: () => Promise<void>, key: string) => {
    try {
      await run();
      return done(key);
    } catch (error) {
      const { status, message } = failure(error);
      return data<ActionData>({ intent, message }, { status });
    }
  };
  const refused = (error: unknown, reply: (options: ReplyOptions) => SubmissionResult<string[]>) => {
    const { status, message, fields } = failure(error);
    const hasFields = Object.keys(fields).length > 0;
    return data<ActionData>(
      { intent, reply: reply({ fieldErrors: fields, formErrors: hasFields ? [] : [message] }) },
      { status },
    );
  };
  switch (intent) {
    case "ready":
      return step(() => markAgreementReadyForSigning(ctx, id), "klar");
    case "publish":
      return step(() => publishAgreement(ctx, id), "publicerad");
    case "comment": {
      const submission = parseWithZod(formData, { schema: commentSchema });
      if (submission.status !== "success") {
        return data<ActionData>({ intent, reply: submission.reply() }, { status: 400 });
      }
      try {
        await addComment(ctx, "agreement", id, submission.value);
        return redirect(`/overenskommelser/${id}?kommentar=1#kommentarer`);
      } catch (error) {
        return refused(error, (options) => submission.reply(options));
      }
    }
    case "sign": {
      const submission = parseWithZod(formData, { schema: signatureInputSchema });
      if (submission.status !== "success") {
        return data<ActionData>({ intent, reply: submission.reply() }, { status: 400 });
      }
      try {
        await recordAgreementSignature(ctx, id, submission.value);
        return done("underskrift");
      } catch (error) {
        return refused(error, (options) => submission.reply(options));
      }
    }
    case "terminate": {
      const submission = parseWithZod(formData, { schema: terminationSchema });
      if (submission.status !== "success") {
        return data<ActionData>({ intent, reply: submission.reply() }, { status: 400 });
      }
      try {
        await terminateAgreement(ctx, id, submission.value);
        return done("uppsagd");
      } catch (error) {
        return refused(error, (options) => submission.reply(options));
      }
    }
    default:
      throw data({ code: "NOT_FOUND" }, { status: 404 });
  }
}

type LastResult = SubmissionResult<string[]> | undefined;

export default function AgreementPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT(messages);
  const locale = useLocale();
  const when = useDateTimeFormat();
  const { agreement, quality, canEdit, canSign, notice } = loaderData;
  const lastResult = (intent: string): LastResult =>
    actionData?.intent === intent ? actionData.reply : undefined;
  const generalError = actionData?.message ? [actionData.message] : [];
  const stage = agreement.stage;
  const open = !agreement.terminatedOn;
  return (
    <div className="with-aside">
      <div className="stack">
        <p>
          <Link className="ds-link" to={`/samverkan/${agreement.partnershipId}`}>
            {t("back")}
          </Link>
        </p>
        <h1 className="ds-heading" data-size="lg">
          {agreement.title}
        </h1>
        {notice ? (
          <div className="ds-alert" data-color="success" role="status">
            {t(notice)}
          </div>
        ) : null}
        {generalError.length ? (
          <div className="ds-alert" data-color="danger" role="alert">
            {generalError.join(" ")}
          </div>
        ) : null}
        <dl className="facts">
          <dt>{t("status")}</dt>
          <dd>
            <span className="status-badge" data-status={agreement.status}>
              {DATE_STATUS_LABELS[locale][agreement.status]}
            </span>
          </dd>
          <dt>{t("stage")}</dt>
          <dd>{STAGE_LABELS[locale][stage]}</dd>
          <dt>{t("period")}</dt>
          <dd>{periodText(agreement.period) ?? t("noPeriod")}</dd>
          <dt>{t("version")}</dt>
          <dd>{agreement.currentRevision}</dd>
        </dl>
        <p className="button-row">
          {canEdit && open ? (
            <Link
              className="ds-button"
              data-variant="primary"
              to={`/overenskommelser/${agreement.id}/redigera`}
            >
              {t("edit")}
            </Link>
          ) : null}
          <a
            className="ds-button"
            data-variant="secondary"
            href={`/overenskommelser/${agreement.id}/export/docx`}
            download
          >
            {t("export")} {t("docx")}
          </a>
          <a
            className="ds-button"
            data-variant="secondary"
            href={`/overenskommelser/${agreement.id}/export/pdf`}
            download
          >
            {t("export")} {t("pdf")}
          </a>
        </p>

        <AgreementView content={agreement.content} />

        <h2 className="ds-heading" data-size="md" id="underskrift">
          {t("lifecycle")}
        </h2>
        <h3 className="ds-heading" data-size="sm">
          {t("signatures")}
        </h3>
        {agreement.signatures.length ? (
          <ul>
            {agreement.signatures.map((s) => (
              <li key={s.id}>
                {s.name}
                {s.title ? `, ${s.title}` : ""} ({SIGNATORY_PARTY_LABELS[locale][s.party]}) —{" "}
                {s.place ? `${s.place} ` : ""}
                {s.signedOn}
              </li>
            ))}
          </ul>
        ) : (
          <p className="ds-paragraph">{t("noSignatures")}</p>
        )}
        {canEdit && stage === "draft" && open ? (
          <Form method="post" className="stack">
            <CsrfInput />
            <p className="ds-paragraph">{t("readyHint")}</p>
            <SubmitButton name="intent" value="ready">
              {t("ready")}
            </SubmitButton>
          </Form>
        ) : null}
        {canSign && stage === "ready-for-signing" && open ? (
          <SignForm lastResult={lastResult("sign")} />
        ) : null}
        {canSign && stage === "signed" && open ? (
          <Form method="post" className="stack">
            <CsrfInput />
            <p className="ds-paragraph">{t("publishHint")}</p>
            <SubmitButton name="intent" value="publish">
              {t("publish")}
            </SubmitButton>
          </Form>
        ) : null}
        {canSign && (stage === "signed" || stage === "published") && open ? (
          <TerminateForm lastResult={lastResult("terminate")} />
        ) : null}

        <Comments
          comments={loaderData.comments}
          canComment={loaderData.canComment}
          lastResult={lastResult("comment")}
        />

        <h2 className="ds-heading" data-size="md" id="versioner">
          {t("revisions")}
        </h2>
        <ol reversed className="revisions">
          {agreement.revisions.map((r) => (
            <li key={r.number}>
              {t("version")} {r.number} — {r.authorName ?? t("someone")}, {when.format(new Date(r.createdAt))}
              {r.amendmentReason ? <> — {t("amendment").replace("{reason}", r.amendmentReason)}</> : null}
            </li>
          ))}
        </ol>
        {agreement.revisions.length > 1 ? (
          <Form method="get" action={`/overenskommelser/${agreement.id}/jamfor`} className="compare-form">
            <fieldset className="ds-fieldset">
              <legend className="ds-label">{t("compare")}</legend>
              <label className="ds-label" htmlFor="compare-a">
                {t("compareA")}
              </label>
              <select
                className="ds-input"
                id="compare-a"
                name="a"
                defaultValue={String(agreement.currentRevision - 1)}
              >
                {agreement.revisions.map((r) => (
                  <option key={r.number} value={r.number}>
                    {r.number}
                  </option>
                ))}
              </select>
              <label className="ds-label" htmlFor="compare-b">
                {t("compareB")}
              </label>
              <select
                className="ds-input"
                id="compare-b"
                name="b"
                defaultValue={String(agreement.currentRevision)}
              >
                {agreement.revisions.map((r) => (
                  <option key={r.number} value={r.number}>
                    {r.number}
                  </option>
                ))}
              </select>
              <button type="submit" className="ds-button" data-variant="secondary">
                {t("submitCompare")}
              </button>
            </fieldset>
          </Form>
        ) : null}
      </div>
      <QualityChecklist check={quality} />
    </div>
  );
}

function SignForm({ lastResult }: { lastResult: LastResult }) {
  const t = useT(messages);
  const locale = useLocale();
  const [form, fields] = useForm({
    id: "sign",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: signatureInputSchema }),
    shouldRevalidate: "onBlur",
  });
  return (
    <PostForm form={form}>
      <h3 className="ds-heading" data-size="sm">
        {t("sign")}
      </h3>
      <p className="ds-paragraph">{t("signHint")}</p>
      <input type="hidden" name="intent" value="sign" />
      <ErrorSummary form={form} fields={[fields.name, fields.party, fields.signedOn]} />
      <TextField field={fields.name} label={t("name")} required />
      <TextField field={fields.title} label={t("title")} />
      <SelectField
        field={fields.party}
        label={t("party")}
        placeholder={t("chooseParty")}
        options={SIGNATORY_PARTIES.map((p) => ({ value: p, label: SIGNATORY_PARTY_LABELS[locale][p] }))}
        required
      />
      <TextField field={fields.signedOn} label={t("signedOn")} description={t("signedOnHint")} required />
      <TextField field={fields.place} label={t("place")} />
      <SubmitButton>{t("submitSign")}</SubmitButton>
    </PostForm>
  );
}

function TerminateForm({ lastResult }: { lastResult: LastResult }) {
  const t = useT(messages);
  const [form, fields] = useForm({
    id: "terminate",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: terminationSchema }),
    shouldRevalidate: "onBlur",
  });
  return (
    <details className="terminate">
      <summary>{t("terminate")}</summary>
      <PostForm form={form}>
        <input type="hidden" name="intent" value="terminate" />
        <ErrorSummary form={form} fields={[fields.terminatedOn, fields.reason]} />
        <TextField
          field={fields.terminatedOn}
          label={t("terminatedOn")}
          description={t("signedOnHint")}
          required
        />
        <TextAreaField field={fields.reason} label={t("reason")} required />
        <SubmitButton>{t("submitTerminate")}</SubmitButton>
      </PostForm>
    </details>
  );
}
