import type {
  CommitmentMeasure,
  Deadline,
  FrequencyUnit,
  Schedule,
  Target,
} from "./commitment-analysis.schemas";

/**
 * Reads schedules, targets and deadlines out of a commitment's Swedish text, as suggestions the
 * user accepts or edits. Pure and browser-safe.
 *
 * Rules worth knowing (each pattern below says what it matches):
 * - A schedule needs a count of occasions per unit ("1 gång per månad", "fyra kvällar i veckan"),
 *   an interval ("varannan vecka", "var tredje månad") or an adverb ("dagligen", "årsvis").
 *   Durations are not occasions: "24 timmar om dygnet" is nothing.
 * - Month qualifiers attach to the schedules of the same sentence: "undantaget juni–augusti"
 *   → exceptMonths, "under maj–september" / "under våren och hösten" → onlyMonths. Seasons are
 *   the meteorological ones of the Swedish calendar: våren 3–5, sommaren 6–8 (so also
 *   "sommarmånaderna"), hösten 9–11, vintern 12–2. A season with a year ("våren 2022") is one
 *   occasion in the past or future, not a recurrence, and is ignored.
 * - "under våren och hösten" with no count reads as once in each season named: 2 per year.
 * - A target needs a reason to be one: "nya/fler/ytterligare" ("10 nya samverkansgrupper",
 *   an increase by 10), a change verb with "med"/"till" ("minska … med 20 %", "öka antalet … till
 *   50"), "halvera"/"fördubbla", or a doing verb with a count ("genomföra fem
 *   trygghetsvandringar"). A bare number is never a target: years, phone numbers, "paragraf 3".
 *   "en"/"ett" count only before an occasion ("en gång"); elsewhere they are articles.
 * - A deadline needs "senast" and a day ("senast den 30 juni"); a year there also dates targets.
 * - "under året" / "under perioden" says only that it happens during the period, and is
 *   returned only when nothing finer was found.
 */

