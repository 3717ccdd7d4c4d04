import { data, Form, Link, redirect } from "react-router";
import { CsrfInput } from "~/components/csrf-input";
import { formatPoint, ResultsMap, type MapCircle } from "~/components/place-map";
import { getEnv } from "~/config/env.server";
import { groupLabel, indicatorLabelOf } from "~/domain/public/survey-results";
import { publishSurveyResults, withdrawSurveyResults } from "~/domain/surveys/publish-survey-results.server";
import { isAppError } from "~/errors/app-error";
import type { Route } from "./+types/results";
import {
  ShareBarChart,
  SWEDISH_CHART_LABELS,
  TrendChart,
  formatInterval,
  formatShare,
  type ChartLabels,
} from "~/components/survey-charts";
import { can, requirePartnershipPermission } from "~/domain/access/permissions";
import { computeWaveResults } from "~/domain/surveys/survey-results.server";
import { findExternalResults } from "~/domain/surveys/import-external-results.server";
import { getSurvey } from "~/domain/surveys/survey.queries.server";
import { DIMENSIONS, localized, type Dimension } from "~/domain/surveys/survey.schemas";
import { EXTERNAL_SOURCE_LABELS, PLACE_REASON_LABELS } from "~/domain/surveys/survey-labels";
import { notFound } from "~/errors/app-error";
import { defineMessages } from "~/i18n/messages";
import { useLocale, useT } from "~/i18n/use-t";
import { pageCall } from "~/lib/http.server";
import { appContext } from "~/lib/request-context.server";
import { requireUser } from "~/lib/require-user.server";
import { uuidParams } from "~/lib/route-params.server";

const messages = defineMessages({
  sv: {
    back: "Tillbaka till enkäten",
    respondents: "Antal svarande: {n}.",
    internal:
      "Du ser alla grupper, även små. Det som lämnar den här sidan – den publicerade sidan, CSV och API – visar inte grupper med färre än {min} svarande.",
    published: "Grupper med färre än {min} svarande visas inte.",
    tooFew: "För få svar för att visa resultat.",
    area: "Område",
    allAreas: "Alla områden",
    show: "Visa",
    indicator: "Andel: {label}",
    change: "Jämfört med förra omgången: {diff} procentenheter, {significance}.",
    significant: "statistiskt säkerställd förändring",
    notSignificant: "inte statistiskt säkerställd",
    byArea: "Per område",
    byGender: "Per kön",
    byAge: "Per ålder",
    group: "Grupp",
    share: "Andel",
    interval: "95 % konfidensintervall",
    answers: "Antal svar",
    problemIndex: "Problemindex 0–6",
    item: "Problem",
    index: "Index",
    overall: "Sammantaget problemindex: {index}.",
    places: "Otrygga platser",
    place: "Plats",
    mentions: "Antal",
    reasons: "Varför",
    noPlaces: "Inga platser är angivna.",
    pointOnly: "Punkt på kartan ({point})",
    texts: "Fritextsvar",
    textsIntro: "Fritextsvar publiceras aldrig. Svar med personnummer eller telefonnummer är markerade.",
    flagged: "Innehåller {what}",
    personnummer: "personnummer",
    phone: "telefonnummer",
    rawExport: "Ladda ner alla svar (CSV, bara för samordnare och polis)",
    external: "Polisens och BRÅ:s resultat för samma fråga",
    year: "År",
    source: "Källa",
    value: "Värde",
    publishTitle: "Publicering",
    publish: "Publicera resultaten",
    publishHelp:
      "Publicerade resultat visas för alla på en egen sida, som CSV och i det öppna API:et – bara grupper med minst {min} svarande.",
    withdraw: "Dra tillbaka publiceringen",
    isPublished: "Resultaten är publicerade:",
    notPublished: "Resultaten är inte publicerade.",
  },
  en: {
    back: "Back to the survey",
    respondents: "Respondents: {n}.",
    internal:
      "You see every group, also small ones. What leaves this page – the published page, CSV and API – hides groups of fewer than {min} respondents.",
    published: "Groups of fewer than {min} respondents are not shown.",
    tooFew: "Too few answers to show results.",
    area: "Area",
    allAreas: "All areas",
    show: "Show",
    indicator: "Share: {label}",
    change: "Compared with the previous wave: {diff} percentage points, {significance}.",
    significant: "a statistically significant change",
    notSignificant: "not statistically significant",
    byArea: "By area",
    byGender: "By gender",
    byAge: "By age",
    group: "Group",
    share: "Share",
    interval: "95 % confidence interval",
    answers: "Answers",
    problemIndex: "Problem index 0–6",
    item: "Problem",
    index: "Index",
    overall: "Overall problem index: {index}.",
    places: "Unsafe places",
    place: "Place",
    mentions: "Mentions",
    reasons: "Why",
    noPlaces: "No places were named.",
    pointOnly: "Point on the map ({point})",
    texts: "Free-text answers",
    textsIntro:
      "Free-text answers are never published. Answers with a personal identity number or a phone number are marked.",
    flagged: "Contains {what}",
    personnummer: "a personal identity number",
    phone: "a phone number",
    rawExport: "Download all answers (CSV, for coordinators and police only)",
    external: "The police's and BRÅ's results for the same question",
    year: "Year",
    source: "Source",
    value: "Value",
    publishTitle: "Publishing",
    publish: "Publish the results",
    publishHelp:
      "Published results are shown to everyone on a page of their own, as CSV and in the open-data API – only groups of at least {min} respondents.",
    withdraw: "Withdraw the publication",
    isPublished: "The results are published:",
    notPublished: "The results are not published.",
  },
});

