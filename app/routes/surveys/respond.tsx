import { randomBytes } from "node:crypto";
import { data, redirect } from "react-router";
import type { Route } from "./+types/respond";
import type { RouteHandle } from "~/root";
import { CsrfInput } from "~/components/csrf-input";
import { PlaceMap, type MapPlace, type MapSettings } from "~/components/place-map";
import { getEnv } from "~/config/env.server";
import { swedishDate } from "~/domain/agreements/document-lifecycle";
import { fieldName, PLACE_ENTRIES, responseInputFromForm } from "~/domain/surveys/response-input";
import { findSurveyDraft, saveSurveyDraft } from "~/domain/surveys/save-survey-draft.server";
import { submitSurveyResponse } from "~/domain/surveys/submit-survey-response.server";
import {
  AGE_BAND_LABELS,
  GENDER_LABELS,
  PLACE_DAY_LABELS,
  PLACE_REASON_LABELS,
  PLACE_TIME_LABELS,
} from "~/domain/surveys/survey-labels";
import { findWaveByLink, isWaveOpen, longSwedishDate } from "~/domain/surveys/survey.queries.server";
import {
  AGE_BANDS,
  GENDERS,
  localized,
  MAX_FREE_TEXT_ANSWER,
  PLACE_DAYS,
  PLACE_REASONS,
  PLACE_TIMES,
  SURVEY_LANGUAGE_NAMES,
  type LocalizedText,
  type Question,
  type SurveyDefinition,
} from "~/domain/surveys/survey.schemas";
import { isAppError } from "~/errors/app-error";
import { defineMessages, type Locale } from "~/i18n/messages";
import { publicOrigin } from "~/lib/public-url.server";
import { surveySubmissionLimit } from "~/lib/rate-limit.server";
import { appContext } from "~/lib/request-context.server";
import surveyStyles from "~/styles/survey.css?url";

/**
 * A resident answers a wave of a safety survey: anonymous, no account, one form that works without
 * JavaScript (and is sent without it). The interface is Swedish, or English for every other
 * language of the survey (its questions are in that language where the survey has them).
 */

