import { parseWithZod } from "@conform-to/zod/v4";
import { data, Link, redirect } from "react-router";
import type { Route } from "./+types/edit";
import { CitizenPromiseEditor } from "~/components/citizen-promise-editor";
import { CitizenPromiseView } from "~/components/citizen-promise-view";
import { QualityChecklist } from "~/components/quality-checklist";
import { can } from "~/domain/access/permissions";
import { checkCitizenPromise } from "~/domain/agreements/quality-check";
import { getAgreement } from "~/domain/agreements/agreement.queries.server";
import {
  citizenPromiseFormSchema,
  toFormValue,
} from "~/domain/citizen-promises/citizen-promise-form.schemas";
import { getCitizenPromise } from "~/domain/citizen-promises/citizen-promise.queries.server";
import type { CitizenPromiseContent } from "~/domain/citizen-promises/citizen-promise.schemas";
import { saveCitizenPromiseRevision } from "~/domain/citizen-promises/save-citizen-promise-revision.server";
import { isAppError } from "~/errors/app-error";
import { defineMessages } from "~/i18n/messages";
import { useT } from "~/i18n/use-t";
import { pageCall, throwAsPageError } from "~/lib/http.server";
import { appContext } from "~/lib/request-context.server";
import { uuidParams } from "~/lib/route-params.server";
import { requireUser } from "~/lib/require-user.server";

const messages = defineMessages({
  sv: {
    title: "Redigera medborgarlöftet",
    version: "Du redigerar version {n}. Varje sparning blir en ny version; inget skrivs över.",
    back: "Tillbaka till medborgarlöftet",
    save: "Spara ny version",
    conflictTitle: "Någon annan har sparat under tiden",
    conflict:
      "{author} sparade version {n} medan du redigerade. Dina ändringar finns kvar i formuläret nedan. Jämför med deras version och spara igen när du har tagit med det som ska vara kvar.",
    theirVersion: "Version {n} ({author})",
    someone: "någon",
  },
  en: {
    title: "Edit the citizen promise",
    version: "You are editing version {n}. Every save becomes a new version; nothing is overwritten.",
    back: "Back to the citizen promise",
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

export const meta: Route.MetaFunction = () => [{ title: "Redigera medborgarlöftet – Tryggsam" }];

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const ctx = context.get(appContext);
  const { promiseId } = uuidParams(params, "promiseId");
  const actor = requireUser(ctx.actor, request);
  const promise = await pageCall(() => getCitizenPromise(ctx, promiseId));
  if (!can(actor, "agreement.edit", promise.partnershipId)) {
    throw data({ code: "FORBIDDEN" }, { status: 403 });
  }
  // The linked agreement's focus areas are what commitments can serve.
  const agreement = promise.agreementId
    ? await pageCall(() => getAgreement(ctx, promise.agreementId!))
    : null;
  const focusAreas = agreement?.content.focusAreas ?? [];
  return {
    id: promise.id,
    currentRevision: promise.currentRevision,
    signed: promise.stage === "signed" || promise.stage === "published",
    formValue: toFormValue(promise.content, promise.currentRevision),
    focusAreas: focusAreas.map((a) => ({ key: a.key, title: a.title })),
    // The checklist reads the saved version: it changes with each save.
    quality: checkCitizenPromise(
      promise.content,
      focusAreas.map((a) => a.key),
    ),
  };
}

interface Conflict {
  number: number;
  authorName: string | null;
  content: CitizenPromiseContent;
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const ctx = context.get(appContext);
  const { promiseId } = uuidParams(params, "promiseId");
  requireUser(ctx.actor, request);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: citizenPromiseFormSchema });
  if (submission.status !== "success") {
    return data({ reply: submission.reply(), conflict: null }, { status: submission.status ? 400 : 200 });
  }
  try {
    await saveCitizenPromiseRevision(ctx, promiseId, submission.value);
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
  return redirect(`/medborgarloften/${promiseId}?sparad=1`);
}

export default function EditCitizenPromise({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT(messages);
  const conflict = actionData?.conflict ?? null;
  const focusAreaTitles = Object.fromEntries(loaderData.focusAreas.map((a) => [a.key, a.title]));

  return (
    <div className="with-aside">
      <div className="stack">
        <p>
          <Link className="ds-link" to={`/medborgarloften/${loaderData.id}`}>
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
              <p className="ds-paragraph">
                <strong>{conflict.content.title}</strong>
              </p>
              <CitizenPromiseView content={conflict.content} level={3} focusAreas={focusAreaTitles} />
            </details>
          </section>
        ) : null}

        <CitizenPromiseEditor
          lastResult={actionData?.reply}
          defaultValue={loaderData.formValue}
          baseRevision={{ conflict: conflict?.number ?? null, current: loaderData.currentRevision }}
          amendment={loaderData.signed}
          focusAreas={loaderData.focusAreas}
          submitLabel={t("save")}
        />
      </div>
      <QualityChecklist check={loaderData.quality} />
    </div>
  );
}