const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? "");

export const meta: Route.MetaFunction = ({ data: loaderData }) => [
  {
    title: `${loaderData?.results.survey.title ?? "Resultat"} ${loaderData?.results.wave.name ?? ""} – Tryggsam`,
  },
];

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const ctx = context.get(appContext);
  const actor = requireUser(ctx.actor, request);
  const { surveyId, waveId } = uuidParams(params, "surveyId", "waveId");
  const survey = await pageCall(() => getSurvey(ctx, surveyId));
  if (!survey.waves.some((w) => w.id === waveId)) throw await pageCall(async () => notFound("Omgången"));
  await pageCall(async () => requirePartnershipPermission(actor, "survey.read", survey.partnershipId));
  const internal = can(actor, "survey.analyse", survey.partnershipId);
  const areaKey = new URL(request.url).searchParams.get("omrade");
  const results = await computeWaveResults(ctx.db, waveId, {
    mode: internal ? "internal" : "published",
    areaKey: areaKey && survey.definition.areas.some((a) => a.key === areaKey) ? areaKey : null,
  });
  if (!results) throw await pageCall(async () => notFound("Omgången"));
  const external = await findExternalResults(ctx, survey.partnershipId);
  const env = getEnv();
  return {
    results,
    external,
    map: { tileUrl: env.MAP_TILE_URL ?? null, attribution: env.MAP_TILE_ATTRIBUTION ?? null },
    canExport: can(actor, "survey.export-raw", survey.partnershipId),
    canPublish: can(actor, "survey.manage", survey.partnershipId),
  };
}

/** Publishing or withdrawing the wave's results; a refusal (still open…) is shown on the page. */
export async function action({ context, request, params }: Route.ActionArgs) {
  const ctx = context.get(appContext);
  const actor = requireUser(ctx.actor, request);
  const { surveyId, waveId } = uuidParams(params, "surveyId", "waveId");
  await pageCall(async () => {
    const survey = await getSurvey(ctx, surveyId);
    if (!survey.waves.some((w) => w.id === waveId)) throw notFound("Omgången");
    requirePartnershipPermission(actor, "survey.manage", survey.partnershipId);
  });
  const intent = (await request.formData()).get("intent");
  try {
    if (intent === "publish") await publishSurveyResults(ctx, waveId);
    else if (intent === "withdraw") await withdrawSurveyResults(ctx, waveId);
    else return data({ error: "Okänd åtgärd." }, { status: 400 });
  } catch (error) {
    if (isAppError(error) && error.code === "CONFLICT")
      return data({ error: error.message }, { status: 409 });
    return pageCall(() => Promise.reject(error as Error));
  }
  return redirect(`/enkater/${surveyId}/omgangar/${waveId}`, 303);
}