const messages = defineMessages({
  sv: {
    languages: "Språk",
    period: "Du kan svara från {from} till och med {to}.",
    anonymous:
      "Enkäten är anonym: vi frågar inte efter ditt namn, din e-post eller din adress, och dina svar kan inte kopplas till dig.",
    codeAnonymous:
      "Koden från brevet visar bara att brevet inte redan har använts. Den sparas inte tillsammans med dina svar.",
    duration:
      "Det tar ungefär {minutes} minuter. Alla frågor är frivilliga – hoppa över det du inte vill svara på.",
    code: "Kod från brevet",
    codeHint: "Står i brevet du fick, t.ex. K7PXM-2QDHA.",
    about: "Om dig",
    aboutHint: "Frågorna används för att jämföra grupper. Ingen grupp redovisas om den är för liten.",
    area: "Var bor du?",
    areaSelect: "Välj område",
    gender: "Kön",
    age: "Ålder",
    noAnswer: "Vill inte svara",
    question: "Fråga {n} av {total}:",
    textAnswer: "Ditt svar (högst {max} tecken)",
    place: "Plats {n}",
    placePick: "Välj en plats",
    placeNone: "Ingen plats vald",
    placeDescribe: "eller beskriv platsen/adressen",
    placeWhy: "Varför känns platsen otrygg?",
    placeWhen: "När känns den otrygg?",
    placeDays: "Vilka dagar?",
    honeypot: "Lämna tomt",
    submit: "Skicka svaren",
    later: "Fortsätt senare",
    laterHint: "Sparar dina svar hittills och ger dig en länk för att fortsätta. Koden sparas inte.",
    errors: "Rätta följande:",
    draftMissing: "De sparade svaren finns inte längre (de sparas i 30 dagar). Du kan börja om här.",
    savedTitle: "Dina svar är sparade",
    savedText: "Använd länken nedan för att fortsätta där du slutade. Den gäller till och med {until}.",
    savedKeep:
      "Spara länken, t.ex. som bokmärke. Den som har länken kan se dina svar hittills, så dela den inte.",
    savedContinue: "Fortsätt med enkäten",
    closedTitle: "Enkäten är stängd",
    notYetTitle: "Enkäten har inte öppnat än",
    notFoundTitle: "Enkäten finns inte",
    notFoundText:
      "Vi hittar ingen enkät med den här länken. Kontrollera att länken är rätt skriven, eller fråga den som skickade den.",
    tooManyTitle: "För många svar",
    tooManyText: "För många svar från din adress på kort tid. Vänta en minut.",
    nothingStored: "Inga svar sparades.",
  },
  en: {
    languages: "Language",
    period: "You can answer from {from} to {to}.",
    anonymous:
      "The survey is anonymous: we do not ask for your name, e-mail or address, and your answers cannot be linked to you.",
    codeAnonymous:
      "The code from the letter only shows that the letter has not been used already. It is not stored with your answers.",
    duration:
      "It takes about {minutes} minutes. All questions are optional – skip anything you do not want to answer.",
    code: "Code from the letter",
    codeHint: "It is in the letter you received, e.g. K7PXM-2QDHA.",
    about: "About you",
    aboutHint: "These questions are used to compare groups. No group is reported if it is too small.",
    area: "Where do you live?",
    areaSelect: "Choose an area",
    gender: "Gender",
    age: "Age",
    noAnswer: "Prefer not to say",
    question: "Question {n} of {total}:",
    textAnswer: "Your answer (at most {max} characters)",
    place: "Place {n}",
    placePick: "Choose a place",
    placeNone: "No place chosen",
    placeDescribe: "or describe the place/address",
    placeWhy: "Why does the place feel unsafe?",
    placeWhen: "When does it feel unsafe?",
    placeDays: "Which days?",
    honeypot: "Leave empty",
    submit: "Send my answers",
    later: "Continue later",
    laterHint: "Saves your answers so far and gives you a link to continue. The code is not saved.",
    errors: "Please correct the following:",
    draftMissing: "The saved answers no longer exist (they are kept for 30 days). You can start again here.",
    savedTitle: "Your answers are saved",
    savedText: "Use the link below to continue where you left off. It is valid until {until}.",
    savedKeep:
      "Keep the link, e.g. as a bookmark. Anyone with the link can see your answers so far, so do not share it.",
    savedContinue: "Continue with the survey",
    closedTitle: "The survey is closed",
    notYetTitle: "The survey has not opened yet",
    notFoundTitle: "The survey does not exist",
    notFoundText:
      "We cannot find a survey with this link. Check that the link is typed correctly, or ask whoever sent it.",
    tooManyTitle: "Too many answers",
    tooManyText: "Too many answers from your address in a short time. Wait a minute.",
    nothingStored: "No answers were stored.",
  },
});
type MessageKey = keyof (typeof messages)["sv"];

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: surveyStyles }];

/**
 * Sent as HTML and CSS only: the form posts without scripts, and a phone loads less. A survey with
 * a map for its places is the exception: its page loads the client bundle, and the map with it.
 */
export const handle: RouteHandle<Page | undefined> = {
  hydrate: (page) => page?.state === "form" && page.map !== null,
};

// Answers and a draft's key are in these pages: never kept by a cache, never sent on as Referer.
// Not "no-referrer": browsers then post the form with `Origin: null`, which is refused.
export const headers: Route.HeadersFunction = () => ({
  "Cache-Control": "no-store",
  "Referrer-Policy": "same-origin",
});

export const meta: Route.MetaFunction = ({ data: page }) => [
  { title: `${page && "title" in page ? page.title : "Enkät"} – Tryggsam` },
  { name: "robots", content: "noindex" },
];

interface WaveView {
  linkKey: string;
  title: string;
  opensOn: string;
  closesOn: string;
  requiresCode: boolean;
  definition: SurveyDefinition;
}

