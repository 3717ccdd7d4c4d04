import { data, Form, Link } from "react-router";
import { CsrfInput } from "~/components/csrf-input";
import type { Route } from "./+types/list";
import { can, requirePartnershipPermission } from "~/domain/access/permissions";
import { getPartnership } from "~/domain/partnerships/partnership.queries.server";
import { STANDARD_INDICATORS } from "~/domain/surveys/external-results";
import { EXTERNAL_SOURCE_LABELS } from "~/domain/surveys/survey-labels";
import { findExternalResults, importExternalResults } from "~/domain/surveys/import-external-results.server";
import { findSurveys } from "~/domain/surveys/survey.queries.server";
import {
  findSurveyMinimumGroup,
  setSurveyMinimumGroup,
} from "~/domain/surveys/set-survey-minimum-group.server";
import { MAX_MINIMUM_GROUP, MIN_MINIMUM_GROUP } from "~/domain/surveys/survey.schemas";
import { isAppError } from "~/errors/app-error";
import { defineMessages } from "~/i18n/messages";
import { useLocale, useT } from "~/i18n/use-t";
import { pageCall } from "~/lib/http.server";
import { appContext } from "~/lib/request-context.server";
import { requireUser } from "~/lib/require-user.server";
import { uuidParams } from "~/lib/route-params.server";

const messages = defineMessages({
  sv: {
    title: "Trygghetsundersökningar",
    intro:
      "En trygghetsundersökning ställs i omgångar, t.ex. varje år, med samma frågor så att omgångarna går att jämföra.",
    none: "Samverkan har ingen trygghetsundersökning än.",
    create: "Bygg en ny enkät",
    waves: "{count} omgångar",
    back: "Tillbaka till samverkan",
    minimumTitle: "Minsta gruppstorlek",
    minimumIntro:
      "Resultat för grupper med färre svarande än så här visas aldrig utanför samordnarens sida: inte på den publicerade sidan, i CSV eller i det öppna API:et.",
    minimumLabel: "Minsta antal svarande i en grupp ({min}–{max})",
    minimumSave: "Spara",
    minimumSaved: "Sparat.",
    external: "Polisens och BRÅ:s resultat",
    externalIntro:
      "Läs in publicerade resultat (CSV med ett värde per område, år och indikator) för att se dem bredvid era egna omgångar. Samma område, år, indikator och källa ersätts vid en ny inläsning.",
    file: "CSV-fil (högst 1 MB)",
    upload: "Läs in",
    stored: "{n} rader lästes in.",
    noExternal: "Inga resultat är inlästa.",
    year: "År",
    area: "Område",
    indicator: "Indikator",
    value: "Värde",
    source: "Källa",
    answers: "Antal svar",
  },
  en: {
    title: "Safety surveys",
    intro:
      "A safety survey is asked in waves, e.g. every year, with the same questions so the waves compare.",
    none: "The partnership has no safety survey yet.",
    create: "Build a new survey",
    waves: "{count} waves",
    back: "Back to the partnership",
    minimumTitle: "Smallest group",
    minimumIntro:
      "Results for groups with fewer respondents than this are never shown outside the coordinator's page: not on the published page, in CSV or in the open-data API.",
    minimumLabel: "Smallest number of respondents in a group ({min}–{max})",
    minimumSave: "Save",
    minimumSaved: "Saved.",
    external: "Results from the police and BRÅ",
    externalIntro:
      "Take in published results (CSV with one value per area, year and indicator) to see them next to your own waves. The same area, year, indicator and source is replaced by a new import.",
    file: "CSV file (at most 1 MB)",
    upload: "Import",
    stored: "{n} lines were imported.",
    noExternal: "No results have been imported.",
    year: "Year",
    area: "Area",
    indicator: "Indicator",
    value: "Value",
    source: "Source",
    answers: "Answers",
  },
});

