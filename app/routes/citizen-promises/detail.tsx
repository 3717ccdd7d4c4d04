import { useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, Link, redirect } from "react-router";
import type { z } from "zod";
import type { Route } from "./+types/detail";
import { TextAreaField } from "~/components/choice-fields";
import { CitizenPromiseView } from "~/components/citizen-promise-view";
import { ErrorSummary, PostForm, SelectField, SubmitButton, TextField } from "~/components/form";
import { QualityChecklist } from "~/components/quality-checklist";
import { Comments } from "~/components/comments";
import { LifecyclePanel, RevisionList, type LifecycleWords } from "~/components/document-lifecycle";
import { can } from "~/domain/access/permissions";
import { addComment } from "~/domain/comments/add-comment.server";
import { findComments } from "~/domain/comments/comment.queries.server";
import { commentSchema } from "~/domain/comments/comment.schemas";
import { getAgreement } from "~/domain/agreements/agreement.queries.server";
import { DATE_STATUS_LABELS } from "~/domain/agreements/document-parts.schemas";
import { signatureInputSchema, terminationSchema } from "~/domain/agreements/document-lifecycle.schemas";
import { checkCitizenPromise } from "~/domain/agreements/quality-check";
import { commitmentProgressSchema } from "~/domain/citizen-promises/citizen-promise-lifecycle.schemas";
import { getCitizenPromise } from "~/domain/citizen-promises/citizen-promise.queries.server";
import {
  COMMITMENT_STATUS_LABELS,
  COMMITMENT_STATUSES,
  type Commitment,
} from "~/domain/citizen-promises/citizen-promise.schemas";
import { markCitizenPromiseReadyForSigning } from "~/domain/citizen-promises/mark-citizen-promise-ready-for-signing.server";
import { publishCitizenPromise } from "~/domain/citizen-promises/publish-citizen-promise.server";
import { recordCitizenPromiseSignature } from "~/domain/citizen-promises/record-citizen-promise-signature.server";
import { recordCommitmentProgress } from "~/domain/citizen-promises/record-commitment-progress.server";
import { terminateCitizenPromise } from "~/domain/citizen-promises/terminate-citizen-promise.server";
import { periodText } from "~/documents/export/printable";
import { isAppError } from "~/errors/app-error";
import { defineMessages } from "~/i18n/messages";
import { useLocale, useT } from "~/i18n/use-t";
import { handleForm } from "~/lib/form-action.server";
import { pageCall } from "~/lib/http.server";
import { appContext } from "~/lib/request-context.server";
import { uuidParams } from "~/lib/route-params.server";
import { requireUser } from "~/lib/require-user.server";

const messages = defineMessages({
  sv: {
    back: "Tillbaka till samverkan",
    agreement: "Hör till överenskommelsen",
    status: "Status",
    stage: "Steg",
    period: "Period",
    noPeriod: "Ingen period angiven",
    version: "Version",
    saved: "En ny version är sparad.",
    readyDone: "Medborgarlöftet är klart för underskrift.",
    signedDone: "Underskriften är registrerad.",
    publishedDone: "Medborgarlöftet är publicerat.",
    terminatedDone: "Medborgarlöftet är upphävt.",
    progressDone: "Anteckningen om hur det går är sparad.",
    commented: "Kommentaren är skickad.",
    edit: "Redigera",
    export: "Ladda ned",
    docx: "Word (DOCX)",
    pdf: "PDF",
    progress: "Hur det går med löftena",
    progressHint: "Senaste status och daterade anteckningar per löfte; de publiceras med löftet.",
    noStatus: "Ingen status ännu",
    latestStatus: "Status",
    addProgress: "Skriv en anteckning",
    progressStatus: "Status",
    chooseStatus: "Välj status",
    occurredOn: "Datum",
    note: "Vad gjordes",
    submitProgress: "Spara anteckningen",
    signedOnHint: "T.ex. 2017-03-03.",
    someone: "okänd",
  },
  en: {
    back: "Back to the partnership",
    agreement: "Belongs to the agreement",
    status: "Status",
    stage: "Stage",
    period: "Period",
    noPeriod: "No period given",
    version: "Version",
    saved: "A new version has been saved.",
    readyDone: "The citizen promise is ready for signing.",
    signedDone: "The signature has been recorded.",
    publishedDone: "The citizen promise has been published.",
    terminatedDone: "The citizen promise has been terminated.",
    progressDone: "The progress note has been saved.",
    commented: "The comment has been sent.",
    edit: "Edit",
    export: "Download",
    docx: "Word (DOCX)",
    pdf: "PDF",
    progress: "How the commitments are going",
    progressHint: "The latest status and dated notes per commitment; they are published with the promise.",
    noStatus: "No status yet",
    latestStatus: "Status",
    addProgress: "Write a note",
    progressStatus: "Status",
    chooseStatus: "Choose a status",
    occurredOn: "Date",
    note: "What was done",
    submitProgress: "Save the note",
    signedOnHint: "E.g. 2017-03-03.",
    someone: "unknown",
  },
});