type Page =
  | { state: "notFound" }
  | { state: "closed"; title: string; notYet: boolean; period: { from: string; to: string } }
  | { state: "rateLimited" }
  | {
      state: "form";
      title: string;
      wave: WaveView;
      language: string;
      submissionKey: string;
      values: Record<string, string[]>;
      errors: Record<string, string[]>;
      /** Opened from a saved draft (?fortsatt=), or the key named one that no longer exists. */
      fromDraft: boolean;
      draftMissing: boolean;
      /** The map for the place questions: only when a named place has coordinates to start from. */
      map: MapSettings | null;
    }
  | { state: "saved"; title: string; language: string; link: string; until: string };

/** The map's settings if the survey has a place question and a named place with a point. */
function mapFor(definition: SurveyDefinition): MapSettings | null {
  const mappable =
    definition.questions.some((q) => q.kind === "place") &&
    definition.places.some((p) => p.lat !== undefined && p.lng !== undefined);
  if (!mappable) return null;
  const env = getEnv();
  return { tileUrl: env.MAP_TILE_URL ?? null, attribution: env.MAP_TILE_ATTRIBUTION ?? null };
}

/** A new submission key: the form carries it, so a retried post counts once. */
const newSubmissionKey = () => randomBytes(24).toString("base64url");

function chooseLanguage(definition: SurveyDefinition, wanted: (string | null | undefined)[]): string {
  const offered = definition.languages as string[];
  return wanted.find((language) => language && offered.includes(language)) ?? "sv";
}

function presentWave(linkKey: string, wave: NonNullable<Awaited<ReturnType<typeof findWaveByLink>>>) {
  return {
    linkKey,
    title: wave.title,
    opensOn: wave.opensOn,
    closesOn: wave.closesOn,
    requiresCode: wave.requiresCode,
    definition: wave.definition,
  } satisfies WaveView;
}

function closedPage(wave: { title: string; opensOn: string; closesOn: string }, today: string) {
  return data<Page>(
    {
      state: "closed",
      title: wave.title,
      notYet: today < wave.opensOn,
      period: { from: longSwedishDate(wave.opensOn), to: longSwedishDate(wave.closesOn) },
    },
    { status: 410 },
  );
}

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const { db, locale } = context.get(appContext);
  const wave = await findWaveByLink(db, params.linkKey);
  if (!wave) return data<Page>({ state: "notFound" }, { status: 404 });
  const today = swedishDate(new Date());
  if (!isWaveOpen(wave, today)) return closedPage(wave, today);
  const search = new URL(request.url).searchParams;
  const draftKey = search.get("fortsatt");
  const draft = draftKey ? await findSurveyDraft(db, wave.id, draftKey) : null;
  return data<Page>({
    state: "form",
    title: wave.title,
    wave: presentWave(params.linkKey, wave),
    language: chooseLanguage(wave.definition, [search.get("sprak"), draft?.language?.[0], locale]),
    submissionKey: draft ? draftKey! : newSubmissionKey(),
    values: draft ?? {},
    errors: {},
    fromDraft: !!draft,
    draftMissing: !!draftKey && !draft,
    map: mapFor(wave.definition),
  });
}

