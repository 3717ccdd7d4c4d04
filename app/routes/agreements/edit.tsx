import { parseWithZod } from "@conform-to/zod/v4";
import { data, Link, redirect } from "react-router";
import type { Route } from "./+types/edit";
import { AgreementEditor } from "~/components/agreement-editor";
import { QualityChecklist } from "~/components/quality-checklist";
import { can } from "~/domain/access/permissions";
import { checkAgreement } from "~/domain/agreements/quality-check";
import { agreementFormSchema, toFormValue } from "~/domain/agreements/agreement-form.schemas";
import type { AgreementContent } from "~/domain/agreements/agreement.schemas";
import { getAgreement } from "~/domain/agreements/agreement.queries.server";
import { saveAgreementRevision } from "~/domain/agreements/save-agreement-revision.server";
import { isAppError } from "~/errors/app-error";
import { defineMessages } from "~/i18n/messages";
import { useT } from "~/i18n/use-t";
import { pageCall, throwAsPageError } from "~/lib/http.server";
import { appContext } from "~/lib/request-context.server";
import { uuidParams } from "~/lib/route-params.server";
import { requireUser } from "~/lib/require-user.server";

const messages = defineMessages({
  sv: {
    title: "Redigera överenskommelsen",
    version: "Du redigerar version {n}. Varje sparning blir en ny version; inget skrivs över.",
    back: "Tillbaka till överenskommelsen",
    save: "Spara ny version",
    conflictTitle: "Någon annan har sparat under tiden",
    conflict:
      "{author} sparade version {n} medan du redigerade. Dina ändringar finns kvar i formuläret nedan. Jämför med deras version och spara igen när du har tagit med det som ska vara kvar.",
    theirVersion: "Version {n} ({author})",
    someone: "någon",
  },
  en: {
    title: "Edit the agreement",
    version: "You are editing version {n}. Every save becomes a new version; nothing is overwritten.",
    back: "Back to the agreement",
    save: "Save new version",
    conflictTitle: "Someone else has saved meanwhile",
    conflict:
      "{author} saved version {n} while you were editing. Your changes are still in the form below. Compare with their version and save again once you have kept what should stay.",
    theirVersion: "Version {n} ({author})",
    someone: "someone",
  },
});

const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ""));

export const meta: Route.MetaFunction = () => [{ title: "Redigera överenskommelsen – Tryggsam" }];

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const ctx = context.get(appContext);
  const { agreementId } = uuidParams(params, "agreementId");
  const actor = requireUser(ctx.actor, request);
  const agreement = await pageCall(() => getAgreement(ctx, agreementId));
  if (!can(actor, "agreement.edit", agreement.partnershipId)) {
    throw data({ code: "FORBIDDEN" }, { status: 403 });
  }
  return {
    id: agreement.id,
    currentRevision: agreement.currentRevision,
    signed: agreement.stage === "signed" || agreement.stage === "published",
    formValue: toFormValue(agreement.content, agreement.currentRevision),
    // The checklist reads the saved version: it changes with each save.
    quality: checkAgreement(agreement.content),
  };
}

interface Conflict {
  number: number;
  authorName: string | null;
  content: AgreementContent;
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const ctx = context.get(appContext);
  const { agreementId } = uuidParams(params, "agreementId");
  requireUser(ctx.actor, request);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: agreementFormSchema });
  if (submission.status !== "success") {
    return data({ reply: submission.reply(), conflict: null }, { status: submission.status ? 400 : 200 });
  }
  try {
    await saveAgreementRevision(ctx, agreementId, submission.value);
  } catch (error) {
    if (!isAppError(error) || error.httpStatus >= 500) throw error;
    if (error.code === "NOT_FOUND") throwAsPageError(error);
    const current = error.details.current as Conflict | undefined;
    return data(
      {
        reply: submission.reply({
          fieldErrors: error.fields,
          formErrors: Object.keys(error.fields).length ? [] : [error.message],
        }),
        conflict: error.code === "CONFLICT" && current ? current : null,
      },
      { status: error.code === "VALIDATION" ? 400 : error.httpStatus },
    );
  }
  return redirect(`/overenskommelser/${agreementId}?sparad=1`);
}

export default function EditAgreement({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT(messages);
  const conflict = actionData?.conflict ?? null;

  return (
    <div className="with-aside">
      <div className="stack">
        <p>
          <Link className="ds-link" to={`/overenskommelser/${loaderData.id}`}>
            {t("back")}
          </Link>
        </p>
        <h1 className="ds-heading" data-size="lg">
          {t("title")}
        </h1>
        <p className="ds-paragraph">{fill(t("version"), { n: loaderData.currentRevision })}</p>
        {conflict ? (
          <section className="ds-alert conflict" data-color="warning" aria-labelledby="conflict-title">
            <h2 className="ds-heading" data-size="sm" id="conflict-title">
              {t("conflictTitle")}
            </h2>
            <p className="ds-paragraph">
              {fill(t("conflict"), { author: conflict.authorName ?? t("someone"), n: conflict.number })}
            </p>
            <details>
              <summary>
                {fill(t("theirVersion"), { n: conflict.number, author: conflict.authorName ?? t("someone") })}
              </summary>
              <ContentSummary content={conflict.content} />
            </details>
          </section>
        ) : null}

        <AgreementEditor
          lastResult={actionData?.reply}
          defaultValue={loaderData.formValue}
          baseRevision={{ conflict: conflict?.number ?? null, current: loaderData.currentRevision }}
          amendment={loaderData.signed}
          submitLabel={t("save")}
        />
      </div>
      <QualityChecklist check={loaderData.quality} />
    </div>
  );
}

/** The other person's version, read-only, so nothing of theirs is lost from view. */
function ContentSummary({ content }: { content: AgreementContent }) {
  return (
    <div className="stack">
      <p className="ds-paragraph">
        <strong>{content.title}</strong>
      </p>
      {content.background ? <p className="ds-paragraph pre-line">{content.background}</p> : null}
      {content.focusAreas.map((area) => (
        <div key={area.key}>
          <p className="ds-paragraph">
            <strong>{area.title}</strong>
          </p>
          {area.points.length ? (
            <ul>
              {area.points.map((point) => (
                <li key={point}>{point}</li>
              ))}
            </ul>
          ) : null}
          {area.cause.text ? <p className="ds-paragraph pre-line">{area.cause.text}</p> : null}
        </div>
      ))}
      {content.goals.length ? (
        <ul>
          {content.goals.map((goal) => (
            <li key={goal.text}>{goal.text}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
