import type { Locale } from "~/i18n/messages";
import { problemIndexBand, type Share } from "~/domain/surveys/statistics";
import {
  AGE_BAND_LABELS,
  GENDER_LABELS,
  NOT_STATED_LABEL,
  PLACE_DAY_LABELS,
  PLACE_REASON_LABELS,
  PLACE_TIME_LABELS,
} from "~/domain/surveys/survey-labels";
import type { Dimension, WaveResults } from "~/domain/surveys/survey-results.server";
import { localized, NOT_STATED, type Question, type SurveyDefinition } from "~/domain/surveys/survey.schemas";
import type { PublishedWaveResults } from "./survey-results.queries.server";

/**
 * A wave's published results as the public page, its CSV and the open-data API show them: the same
 * rows for all three. Built from the suppressed aggregates and shaped anew, so nothing the
 * computation keeps for itself (a share's count, an indicator's base) leaves: a group says how many
 * answered in it, or nothing at all when hidden. Browser-safe.
 */

export type ProblemBand = "small" | "some" | "large";
export const PUBLIC_DIMENSIONS: Dimension[] = ["area", "gender", "age"];
/** Where the results are shown; the CSV route is the same path with `.csv`. */
export const surveyResultsPath = (waveId: string) => `/trygghetsundersokningar/${waveId}`;

/** A share (0..1) with its 95 % interval; never its count. */
export interface PublicShare {
  share: number | null;
  low: number | null;
  high: number | null;
}

export interface PublicOption extends PublicShare {
  index: number;
  label: string;
}

export interface PublicGroup {
  key: string;
  label: string;
  hidden: boolean;
  /** Respondents in the group; null when hidden. */
  n: number | null;
}

export interface PublicGroupIndicator extends PublicGroup {
  indicator: PublicShare | null;
}

export interface PublicItem {
  key: string;
  label: string;
  hidden: boolean;
  n: number | null;
  options: PublicOption[];
  indicator: PublicShare | null;
  problemIndex: number | null;
  problemBand: ProblemBand | null;
}

export interface PublicTrendPoint extends PublicShare {
  waveId: string;
  name: string;
  hidden: boolean;
}

export interface PublicChange {
  previousWaveId: string;
  previousWaveName: string;
  before: number;
  after: number;
  /** after − before, in share units (0.05 = 5 percentage points). */
  difference: number;
  p: number | null;
  /** Statistically significant at the 5 % level (two-proportion z-test). */
  significant: boolean;
}

export interface PublicQuestion {
  key: string;
  kind: "single" | "multiple" | "scale" | "matrix";
  text: string;
  hidden: boolean;
  /** Respondents who answered it; null when hidden. */
  n: number | null;
  options: PublicOption[];
  /** What the indicator counts, e.g. "Ganska otrygg eller Mycket otrygg"; null without one. */
  indicatorLabel: string | null;
  indicator: PublicShare | null;
  items: PublicItem[];
  problemIndex: number | null;
  problemBand: ProblemBand | null;
  /** The indicator by area, gender and age band, one dimension at a time. */
  groups: Record<Dimension, PublicGroupIndicator[]>;
  /** The indicator in this and earlier published waves, oldest first. */
  trend: PublicTrendPoint[];
  change: PublicChange | null;
}

export interface PublicPlaceCount {
  key: string;
  label: string;
  mentions: number;
}

export interface PublicPlace {
  key: string;
  name: string;
  mentions: number;
  reasons: PublicPlaceCount[];
  times: PublicPlaceCount[];
  days: PublicPlaceCount[];
}

export interface PublicSurveyResults {
  wave: { id: string; name: string; opensOn: string; closesOn: string; resultsPublishedAt: Date | null };
  survey: { id: string; title: string };
  partnership: { id: string; name: string };
  municipalities: { code: string; name: string; slug: string }[];
  minimumGroup: number;
  /** Null when the whole wave has fewer respondents than the minimum. */
  respondents: number | null;
  hidden: boolean;
  groups: Record<Dimension, PublicGroup[]>;
  questions: PublicQuestion[];
  /** Named places mentioned by at least the minimum, most mentioned first. */
  places: PublicPlace[];
  otherPlaceMentions: number;
}

/** The words for a group of a dimension: the survey's own area names, the fixed ones otherwise. */
export function groupLabel(
  definition: SurveyDefinition,
  dimension: Dimension,
  key: string,
  locale: Locale,
): string {
  if (key === NOT_STATED) return NOT_STATED_LABEL[locale];
  if (dimension === "area") return definition.areas.find((a) => a.key === key)?.name ?? key;
  if (dimension === "gender") return (GENDER_LABELS[locale] as Record<string, string>)[key] ?? key;
  return (AGE_BAND_LABELS[locale] as Record<string, string>)[key] ?? key;
}

const publicShare = (share: Share | null): PublicShare | null =>
  share ? { share: share.share, low: share.low, high: share.high } : null;