/** The posted form as name → values, the shape the domain reads it in. */
async function postedFields(request: Request): Promise<Record<string, string[]>> {
  const form = await request.formData();
  const fields: Record<string, string[]> = {};
  for (const [name, value] of form) if (typeof value === "string") (fields[name] ??= []).push(value);
  return fields;
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const { db, clientAddress } = context.get(appContext);
  if (!surveySubmissionLimit.take(clientAddress))
    return data<Page>({ state: "rateLimited" }, { status: 429 });
  const fields = await postedFields(request);
  const wave = await findWaveByLink(db, params.linkKey);
  if (!wave) return data<Page>({ state: "notFound" }, { status: 404 });
  const language = chooseLanguage(wave.definition, [fields.language?.[0]]);
  const thanks = `/enkat/${params.linkKey}/tack${language === "sv" ? "" : `?sprak=${language}`}`;
  // The honeypot: a person never fills the hidden field, a form-filling robot does. It is told
  // all went well, and nothing is stored.
  if (fields.website?.some((v) => v.trim() !== "")) return redirect(thanks, 303);

  const submissionKey = fields.submissionKey?.[0] ?? "";
  const formPage = (errors: Record<string, string[]>, status: number) =>
    data<Page>(
      {
        state: "form",
        title: wave.title,
        wave: presentWave(params.linkKey, wave),
        language,
        submissionKey,
        values: fields,
        errors,
        fromDraft: false,
        draftMissing: false,
        map: mapFor(wave.definition),
      },
      { status },
    );
  try {
    if (fields.intent?.[0] === "later") {
      const saved = await saveSurveyDraft({ db }, params.linkKey, submissionKey, fields);
      const query = new URLSearchParams({
        fortsatt: saved.key,
        ...(language === "sv" ? {} : { sprak: language }),
      });
      return data<Page>({
        state: "saved",
        title: wave.title,
        language,
        link: `${publicOrigin(request)}/enkat/${params.linkKey}?${query.toString()}`,
        until: swedishDate(saved.expiresAt),
      });
    }
    await submitSurveyResponse({ db }, params.linkKey, responseInputFromForm(wave.definition, fields));
    return redirect(thanks, 303);
  } catch (error) {
    if (!isAppError(error)) throw error;
    if (error.code === "NOT_FOUND") return data<Page>({ state: "notFound" }, { status: 404 });
    if (error.code === "SURVEY_CLOSED") return closedPage(wave, swedishDate(new Date()));
    if (error.code === "VALIDATION") return formPage(error.fields, 400);
    // The answers stay on the page with the code's message: a mistyped code is fixed in place.
    if (error.code === "SURVEY_CODE_INVALID") return formPage({ code: [error.message] }, 403);
    throw error;
  }
}

// ----------------------------------------------------------------------------------------------

const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ""));

/** The interface's language for a survey language: Swedish, else English. */
const uiLocale = (language: string): Locale => (language === "sv" ? "sv" : "en");
const RTL = new Set(["ar", "fa"]);

/** A survey text in the survey's language, marked with it when it differs from the interface's. */
function Localized({ text, language }: { text: LocalizedText; language: string }) {
  const own = (text as Record<string, string | undefined>)[language]?.trim();
  if (!own || language === uiLocale(language)) return <>{localized(text, language)}</>;
  return (
    <span lang={language} dir={RTL.has(language) ? "rtl" : undefined}>
      {own}
    </span>
  );
}

/** A rough time to answer: a few seconds a choice, a minute for each text or place question. */
function estimatedMinutes(definition: SurveyDefinition): number {
  let seconds = 30;
  for (const q of definition.questions) {
    if (q.kind === "matrix") seconds += 8 * q.items.length + 10;
    else if (q.kind === "text" || q.kind === "place") seconds += 60;
    else seconds += 15;
  }
  return Math.max(2, Math.ceil(seconds / 60));
}

interface FormState {
  values: Record<string, string[]>;
  errors: Record<string, string[]>;
}

function FieldError({ name, state }: { name: string; state: FormState }) {
  const errors = state.errors[name];
  if (!errors?.length) return null;
  return (
    <div className="ds-validation-message field-error" data-field="validation" id={`${name}-error`}>
      {errors.join(" ")}
    </div>
  );
}

const invalidProps = (name: string, state: FormState) =>
  state.errors[name]?.length ? { "aria-invalid": true, "aria-describedby": `${name}-error` } : {};

