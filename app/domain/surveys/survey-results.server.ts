import { and, asc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { partnership, survey, surveyWave } from "~/db/schema";
import { findPersonalData } from "~/import/extract/personal-data";
import {
  changeBetween,
  overallProblemIndex,
  problemIndex,
  shareOf,
  type Change,
  type Share,
} from "./statistics";
import { suppressedKeys } from "./suppression";
import {
  AGE_BANDS,
  answerSlots,
  DIMENSIONS,
  GENDERS,
  NOT_STATED,
  type Dimension,
  surveyDefinitionSchema,
  type Question,
  type SurveyDefinition,
} from "./survey.schemas";

/**
 * A wave's results: per question counts and shares with 95 % intervals, by area, gender and age
 * band; this wave against the earlier ones; the 0–6 problem index; unsafe places ranked.
 *
 * "internal" is the coordinator's screen (every group, free text with personal data flagged).
 * "published" is everything that leaves it — the public page, the CSV, the API: a group of fewer
 * respondents than the partnership's minimum is hidden, with as many others as it takes that it
 * cannot be worked out from the total (suppression.ts); the breakdowns are one dimension at a
 * time over the whole wave, never crossed; free text never.
 */

export type ResultsMode = "internal" | "published";
export { DIMENSIONS, NOT_STATED, type Dimension } from "./survey.schemas";

export interface GroupCell {
  key: string;
  /** Respondents in the group; null when hidden. */
  n: number | null;
  hidden: boolean;
}

export interface OptionResult {
  index: number;
  share: Share | null;
}

export interface GroupResult {
  key: string;
  hidden: boolean;
  n: number | null;
  /** The indicator share in the group (e.g. feeling unsafe), null when hidden or none. */
  indicator: Share | null;
}

export interface ItemResult {
  key: string;
  n: number;
  options: OptionResult[];
  indicator: Share | null;
  problemIndex: number | null;
}

export interface TrendPoint {
  waveId: string;
  name: string;
  indicator: Share | null;
  hidden: boolean;
}

export interface QuestionResult {
  key: string;
  kind: Question["kind"];
  /** Respondents who answered it (for a matrix: who answered any item). */
  n: number;
  hidden: boolean;
  options: OptionResult[];
  indicator: Share | null;
  items: ItemResult[];
  /** The neighbourhood's overall 0–6 problem index (matrix with problemIndex). */
  problemIndex: number | null;
  groups: Record<Dimension, GroupResult[]>;
  trend: TrendPoint[];
  /** This wave against the one before, for the indicator share. */
  change: Change | null;
}

export interface PlaceResult {
  placeKey: string | null;
  /** Only on the coordinator's screen: what respondents typed. */
  description: string | null;
  mentions: number;
  reasons: Record<string, number>;
  times: Record<string, number>;
  days: Record<string, number>;
  /**
   * Only on the coordinator's screen: the mean of the points respondents clicked on the map for
   * this place (null if none did). A point with neither a named place nor a description is a place
   * of its own, by its point rounded to about 100 m.
   */
  point: { lat: number; lng: number } | null;
}

export interface FreeTextAnswer {
  questionKey: string;
  text: string;
  flags: { kind: "personnummer" | "phone"; text: string }[];
}

export interface WaveResults {
  mode: ResultsMode;
  wave: { id: string; name: string; opensOn: string; closesOn: string; resultsPublishedAt: Date | null };
  survey: { id: string; title: string; partnershipId: string; definition: SurveyDefinition };
  minimumGroup: number;
  areaKey: string | null;
  respondents: number | null;
  hidden: boolean;
  groups: Record<Dimension, GroupCell[]>;
  questions: QuestionResult[];
  places: PlaceResult[];
  /** Places named by fewer than the minimum, published only as their number. */
  otherPlaceMentions: number;
  texts: FreeTextAnswer[];
}

interface CountRow {
  dimension: string;
  group: string | null;
  slot: number;
  value: number;
  count: number;
}

/**
 * The aggregates of one wave (or one area of it) in one statement: option counts by slot, overall
 * and by each dimension (grouping sets over the unnested choices).
 */
export async function countChoices(db: DbOrTx, waveId: string, areaKey: string | null): Promise<CountRow[]> {
  const result = await db.execute<{
    ga: number;
    gg: number;
    gb: number;
    area_key: string | null;
    gender: string | null;
    age_band: string | null;
    slot: number;
    value: number;
    count: number;
  }>(sql`
    select grouping(r.area_key) as ga, grouping(r.gender) as gg, grouping(r.age_band) as gb,
           r.area_key, r.gender, r.age_band, c.slot::int as slot, c.value::int as value, count(*)::int as count
    from survey_response r
    cross join lateral unnest(r.choices) with ordinality as c(value, slot)
    where r.wave_id = ${waveId} ${areaKey === null ? sql`` : sql`and r.area_key = ${areaKey}`}
      and c.value is not null
    group by grouping sets ((c.slot, c.value), (r.area_key, c.slot, c.value), (r.gender, c.slot, c.value), (r.age_band, c.slot, c.value))`);
  return result.rows.map((row) => {
    const dimension = row.ga === 0 ? "area" : row.gg === 0 ? "gender" : row.gb === 0 ? "age" : "all";
    const group =
      dimension === "area"
        ? row.area_key
        : dimension === "gender"
          ? row.gender
          : dimension === "age"
            ? row.age_band
            : null;
    return {
      dimension,
      group: group ?? (dimension === "all" ? null : NOT_STATED),
      slot: row.slot - 1,
      value: row.value,
      count: row.count,
    };
  });
}

async function countRespondents(db: DbOrTx, waveId: string, areaKey: string | null) {
  const result = await db.execute<{
    ga: number;
    gg: number;
    gb: number;
    area_key: string | null;
    gender: string | null;
    age_band: string | null;
    count: number;
  }>(sql`
    select grouping(area_key) as ga, grouping(gender) as gg, grouping(age_band) as gb, area_key, gender, age_band, count(*)::int as count
    from survey_response
    where wave_id = ${waveId} ${areaKey === null ? sql`` : sql`and area_key = ${areaKey}`}
    group by grouping sets ((), (area_key), (gender), (age_band))`);
  let total = 0;
  const groups: Record<Dimension, Map<string, number>> = {
    area: new Map(),
    gender: new Map(),
    age: new Map(),
  };
  for (const row of result.rows) {
    if (row.ga === 0) groups.area.set(row.area_key ?? NOT_STATED, row.count);
    else if (row.gg === 0) groups.gender.set(row.gender ?? NOT_STATED, row.count);
    else if (row.gb === 0) groups.age.set(row.age_band ?? NOT_STATED, row.count);
    else total = row.count;
  }
  return { total, groups };
}

/** The indicator counts of every wave of the survey, for the trend: wave, slot, value, count. */
async function countTrend(db: DbOrTx, surveyId: string, areaKey: string | null, slots: number[]) {
  if (slots.length === 0) return [];
  const result = await db.execute<{ wave_id: string; slot: number; value: number; count: number }>(sql`
    select r.wave_id, c.slot::int as slot, c.value::int as value, count(*)::int as count
    from survey_response r
    join survey_wave w on w.id = r.wave_id and w.survey_id = ${surveyId}
    cross join lateral unnest(r.choices) with ordinality as c(value, slot)
    where c.value is not null and c.slot = any(${sql.raw(`array[${slots.map((s) => s + 1).join(",")}]`)}::bigint[])
      ${areaKey === null ? sql`` : sql`and r.area_key = ${areaKey}`}
    group by r.wave_id, c.slot, c.value`);
  return result.rows.map((row) => ({ ...row, slot: row.slot - 1 }));
}

/** The keys of a dimension's cells, in the order the survey lists them, "not stated" last. */
export function dimensionKeys(definition: SurveyDefinition, dimension: Dimension): string[] {
  const keys =
    dimension === "area"
      ? definition.areas.map((a) => a.key)
      : dimension === "gender"
        ? [...GENDERS]
        : [...AGE_BANDS];
  return [...keys, NOT_STATED];
}

function indicatorOf(question: Question, counts: number[]): Share | null {
  if (question.indicator.length === 0) return null;
  const base = counts.reduce((sum, c, i) => (question.excluded.includes(i) ? sum : sum + c), 0);
  const hit = question.indicator.reduce((sum, i) => sum + (counts[i] ?? 0), 0);
  return base === 0 ? null : shareOf(hit, base);
}

function optionShares(counts: number[]): OptionResult[] {
  const n = counts.reduce((a, b) => a + b, 0);
  return counts.map((count, index) => ({ index, share: n === 0 ? null : shareOf(count, n) }));
}

/**
 * The results of a wave, whole or one area. The caller checks that the actor may see them in the
 * mode asked (survey.analyse for "internal"); "published" may leave the coordinator's screen.
 */
export async function computeWaveResults(
  db: DbOrTx,
  waveId: string,
  options: { mode: ResultsMode; areaKey?: string | null },
): Promise<WaveResults | null> {
  const [wave] = await db
    .select({
      id: surveyWave.id,
      name: surveyWave.name,
      opensOn: surveyWave.opensOn,
      closesOn: surveyWave.closesOn,
      resultsPublishedAt: surveyWave.resultsPublishedAt,
      surveyId: survey.id,
      title: survey.title,
      partnershipId: survey.partnershipId,
      definition: survey.definition,
      minimumGroup: partnership.surveyMinimumGroup,
    })
    .from(surveyWave)
    .innerJoin(survey, eq(survey.id, surveyWave.surveyId))
    .innerJoin(partnership, eq(partnership.id, survey.partnershipId))
    .where(eq(surveyWave.id, waveId));
  if (!wave) return null;
  const published = options.mode === "published";
  // Published results are for the whole wave only: an area's page would cross area with gender and age.
  const areaKey = published ? null : (options.areaKey ?? null);
  const definition = surveyDefinitionSchema.parse(wave.definition);
  const minimum = wave.minimumGroup;
  const slots = answerSlots(definition);

  const indicatorSlots = definition.questions
    .filter((q) => (q.kind === "single" || q.kind === "scale") && q.indicator.length > 0)
    .map((q) => slots.find((s) => s.questionKey === q.key)!.slot);
  // Every read at once: on PostgreSQL they run side by side on the pool's connections.
  const [counts, respondents, waves, trendRows, placeRows, texts] = await Promise.all([
    countChoices(db, waveId, areaKey),
    countRespondents(db, waveId, areaKey),
    db
      .select({ id: surveyWave.id, name: surveyWave.name, opensOn: surveyWave.opensOn })
      .from(surveyWave)
      .where(and(eq(surveyWave.surveyId, wave.surveyId), sql`${surveyWave.opensOn} <= ${wave.opensOn}`))
      .orderBy(asc(surveyWave.opensOn), asc(surveyWave.createdAt)),
    countTrend(db, wave.surveyId, areaKey, indicatorSlots),
    findPlaces(db, waveId, areaKey),
    published ? Promise.resolve([]) : freeTexts(db, waveId, areaKey),
  ]);
  const total = respondents.total;
  const allHidden = published && total < minimum;

  const groups = {} as Record<Dimension, GroupCell[]>;
  for (const dimension of DIMENSIONS) {
    const cells = dimensionKeys(definition, dimension).map((key) => ({
      key,
      n: respondents.groups[dimension].get(key) ?? 0,
    }));
    const hide = published ? suppressedKeys(cells, minimum) : new Set<string>();
    groups[dimension] = cells.map((cell) => ({
      key: cell.key,
      hidden: allHidden || hide.has(cell.key),
      n: allHidden || hide.has(cell.key) ? null : cell.n,
    }));
  }

  // counts[dimension][group][slot][value]
  const table = new Map<string, number>();
  const at = (dimension: string, group: string | null, slot: number, value: number) =>
    table.get(`${dimension}\u0000${group ?? ""}\u0000${slot}\u0000${value}`) ?? 0;
  for (const row of counts)
    table.set(`${row.dimension}\u0000${row.group ?? ""}\u0000${row.slot}\u0000${row.value}`, row.count);

  const questions: QuestionResult[] = definition.questions.map((question) => {
    const own = slots.filter((s) => s.questionKey === question.key);
    const optionCounts = (dimension: string, group: string | null, slot: number) =>
      question.options.map((_, value) => at(dimension, group, slot, value));
    const empty: QuestionResult = {
      key: question.key,
      kind: question.kind,
      n: 0,
      hidden: allHidden,
      options: [],
      indicator: null,
      items: [],
      problemIndex: null,
      groups: { area: [], gender: [], age: [] },
      trend: [],
      change: null,
    };
    if (question.kind === "text" || question.kind === "place") return empty;

    if (question.kind === "matrix") {
      const items: ItemResult[] = question.items.map((item) => {
        const slot = own.find((s) => s.itemKey === item.key)!.slot;
        const c = optionCounts("all", null, slot);
        const n = c.reduce((a, b) => a + b, 0);
        const hidden = allHidden || (published && n < minimum);
        return {
          key: item.key,
          n: hidden ? 0 : n,
          options: hidden ? [] : optionShares(c),
          indicator: hidden ? null : indicatorOf(question, c),
          problemIndex: hidden || !question.problemIndex ? null : problemIndex(c).index,
        };
      });
      const n = Math.max(0, ...items.map((i) => i.n));
      return {
        ...empty,
        n,
        hidden: allHidden || (published && n < minimum),
        items,
        problemIndex: question.problemIndex
          ? overallProblemIndex(items.map((i) => ({ index: i.problemIndex })))
          : null,
      };
    }

    if (question.kind === "multiple") {
      // Each option is its own yes/no slot; n = respondents who answered the question.
      const n = own.length ? at("all", null, own[0]!.slot, 0) + at("all", null, own[0]!.slot, 1) : 0;
      const hidden = allHidden || (published && n < minimum);
      return {
        ...empty,
        n: hidden ? 0 : n,
        hidden,
        options: hidden
          ? []
          : own.map((s) => ({
              index: s.option!,
              share: n === 0 ? null : shareOf(at("all", null, s.slot, 1), n),
            })),
      };
    }

    // single, scale
    const slot = own[0]!.slot;
    const c = optionCounts("all", null, slot);
    const n = c.reduce((a, b) => a + b, 0);
    const hidden = allHidden || (published && n < minimum);
    const questionGroups = {} as Record<Dimension, GroupResult[]>;
    for (const dimension of DIMENSIONS) {
      const cells = dimensionKeys(definition, dimension).map((key) => {
        const cellCounts = optionCounts(dimension, key, slot);
        return { key, n: cellCounts.reduce((a, b) => a + b, 0), counts: cellCounts };
      });
      const hide = published ? suppressedKeys(cells, minimum) : new Set<string>();
      questionGroups[dimension] = cells.map((cell) => {
        const cellHidden = hidden || hide.has(cell.key);
        return {
          key: cell.key,
          hidden: cellHidden,
          n: cellHidden ? null : cell.n,
          indicator: cellHidden ? null : indicatorOf(question, cell.counts),
        };
      });
    }
    const trend: TrendPoint[] = waves.map((w) => {
      const waveCounts = question.options.map(
        (_, value) =>
          trendRows.find((r) => r.wave_id === w.id && r.slot === slot && r.value === value)?.count ?? 0,
      );
      const waveN = waveCounts.reduce((a, b) => a + b, 0);
      const pointHidden = published && waveN < minimum;
      return {
        waveId: w.id,
        name: w.name,
        hidden: pointHidden,
        indicator: pointHidden ? null : indicatorOf(question, waveCounts),
      };
    });
    const indicator = hidden ? null : indicatorOf(question, c);
    const previous = trend.length >= 2 ? trend[trend.length - 2]! : null;
    const change =
      !hidden && indicator && previous?.indicator
        ? changeBetween(
            { count: previous.indicator.count, n: previous.indicator.n },
            { count: indicator.count, n: indicator.n },
          )
        : null;
    return {
      ...empty,
      n: hidden ? 0 : n,
      hidden,
      options: hidden ? [] : optionShares(c),
      indicator,
      groups: questionGroups,
      trend,
      change,
    };
  });

  const { places, otherPlaceMentions } = rankPlaces(placeRows, published ? minimum : 0, allHidden);

  return {
    mode: options.mode,
    wave: {
      id: wave.id,
      name: wave.name,
      opensOn: wave.opensOn,
      closesOn: wave.closesOn,
      resultsPublishedAt: wave.resultsPublishedAt,
    },
    survey: { id: wave.surveyId, title: wave.title, partnershipId: wave.partnershipId, definition },
    minimumGroup: minimum,
    areaKey,
    respondents: allHidden ? null : total,
    hidden: allHidden,
    groups,
    questions,
    places,
    otherPlaceMentions,
    texts,
  };
}

type PlaceRow = {
  place_key: string | null;
  description: string | null;
  place: Record<string, unknown>;
};

async function findPlaces(db: DbOrTx, waveId: string, areaKey: string | null): Promise<PlaceRow[]> {
  const result = await db.execute<PlaceRow>(sql`
    select p->>'placeKey' as place_key, p->>'description' as description, p as place
    from survey_response r cross join lateral jsonb_array_elements(r.places) p
    where r.wave_id = ${waveId} ${areaKey === null ? sql`` : sql`and r.area_key = ${areaKey}`}`);
  return result.rows;
}

function rankPlaces(rows: PlaceRow[], minimum: number, allHidden: boolean) {
  const byKey = new Map<string, PlaceResult>();
  const sums = new Map<string, { lat: number; lng: number; n: number }>();
  for (const row of rows) {
    const published = minimum > 0;
    // A typed description never leaves the coordinator's screen; a named place may.
    if (published && !row.place_key) continue;
    const place = row.place as {
      reasons?: string[];
      times?: string[];
      days?: string[];
      lat?: number | null;
      lng?: number | null;
    };
    const clicked = typeof place.lat === "number" && typeof place.lng === "number";
    const description = (row.description ?? "").trim();
    const key =
      row.place_key ??
      (!description && clicked
        ? `point:${place.lat!.toFixed(3)},${place.lng!.toFixed(3)}`
        : `text:${description.toLocaleLowerCase("sv")}`);
    let entry = byKey.get(key);
    if (!entry) {
      entry = {
        placeKey: row.place_key,
        description: row.place_key ? null : row.description,
        mentions: 0,
        reasons: {},
        times: {},
        days: {},
        point: null,
      };
      byKey.set(key, entry);
      sums.set(key, { lat: 0, lng: 0, n: 0 });
    }
    entry.mentions += 1;
    const sum = sums.get(key)!;
    if (clicked && !published) {
      sum.lat += place.lat!;
      sum.lng += place.lng!;
      sum.n += 1;
      entry.point = { lat: sum.lat / sum.n, lng: sum.lng / sum.n };
    }
    for (const reason of place.reasons ?? []) entry.reasons[reason] = (entry.reasons[reason] ?? 0) + 1;
    for (const time of place.times ?? []) entry.times[time] = (entry.times[time] ?? 0) + 1;
    for (const day of place.days ?? []) entry.days[day] = (entry.days[day] ?? 0) + 1;
  }
  const ranked = [...byKey.values()].sort((a, b) => b.mentions - a.mentions);
  if (allHidden) return { places: [], otherPlaceMentions: 0 };
  // Published: a reason or a time named by fewer than the minimum is left out, like a small group.
  const enough = (counts: Record<string, number>) =>
    Object.fromEntries(Object.entries(counts).filter(([, count]) => count >= minimum));
  const shown = ranked
    .filter((p) => p.mentions >= minimum)
    .map((p) =>
      minimum > 0 ? { ...p, reasons: enough(p.reasons), times: enough(p.times), days: enough(p.days) } : p,
    );
  const other = ranked.filter((p) => p.mentions < minimum).reduce((sum, p) => sum + p.mentions, 0);
  return { places: shown, otherPlaceMentions: other };
}

async function freeTexts(db: DbOrTx, waveId: string, areaKey: string | null): Promise<FreeTextAnswer[]> {
  const result = await db.execute<{ key: string; value: string }>(sql`
    select t.key, t.value
    from survey_response r cross join lateral jsonb_each_text(r.texts) t
    where r.wave_id = ${waveId} ${areaKey === null ? sql`` : sql`and r.area_key = ${areaKey}`}
    order by r.created_at`);
  return result.rows.map((row) => ({
    questionKey: row.key,
    text: row.value,
    flags: findPersonalData(row.value.split("\n")).map((f) => ({ kind: f.kind, text: f.text })),
  }));
}
