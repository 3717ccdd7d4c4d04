import { data, Link } from "react-router";
import type { Route } from "./+types/survey-results";
import type { RouteHandle } from "~/root";
import { dateLabel } from "~/components/public-documents";
import {
  formatInterval,
  formatShare,
  ShareBarChart,
  SWEDISH_CHART_LABELS,
  TrendChart,
  type ChartLabels,
} from "~/components/survey-charts";
import {
  presentSurveyResults,
  PUBLIC_DIMENSIONS,
  surveyResultsPath,
  type ProblemBand,
  type PublicGroup,
  type PublicGroupIndicator,
  type PublicQuestion,
  type PublicSurveyResults,
} from "~/domain/public/survey-results";
import { findPublishedWaveResults } from "~/domain/public/survey-results.queries.server";
import type { Dimension } from "~/domain/surveys/survey-results.server";
import { defineMessages, type Locale } from "~/i18n/messages";
import { useLocale, useT } from "~/i18n/use-t";
import { metaLocale, publicPageMeta } from "~/lib/meta";
import { publicOrigin } from "~/lib/public-url.server";
import { appContext } from "~/lib/request-context.server";

const messages = defineMessages({
  sv: {
    kicker: "Trygghetsundersökning",
    lead: "Resultat av omgången {wave} av trygghetsundersökningen i {partnership}.",
    period: "Svarsperiod",
    published: "Publicerad",
    respondents: "Antal svarande",
    municipalities: "Kommun",
    tooFew: "För få svar för att visa resultat",
    tooFewText:
      "Omgången fick färre än {min} svar. Då visas inga resultat alls, så att ingen som svarat kan pekas ut.",
    minimum:
      "Grupper med färre än {min} svarande visas inte, och inte heller så många andra grupper att de skulle kunna räknas fram ur summan; där står det ”för få svar”.",
    method:
      "Andelarna visas med ett 95 % konfidensintervall: det spann som andelen i hela befolkningen sannolikt ligger inom. Fritextsvar publiceras aldrig.",
    who: "Vilka som svarade",
    answered: "{n} svarade på frågan.",
    notAnswered: "För få svarade på frågan för att visa resultat.",
    indicator: "Andel som svarat {label}",
    trend: "{label}, per omgång",
    change:
      "Jämfört med {previous}: från {before} till {after}, {direction}. Förändringen är {significance}.",
    up: "en ökning med {points} procentenheter",
    down: "en minskning med {points} procentenheter",
    same: "oförändrat",
    significant: "statistiskt säkerställd",
    notSignificant: "inte statistiskt säkerställd",
    noChange: "Det finns ingen tidigare publicerad omgång att jämföra med.",
    byArea: "Efter område",
    byGender: "Efter kön",
    byAge: "Efter ålder",
    group: "Grupp",
    answers: "Antal svarande",
    share: "Andel",
    interval: "95 % konfidensintervall",
    hidden: "för få svar",
    option: "Svarsalternativ",
    wave: "Omgång",
    showTable: "Visa som tabell",
    problemIndex: "Problemindex 0–6",
    problemExplained:
      "Indexet går från 0 (inget problem alls) till 6 (mycket stort problem) och räknas som i polisens trygghetsmätning; svaret ”Vet ej” räknas inte. Under 2 betyder inga eller små problem, 2 till 4 vissa problem, 4 och över stora problem.",
    problem: "Problem",
    index: "Index",
    band: "Bedömning",
    overall: "Sammanvägt för området",
    small: "inga eller små problem",
    some: "vissa problem",
    large: "stora problem",
    places: "Otrygga platser",
    placesLead: "Platser i listan som minst {min} svarande har pekat ut som otrygga, flest först.",
    mentions: "Antal som nämnde platsen",
    place: "Plats",
    reasons: "Varför",
    times: "När",
    noPlaces: "Ingen plats i listan pekades ut av tillräckligt många för att visas.",
    otherPlaces: "Platser som färre pekat ut nämndes sammanlagt {n} gånger.",
    data: "Data",
    csv: "Ladda ner resultaten som CSV (för Excel)",
    json: "Öppna data som JSON",
    metaDescription:
      "Resultat av trygghetsundersökningen {wave} i {partnership}: hur trygga invånarna känner sig, problem i området och otrygga platser.",
  },
  en: {
    kicker: "Safety survey",
    lead: "Results of the {wave} round of the safety survey of {partnership}.",
    period: "Open for answers",
    published: "Published",
    respondents: "Respondents",
    municipalities: "Municipality",
    tooFew: "Too few answers to show results",
    tooFewText:
      "This round had fewer than {min} answers. No results are shown at all, so that nobody who answered can be singled out.",
    minimum:
      "Groups of fewer than {min} respondents are not shown, nor as many other groups as it would take to work them out from the total; they say “too few answers”.",
    method:
      "Shares are shown with a 95 % confidence interval: the range the share in the whole population most likely lies within. Free-text answers are never published.",
    who: "Who answered",
    answered: "{n} answered the question.",
    notAnswered: "Too few answered the question to show results.",
    indicator: "Share answering {label}",
    trend: "{label}, by round",
    change: "Compared with {previous}: from {before} to {after}, {direction}. The change is {significance}.",
    up: "an increase of {points} percentage points",
    down: "a decrease of {points} percentage points",
    same: "unchanged",
    significant: "statistically significant",
    notSignificant: "not statistically significant",
    noChange: "There is no earlier published round to compare with.",
    byArea: "By area",
    byGender: "By gender",
    byAge: "By age",
    group: "Group",
    answers: "Respondents",
    share: "Share",
    interval: "95 % confidence interval",
    hidden: "too few answers",
    option: "Answer",
    wave: "Round",
    showTable: "Show as a table",
    problemIndex: "Problem index 0–6",
    problemExplained:
      "The index runs from 0 (no problem at all) to 6 (a very big problem) and is computed as in the police's safety survey; “Don't know” is left out. Below 2 means no or small problems, 2 to 4 some problems, 4 and above big problems.",
    problem: "Problem",
    index: "Index",
    band: "Reading",
    overall: "Overall for the area",
    small: "no or small problems",
    some: "some problems",
    large: "big problems",
    places: "Unsafe places",
    placesLead: "Places on the list that at least {min} respondents named as unsafe, most named first.",
    mentions: "Times named",
    place: "Place",
    reasons: "Why",
    times: "When",
    noPlaces: "No place on the list was named by enough respondents to be shown.",
    otherPlaces: "Places named by fewer were named {n} times in all.",
    data: "Data",
    csv: "Download the results as CSV (for Excel)",
    json: "Open data as JSON",
    metaDescription:
      "Results of the {wave} safety survey of {partnership}: how safe residents feel, problems in the area and unsafe places.",
  },
});

