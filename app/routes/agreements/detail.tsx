import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, Link, redirect } from "react-router";
import type { Route } from "./+types/detail";
import { AgreementView } from "~/components/agreement-view";
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
import { markAgreementReadyForSigning } from "~/domain/agreements/mark-agreement-ready-for-signing.server";
import { periodText } from "~/documents/export/printable";
import { publishAgreement } from "~/domain/agreements/publish-agreement.server";
import { checkAgreement } from "~/domain/agreements/quality-check";
import { recordAgreementSignature } from "~/domain/agreements/record-agreement-signature.server";
import { terminateAgreement } from "~/domain/agreements/terminate-agreement.server";
import { isAppError } from "~/errors/app-error";
import { defineMessages } from "~/i18n/messages";
import { useLocale, useT } from "~/i18n/use-t";
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
  },
});

const AGREEMENT_WORDS: Record<"sv" | "en", LifecycleWords> = {
  sv: {
    ready: "Markera som klar för underskrift",
    signHint:
      "Polisen och kommunen skriver under; överenskommelsen är undertecknad när båda parter har gjort det.",
    publishHint: "Publicerad blir överenskommelsen en allmän handling som invånarna kan läsa.",
    terminate: "Säg upp överenskommelsen",
    terminatedOn: "Uppsagd från",
    submitTerminate: "Säg upp",
  },
  en: {
    ready: "Mark as ready for signing",
    signHint: "The police and the municipality sign; the agreement is signed once both parties have.",
    publishHint: "Once published, the agreement is a public document residents can read.",
    terminate: "Terminate the agreement",
    terminatedOn: "Terminated from",
    submitTerminate: "Terminate",
  },
};

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

        <LifecyclePanel
          stage={stage}
          open={open}
          canEdit={canEdit}
          canSign={canSign}
          signatures={agreement.signatures}
          words={AGREEMENT_WORDS[locale]}
          lastResult={lastResult}
        />

        <Comments
          comments={loaderData.comments}
          canComment={loaderData.canComment}
          lastResult={lastResult("comment")}
        />

        <RevisionList
          revisions={agreement.revisions}
          currentRevision={agreement.currentRevision}
          compareAction={`/overenskommelser/${agreement.id}/jamfor`}
        />
      </div>
      <QualityChecklist check={quality} />
    </div>
  );
}
