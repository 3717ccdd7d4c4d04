import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Link } from "react-router";
import type { Route } from "./+types/detail";
import { ErrorSummary, PostForm, SubmitButton, TextField } from "~/components/form";
import { can, requirePartnershipPermission } from "~/domain/access/permissions";
import { openSurveyWave } from "~/domain/surveys/open-survey-wave.server";
import { getSurvey } from "~/domain/surveys/survey.queries.server";
import { isWaveOpen, openSurveyWaveSchema } from "~/domain/surveys/survey-wave.schemas";
import { localized } from "~/domain/surveys/survey.schemas";
import { swedishDate } from "~/domain/agreements/document-lifecycle";
import { defineMessages } from "~/i18n/messages";
import { useLocale, useT } from "~/i18n/use-t";
import { handleForm } from "~/lib/form-action.server";
import { pageCall } from "~/lib/http.server";
import { publicOrigin } from "~/lib/public-url.server";
import { appContext } from "~/lib/request-context.server";
import { requireUser } from "~/lib/require-user.server";
import { uuidParams } from "~/lib/route-params.server";

const messages = defineMessages({
  sv: {
    questions: "Frågor",
    areas: "Områden",
    places: "Namngivna platser",
    waves: "Omgångar",
    noWaves: "Ingen omgång är öppnad än.",
    wave: "Omgång",
    period: "Svarstid",
    state: "Läge",
    answers: "Svar",
    link: "Länk för att svara",
    open: "Öppen",
    closed: "Stängd",
    upcoming: "Inte öppnad än",
    published: "Resultaten är publicerade",
    results: "Resultat",
    withCodes: "med koder",
    frozen: "Frågorna är låsta eftersom det finns svar: så går omgångarna att jämföra.",
    newWave: "Öppna en ny omgång",
    newWaveIntro: "En ny omgång ställer samma frågor och får en egen länk.",
    name: "Omgångens namn",
    nameHelp: "T.ex. året: 2026.",
    opensOn: "Första svarsdag",
    closesOn: "Sista svarsdag",
    codes: "Antal engångskoder (0 = öppen länk)",
    codesHelp: "För ett urval: varje kod kan användas en gång. Koderna visas bara en gång, direkt efteråt.",
    submit: "Öppna omgången",
    opened: "Omgången är öppnad. Länken för att svara:",
    codesOnce: "Spara koderna nu – de visas bara den här gången och sparas inte i klartext.",
    back: "Tillbaka till trygghetsundersökningarna",
  },
  en: {
    questions: "Questions",
    areas: "Areas",
    places: "Named places",
    waves: "Waves",
    noWaves: "No wave has been opened yet.",
    wave: "Wave",
    period: "Open for answers",
    state: "State",
    answers: "Answers",
    link: "Link to answer",
    open: "Open",
    closed: "Closed",
    upcoming: "Not open yet",
    published: "Results published",
    results: "Results",
    withCodes: "with codes",
    frozen: "The questions are locked because there are answers: that is how the waves compare.",
    newWave: "Open a new wave",
    newWaveIntro: "A new wave asks the same questions and gets a link of its own.",
    name: "Name of the wave",
    nameHelp: "E.g. the year: 2026.",
    opensOn: "First day for answers",
    closesOn: "Last day for answers",
    codes: "Number of single-use codes (0 = open link)",
    codesHelp: "For a sample: each code can be used once. The codes are shown only once, right after.",
    submit: "Open the wave",
    opened: "The wave is open. The link to answer:",
    codesOnce: "Save the codes now – they are shown only this time and are not stored in plain text.",
    back: "Back to the safety surveys",
  },
});

export const meta: Route.MetaFunction = ({ data: loaderData }) => [
  { title: `${loaderData?.survey.title ?? "Enkät"} – Tryggsam` },
];

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const ctx = context.get(appContext);
  const actor = requireUser(ctx.actor, request);
  const { surveyId } = uuidParams(params, "surveyId");
  const survey = await pageCall(() => getSurvey(ctx, surveyId));
  return {
    survey,
    today: swedishDate(new Date()),
    origin: publicOrigin(request),
    canManage: can(actor, "survey.manage", survey.partnershipId),
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const ctx = context.get(appContext);
  const actor = requireUser(ctx.actor, request);
  const { surveyId } = uuidParams(params, "surveyId");
  await pageCall(async () => {
    const survey = await getSurvey(ctx, surveyId);
    requirePartnershipPermission(actor, "survey.manage", survey.partnershipId);
  });
  const done: { opened?: { linkKey: string; codes: string[] } } = {};
  const reply = await handleForm(request, openSurveyWaveSchema, async (value) => {
    done.opened = await openSurveyWave(ctx, surveyId, value);
    return new Response(null, { status: 201 });
  });
  return done.opened ? { opened: done.opened } : reply;
}