const STAGE_LABELS = {
  sv: {
    draft: "Utkast",
    "ready-for-signing": "Klart för underskrift",
    signed: "Undertecknat",
    published: "Publicerat",
  },
  en: { draft: "Draft", "ready-for-signing": "Ready for signing", signed: "Signed", published: "Published" },
} as const;

const PROMISE_WORDS: Record<"sv" | "en", LifecycleWords> = {
  sv: {
    ready: "Markera som klart för underskrift",
    signHint: "Polisen och kommunen skriver under; löftet är undertecknat när båda parter har gjort det.",
    publishHint: "Publicerat blir medborgarlöftet en allmän handling som invånarna kan läsa.",
    terminate: "Upphäv medborgarlöftet",
    terminatedOn: "Upphävt från",
    submitTerminate: "Upphäv",
  },
  en: {
    ready: "Mark as ready for signing",
    signHint: "The police and the municipality sign; the promise is signed once both parties have.",
    publishHint: "Once published, the citizen promise is a public document residents can read.",
    terminate: "Terminate the citizen promise",
    terminatedOn: "Terminated from",
    submitTerminate: "Terminate",
  },
};

const NOTICES = {
  sparad: "saved",
  klar: "readyDone",
  underskrift: "signedDone",
  publicerad: "publishedDone",
  upphavd: "terminatedDone",
  uppfoljning: "progressDone",
  kommentar: "commented",
} as const;

export const meta: Route.MetaFunction = ({ data: loaded }) => [
  { title: `${loaded?.promise.title ?? "Medborgarlöfte"} – Tryggsam` },
];

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const ctx = context.get(appContext);
  const { promiseId } = uuidParams(params, "promiseId");
  const actor = requireUser(ctx.actor, request);
  const { promise, agreement } = await pageCall(async () => {
    const promise = await getCitizenPromise(ctx, promiseId);
    const agreement = promise.agreementId ? await getAgreement(ctx, promise.agreementId) : null;
    return { promise, agreement };
  });
  const focusAreas = agreement?.content.focusAreas ?? [];
  const search = new URL(request.url).searchParams;
  const notice = Object.entries(NOTICES).find(([key]) => search.has(key))?.[1] ?? null;
  return {
    promise,
    agreement: agreement ? { id: agreement.id, title: agreement.title } : null,
    focusAreas: Object.fromEntries(focusAreas.map((a) => [a.key, a.title])),
    notice,
    quality: checkCitizenPromise(
      promise.content,
      focusAreas.map((a) => a.key),
    ),
    canEdit: can(actor, "agreement.edit", promise.partnershipId),
    canSign: can(actor, "agreement.sign", promise.partnershipId),
    canRecordProgress: can(actor, "commitmentProgress.record", promise.partnershipId),
    canComment: can(actor, "agreement.comment", promise.partnershipId),
    comments: await findComments(ctx, "citizen-promise", promise.id),
  };
}

type ActionData = {
  intent: string;
  commitmentKey?: string;
  reply?: SubmissionResult<string[]>;
  message?: string;
};

