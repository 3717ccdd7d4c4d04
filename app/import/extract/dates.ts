/** Swedish dates in the forms documents use, read to "YYYY-MM-DD" (or "YYYY" for a year). */

const MONTHS: Record<string, number> = {
  januari: 1,
  jan: 1,
  februari: 2,
  feb: 2,
  mars: 3,
  mar: 3,
  april: 4,
  apr: 4,
  maj: 5,
  juni: 6,
  jun: 6,
  juli: 7,
  jul: 7,
  augusti: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  oktober: 10,
  okt: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};

const MONTH_NAMES = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join("|");

/** One date in the text: where it stands and what it means. */
export interface DateToken {
  index: number;
  end: number;
  value: string;
}

const DAY_PATTERNS: { re: RegExp; read: (m: RegExpExecArray) => [number, number, number] }[] = [
  {
    // 1 januari 2023, 1:a jan. 2023, den 3 mars 2023
    re: new RegExp(`(?<![\\d])(\\d{1,2})(?::[ae])?\\.?\\s+(${MONTH_NAMES})\\.?,?\\s+(\\d{4})(?!\\d)`, "giu"),
    read: (m) => [Number(m[3]), MONTHS[m[2]!.toLowerCase()]!, Number(m[1])],
  },
  {
    // 2023-03-03, 2023.03.03, 2023/03/03
    re: /(?<![\d])(\d{4})([-./])(\d{1,2})\2(\d{1,2})(?![\d])/g,
    read: (m) => [Number(m[1]), Number(m[3]), Number(m[4])],
  },
  {
    // 15/2 2024, 15/2-2024, 15/2/2024, 15.2.2024, 15/02/24 is not read (two-digit years are ambiguous)
    re: /(?<![\d/.])(\d{1,2})[/.](\d{1,2})(?:[\s/.-]+|\s*-\s*)(\d{4})(?![\d])/g,
    read: (m) => [Number(m[3]), Number(m[2]), Number(m[1])],
  },
];

function validDay(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null;
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

const SHARED_YEAR = new RegExp(
  `(?<![\\d])(\\d{1,2})(?::[ae])?\\.?\\s+(${MONTH_NAMES})\\.?\\s*(?:[-–—]+|till(?: och med)?)\\s*(?:den\\s+)?(\\d{1,2})(?::[ae])?\\.?\\s+(${MONTH_NAMES})\\.?,?\\s+(\\d{4})(?!\\d)`,
  "giu",
);

/** The day-precise dates in a text, in order, not overlapping. */
export function findDays(text: string): DateToken[] {
  const found: DateToken[] = [];
  // "1 januari–31 december 2025": the first date takes the year of the second.
  SHARED_YEAR.lastIndex = 0;
  for (let m = SHARED_YEAR.exec(text); m; m = SHARED_YEAR.exec(text)) {
    const year = Number(m[5]);
    const from = validDay(year, MONTHS[m[2]!.toLowerCase()]!, Number(m[1]));
    if (from) found.push({ index: m.index, end: m.index + m[1]!.length + 1 + m[2]!.length, value: from });
  }
  for (const { re, read } of DAY_PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const [y, mo, d] = read(m);
      const value = validDay(y, mo, d);
      if (!value) continue;
      const token = { index: m.index, end: m.index + m[0].length, value };
      if (!found.some((f) => token.index < f.end && f.index < token.end)) found.push(token);
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/** Replaces the day-precise dates in a text with spaces, so that years can be read from the rest. */
export function blankDays(text: string, days: DateToken[]): string {
  let out = text;
  for (const d of days) out = out.slice(0, d.index) + " ".repeat(d.end - d.index) + out.slice(d.end);
  return out;
}

export function isYear(value: number): boolean {
  return value >= 1990 && value <= 2100;
}

/** "2024–2027", "2023 - 2026", "2017-2020", "2024 till 2027": the first such range in the text. */
export function findYearRange(text: string): { from: string; to: string; index: number } | null {
  const re = /(?<![\d-])(\d{4})\s*(?:[-–—]+|till(?: och med)?|t\.o\.m\.?)\s*(\d{4})(?![\d-])/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const from = Number(m[1]);
    const to = Number(m[2]);
    if (isYear(from) && isYear(to) && to >= from && to - from <= 20) {
      return { from: m[1]!, to: m[2]!, index: m.index };
    }
  }
  // "för åren 2023, 2024 och 2025": the first and the last.
  const listed = /(?<![\d-])(\d{4})(?:,\s*\d{4})+,?\s+(?:och|samt)\s+(\d{4})(?![\d-])/.exec(text);
  if (
    listed &&
    isYear(Number(listed[1])) &&
    Number(listed[2]) > Number(listed[1]) &&
    Number(listed[2]) - Number(listed[1]) <= 20
  ) {
    return { from: listed[1]!, to: listed[2]!, index: listed.index };
  }
  // "under 2023 och 2024": two years after each other.
  const both = /(?<![\d-])(\d{4})\s+(?:och|samt)\s+(\d{4})(?![\d-])/.exec(text);
  if (both && isYear(Number(both[1])) && Number(both[2]) === Number(both[1]) + 1) {
    return { from: both[1]!, to: both[2]!, index: both.index };
  }
  return null;
}

/** Lone years in a text, in order. */
export function findYears(text: string): { value: string; index: number }[] {
  const out: { value: string; index: number }[] = [];
  const re = /(?<![\d/.-])(\d{4})(?![\d/-])/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (isYear(Number(m[1]))) out.push({ value: m[1]!, index: m.index });
  }
  return out;
}