export default function SurveyDetail({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT(messages);
  const locale = useLocale();
  const { survey, today, origin, canManage } = loaderData;
  const opened = actionData && "opened" in actionData ? actionData.opened : null;
  const [form, fields] = useForm({
    id: "open-wave",
    lastResult: actionData && !("opened" in actionData) ? (actionData as never) : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: openSurveyWaveSchema }),
    shouldRevalidate: "onBlur",
  });
  return (
    <div className="stack">
      <p>
        <Link className="ds-link" to={`/samverkan/${survey.partnershipId}/enkater`}>
          {t("back")}
        </Link>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {survey.title}
        <span className="muted"> – {survey.partnershipName}</span>
      </h1>
      {opened ? (
        <div className="ds-alert" data-color="success" role="status">
          <p className="ds-paragraph">
            {t("opened")} <code>{`${origin}/enkat/${opened.linkKey}`}</code>
          </p>
          {opened.codes.length ? (
            <>
              <p className="ds-paragraph">{t("codesOnce")}</p>
              <textarea
                className="ds-input"
                readOnly
                aria-label={t("codes")}
                rows={Math.min(10, opened.codes.length)}
                defaultValue={opened.codes.join("\n")}
              />
            </>
          ) : null}
        </div>
      ) : null}

      <section aria-labelledby="waves-heading" className="stack">
        <h2 className="ds-heading" data-size="md" id="waves-heading">
          {t("waves")}
        </h2>
        {survey.waves.length === 0 ? (
          <p className="ds-paragraph">{t("noWaves")}</p>
        ) : (
          <div className="table-wrap">
            <table className="ds-table">
              <thead>
                <tr>
                  <th scope="col">{t("wave")}</th>
                  <th scope="col">{t("period")}</th>
                  <th scope="col">{t("state")}</th>
                  <th scope="col">{t("answers")}</th>
                  <th scope="col">{t("link")}</th>
                </tr>
              </thead>
              <tbody>
                {survey.waves.map((wave) => (
                  <tr key={wave.id}>
                    <th scope="row">
                      <Link className="ds-link" to={`/enkater/${survey.id}/omgangar/${wave.id}`}>
                        {wave.name}
                        <span className="visually-hidden">: {t("results")}</span>
                      </Link>
                    </th>
                    <td>
                      {wave.opensOn} – {wave.closesOn}
                    </td>
                    <td>
                      {isWaveOpen(wave, today)
                        ? t("open")
                        : today < wave.opensOn
                          ? t("upcoming")
                          : t("closed")}
                      {wave.requiresCode ? ` (${t("withCodes")})` : ""}
                      {wave.resultsPublishedAt ? `. ${t("published")}` : ""}
                    </td>
                    <td>{wave.responses}</td>
                    <td>
                      <code>{`/enkat/${wave.linkKey}`}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="questions-heading" className="stack">
        <h2 className="ds-heading" data-size="md" id="questions-heading">
          {t("questions")}
        </h2>
        {survey.frozen ? <p className="ds-paragraph muted">{t("frozen")}</p> : null}
        <ol>
          {survey.definition.questions.map((question) => (
            <li key={question.key}>{localized(question.text, locale)}</li>
          ))}
        </ol>
        <h3 className="ds-heading" data-size="xs">
          {t("areas")}
        </h3>
        <p className="ds-paragraph">{survey.definition.areas.map((a) => a.name).join(", ")}</p>
        {survey.definition.places.length ? (
          <>
            <h3 className="ds-heading" data-size="xs">
              {t("places")}
            </h3>
            <p className="ds-paragraph">{survey.definition.places.map((p) => p.name).join(", ")}</p>
          </>
        ) : null}
      </section>

      {canManage ? (
        <section aria-labelledby="new-wave-heading" className="narrow">
          <h2 className="ds-heading" data-size="md" id="new-wave-heading">
            {t("newWave")}
          </h2>
          <p className="ds-paragraph">{t("newWaveIntro")}</p>
          <PostForm form={form}>
            <ErrorSummary form={form} fields={[fields.name, fields.opensOn, fields.closesOn, fields.codes]} />
            <TextField field={fields.name} label={t("name")} description={t("nameHelp")} required />
            <TextField field={fields.opensOn} label={t("opensOn")} type="date" required />
            <TextField field={fields.closesOn} label={t("closesOn")} type="date" required />
            <TextField
              field={fields.codes}
              label={t("codes")}
              description={t("codesHelp")}
              type="number"
              inputMode="numeric"
              defaultValue="0"
            />
            <SubmitButton>{t("submit")}</SubmitButton>
          </PostForm>
        </section>
      ) : null}
    </div>
  );
}