export const meta: Route.MetaFunction = () => [{ title: "Trygghetsundersökningar – Tryggsam" }];

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const ctx = context.get(appContext);
  const actor = requireUser(ctx.actor, request);
  const { id } = uuidParams(params, "id");
  const [partnership, surveys, external, minimumGroup] = await pageCall(async () =>
    Promise.all([
      getPartnership(ctx, id),
      findSurveys(ctx, id),
      findExternalResults(ctx, id),
      findSurveyMinimumGroup(ctx, id),
    ]),
  );
  return {
    partnership: { id: partnership.id, name: partnership.name },
    surveys: surveys.map((s) => ({ id: s.id, title: s.title, waves: s.waves.length })),
    canManage: can(actor, "survey.manage", id),
    minimumGroup,
    external: external.map((row) => ({
      ...row,
      label: STANDARD_INDICATORS[row.indicator]?.label ?? row.indicator,
    })),
  };
}

/** The import of external results: the whole file or nothing, errors listed by line. */
export async function action({ context, request, params }: Route.ActionArgs) {
  const ctx = context.get(appContext);
  const actor = requireUser(ctx.actor, request);
  const { id } = uuidParams(params, "id");
  await pageCall(async () => requirePartnershipPermission(actor, "survey.manage", id));
  const form = await request.formData();
  if (form.get("intent") === "minimum-group") {
    try {
      const value = form.get("minimumGroup");
      await setSurveyMinimumGroup(ctx, id, { minimumGroup: typeof value === "string" ? value : "" });
      return { errors: [] as string[], minimumErrors: [] as string[], stored: null, minimumSaved: true };
    } catch (error) {
      if (isAppError(error) && error.code === "VALIDATION")
        return data(
          {
            errors: [] as string[],
            minimumErrors: error.fields.minimumGroup ?? [error.message],
            stored: null,
            minimumSaved: false,
          },
          { status: 400 },
        );
      return pageCall(() => Promise.reject(error as Error));
    }
  }
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0)
    return data(
      {
        errors: ["Välj en CSV-fil att läsa in."],
        minimumErrors: [] as string[],
        stored: null,
        minimumSaved: false,
      },
      { status: 400 },
    );
  try {
    const { stored } = await importExternalResults(ctx, id, Buffer.from(await file.arrayBuffer()));
    return { errors: [] as string[], minimumErrors: [] as string[], stored, minimumSaved: false };
  } catch (error) {
    if (isAppError(error) && error.code === "VALIDATION")
      return data(
        {
          errors: error.fields.file ?? [error.message],
          minimumErrors: [] as string[],
          stored: null,
          minimumSaved: false,
        },
        { status: 400 },
      );
    // Not found, no right: the page's usual answers.
    return pageCall(() => Promise.reject(error as Error));
  }
}

