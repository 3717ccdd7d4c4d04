import type { SubmissionResult } from "@conform-to/react";
import { data, Link, redirect } from "react-router";
import type { z } from "zod";
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
import { handleForm } from "~/lib/form-action.server";
import { pageCall } from "~/lib/http.server";
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

type ActionData = { intent: string; reply?: SubmissionResult<string[]>; message?: string };

export async function action({ context, request, params }: Route.ActionArgs) {
  const ctx = context.get(appContext);
  const { agreementId: id } = uuidParams(params, "agreementId");
  requireUser(ctx.actor, request);
  const formData = await request.formData();
  const intentValue = formData.get("intent");
  const intent = typeof intentValue === "string" ? intentValue : "";
  const done = (key: string) => redirect(`/overenskommelser/${id}?${key}=1`);
  // Another partnership's document, or an unknown one, answers with the 404 page.
  return pageCall(async () => {
    const form = async <S extends z.ZodType>(schema: S, run: (value: z.output<S>) => Promise<Response>) => {
      const result = await handleForm(request, schema, run, formData);
      if (result instanceof Response) return result;
      return data<ActionData>({ intent, reply: result.data }, result.init ?? undefined);
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
        return step(() => markAgreementReadyForSigning(ctx, id), "klar");
      case "publish":
        return step(() => publishAgreement(ctx, id), "publicerad");
      case "comment":
        return form(commentSchema, async (value) => {
          await addComment(ctx, "agreement", id, value);
          return redirect(`/overenskommelser/${id}?kommentar=1#kommentarer`);
        });
      case "sign":
        return form(signatureInputSchema, async (value) => {
          await recordAgreementSignature(ctx, id, value);
          return done("underskrift");
        });
      case "terminate":
        return form(terminationSchema, async (value) => {
          await terminateAgreement(ctx, id, value);
          return done("uppsagd");
        });
      default:
        throw data({ code: "NOT_FOUND" }, { status: 404 });
    }
  });
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