type Key = keyof (typeof messages)["sv"];

const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ""));

const DIMENSION_HEADINGS: Record<Dimension, Key> = { area: "byArea", gender: "byGender", age: "byAge" };
const BAND_WORDS: Record<ProblemBand, Key> = { small: "small", some: "some", large: "large" };

/** Read-only: sent without scripts (root.tsx, decision 011). */
export const handle: RouteHandle = { hydrate: false };

export const meta: Route.MetaFunction = ({ data: loaderData, matches }) => {
  const locale = metaLocale(matches);
  if (!loaderData) return [{ title: "Tryggsam" }];
  const { results } = loaderData;
  const values = { wave: results.wave.name, partnership: results.partnership.name };
  return publicPageMeta({
    title: `${results.survey.title} ${results.wave.name}`,
    description: fill(messages[locale].metaDescription, values),
    url: `${loaderData.origin}${surveyResultsPath(results.wave.id)}`,
    locale,
  });
};

/** Anyone may read it once the wave's results are published; otherwise it does not exist. */
export async function loader({ context, params, request }: Route.LoaderArgs) {
  const { db, locale } = context.get(appContext);
  const found = await findPublishedWaveResults(db, params.waveId);
  if (!found) throw data({ code: "NOT_FOUND" }, { status: 404 });
  return { results: presentSurveyResults(found, locale), origin: publicOrigin(request) };
}