export async function action({ context, request, params }: Route.ActionArgs) {
  const ctx = context.get(appContext);
  const { promiseId: id } = uuidParams(params, "promiseId");
  requireUser(ctx.actor, request);
  const formData = await request.formData();
  const intentValue = formData.get("intent");
  const intent = typeof intentValue === "string" ? intentValue : "";
  const keyValue = formData.get("commitmentKey");
  const commitmentKey = typeof keyValue === "string" ? keyValue : undefined;
  const done = (key: string) => redirect(`/medborgarloften/${id}?${key}=1`);
  // Another partnership's document, or an unknown one, answers with the 404 page.
  return pageCall(async () => {
    const form = async <S extends z.ZodType>(schema: S, run: (value: z.output<S>) => Promise<Response>) => {
      const result = await handleForm(request, schema, run, formData);
      if (result instanceof Response) return result;
      return data<ActionData>({ intent, commitmentKey, reply: result.data }, result.init ?? undefined);
    };
    // A step without fields: an expected refusal (a step out of order, no permission) is shown above.
    const step = async (run: () => Promise<void>, key: string) => {
      try {
        await run();
        return done(key);
      } catch (error) {
        if (!isAppError(error) || error.code === "NOT_FOUND" || error.httpStatus >= 500) throw error;
        return data<ActionData>({ intent, message: error.message }, { status: error.httpStatus });
      }
    };
    switch (intent) {
      case "ready":
        return step(() => markCitizenPromiseReadyForSigning(ctx, id), "klar");
      case "publish":
        return step(() => publishCitizenPromise(ctx, id), "publicerad");
      case "comment":
        return form(commentSchema, async (value) => {
          await addComment(ctx, "citizen-promise", id, value);
          return redirect(`/medborgarloften/${id}?kommentar=1#kommentarer`);
        });
      case "sign":
        return form(signatureInputSchema, async (value) => {
          await recordCitizenPromiseSignature(ctx, id, value);
          return done("underskrift");
        });
      case "terminate":
        return form(terminationSchema, async (value) => {
          await terminateCitizenPromise(ctx, id, value);
          return done("upphavd");
        });
      case "progress":
        return form(commitmentProgressSchema, async (value) => {
          await recordCommitmentProgress(ctx, id, value);
          return redirect(`/medborgarloften/${id}?uppfoljning=1#uppfoljning-${value.commitmentKey}`);
        });
      default:
        throw data({ code: "NOT_FOUND" }, { status: 404 });
    }
  });
}

type LastResult = SubmissionResult<string[]> | undefined;