export default function SurveyList({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT(messages);
  const locale = useLocale();
  const { partnership, surveys, canManage, external, minimumGroup } = loaderData;
  return (
    <div className="stack">
      <p>
        <Link className="ds-link" to={`/samverkan/${partnership.id}`}>
          {t("back")}
        </Link>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {t("title")}
        <span className="muted"> – {partnership.name}</span>
      </h1>
      <p className="ds-paragraph">{t("intro")}</p>
      {surveys.length === 0 ? <p className="ds-paragraph">{t("none")}</p> : null}
      <ul className="card-list">
        {surveys.map((survey) => (
          <li key={survey.id}>
            <Link className="ds-link" to={`/enkater/${survey.id}`}>
              {survey.title}
            </Link>{" "}
            <span className="muted">({t("waves").replace("{count}", String(survey.waves))})</span>
          </li>
        ))}
      </ul>
      {canManage ? (
        <p>
          <Link className="ds-button" data-variant="primary" to={`/samverkan/${partnership.id}/enkater/ny`}>
            {t("create")}
          </Link>
        </p>
      ) : null}

      <section aria-labelledby="minimum-heading" className="stack narrow">
        <h2 className="ds-heading" data-size="md" id="minimum-heading">
          {t("minimumTitle")}
        </h2>
        <p className="ds-paragraph">{t("minimumIntro")}</p>
        {canManage ? (
          <Form method="post" className="inline-form">
            <CsrfInput />
            <input type="hidden" name="intent" value="minimum-group" />
            <div className="ds-field field">
              <label className="ds-label" htmlFor="minimum-group">
                {t("minimumLabel")
                  .replace("{min}", String(MIN_MINIMUM_GROUP))
                  .replace("{max}", String(MAX_MINIMUM_GROUP))}
              </label>
              <input
                className="ds-input"
                type="number"
                inputMode="numeric"
                id="minimum-group"
                name="minimumGroup"
                min={MIN_MINIMUM_GROUP}
                max={MAX_MINIMUM_GROUP}
                defaultValue={minimumGroup}
                aria-invalid={actionData?.minimumErrors.length ? true : undefined}
                aria-describedby={actionData?.minimumErrors.length ? "minimum-group-error" : undefined}
              />
              {actionData?.minimumErrors.length ? (
                <div className="ds-validation-message field-error" id="minimum-group-error">
                  {actionData.minimumErrors.join(" ")}
                </div>
              ) : null}
            </div>
            <button type="submit" className="ds-button" data-variant="secondary">
              {t("minimumSave")}
            </button>
            {actionData?.minimumSaved ? <p role="status">{t("minimumSaved")}</p> : null}
          </Form>
        ) : (
          <p className="ds-paragraph">{minimumGroup}</p>
        )}
      </section>

      <section aria-labelledby="external-heading" className="stack">
        <h2 className="ds-heading" data-size="md" id="external-heading">
          {t("external")}
        </h2>
        <p className="ds-paragraph">{t("externalIntro")}</p>
        {canManage ? (
          <Form method="post" encType="multipart/form-data" className="stack narrow">
            <CsrfInput />
            {actionData?.errors.length ? (
              <div className="ds-alert error-summary" data-color="danger" role="alert" tabIndex={-1}>
                <ul>
                  {actionData.errors.map((message) => (
                    <li key={message}>{message}</li>
                  ))}
                </ul>
              </div>
            ) : null}
            {actionData?.stored != null ? (
              <p className="ds-alert" data-color="success" role="status">
                {t("stored").replace("{n}", String(actionData.stored))}
              </p>
            ) : null}
            <div className="ds-field field">
              <label className="ds-label" htmlFor="external-file">
                {t("file")}
              </label>
              <input
                className="ds-input"
                type="file"
                id="external-file"
                name="file"
                accept=".csv,text/csv"
                aria-invalid={actionData?.errors.length ? true : undefined}
              />
            </div>
            <p>
              <button type="submit" className="ds-button" data-variant="secondary">
                {t("upload")}
              </button>
            </p>
          </Form>
        ) : null}
        {external.length === 0 ? (
          <p className="ds-paragraph">{t("noExternal")}</p>
        ) : (
          <div className="table-wrap">
            <table className="ds-table">
              <thead>
                <tr>
                  <th scope="col">{t("indicator")}</th>
                  <th scope="col">{t("year")}</th>
                  <th scope="col">{t("area")}</th>
                  <th scope="col">{t("value")}</th>
                  <th scope="col">{t("answers")}</th>
                  <th scope="col">{t("source")}</th>
                </tr>
              </thead>
              <tbody>
                {external.map((row) => (
                  <tr key={`${row.indicator}|${row.year}|${row.area}|${row.source}`}>
                    <th scope="row">{row.label}</th>
                    <td>{row.year}</td>
                    <td>{row.area}</td>
                    <td>{`${row.value.toLocaleString("sv-SE")}${row.unit === "percent" ? "\u00a0%" : ""}`}</td>
                    <td>{row.respondents ?? "–"}</td>
                    <td>{EXTERNAL_SOURCE_LABELS[locale][row.source] ?? row.source}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