function useChartLabels(): ChartLabels {
  const t = useT(messages);
  return {
    ...SWEDISH_CHART_LABELS,
    hidden: t("hidden"),
    share: t("share"),
    interval: t("interval"),
    answers: t("answers"),
    group: t("option"),
    showTable: t("showTable"),
  };
}

const indexFormat = (locale: Locale) =>
  new Intl.NumberFormat(locale === "en" ? "en-GB" : "sv-SE", {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });

/** Who answered, per dimension: the group sizes, hidden ones in words. */
function RespondentGroups({ groups }: { groups: Record<Dimension, PublicGroup[]> }) {
  const t = useT(messages);
  return (
    <>
      {PUBLIC_DIMENSIONS.map((dimension) => (
        <div className="table-wrap" key={dimension}>
          <table className="ds-table survey-chart-table" data-dimension={dimension}>
            <caption>{t(DIMENSION_HEADINGS[dimension])}</caption>
            <thead>
              <tr>
                <th scope="col">{t("group")}</th>
                <th scope="col">{t("answers")}</th>
              </tr>
            </thead>
            <tbody>
              {groups[dimension].map((group) => (
                <tr key={group.key}>
                  <th scope="row">{group.label}</th>
                  {group.hidden ? (
                    <td className="survey-chart-hidden-cell">{t("hidden")}</td>
                  ) : (
                    <td className="numeric survey-group-n">{group.n}</td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </>
  );
}

/** The indicator by one dimension: a row per group, hidden ones say "för få svar" and nothing else. */
function GroupIndicatorTable({
  question,
  dimension,
  groups,
}: {
  question: PublicQuestion;
  dimension: Dimension;
  groups: PublicGroupIndicator[];
}) {
  const t = useT(messages);
  return (
    <div className="table-wrap">
      <table className="ds-table survey-chart-table" data-dimension={dimension}>
        <caption>
          {t(DIMENSION_HEADINGS[dimension])}: {fill(t("indicator"), { label: question.indicatorLabel ?? "" })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t("group")}</th>
            <th scope="col">{t("answers")}</th>
            <th scope="col">{t("share")}</th>
            <th scope="col">{t("interval")}</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((group) => (
            <tr key={group.key}>
              <th scope="row">{group.label}</th>
              {group.hidden ? (
                <td colSpan={3} className="survey-chart-hidden-cell">
                  {t("hidden")}
                </td>
              ) : (
                <>
                  <td className="numeric survey-group-n">{group.n}</td>
                  <td className="numeric">
                    {group.indicator?.share != null ? formatShare(group.indicator.share) : "–"}
                  </td>
                  <td className="numeric">
                    {group.indicator?.low != null && group.indicator.high != null
                      ? formatInterval(group.indicator.low, group.indicator.high)
                      : "–"}
                  </td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ChangeText({ question }: { question: PublicQuestion }) {
  const t = useT(messages);
  const { change } = question;
  if (!change) return question.trend.length > 1 ? null : <p className="ds-paragraph">{t("noChange")}</p>;
  const points = Math.round(Math.abs(change.difference) * 100);
  const direction =
    points === 0 ? t("same") : fill(change.difference > 0 ? t("up") : t("down"), { points: String(points) });
  return (
    <p className="ds-paragraph">
      {fill(t("change"), {
        previous: change.previousWaveName,
        before: formatShare(change.before),
        after: formatShare(change.after),
        direction,
        significance: change.significant ? t("significant") : t("notSignificant"),
      })}
    </p>
  );
}

function ProblemIndexTable({ question }: { question: PublicQuestion }) {
  const t = useT(messages);
  const locale = useLocale();
  const format = indexFormat(locale);
  return (
    <div className="table-wrap">
      <table className="ds-table survey-chart-table" data-kind="problem-index">
        <caption>{t("problemIndex")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("problem")}</th>
            <th scope="col">{t("index")}</th>
            <th scope="col">{t("band")}</th>
          </tr>
        </thead>
        <tbody>
          {[...question.items]
            .sort((a, b) => (b.problemIndex ?? -1) - (a.problemIndex ?? -1))
            .map((item) => (
              <tr key={item.key}>
                <th scope="row">{item.label}</th>
                {item.problemIndex === null || item.problemBand === null ? (
                  <td colSpan={2} className="survey-chart-hidden-cell">
                    {t("hidden")}
                  </td>
                ) : (
                  <>
                    <td className="numeric">{format.format(item.problemIndex)}</td>
                    <td>{t(BAND_WORDS[item.problemBand])}</td>
                  </>
                )}
              </tr>
            ))}
        </tbody>
        {question.problemIndex !== null && question.problemBand ? (
          <tfoot>
            <tr>
              <th scope="row">{t("overall")}</th>
              <td className="numeric">{format.format(question.problemIndex)}</td>
              <td>{t(BAND_WORDS[question.problemBand])}</td>
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}

function QuestionView({ question }: { question: PublicQuestion }) {
  const t = useT(messages);
  const labels = useChartLabels();
  const id = `q-${question.key}`;
  return (
    <section aria-labelledby={`${id}-heading`} className="public-section">
      <h3 className="ds-heading" data-size="sm" id={`${id}-heading`}>
        {question.text}
      </h3>
      {question.hidden || question.n === null ? (
        <p className="ds-paragraph">{t("notAnswered")}</p>
      ) : (
        <p className="ds-paragraph muted">{fill(t("answered"), { n: question.n })}</p>
      )}
      {question.kind === "matrix" ? (
        <>
          {question.items.map((item) =>
            item.hidden ? null : (
              <ShareBarChart
                key={item.key}
                id={`${id}-${item.key}`}
                title={item.label}
                labels={labels}
                bars={item.options.map((option) => ({
                  key: String(option.index),
                  label: option.label,
                  share: option.share,
                  low: option.low,
                  high: option.high,
                }))}
              />
            ),
          )}
          {question.items.some((item) => item.problemIndex !== null) ? (
            <>
              <ProblemIndexTable question={question} />
              <p className="ds-paragraph muted">{t("problemExplained")}</p>
            </>
          ) : null}
        </>
      ) : question.options.length > 0 ? (
        <ShareBarChart
          id={id}
          title={question.text}
          labels={labels}
          bars={question.options.map((option) => ({
            key: String(option.index),
            label: option.label,
            share: option.share,
            low: option.low,
            high: option.high,
          }))}
        />
      ) : null}
      {question.indicatorLabel && question.indicator?.share != null ? (
        <>
          <p className="ds-paragraph">
            <strong>{fill(t("indicator"), { label: question.indicatorLabel })}:</strong>{" "}
            {formatShare(question.indicator.share)}
            {question.indicator.low != null && question.indicator.high != null
              ? ` (${formatInterval(question.indicator.low, question.indicator.high)})`
              : null}
          </p>
          {question.trend.length > 1 ? (
            <TrendChart
              id={`${id}-trend`}
              title={fill(t("trend"), { label: fill(t("indicator"), { label: question.indicatorLabel }) })}
              labels={{ ...labels, group: t("wave") }}
              points={question.trend.map((point) => ({
                key: point.waveId,
                label: point.name,
                share: point.share,
                low: point.low,
                high: point.high,
              }))}
            />
          ) : null}
          <ChangeText question={question} />
          {PUBLIC_DIMENSIONS.map((dimension) =>
            question.groups[dimension].length > 0 ? (
              <GroupIndicatorTable
                key={dimension}
                question={question}
                dimension={dimension}
                groups={question.groups[dimension]}
              />
            ) : null,
          )}
        </>
      ) : null}
    </section>
  );
}

function Places({ results }: { results: PublicSurveyResults }) {
  const t = useT(messages);
  return (
    <section aria-labelledby="places-heading" className="public-section">
      <h2 className="ds-heading" data-size="md" id="places-heading">
        {t("places")}
      </h2>
      <p className="ds-paragraph">{fill(t("placesLead"), { min: results.minimumGroup })}</p>
      {results.places.length === 0 ? (
        <p className="ds-paragraph">{t("noPlaces")}</p>
      ) : (
        <div className="table-wrap">
          <table className="ds-table survey-chart-table" data-kind="places">
            <caption>{t("places")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("place")}</th>
                <th scope="col">{t("mentions")}</th>
                <th scope="col">{t("reasons")}</th>
                <th scope="col">{t("times")}</th>
              </tr>
            </thead>
            <tbody>
              {results.places.map((place) => (
                <tr key={place.key}>
                  <th scope="row">{place.name}</th>
                  <td className="numeric">{place.mentions}</td>
                  <td>{place.reasons.map((r) => `${r.label} (${r.mentions})`).join(", ")}</td>
                  <td>
                    {[...place.times, ...place.days].map((r) => `${r.label} (${r.mentions})`).join(", ")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {results.otherPlaceMentions > 0 ? (
        <p className="ds-paragraph muted">{fill(t("otherPlaces"), { n: results.otherPlaceMentions })}</p>
      ) : null}
    </section>
  );
}

export default function PublicSurveyResultsPage({ loaderData }: Route.ComponentProps) {
  const t = useT(messages);
  const locale = useLocale();
  const { results } = loaderData;
  const { wave } = results;
  return (
    <>
      <p className="ds-paragraph muted">{t("kicker")}</p>
      <h1 className="ds-heading" data-size="xl">
        {`${results.survey.title} ${wave.name}`}
      </h1>
      <p className="ds-paragraph lead">
        {fill(t("lead"), { wave: wave.name, partnership: results.partnership.name })}
      </p>
      <dl className="facts">
        <dt>{t("period")}</dt>
        <dd>
          <time dateTime={wave.opensOn}>{dateLabel(wave.opensOn, locale)}</time> –{" "}
          <time dateTime={wave.closesOn}>{dateLabel(wave.closesOn, locale)}</time>
        </dd>
        <dt>{t("respondents")}</dt>
        <dd>{results.respondents === null ? t("tooFew") : results.respondents}</dd>
        {results.municipalities.length > 0 ? (
          <>
            <dt>{t("municipalities")}</dt>
            <dd>
              {results.municipalities.map((m, i) => (
                <span key={m.code}>
                  {i > 0 ? ", " : null}
                  <Link className="ds-link" to={`/kommun/${m.slug}`}>
                    {m.name}
                  </Link>
                </span>
              ))}
            </dd>
          </>
        ) : null}
      </dl>

      {results.hidden ? (
        <section aria-labelledby="too-few-heading" className="public-section">
          <h2 className="ds-heading" data-size="md" id="too-few-heading">
            {t("tooFew")}
          </h2>
          <p className="ds-paragraph">{fill(t("tooFewText"), { min: results.minimumGroup })}</p>
        </section>
      ) : (
        <>
          <p className="ds-paragraph">{fill(t("minimum"), { min: results.minimumGroup })}</p>
          <p className="ds-paragraph muted">{t("method")}</p>

          <section aria-labelledby="questions-heading" className="public-section">
            <h2 className="ds-heading" data-size="md" id="questions-heading">
              {t("kicker")}
            </h2>
            {results.questions.map((question) => (
              <QuestionView key={question.key} question={question} />
            ))}
          </section>

          <Places results={results} />

          <section aria-labelledby="who-heading" className="public-section">
            <h2 className="ds-heading" data-size="md" id="who-heading">
              {t("who")}
            </h2>
            <RespondentGroups groups={results.groups} />
          </section>
        </>
      )}

      <section aria-labelledby="data-heading" className="public-section">
        <h2 className="ds-heading" data-size="md" id="data-heading">
          {t("data")}
        </h2>
        <ul>
          <li>
            <a className="ds-link" href={`${surveyResultsPath(wave.id)}.csv`} download>
              {t("csv")}
            </a>
          </li>
          <li>
            <a className="ds-link" href={`/api/v1/public/survey-results/${wave.id}`}>
              {t("json")}
            </a>
          </li>
        </ul>
      </section>
    </>
  );
}