const bandOf = (index: number | null): ProblemBand | null =>
  index === null ? null : problemIndexBand(index);

function counted<K extends string>(
  counts: Record<string, number>,
  labels: Record<K, string>,
): PublicPlaceCount[] {
  return Object.entries(counts)
    .map(([key, mentions]) => ({ key, label: (labels as Record<string, string>)[key] ?? key, mentions }))
    .sort((a, b) => b.mentions - a.mentions || a.label.localeCompare(b.label, "sv"));
}

/** The options a question's indicator share counts, in words: "Ganska otrygg eller Mycket otrygg". */
export function indicatorLabelOf(question: Question, locale: Locale): string | null {
  if (question.indicator.length === 0) return null;
  const names = question.indicator.map((i) => localized(question.options[i]!, locale));
  const or = locale === "en" ? " or " : " eller ";
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(", ")}${or}${names.at(-1)!}`;
}

/** The published results in the visitor's language (the API and the CSV use Swedish). */
export function presentSurveyResults(results: PublishedWaveResults, locale: Locale): PublicSurveyResults {
  const { definition } = results.survey;
  const hidden = results.hidden;
  const groups = {} as Record<Dimension, PublicGroup[]>;
  for (const dimension of PUBLIC_DIMENSIONS) {
    groups[dimension] = results.groups[dimension].map((cell) => ({
      key: cell.key,
      label: groupLabel(definition, dimension, cell.key, locale),
      hidden: cell.hidden,
      n: cell.hidden ? null : cell.n,
    }));
  }
  return {
    wave: results.wave,
    survey: { id: results.survey.id, title: results.survey.title },
    partnership: results.partnership,
    municipalities: results.municipalities,
    minimumGroup: results.minimumGroup,
    respondents: hidden ? null : results.respondents,
    hidden,
    groups,
    // A wave below the minimum shows nothing but that: not even earlier waves' points.
    questions: hidden ? [] : presentQuestions(results, locale),
    places: hidden
      ? []
      : results.places.flatMap((place) => {
          const named = definition.places.find((p) => p.key === place.placeKey);
          // Only the survey's named places are public; a typed description never is.
          if (!named) return [];
          return [
            {
              key: named.key,
              name: named.name,
              mentions: place.mentions,
              reasons: counted(place.reasons, PLACE_REASON_LABELS[locale]),
              times: counted(place.times, PLACE_TIME_LABELS[locale]),
              days: counted(place.days, PLACE_DAY_LABELS[locale]),
            },
          ];
        }),
    otherPlaceMentions: hidden ? 0 : results.otherPlaceMentions,
  };
}

function presentQuestions(results: WaveResults, locale: Locale): PublicQuestion[] {
  const { definition } = results.survey;
  return results.questions.flatMap((result): PublicQuestion[] => {
    const question = definition.questions.find((q) => q.key === result.key);
    if (!question || result.kind === "text" || result.kind === "place") return [];
    const optionLabel = (index: number) => localized(question.options[index]!, locale);
    const options = (list: WaveResults["questions"][number]["options"]) =>
      list.map((option) => ({
        index: option.index,
        label: optionLabel(option.index),
        share: option.share?.share ?? null,
        low: option.share?.low ?? null,
        high: option.share?.high ?? null,
      }));
    const groups = {} as Record<Dimension, PublicGroupIndicator[]>;
    const withGroups = (result.kind === "single" || result.kind === "scale") && question.indicator.length > 0;
    for (const dimension of PUBLIC_DIMENSIONS) {
      groups[dimension] =
        withGroups && !result.hidden
          ? result.groups[dimension].map((cell) => ({
              key: cell.key,
              label: groupLabel(definition, dimension, cell.key, locale),
              hidden: cell.hidden,
              n: cell.hidden ? null : cell.n,
              indicator: cell.hidden ? null : publicShare(cell.indicator),
            }))
          : [];
    }
    const trend: PublicTrendPoint[] = withGroups
      ? result.trend.map((point) => ({
          waveId: point.waveId,
          name: point.name,
          hidden: point.hidden,
          share: point.indicator?.share ?? null,
          low: point.indicator?.low ?? null,
          high: point.indicator?.high ?? null,
        }))
      : [];
    const previous = trend.length >= 2 ? trend[trend.length - 2]! : null;
    const change =
      result.change && previous && result.change.difference !== null
        ? {
            previousWaveId: previous.waveId,
            previousWaveName: previous.name,
            before: result.change.before.share!,
            after: result.change.after.share!,
            difference: result.change.difference,
            p: result.change.p,
            significant: result.change.significant,
          }
        : null;
    const items: PublicItem[] = result.items.map((item) => {
      const itemHidden = result.hidden || item.options.length === 0;
      return {
        key: item.key,
        label: localized(question.items.find((i) => i.key === item.key)!.text, locale),
        hidden: itemHidden,
        n: itemHidden ? null : item.n,
        options: itemHidden ? [] : options(item.options),
        indicator: itemHidden ? null : publicShare(item.indicator),
        problemIndex: itemHidden ? null : item.problemIndex,
        problemBand: itemHidden ? null : bandOf(item.problemIndex),
      };
    });
    return [
      {
        key: result.key,
        kind: result.kind,
        text: localized(question.text, locale),
        hidden: result.hidden,
        n: result.hidden ? null : result.n,
        options: result.hidden ? [] : options(result.options),
        indicatorLabel: indicatorLabelOf(question, locale),
        indicator: result.hidden ? null : publicShare(result.indicator),
        items,
        problemIndex: result.hidden ? null : result.problemIndex,
        problemBand: result.hidden ? null : bandOf(result.problemIndex),
        groups,
        trend,
        change: result.hidden ? null : change,
      },
    ];
  });
}

// CSV ----------------------------------------------------------------------------------------

export const SURVEY_RESULTS_CSV_HEADER = [
  "Fråga",
  "Delfråga",
  "Indelning",
  "Grupp",
  "Svarsalternativ",
  "Andel %",
  "Lägre gräns %",
  "Övre gräns %",
  "Antal svarande",
  "Anmärkning",
] as const;

const HIDDEN_NOTE = "för få svar";
const DIMENSION_WORDS: Record<Dimension | "all", string> = {
  all: "Alla",
  area: "Område",
  gender: "Kön",
  age: "Ålder",
};

/** "34,5": a share as a percentage with one decimal and a decimal comma, for Swedish Excel. */
export function csvPercent(value: number | null): string {
  if (value === null) return "";
  return (Math.round(value * 1000) / 10).toFixed(1).replace(".", ",");
}

type CsvRow = (string | number | null)[];

/**
 * The rows of the CSV (Swedish): every option's share with its interval, overall and per matrix
 * item; the indicator overall and by area, gender and age band; the named places and why. A
 * hidden group has empty numbers and the note "för få svar".
 */
export function surveyResultsCsvRows(results: PublicSurveyResults): CsvRow[] {
  const rows: CsvRow[] = [];
  const hiddenRow = (question: string, item: string, dimension: string, group: string, option: string) =>
    [question, item, dimension, group, option, "", "", "", "", HIDDEN_NOTE] satisfies CsvRow;
  const shareRow = (
    question: string,
    item: string,
    dimension: string,
    group: string,
    option: string,
    share: PublicShare | null,
    n: number | null,
  ): CsvRow =>
    share === null || n === null
      ? hiddenRow(question, item, dimension, group, option)
      : [
          question,
          item,
          dimension,
          group,
          option,
          csvPercent(share.share),
          csvPercent(share.low),
          csvPercent(share.high),
          n,
          "",
        ];

  if (results.hidden) {
    rows.push(hiddenRow("", "", DIMENSION_WORDS.all, "", ""));
    return rows;
  }
  for (const question of results.questions) {
    if (question.kind === "matrix") {
      for (const item of question.items) {
        if (item.hidden) {
          rows.push(hiddenRow(question.text, item.label, DIMENSION_WORDS.all, "", ""));
          continue;
        }
        for (const option of item.options)
          rows.push(
            shareRow(question.text, item.label, DIMENSION_WORDS.all, "", option.label, option, item.n),
          );
      }
      continue;
    }
    if (question.hidden) {
      rows.push(hiddenRow(question.text, "", DIMENSION_WORDS.all, "", ""));
      continue;
    }
    for (const option of question.options)
      rows.push(shareRow(question.text, "", DIMENSION_WORDS.all, "", option.label, option, question.n));
    if (question.indicatorLabel && question.indicator) {
      rows.push(
        shareRow(
          question.text,
          "",
          DIMENSION_WORDS.all,
          "",
          question.indicatorLabel,
          question.indicator,
          question.n,
        ),
      );
      for (const dimension of PUBLIC_DIMENSIONS)
        for (const group of question.groups[dimension])
          rows.push(
            shareRow(
              question.text,
              "",
              DIMENSION_WORDS[dimension],
              group.label,
              question.indicatorLabel,
              group.indicator,
              group.n,
            ),
          );
    }
  }
  for (const place of results.places) {
    rows.push([
      "Otrygga platser",
      place.name,
      DIMENSION_WORDS.all,
      "",
      "Nämnd",
      "",
      "",
      "",
      place.mentions,
      "",
    ]);
    for (const reason of place.reasons)
      rows.push([
        "Otrygga platser",
        place.name,
        DIMENSION_WORDS.all,
        "",
        `Skäl: ${reason.label}`,
        csvPercent(reason.mentions / place.mentions),
        "",
        "",
        place.mentions,
        "",
      ]);
  }
  return rows;
}

/** The file name of a wave's CSV: "trygghetsundersokning-2026-<id>.csv". */
export function surveyResultsCsvName(results: PublicSurveyResults): string {
  const name = results.wave.name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return `trygghetsundersokning-${name ? `${name}-` : ""}${results.wave.id}.csv`;
}