/** Radios in a fieldset whose id is the field's name, so the error summary's link lands on it. */
function RadioGroup({
  name,
  legend,
  options,
  state,
  headingLevel,
}: {
  name: string;
  legend: React.ReactNode;
  options: { value: string; label: string }[];
  state: FormState;
  headingLevel?: boolean;
}) {
  const checked = state.values[name]?.[0] ?? null;
  return (
    <fieldset className="ds-fieldset survey-group" id={name} tabIndex={-1} {...invalidProps(name, state)}>
      <legend className={headingLevel ? "ds-label survey-question" : "ds-label"}>{legend}</legend>
      <FieldError name={name} state={state} />
      {options.map((option, i) => (
        <div className="ds-field survey-choice" key={option.value}>
          <input
            className="ds-input"
            type="radio"
            id={`${name}.${i}`}
            name={name}
            value={option.value}
            defaultChecked={checked === option.value}
          />
          <label className="ds-label" htmlFor={`${name}.${i}`}>
            {option.label}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

function CheckboxGroup({
  name,
  legend,
  options,
  state,
  className,
}: {
  name: string;
  legend: React.ReactNode;
  options: { value: string; label: string }[];
  state: FormState;
  className?: string;
}) {
  const checked = new Set(state.values[name] ?? []);
  return (
    <fieldset
      className={`ds-fieldset survey-group ${className ?? ""}`}
      id={name}
      tabIndex={-1}
      {...invalidProps(name, state)}
    >
      <legend className="ds-label">{legend}</legend>
      <FieldError name={name} state={state} />
      {options.map((option, i) => (
        <div className="ds-field survey-choice" key={option.value}>
          <input
            className="ds-input"
            type="checkbox"
            id={`${name}.${i}`}
            name={name}
            value={option.value}
            defaultChecked={checked.has(option.value)}
          />
          <label className="ds-label" htmlFor={`${name}.${i}`}>
            {option.label}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

const mapPlaces = (places: SurveyDefinition["places"]): MapPlace[] =>
  places.flatMap((p) =>
    p.lat !== undefined && p.lng !== undefined ? [{ name: p.name, lat: p.lat, lng: p.lng }] : [],
  );

/** The point a posted form or a draft carried, if both halves are numbers. */
function postedPoint(state: FormState, latName: string, lngName: string) {
  const lat = Number(state.values[latName]?.[0] || Number.NaN);
  const lng = Number(state.values[lngName]?.[0] || Number.NaN);
  return Number.isFinite(lat) && Number.isFinite(lng) ? { lat, lng } : null;
}

function QuestionView({
  question,
  n,
  total,
  language,
  places,
  map,
  state,
  t,
}: {
  question: Question;
  n: number;
  total: number;
  language: string;
  places: SurveyDefinition["places"];
  map: MapSettings | null;
  state: FormState;
  t: (key: MessageKey) => string;
}) {
  const name = fieldName.question(question.key);
  const legend = (
    <>
      <span className="survey-progress">{fill(t("question"), { n, total })}</span>{" "}
      <Localized text={question.text} language={language} />
    </>
  );
  const options = question.options.map((option, i) => ({
    value: String(i),
    label: localized(option, language),
  }));
  switch (question.kind) {
    case "single":
    case "scale":
      return <RadioGroup name={name} legend={legend} options={options} state={state} headingLevel />;
    case "multiple":
      return (
        <CheckboxGroup
          name={name}
          legend={legend}
          options={options}
          state={state}
          className="survey-question-group"
        />
      );
    case "matrix":
      return (
        <fieldset
          className="ds-fieldset survey-question-group"
          id={name}
          tabIndex={-1}
          {...invalidProps(name, state)}
        >
          <legend className="ds-label survey-question">{legend}</legend>
          <FieldError name={name} state={state} />
          {question.items.map((item) => (
            <RadioGroup
              key={item.key}
              name={fieldName.item(question.key, item.key)}
              legend={<Localized text={item.text} language={language} />}
              options={options}
              state={state}
            />
          ))}
        </fieldset>
      );
    case "text":
      return (
        <fieldset className="ds-fieldset survey-question-group">
          <legend className="ds-label survey-question">{legend}</legend>
          <div className="ds-field">
            <label className="ds-label" htmlFor={name}>
              {fill(t("textAnswer"), {
                max: MAX_FREE_TEXT_ANSWER.toLocaleString(uiLocale(language) === "sv" ? "sv-SE" : "en-GB"),
              })}
            </label>
            <FieldError name={name} state={state} />
            <textarea
              className="ds-input"
              id={name}
              name={name}
              rows={4}
              maxLength={MAX_FREE_TEXT_ANSWER}
              defaultValue={state.values[name]?.[0] ?? ""}
              {...invalidProps(name, state)}
            />
          </div>
        </fieldset>
      );
    case "place": {
      const locale = uiLocale(language);
      const entries = Array.from({ length: PLACE_ENTRIES }, (_, i) => i + 1);
      return (
        <fieldset
          className="ds-fieldset survey-question-group"
          id={name}
          tabIndex={-1}
          {...invalidProps(name, state)}
        >
          <legend className="ds-label survey-question">{legend}</legend>
          <FieldError name={name} state={state} />
          {entries.map((entry) => {
            const f = (part: Parameters<typeof fieldName.place>[2]) =>
              fieldName.place(question.key, entry, part);
            return (
              <fieldset className="ds-fieldset survey-place" key={entry}>
                <legend className="ds-label">{fill(t("place"), { n: entry })}</legend>
                {places.length > 0 ? (
                  <div className="ds-field">
                    <label className="ds-label" htmlFor={f("place")}>
                      {t("placePick")}
                    </label>
                    <FieldError name={f("place")} state={state} />
                    <select
                      className="ds-input"
                      id={f("place")}
                      name={f("place")}
                      defaultValue={state.values[f("place")]?.[0] ?? ""}
                      {...invalidProps(f("place"), state)}
                    >
                      <option value="">{t("placeNone")}</option>
                      {places.map((place) => (
                        <option key={place.key} value={place.key}>
                          {place.name}
                        </option>
                      ))}
                    </select>
                  </div>
                ) : null}
                <div className="ds-field">
                  <label className="ds-label" htmlFor={f("description")}>
                    {places.length > 0 ? t("placeDescribe") : fill(t("place"), { n: entry })}
                  </label>
                  <FieldError name={f("description")} state={state} />
                  <input
                    className="ds-input"
                    type="text"
                    id={f("description")}
                    name={f("description")}
                    maxLength={MAX_FREE_TEXT_ANSWER}
                    autoComplete="off"
                    defaultValue={state.values[f("description")]?.[0] ?? ""}
                    {...invalidProps(f("description"), state)}
                  />
                </div>
                {map ? (
                  <PlaceMap
                    settings={map}
                    places={mapPlaces(places)}
                    latName={f("lat")}
                    lngName={f("lng")}
                    initial={postedPoint(state, f("lat"), f("lng"))}
                    locale={locale}
                  />
                ) : (
                  <>
                    <input type="hidden" name={f("lat")} defaultValue={state.values[f("lat")]?.[0] ?? ""} />
                    <input type="hidden" name={f("lng")} defaultValue={state.values[f("lng")]?.[0] ?? ""} />
                  </>
                )}
                <CheckboxGroup
                  name={f("reason")}
                  legend={t("placeWhy")}
                  options={PLACE_REASONS.map((r) => ({ value: r, label: PLACE_REASON_LABELS[locale][r] }))}
                  state={state}
                />
                <CheckboxGroup
                  name={f("time")}
                  legend={t("placeWhen")}
                  options={PLACE_TIMES.map((v) => ({ value: v, label: PLACE_TIME_LABELS[locale][v] }))}
                  state={state}
                />
                <CheckboxGroup
                  name={f("day")}
                  legend={t("placeDays")}
                  options={PLACE_DAYS.map((v) => ({ value: v, label: PLACE_DAY_LABELS[locale][v] }))}
                  state={state}
                />
              </fieldset>
            );
          })}
        </fieldset>
      );
    }
  }
}

/** The errors at the top, each linking to its field; focused on load (autofocus works without JS). */
function ErrorSummary({
  state,
  ids,
  t,
}: {
  state: FormState;
  ids: Set<string>;
  t: (key: MessageKey) => string;
}) {
  const entries = Object.entries(state.errors).filter(([, messages]) => messages.length);
  if (entries.length === 0) return null;
  return (
    <div
      className="ds-alert error-summary"
      data-color="danger"
      tabIndex={-1}
      autoFocus
      role="alert"
      aria-labelledby="survey-errors"
      id="fel"
    >
      <h2 className="ds-heading" data-size="xs" id="survey-errors">
        {t("errors")}
      </h2>
      <ul>
        {entries.map(([name, messages]) => (
          <li key={name}>
            {ids.has(name) ? <a href={`#${name}`}>{messages.join(" ")}</a> : messages.join(" ")}
          </li>
        ))}
      </ul>
    </div>
  );
}

const PLACE_PARTS = ["place", "description", "reason", "time", "day"] as const;

/** Every field id of the form that an error may name. */
function fieldIds(definition: SurveyDefinition, requiresCode: boolean): Set<string> {
  const ids = new Set(["area", "gender", "age"]);
  if (requiresCode) ids.add("code");
  for (const q of definition.questions) {
    ids.add(fieldName.question(q.key));
    for (const item of q.items) ids.add(fieldName.item(q.key, item.key));
    if (q.kind === "place")
      for (let n = 1; n <= PLACE_ENTRIES; n++)
        for (const part of PLACE_PARTS) ids.add(fieldName.place(q.key, n, part));
  }
  return ids;
}

function SurveyForm({ page }: { page: Extract<Page, { state: "form" }> }) {
  const { wave, language } = page;
  const { definition } = wave;
  const locale = uiLocale(language);
  const t = (key: MessageKey) => messages[locale][key];
  const state: FormState = { values: page.values, errors: page.errors };
  const total = definition.questions.length;
  const languageLink = (lang: string) => {
    const query = new URLSearchParams({ sprak: lang });
    if (page.fromDraft) query.set("fortsatt", page.submissionKey);
    return `/enkat/${wave.linkKey}?${query.toString()}`;
  };
  return (
    <div className="survey narrow" lang={locale}>
      <h1 className="ds-heading" data-size="lg">
        {wave.title}
      </h1>
      {definition.languages.length > 1 ? (
        <nav aria-label={t("languages")} className="survey-languages">
          <ul className="actions">
            {definition.languages.map((lang) => (
              <li key={lang}>
                <a
                  className="ds-link"
                  href={languageLink(lang)}
                  lang={lang}
                  hrefLang={lang}
                  aria-current={lang === language ? "true" : undefined}
                >
                  {SURVEY_LANGUAGE_NAMES[lang]}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <p className="ds-paragraph">
        {fill(t("period"), { from: longDate(wave.opensOn, locale), to: longDate(wave.closesOn, locale) })}
      </p>
      <p className="ds-paragraph">{t("anonymous")}</p>
      {wave.requiresCode ? <p className="ds-paragraph">{t("codeAnonymous")}</p> : null}
      <p className="ds-paragraph">{fill(t("duration"), { minutes: estimatedMinutes(definition) })}</p>
      {page.draftMissing ? (
        <div className="ds-alert" data-color="warning">
          <p className="ds-paragraph">{t("draftMissing")}</p>
        </div>
      ) : null}

      <form method="post" action={`/enkat/${wave.linkKey}`} noValidate className="stack survey-form">
        <ErrorSummary state={state} ids={fieldIds(definition, wave.requiresCode)} t={t} />
        <CsrfInput />
        <input type="hidden" name="submissionKey" value={page.submissionKey} />
        <input type="hidden" name="language" value={language} />
        <div className="visually-hidden">
          <label htmlFor="website">{t("honeypot")}</label>
          <input type="text" id="website" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
        </div>

        {wave.requiresCode ? (
          <div className="ds-field field">
            <label className="ds-label" htmlFor="code">
              {t("code")}
            </label>
            <div className="field-description" id="code-hint">
              {t("codeHint")}
            </div>
            <FieldError name="code" state={state} />
            <input
              className="ds-input"
              type="text"
              id="code"
              name="code"
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              maxLength={50}
              defaultValue={state.values.code?.[0] ?? ""}
              aria-invalid={state.errors.code?.length ? true : undefined}
              aria-describedby={state.errors.code?.length ? "code-hint code-error" : "code-hint"}
            />
          </div>
        ) : null}

        <fieldset className="ds-fieldset survey-question-group">
          <legend className="ds-heading" data-size="xs">
            {t("about")}
          </legend>
          <p className="field-description">{t("aboutHint")}</p>
          {definition.areas.length <= 12 ? (
            <RadioGroup
              name="area"
              legend={t("area")}
              options={[
                ...definition.areas.map((a) => ({ value: a.key, label: a.name })),
                { value: "", label: t("noAnswer") },
              ]}
              state={state}
            />
          ) : (
            <div className="ds-field">
              <label className="ds-label" htmlFor="area">
                {t("area")}
              </label>
              <FieldError name="area" state={state} />
              <select
                className="ds-input"
                id="area"
                name="area"
                defaultValue={state.values.area?.[0] ?? ""}
                {...invalidProps("area", state)}
              >
                <option value="">{t("noAnswer")}</option>
                {definition.areas.map((a) => (
                  <option key={a.key} value={a.key}>
                    {a.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          <RadioGroup
            name="gender"
            legend={t("gender")}
            options={[
              ...GENDERS.map((g) => ({ value: g, label: GENDER_LABELS[locale][g] })),
              { value: "", label: t("noAnswer") },
            ]}
            state={state}
          />
          <RadioGroup
            name="age"
            legend={t("age")}
            options={[
              ...AGE_BANDS.map((a) => ({ value: a, label: AGE_BAND_LABELS[locale][a] })),
              { value: "", label: t("noAnswer") },
            ]}
            state={state}
          />
        </fieldset>

        {definition.questions.map((question, i) => (
          <QuestionView
            key={question.key}
            question={question}
            n={i + 1}
            total={total}
            language={language}
            places={definition.places}
            map={page.map}
            state={state}
            t={t}
          />
        ))}

        <div className="actions">
          <button type="submit" className="ds-button" data-variant="primary" name="intent" value="submit">
            {t("submit")}
          </button>
          <button
            type="submit"
            className="ds-button"
            data-variant="secondary"
            name="intent"
            value="later"
            aria-describedby="later-hint"
          >
            {t("later")}
          </button>
        </div>
        <p className="field-description" id="later-hint">
          {t("laterHint")}
        </p>
      </form>
    </div>
  );
}

/** "3 mars 2026" / "3 March 2026". */
function longDate(isoDate: string, locale: Locale): string {
  return new Date(`${isoDate}T00:00:00Z`).toLocaleDateString(locale === "sv" ? "sv-SE" : "en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
}

function Notice({ title, children, lang }: { title: string; children: React.ReactNode; lang?: string }) {
  return (
    <div className="narrow" lang={lang}>
      <h1 className="ds-heading" data-size="lg">
        {title}
      </h1>
      {children}
    </div>
  );
}

export default function SurveyRespond({ loaderData, actionData }: Route.ComponentProps) {
  const page: Page = actionData ?? loaderData;
  const sv = messages.sv;
  switch (page.state) {
    case "form":
      return <SurveyForm page={page} />;
    case "notFound":
      return (
        <Notice title={sv.notFoundTitle}>
          <p className="ds-paragraph">{sv.notFoundText}</p>
        </Notice>
      );
    case "closed":
      return (
        <Notice title={page.notYet ? sv.notYetTitle : sv.closedTitle}>
          <p className="ds-paragraph">
            {page.title}:{" "}
            {page.notYet
              ? `den går att besvara ${page.period.from} – ${page.period.to}.`
              : `den gick att besvara ${page.period.from} – ${page.period.to}.`}
          </p>
          <p className="ds-paragraph">{sv.nothingStored}</p>
        </Notice>
      );
    case "rateLimited":
      return (
        <Notice title={sv.tooManyTitle}>
          <p className="ds-paragraph">{sv.tooManyText}</p>
          <p className="ds-paragraph">{sv.nothingStored}</p>
        </Notice>
      );
    case "saved": {
      const t = messages[uiLocale(page.language)];
      return (
        <Notice title={t.savedTitle} lang={page.language}>
          <p className="ds-paragraph">
            {fill(t.savedText, { until: longDate(page.until, uiLocale(page.language)) })}
          </p>
          <p className="ds-paragraph">
            <a className="ds-link" href={page.link}>
              {t.savedContinue}
            </a>
          </p>
          <p className="ds-paragraph survey-link">
            <code>{page.link}</code>
          </p>
          <p className="ds-paragraph">{t.savedKeep}</p>
        </Notice>
      );
    }
  }
}