export default function CitizenPromisePage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT(messages);
  const locale = useLocale();
  const { promise, agreement, focusAreas, quality, canEdit, canSign, canRecordProgress, notice } = loaderData;
  const lastResult = (intent: string): LastResult =>
    actionData?.intent === intent ? actionData.reply : undefined;
  const generalError = actionData?.message ? [actionData.message] : [];
  const stage = promise.stage;
  const open = !promise.terminatedOn;
  const progressOf = new Map(promise.progress.map((p) => [p.commitmentKey, p]));
  const progress = (commitment: Commitment) => {
    const entry = progressOf.get(commitment.key);
    return (
      <div className="commitment-progress" id={`uppfoljning-${commitment.key}`}>
        <p className="ds-paragraph">
          {t("latestStatus")}:{" "}
          <span className="status-badge" data-status={entry?.status ?? "none"}>
            {entry?.status ? COMMITMENT_STATUS_LABELS[locale][entry.status] : t("noStatus")}
          </span>
        </p>
        {entry?.notes.length ? (
          <ul className="progress-notes">
            {entry.notes.map((note) => (
              <li key={note.id}>
                <strong>{note.occurredOn}</strong> — {COMMITMENT_STATUS_LABELS[locale][note.status]}
                {note.note ? <>: {note.note}</> : null} ({note.authorName ?? t("someone")})
              </li>
            ))}
          </ul>
        ) : null}
        {canRecordProgress && open ? (
          <ProgressForm
            commitmentKey={commitment.key}
            lastResult={
              actionData?.intent === "progress" && actionData.commitmentKey === commitment.key
                ? actionData.reply
                : undefined
            }
          />
        ) : null}
      </div>
    );
  };
  return (
    <div className="with-aside">
      <div className="stack">
        <p>
          <Link className="ds-link" to={`/samverkan/${promise.partnershipId}`}>
            {t("back")}
          </Link>
        </p>
        <h1 className="ds-heading" data-size="lg">
          {promise.title}
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
            <span className="status-badge" data-status={promise.status}>
              {DATE_STATUS_LABELS[locale][promise.status]}
            </span>
          </dd>
          <dt>{t("stage")}</dt>
          <dd>{STAGE_LABELS[locale][stage]}</dd>
          <dt>{t("period")}</dt>
          <dd>{periodText(promise.period) ?? t("noPeriod")}</dd>
          <dt>{t("version")}</dt>
          <dd>{promise.currentRevision}</dd>
          {agreement ? (
            <>
              <dt>{t("agreement")}</dt>
              <dd>
                <Link className="ds-link" to={`/overenskommelser/${agreement.id}`}>
                  {agreement.title}
                </Link>
              </dd>
            </>
          ) : null}
        </dl>
        <p className="button-row">
          {canEdit && open ? (
            <Link className="ds-button" data-variant="primary" to={`/medborgarloften/${promise.id}/redigera`}>
              {t("edit")}
            </Link>
          ) : null}
          <a
            className="ds-button"
            data-variant="secondary"
            href={`/medborgarloften/${promise.id}/export/docx`}
            download
          >
            {t("export")} {t("docx")}
          </a>
          <a
            className="ds-button"
            data-variant="secondary"
            href={`/medborgarloften/${promise.id}/export/pdf`}
            download
          >
            {t("export")} {t("pdf")}
          </a>
        </p>

        <CitizenPromiseView content={promise.content} focusAreas={focusAreas} after={progress} />

        <LifecyclePanel
          stage={stage}
          open={open}
          canEdit={canEdit}
          canSign={canSign}
          signatures={promise.signatures}
          words={PROMISE_WORDS[locale]}
          lastResult={lastResult}
        />

        <Comments
          comments={loaderData.comments}
          canComment={loaderData.canComment}
          lastResult={lastResult("comment")}
        />

        <RevisionList
          revisions={promise.revisions}
          currentRevision={promise.currentRevision}
          compareAction={`/medborgarloften/${promise.id}/jamfor`}
        />
      </div>
      <QualityChecklist check={quality} />
    </div>
  );
}

/** Status, date and what was done for one commitment; posts with intent "progress". */
function ProgressForm({ commitmentKey, lastResult }: { commitmentKey: string; lastResult: LastResult }) {
  const t = useT(messages);
  const locale = useLocale();
  const [form, fields] = useForm({
    id: `progress-${commitmentKey}`,
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: commitmentProgressSchema }),
    shouldRevalidate: "onBlur",
  });
  return (
    <details className="progress-form" open={!!lastResult}>
      <summary>{t("addProgress")}</summary>
      <PostForm form={form}>
        <input type="hidden" name="intent" value="progress" />
        <input type="hidden" name="commitmentKey" value={commitmentKey} />
        <ErrorSummary form={form} fields={[fields.status, fields.occurredOn, fields.note]} />
        <SelectField
          field={fields.status}
          label={t("progressStatus")}
          placeholder={t("chooseStatus")}
          options={COMMITMENT_STATUSES.map((s) => ({ value: s, label: COMMITMENT_STATUS_LABELS[locale][s] }))}
          required
        />
        <TextField
          field={fields.occurredOn}
          label={t("occurredOn")}
          description={t("signedOnHint")}
          required
        />
        <TextAreaField field={fields.note} label={t("note")} rows={3} />
        <SubmitButton>{t("submitProgress")}</SubmitButton>
      </PostForm>
    </details>
  );
}