/** Suggests the measures the text states; empty when it states none. */
export function analyseCommitment(text: string): CommitmentMeasure[] {
  const schedules: Schedule[] = [];
  const targets: Target[] = [];
  const deadlines: { deadline: Deadline; year: string | null }[] = [];

  for (const sentence of splitSentences(text)) {
    const work = { text: normalise(sentence) };
    const found: Schedule[] = [];
    for (const rule of SCHEDULE_RULES) found.push(...take(work, rule.pattern, rule.read));
    for (const rule of DEADLINE_RULES) deadlines.push(...take(work, rule.pattern, rule.read));
    for (const rule of TARGET_RULES) targets.push(...take(work, rule.pattern, rule.read));

    const months = readMonthQualifiers(normalise(sentence));
    if (found.length === 0 && months.seasonCount > 0) {
      found.push(schedule(months.seasonCount, 1, "year"));
    }
    for (const s of found) schedules.push({ ...s, exceptMonths: months.except, onlyMonths: months.only });
  }

  const datedBy = deadlines.find((d) => d.year !== null);
  const measures: CommitmentMeasure[] = [
    ...schedules,
    ...targets.map((t) =>
      datedBy
        ? { ...t, by: `${datedBy.year}-${pad(datedBy.deadline.month)}-${pad(datedBy.deadline.day)}` }
        : t,
    ),
    ...deadlines.map((d) => d.deadline),
  ];
  if (measures.length === 0 && DURING_PERIOD.test(normalise(text))) measures.push({ kind: "during-period" });
  return unique(measures);
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

const ONES: Record<string, number> = {
  en: 1,
  ett: 1,
  två: 2,
  tre: 3,
  fyra: 4,
  fem: 5,
  sex: 6,
  sju: 7,
  åtta: 8,
  nio: 9,
};
const TEENS: Record<string, number> = {
  tio: 10,
  elva: 11,
  tolv: 12,
  tretton: 13,
  fjorton: 14,
  femton: 15,
  sexton: 16,
  sjutton: 17,
  arton: 18,
  nitton: 19,
  hundra: 100,
};
const TENS: Record<string, number> = {
  tjugo: 20,
  trettio: 30,
  fyrtio: 40,
  femtio: 50,
  sextio: 60,
  sjuttio: 70,
  åttio: 80,
  nittio: 90,
};
const ORDINALS: Record<string, number> = {
  andra: 2,
  tredje: 3,
  fjärde: 4,
  femte: 5,
  sjätte: 6,
  sjunde: 7,
  åttonde: 8,
  nionde: 9,
  tionde: 10,
  fjortonde: 14,
};

const MONTHS: [names: string[], month: number][] = [
  [["januari", "jan"], 1],
  [["februari", "feb"], 2],
  [["mars", "mar"], 3],
  [["april", "apr"], 4],
  [["maj"], 5],
  [["juni", "jun"], 6],
  // No "jul": it is also Christmas.
  [["juli"], 7],
  [["augusti", "aug"], 8],
  [["september", "sept", "sep"], 9],
  [["oktober", "okt"], 10],
  [["november", "nov"], 11],
  [["december", "dec"], 12],
];

// Only definite forms: bare "vår" is also "our" ("under vår ledning").
const SEASONS: [names: string[], months: number[]][] = [
  [["våren"], [3, 4, 5]],
  [
    ["sommaren", "sommarmånaderna"],
    [6, 7, 8],
  ],
  [["hösten"], [9, 10, 11]],
  [
    ["vintern", "vintermånaderna"],
    [12, 1, 2],
  ],
];

/** A unit word → the schedule's `per` and `every` ("kvartal" is every third month). */
const UNITS: [names: string[], per: FrequencyUnit, every: number][] = [
  [["dag", "dagen", "dygn", "dygnet", "kväll", "kvällen"], "day", 1],
  [["vecka", "veckan", "helg", "helgen"], "week", 1],
  [["månad", "månaden"], "month", 1],
  [["kvartal", "kvartalet"], "month", 3],
  [["halvår", "halvåret"], "month", 6],
  [["termin", "terminen"], "term", 1],
  [["år", "året", "läsår", "läsåret"], "year", 1],
  // "två gånger under hösten": per year; the season itself becomes onlyMonths.
  [SEASONS.flatMap(([names]) => names), "year", 1],
];

/** Adverbs that are a schedule on their own: "dagligen" → 1 per day. */
const ADVERBS: [names: string[], per: FrequencyUnit, every: number][] = [
  [["dagligen"], "day", 1],
  [["veckovis"], "week", 1],
  [["månadsvis", "månatligen"], "month", 1],
  [["kvartalsvis"], "month", 3],
  [["halvårsvis"], "month", 6],
  [["terminsvis"], "term", 1],
  [["årligen", "årsvis", "årlig", "årliga", "årligt"], "year", 1],
];

// ---------------------------------------------------------------------------------------------
// Pattern pieces. Every word piece is bounded by non-letters, so "sex" never matches in "sexton"
// and pieces can be joined by optional white space.

const alt = (words: string[]) => [...words].sort((a, b) => b.length - a.length).join("|");
const word = (source: string) => String.raw`(?<![\p{L}\d])(?:${source})(?![\p{L}\d])`;
const opt = (piece: string) => String.raw`(?:${piece}\s*)?`;
const seq = (...pieces: string[]) => new RegExp(pieces.join(String.raw`\s*`), "gu");
const wordTable = (table: [string[], ...unknown[]][]) => alt(table.flatMap(([names]) => names));

const NUMBER_WORD = `(?:${alt(Object.keys(TENS))})(?:${alt(Object.keys(ONES))})?|${alt([...Object.keys(TEENS), ...Object.keys(ONES)])}`;
const NUMBER_WORD_NOT_ARTICLE = `(?:${alt(Object.keys(TENS))})(?:${alt(Object.keys(ONES))})?|${alt([
  ...Object.keys(TEENS),
  ...Object.keys(ONES).filter((w) => w !== "en" && w !== "ett"),
])}`;
// "2 000" with a space as thousands separator, or "2,5".
const DIGITS = String.raw`\d{1,3}(?: \d{3})+|\d+(?:,\d+)?`;
const NUMBER = (name: string) => `(?<${name}>${word(DIGITS)}|${word(NUMBER_WORD)})`;
const COUNT = (name: string) => `(?<${name}>${word(DIGITS)}|${word(NUMBER_WORD_NOT_ARTICLE)})`;
const UNIT = `(?<unit>${word(wordTable(UNITS))})`;
const MONTH = String.raw`(?:${wordTable(MONTHS)})\.?`;
const MONTH_LIST = String.raw`${MONTH}(?:\s*(?:-|till|och|samt|,)\s*${MONTH})*`;
const SEASON = wordTable(SEASONS);
const SEASON_LIST = String.raw`(?:${SEASON})(?:\s*(?:och|samt|,)\s*(?:${SEASON}))*`;
/** A noun read as a target's unit: a word, possibly hyphenated ("ANDT-träffar"). */
const NOUN = String.raw`(?<noun>\p{L}[\p{L}-]*)`;
// Occasions counted by a schedule. Compounds count too ("helgkvällar", "trafikkontroller").
const OCCASION = word(
  String.raw`gång|gånger|ggr|\p{L}*(?:kväll|kvällar|dag|dagar|natt|nätter|helg|helger|tillfälle|tillfällen|pass|besök|träff|träffar|möte|möten|patrull|patruller|patrulleringar|kontroll|kontroller|vandring|vandringar|insats|insatser|aktivitet|aktiviteter)`,
);
const PER = String.raw`(?:${word("i|per|om|varje|under")}|/)`;
/** Words that may stand between a count and its noun and are dropped from the unit. */
const FILLERS = word("nya|fler|ytterligare|stycken|st|olika|riktade|gemensamma|lokala|större|mindre");
/** Verbs of doing or reaching that make "verb + count + noun" a target. */
const DOING_VERBS = word(
  "genomföra|hålla|anordna|arrangera|ordna|utbilda|rekrytera|anställa|starta|bilda|etablera|skapa|nå|uppnå|få|besöka|erbjuda|installera|placera ut|sätta upp",
);
const PREPOSITIONS = new Set([
  "i",
  "på",
  "vid",
  "bland",
  "för",
  "med",
  "mot",
  "under",
  "inom",
  "av",
  "hos",
  "kring",
]);
/** Words after a number that are not its unit. */
const NOT_A_UNIT = new Set([
  "i",
  "på",
  "per",
  "under",
  "senast",
  "och",
  "till",
  "av",
  "för",
  "med",
  "om",
  "inom",
  "före",
  "innan",
  "efter",
  "varje",
  "år",
  "året",
  ...MONTHS.flatMap(([names]) => names),
]);

type Groups = Record<string, string | undefined>;
type Rule<T> = { pattern: RegExp; read: (g: Groups) => T | null };

// ---------------------------------------------------------------------------------------------
// Rules, tried in this order on what earlier rules left of the sentence.

const SCHEDULE_RULES: Rule<Schedule>[] = [
  {
    // "1 gång per månad", "en gång i månaden", "minst fyra kvällar i veckan", "en gång/år",
    // "tre gånger under året", "tolv tillfällen per år".
    pattern: seq(NUMBER("n"), OCCASION, PER, UNIT),
    read: (g) => {
      const times = parseNumber(g.n);
      const unit = unitOf(g.unit);
      return times !== null && Number.isInteger(times) && times >= 1 && times <= 1000 && unit
        ? schedule(times, unit.every, unit.per)
        : null;
    },
  },
  {
    // "varannan vecka", "vartannat år": once every second unit.
    pattern: seq(word("varannan|vartannat"), UNIT),
    read: (g) => everyNth(2, g.unit),
  },
  {
    // "var tredje vecka", "vart fjärde år", "var 14:e dag".
    pattern: seq(word("var|vart"), `(?<nth>${word(alt(Object.keys(ORDINALS)))}|\\d{1,2}:[ae])`, UNIT),
    read: (g) => everyNth(parseOrdinal(g.nth), g.unit),
  },
  {
    // "varje vecka", "varje termin", "varje helg", "varje kväll".
    pattern: seq(word("varje|varenda"), UNIT),
    read: (g) => {
      const unit = unitOf(g.unit);
      return unit ? schedule(1, unit.every, unit.per) : null;
    },
  },
  {
    // "varje fredag", "varje fredagskväll": once a week.
    pattern: seq(word("varje|varenda"), word(String.raw`(?:mån|tis|ons|tors|fre|lör|sön)dag(?:s\p{L}*|ar)?`)),
    read: () => schedule(1, 1, "week"),
  },
  {
    // "dagligen", "veckovis", "månadsvis", "årsvis", "en årlig trygghetsvandring".
    pattern: new RegExp(`(?<adverb>${word(wordTable(ADVERBS))})`, "gu"),
    read: (g) => {
      const found = ADVERBS.find(([names]) => g.adverb !== undefined && names.includes(g.adverb));
      return found ? schedule(1, found[2], found[1]) : null;
    },
  },
];

const DEADLINE_RULES: Rule<{ deadline: Deadline; year: string | null }>[] = [
  {
    // "senast 30 juni", "senast den 30 juni", "senast den 1:a mars 2026".
    pattern: seq(
      word("senast"),
      opt(word("den")),
      String.raw`(?<day>\d{1,2})(?::[ae])?`,
      `(?<month>${MONTH})`,
      String.raw`(?<year>(?<!\d)\d{4}(?!\d))?`,
    ),
    read: (g) => deadline(Number(g.day), monthOf(g.month), g.year ?? null),
  },
  {
    // "senast 30/6".
    pattern: seq(word("senast"), opt(word("den")), String.raw`(?<day>\d{1,2})/(?<month>\d{1,2})(?!\d)`),
    read: (g) => deadline(Number(g.day), Number(g.month), null),
  },
  {
    // "senast 2026-06-30".
    pattern: seq(word("senast"), opt(word("den")), String.raw`(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})`),
    read: (g) => deadline(Number(g.day), Number(g.month), g.year ?? null),
  },
];

const TARGET_RULES: Rule<Target>[] = [
  {
    // "minska antalet bostadsinbrott med 20 %", "öka andelen trygga med 10 procentenheter".
    pattern: seq(
      `(?<verb>${word("minska|minskas|sänka|sänkas|reducera|öka|ökas|höja|höjas")})`,
      String.raw`(?<object>[^.;:]{0,80}?)`,
      word("med"),
      NUMBER("n"),
      `(?<unitWord>%|${word("procent|procentenheter")}|${NOUN})?`,
    ),
    read: (g) => {
      const direction = /^(?:minsk|sänk|reduc)/u.test(g.verb ?? "") ? "decrease" : "increase";
      return target(parseNumber(g.n), unitAfter(g.unitWord) ?? unitFromObject(g.object), direction);
    },
  },
  {
    // "öka antalet grannsamverkansområden till 50", "öka andelen trygga till 80 %".
    pattern: seq(
      word("öka|ökas|höja|höjas|minska|minskas|sänka|sänkas|nå|uppnå"),
      String.raw`(?<object>[^.;:]{0,80}?)`,
      word("till"),
      NUMBER("n"),
      `(?<unitWord>%|${word("procent")}|${NOUN})?`,
    ),
    read: (g) => {
      // "öka tryggheten till 2026" is a year, not a value.
      if (isYear(g.n)) return null;
      return target(parseNumber(g.n), unitAfter(g.unitWord) ?? unitFromObject(g.object), "reach");
    },
  },
  {
    // "halvera antalet …" and "fördubbla antalet …": relative changes.
    pattern: new RegExp(`(?<verb>${word("halvera|halveras|fördubbla|fördubblas")})`, "gu"),
    read: (g) => (g.verb?.startsWith("halv") ? target(50, "%", "decrease") : target(100, "%", "increase")),
  },
  {
    // "10 nya samverkansgrupper", "fem fler poliser": that many more than now.
    pattern: seq(NUMBER("n"), word("nya|fler|ytterligare"), NOUN),
    read: (g) => (isYear(g.n) ? null : target(parseNumber(g.n), nounUnit(g.noun), "increase")),
  },
  {
    // "ytterligare tre kameror".
    pattern: seq(word("ytterligare"), COUNT("n"), NOUN),
    read: (g) => (isYear(g.n) ? null : target(parseNumber(g.n), nounUnit(g.noun), "increase")),
  },
  {
    // "genomföra fem trygghetsvandringar", "utbilda minst 20 föreningsledare".
    pattern: seq(
      DOING_VERBS,
      opt(word("minst|totalt|cirka|ca|åtminstone")),
      COUNT("n"),
      `(?:${FILLERS}\\s*)*`,
      NOUN,
    ),
    read: (g) => (isYear(g.n) ? null : target(parseNumber(g.n), nounUnit(g.noun), "reach")),
  },
];

/** "under året", "under perioden": it happens some time during the period. */
const DURING_PERIOD = new RegExp(
  seq(word("under"), opt(word("hela")), word("året|perioden|avtalsperioden|löftesperioden|verksamhetsåret"))
    .source,
  "u",
);

// ---------------------------------------------------------------------------------------------
// Month qualifiers

type MonthQualifiers = { except: number[]; only: number[]; seasonCount: number };

/** Reads "undantaget juni–augusti", "under maj–september" and seasons out of one sentence. */
function readMonthQualifiers(sentence: string): MonthQualifiers {
  const work = { text: sentence };
  // A trailing year ("under våren 2022") makes it one dated occasion, not a recurrence: the
  // year is matched so the list cannot shrink to dodge it, then the match is dropped.
  const YEAR = String.raw`(?<year>\s*\d{4})?`;
  const except = take(
    work,
    seq(
      word("undantaget|utom|förutom|ej|inte|med undantag för|med undantag av"),
      opt(word("under|i")),
      `(?<list>${word(MONTH_LIST)}|${word(SEASON_LIST)})`,
    ),
    (g) => monthsOf(g.list, false),
  ).flat();
  const ranges = take(work, seq(word("mellan|från"), `(?<list>${word(MONTH_LIST)})${YEAR}`), (g) =>
    g.year ? null : monthsOf(g.list, true),
  ).flat();
  const listed = take(work, seq(word("under|i|på"), `(?<list>${word(MONTH_LIST)})${YEAR}`), (g) =>
    g.year ? null : monthsOf(g.list, false),
  ).flat();
  let seasonCount = 0;
  const seasons = take(work, seq(word("under|på|i"), `(?<list>${word(SEASON_LIST)})${YEAR}`), (g) => {
    if (g.year) return null;
    seasonCount += (g.list ?? "").split(/\s*(?:och|samt|,)\s*/u).length;
    return monthsOf(g.list, false);
  }).flat();
  return {
    except: sortedUnique(except),
    only: sortedUnique([...ranges, ...listed, ...seasons]),
    seasonCount,
  };
}

/** "juni-augusti" → [6, 7, 8]; "juni och augusti" → [6, 8], or [6, 7, 8] after "mellan". */
function monthsOf(list: string | undefined, andIsRange: boolean): number[] | null {
  if (!list) return null;
  const months: number[] = [];
  const parts = list.split(andIsRange ? /\s*(?:,|samt)\s*/u : /\s*(?:,|och|samt)\s*/u);
  for (const part of parts) {
    const ends = part.split(andIsRange ? /\s*(?:-|till|och)\s*/u : /\s*(?:-|till)\s*/u);
    const first = ends[0] ?? "";
    const last = ends[ends.length - 1] ?? first;
    const season = SEASONS.find(([names]) => names.includes(first));
    if (season) {
      months.push(...season[1]);
      continue;
    }
    const from = monthOf(first);
    const to = monthOf(last);
    if (from === null || to === null) return null;
    // A range may wrap the new year: "november–februari".
    for (let m = from; ; m = (m % 12) + 1) {
      months.push(m);
      if (m === to) break;
    }
  }
  return months;
}

// ---------------------------------------------------------------------------------------------
// Helpers

/** Runs a pattern over what is left of the text; each match read blanks its span for later rules. */
function take<T>(work: { text: string }, pattern: RegExp, read: (g: Groups) => T | null): T[] {
  const results: T[] = [];
  let text = work.text;
  for (const match of work.text.matchAll(pattern)) {
    const value = read(match.groups ?? {});
    if (value === null) continue;
    results.push(value);
    const start = match.index;
    text = text.slice(0, start) + " ".repeat(match[0].length) + text.slice(start + match[0].length);
  }
  work.text = text;
  return results;
}

function splitSentences(text: string): string[] {
  // A full stop followed by a capital ends a sentence; "t.ex. hemsida" does not.
  return text.split(/(?<=[.!?])\s+(?=[\p{Lu}"”«])/u);
}

function normalise(text: string): string {
  return text
    .normalize("NFC")
    .toLocaleLowerCase("sv")
    .replace(/[\u2010-\u2015\u2212]/gu, "-")
    .replace(/[\u00a0\u2007\u2009\u202f]/gu, " ")
    .replace(/\s+/gu, " ");
}

function parseNumber(value: string | undefined): number | null {
  if (value === undefined) return null;
  if (/^\d/u.test(value)) return Number(value.replace(/ /gu, "").replace(",", "."));
  if (value in ONES) return ONES[value] ?? null;
  if (value in TEENS) return TEENS[value] ?? null;
  for (const [tens, tensValue] of Object.entries(TENS)) {
    if (!value.startsWith(tens)) continue;
    const rest = value.slice(tens.length);
    if (rest === "") return tensValue;
    const ones = ONES[rest];
    return ones === undefined ? null : tensValue + ones;
  }
  return null;
}

function parseOrdinal(value: string | undefined): number | null {
  if (value === undefined) return null;
  const digits = /^(\d{1,2}):[ae]$/u.exec(value);
  return digits ? Number(digits[1]) : (ORDINALS[value] ?? null);
}

function isYear(value: string | undefined): boolean {
  return value !== undefined && /^(?:19|20|21)\d\d$/u.test(value);
}

function unitOf(word: string | undefined): { per: FrequencyUnit; every: number } | null {
  const found = UNITS.find(([names]) => word !== undefined && names.includes(word));
  return found ? { per: found[1], every: found[2] } : null;
}

function monthOf(name: string | undefined): number | null {
  const bare = name?.replace(/\.$/u, "");
  return MONTHS.find(([names]) => bare !== undefined && names.includes(bare))?.[1] ?? null;
}

function schedule(times: number, every: number, per: FrequencyUnit): Schedule {
  return { kind: "schedule", times, every, per, exceptMonths: [], onlyMonths: [] };
}

function everyNth(nth: number | null, unitWord: string | undefined): Schedule | null {
  const unit = unitOf(unitWord);
  if (nth === null || !unit || nth * unit.every > 52) return null;
  return schedule(1, nth * unit.every, unit.per);
}

function target(value: number | null, unit: string | null, direction: Target["direction"]): Target | null {
  if (value === null || !Number.isFinite(value) || value <= 0 || value > 1e9 || !unit) return null;
  return { kind: "target", value, unit, by: "period-end", direction };
}

function deadline(
  day: number,
  month: number | null,
  year: string | null,
): { deadline: Deadline; year: string | null } | null {
  // Day 29 February is allowed: a yearly deadline meets a leap year sooner or later.
  if (month === null || month < 1 || month > 12) return null;
  const daysInMonth = new Date(Date.UTC(2024, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) return null;
  if (year !== null && new Date(Date.UTC(Number(year), month - 1, day)).getUTCMonth() !== month - 1)
    return null;
  return { deadline: { kind: "deadline", month, day }, year };
}

/** The unit written right after a number: "%", "procent" or a noun that is not a preposition. */
function unitAfter(word: string | undefined): string | null {
  if (word === undefined) return null;
  if (word === "%" || word === "procent") return "%";
  return nounUnit(word);
}

function nounUnit(word: string | undefined): string | null {
  if (word === undefined || NOT_A_UNIT.has(word) || /^\d/u.test(word)) return null;
  return word;
}

/** "antalet anmälda bostadsinbrott i centrum" → "bostadsinbrott"; "andelen …" → "%". */
function unitFromObject(object: string | undefined): string | null {
  const words = (object ?? "").trim().split(/\s+/u);
  if (words[0] === "andelen") return "%";
  if (words[0] !== "antalet") return null;
  // The counted thing is the last word before a preposition; earlier words describe it.
  const end = words.findIndex((w, i) => i > 0 && PREPOSITIONS.has(w));
  return nounUnit(words.slice(1, end === -1 ? undefined : end).at(-1));
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

function sortedUnique(months: number[]): number[] {
  return [...new Set(months)].sort((a, b) => a - b);
}

function unique(measures: CommitmentMeasure[]): CommitmentMeasure[] {
  const seen = new Set<string>();
  return measures.filter((m) => {
    const key = JSON.stringify(m);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