export default function SurveyResults({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT(messages);
  const locale = useLocale();
  const { results, canExport, canPublish, external } = loaderData;
  const { definition } = results.survey;
  const placeName = (place: (typeof results.places)[number]) =>
    place.placeKey
      ? (definition.places.find((p) => p.key === place.placeKey)?.name ?? place.placeKey)
      : (place.description ??
        (place.point ? fill(t("pointOnly"), { point: formatPoint(place.point, locale) }) : ""));
  // A circle per place with a position: the named place's own point, else where it was clicked.
  const circles: MapCircle[] = results.places.flatMap((place) => {
    const named = definition.places.find((p) => p.key === place.placeKey);
    const at =
      named?.lat !== undefined && named.lng !== undefined ? { lat: named.lat, lng: named.lng } : place.point;
    return at ? [{ ...at, label: placeName(place), mentions: place.mentions }] : [];
  });
  const chartLabels: ChartLabels = {
    ...SWEDISH_CHART_LABELS,
    ...(locale === "en"
      ? {
          hidden: "too few answers",
          share: "Share",
          interval: "95 % confidence interval",
          answers: "Answers",
          group: "Option",
          showTable: "Show as a table",
        }
      : {}),
  };
  const dimensionTitle: Record<Dimension, string> = {
    area: t("byArea"),
    gender: t("byGender"),
    age: t("byAge"),
  };
  return (
    <div className="stack">
      <p>
        <Link className="ds-link" to={`/enkater/${results.survey.id}`}>
          {t("back")}
        </Link>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {results.survey.title}: {results.wave.name}
      </h1>
      <p className="ds-paragraph">
        {results.hidden ? t("tooFew") : fill(t("respondents"), { n: String(results.respondents) })}{" "}
        {fill(results.mode === "internal" ? t("internal") : t("published"), {
          min: String(results.minimumGroup),
        })}
      </p>
      {results.mode === "internal" ? (
        <Form method="get" className="inline-form">
          <div className="ds-field field">
            <label className="ds-label" htmlFor="omrade">
              {t("area")}
            </label>
            <select className="ds-input" id="omrade" name="omrade" defaultValue={results.areaKey ?? ""}>
              <option value="">{t("allAreas")}</option>
              {definition.areas.map((area) => (
                <option key={area.key} value={area.key}>
                  {area.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="ds-button" data-variant="secondary">
            {t("show")}
          </button>
        </Form>
      ) : null}
      {canPublish ? (
        <section aria-labelledby="publish-heading" className="stack">
          <h2 className="ds-heading" data-size="xs" id="publish-heading">
            {t("publishTitle")}
          </h2>
          {actionData && "error" in actionData ? (
            <p className="ds-alert" data-color="danger" role="alert">
              {actionData.error}
            </p>
          ) : null}
          {results.wave.resultsPublishedAt ? (
            <p className="ds-paragraph">
              {t("isPublished")}{" "}
              <Link className="ds-link" to={`/trygghetsundersokningar/${results.wave.id}`}>
                {`/trygghetsundersokningar/${results.wave.id}`}
              </Link>
            </p>
          ) : (
            <p className="ds-paragraph">
              {t("notPublished")} {fill(t("publishHelp"), { min: String(results.minimumGroup) })}
            </p>
          )}
          <Form method="post">
            <CsrfInput />
            <button
              type="submit"
              className="ds-button"
              data-variant="secondary"
              name="intent"
              value={results.wave.resultsPublishedAt ? "withdraw" : "publish"}
            >
              {results.wave.resultsPublishedAt ? t("withdraw") : t("publish")}
            </button>
          </Form>
        </section>
      ) : null}
      {canExport ? (
        <p>
          <a
            className="ds-link"
            href={`/enkater/${results.survey.id}/omgangar/${results.wave.id}/svar.csv`}
            download
          >
            {t("rawExport")}
          </a>
        </p>
      ) : null}

      {results.questions.map((result, index) => {
        const question = definition.questions.find((q) => q.key === result.key)!;
        const title = `${index + 1}. ${localized(question.text, locale)}`;
        if (result.kind === "text" || result.kind === "place") return null;
        return (
          <section key={result.key} aria-labelledby={`q-${result.key}`} className="stack survey-result">
            <h2 className="ds-heading" data-size="sm" id={`q-${result.key}`}>
              {title}
            </h2>
            {result.hidden ? <p className="ds-paragraph">{t("tooFew")}</p> : null}
            {!result.hidden && result.kind !== "matrix" ? (
              <ShareBarChart
                id={`chart-${result.key}`}
                title={title}
                labels={chartLabels}
                bars={result.options.map((option) => ({
                  key: String(option.index),
                  label: localized(question.options[option.index]!, locale),
                  share: option.share?.share ?? null,
                  low: option.share?.low ?? null,
                  high: option.share?.high ?? null,
                  n: option.share?.count ?? null,
                }))}
              />
            ) : null}
            {result.change ? (
              <p className="ds-paragraph">
                {fill(t("change"), {
                  diff: (Math.round(result.change.difference! * 1000) / 10).toLocaleString(
                    locale === "en" ? "en-GB" : "sv-SE",
                    {
                      signDisplay: "always",
                    },
                  ),
                  significance: result.change.significant ? t("significant") : t("notSignificant"),
                })}
              </p>
            ) : null}
            {result.trend.length > 1 ? (
              <TrendChart
                id={`trend-${result.key}`}
                title={fill(t("indicator"), { label: indicatorLabelOf(question, locale) ?? "" })}
                labels={{ ...chartLabels, group: "" }}
                points={result.trend.map((point) => ({
                  key: point.waveId,
                  label: point.name,
                  share: point.indicator?.share ?? null,
                  low: point.indicator?.low ?? null,
                  high: point.indicator?.high ?? null,
                  n: point.indicator?.n ?? null,
                }))}
              />
            ) : null}
            {!result.hidden && result.indicator
              ? DIMENSIONS.map((dimension) => (
                  <div className="table-wrap" key={dimension}>
                    <table className="ds-table">
                      <caption>
                        {dimensionTitle[dimension]}:{" "}
                        {fill(t("indicator"), { label: indicatorLabelOf(question, locale) ?? "" })}
                      </caption>
                      <thead>
                        <tr>
                          <th scope="col">{t("group")}</th>
                          <th scope="col">{t("share")}</th>
                          <th scope="col">{t("interval")}</th>
                          <th scope="col">{t("answers")}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {result.groups[dimension].map((group) => (
                          <tr key={group.key}>
                            <th scope="row">{groupLabel(definition, dimension, group.key, locale)}</th>
                            {group.hidden ? (
                              <td colSpan={3}>{chartLabels.hidden}</td>
                            ) : (
                              <>
                                <td>
                                  {group.indicator?.share != null ? formatShare(group.indicator.share) : "–"}
                                </td>
                                <td>
                                  {group.indicator?.low != null && group.indicator.high != null
                                    ? formatInterval(group.indicator.low, group.indicator.high)
                                    : "–"}
                                </td>
                                <td>{group.n}</td>
                              </>
                            )}
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                ))
              : null}
            {!result.hidden && result.kind === "matrix" ? (
              <div className="table-wrap">
                <table className="ds-table">
                  <caption>{question.problemIndex ? t("problemIndex") : title}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("item")}</th>
                      <th scope="col">{t("share")}</th>
                      {question.problemIndex ? <th scope="col">{t("index")}</th> : null}
                      <th scope="col">{t("answers")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {result.items.map((item) => (
                      <tr key={item.key}>
                        <th scope="row">
                          {localized(question.items.find((i) => i.key === item.key)!.text, locale)}
                        </th>
                        <td>
                          {item.indicator?.share != null
                            ? formatShare(item.indicator.share)
                            : chartLabels.hidden}
                        </td>
                        {question.problemIndex ? (
                          <td>
                            {item.problemIndex != null
                              ? item.problemIndex.toFixed(1).replace(".", locale === "en" ? "." : ",")
                              : "–"}
                          </td>
                        ) : null}
                        <td>{item.n}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : null}
            <ExternalResults
              rows={external.filter((row) => row.indicator === (question.bank ?? question.key))}
              caption={t("external")}
              headers={{ year: t("year"), area: t("area"), value: t("value"), source: t("source") }}
            />
            {result.problemIndex != null ? (
              <p className="ds-paragraph">
                {fill(t("overall"), {
                  index: result.problemIndex.toFixed(1).replace(".", locale === "en" ? "." : ","),
                })}
              </p>
            ) : null}
          </section>
        );
      })}

      <section aria-labelledby="places-heading" className="stack">
        <h2 className="ds-heading" data-size="sm" id="places-heading">
          {t("places")}
        </h2>
        {results.places.length === 0 ? (
          <p className="ds-paragraph">{t("noPlaces")}</p>
        ) : (
          <div className="table-wrap">
            <table className="ds-table">
              <thead>
                <tr>
                  <th scope="col">{t("place")}</th>
                  <th scope="col">{t("mentions")}</th>
                  <th scope="col">{t("reasons")}</th>
                </tr>
              </thead>
              <tbody>
                {results.places.map((place) => (
                  <tr
                    key={
                      place.placeKey ??
                      (place.description === null && place.point
                        ? `point:${place.point.lat},${place.point.lng}`
                        : `text:${place.description}`)
                    }
                  >
                    <th scope="row">{placeName(place)}</th>
                    <td>{place.mentions}</td>
                    <td>
                      {Object.entries(place.reasons)
                        .sort((a, b) => b[1] - a[1])
                        .map(
                          ([reason, count]) =>
                            `${PLACE_REASON_LABELS[locale][reason as keyof (typeof PLACE_REASON_LABELS)["sv"]] ?? reason} (${count})`,
                        )
                        .join(", ")}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {results.mode === "internal" ? (
          <ResultsMap settings={loaderData.map} circles={circles} locale={locale === "en" ? "en" : "sv"} />
        ) : null}
      </section>

      {results.mode === "internal" ? (
        <section aria-labelledby="texts-heading" className="stack">
          <h2 className="ds-heading" data-size="sm" id="texts-heading">
            {t("texts")}
          </h2>
          <p className="ds-paragraph">{t("textsIntro")}</p>
          <ul className="card-list">
            {results.texts.map((answer, i) => (
              <li key={i}>
                {answer.flags.length ? (
                  <p className="ds-paragraph">
                    <strong className="status-badge" data-status="flagged">
                      {fill(t("flagged"), {
                        what: [
                          ...new Set(
                            answer.flags.map((f) => (f.kind === "phone" ? t("phone") : t("personnummer"))),
                          ),
                        ].join(", "),
                      })}
                    </strong>
                  </p>
                ) : null}
                <p className="ds-paragraph free-text">{answer.text}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

/** Figures the partnership took in from the police or BRÅ for the same indicator, beside its own. */
function ExternalResults({
  rows,
  caption,
  headers,
}: {
  rows: { year: number; area: string; value: number; unit: string; source: string }[];
  caption: string;
  headers: { year: string; area: string; value: string; source: string };
}) {
  const locale = useLocale();
  if (rows.length === 0) return null;
  return (
    <div className="table-wrap">
      <table className="ds-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{headers.year}</th>
            <th scope="col">{headers.area}</th>
            <th scope="col">{headers.value}</th>
            <th scope="col">{headers.source}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.year}|${row.area}|${row.source}`}>
              <th scope="row">{row.year}</th>
              <td>{row.area}</td>
              <td>{`${row.value.toLocaleString("sv-SE")}${row.unit === "percent" ? "\u00a0%" : ""}`}</td>
              <td>{EXTERNAL_SOURCE_LABELS[locale][row.source] ?? row.source}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
