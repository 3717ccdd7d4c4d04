/**
 * External safety-survey results (polisens trygghetsmätning, BRÅ:s NTU, a municipality's own
 * survey): aggregated indicators per area and year, read from a CSV file a coordinator exports
 * from Excel. A pure parser: the caller stores the rows. The format is described in
 * docs/survey-external-results.md.
 *
 * All or nothing: one bad line and no row is returned, only every error found (at most 100).
 */
import { parse } from "csv-parse/sync";
import type { CsvError, InfoRecord } from "csv-parse/sync";
import { z } from "zod";

/** 1 MB: the web form sends it in a request under the server's 1 MiB body limit. */
export const MAX_EXTERNAL_RESULTS_BYTES = 1_000_000;
export const MAX_EXTERNAL_RESULTS_ROWS = 20_000;
export const MAX_EXTERNAL_RESULTS_TEXT = 200;
/** Far above any real line (two texts of 200 characters and a few numbers); keeps a file of one huge line cheap to refuse. */
export const MAX_EXTERNAL_RESULTS_LINE_CHARS = 10_000;
export const MAX_EXTERNAL_RESULTS_ERRORS = 100;

type Unit = "percent" | "index";

/** The items of the police's problem list, as in trygghet_fragor.json's problem_omradet.subitems. */
const PROBLEM_SUBITEMS: Record<string, string> = {
  nedskrapning: "Nedskräpning",
  klotter: "Klotter",
  skadegorelse: "Skadegörelse",
  dalig_belysning: "Dålig belysning, mörka platser",
  brak_slagsmal: "Folk som bråkar eller slåss utomhus",
  ungdomsgang: "Ungdomsgäng som bråkar och stör ordningen",
  berusade: "Berusade eller narkotikapåverkade personer på allmän plats",
  narkotikaforsaljning: "Öppen narkotikaförsäljning",
  kvinnor_antastas: "Kvinnor (eller andra) som antastas",
  buskorning: "Buskörning med moped, mc eller A-/EPA-traktor",
  fortkorning: "Bilar som kör för fort eller stör",
  otrygg_kollektivtrafik: "Otrygghet vid resor med buss eller tåg",
};

/** The indicators the platform knows, by id, with their Swedish label and unit. Shares are in percent (0–100), problem indices 0–6. */
export const STANDARD_INDICATORS: Record<string, { label: string; unit: Unit }> = {
  otrygg_kvall: {
    label: "Andel som känner sig otrygga ute ensamma sent en kväll i sitt bostadsområde",
    unit: "percent",
  },
  avstatt_aktivitet: { label: "Andel som avstått från en aktivitet på grund av otrygghet", unit: "percent" },
  oro_bostadsinbrott: { label: "Andel som ofta oroar sig för bostadsinbrott", unit: "percent" },
  oro_misshandel: {
    label: "Andel som ofta oroar sig för att bli överfallen eller misshandlad",
    unit: "percent",
  },
  oro_personran: { label: "Andel som ofta oroar sig för att bli rånad", unit: "percent" },
  oro_fordon: {
    label: "Andel som ofta oroar sig för att fordonet ska stjälas eller skadas",
    unit: "percent",
  },
  oro_narstaende: {
    label: "Andel som ofta oroar sig för att en närstående ska utsättas för brott",
    unit: "percent",
  },
  oro_brottslighet_samhalle: {
    label: "Andel som i stor utsträckning oroar sig över brottsligheten i samhället",
    unit: "percent",
  },
  utsatt_brott: { label: "Andel som utsatts för brott de senaste 12 månaderna", unit: "percent" },
  fortroende_polis: {
    label: "Andel med stort förtroende för polisens sätt att bedriva sitt arbete",
    unit: "percent",
  },
  problemindex: { label: "Problemindex (0–6) för bostadsområdet", unit: "index" },
  ...Object.fromEntries(
    Object.entries(PROBLEM_SUBITEMS).map(([id, label]) => [
      `problemindex:${id}`,
      { label: `Problemindex (0–6): ${label}`, unit: "index" as const },
    ]),
  ),
};

export interface ExternalResultRow {
  area: string;
  year: number;
  /** A key of STANDARD_INDICATORS when standard, else the source's own name as written. */
  indicator: string;
  standard: boolean;
  value: number;
  unit: Unit;
  respondents: number | null;
  source: "police" | "bra" | "other";
  low: number | null;
  high: number | null;
  /** The line in the file (the header is line 1). */
  line: number;
}

export interface ExternalResultsError {
  line: number | null;
  column: string | null;
  message: string;
}

export type ParseResult =
  { ok: true; rows: ExternalResultRow[] } | { ok: false; errors: ExternalResultsError[] };

/** The columns as they are named in the file. */
const COLUMNS = [
  "område",
  "år",
  "indikator",
  "värde",
  "enhet",
  "antal_svar",
  "källa",
  "konfidens_låg",
  "konfidens_hög",
] as const;
type Column = (typeof COLUMNS)[number];
const REQUIRED_COLUMNS: readonly Column[] = ["område", "år", "indikator", "värde", "källa"];

// Maps, not object literals: a cell saying "constructor" must not find Object.prototype's.
const UNITS = new Map<string, Unit>([
  ["procent", "percent"],
  ["index", "index"],
]);
const UNIT_NAMES: Record<Unit, string> = { percent: "procent", index: "index" };
const UNIT_RANGES: Record<Unit, { max: number; text: string }> = {
  percent: { max: 100, text: "0–100 (procent)" },
  index: { max: 6, text: "0–6 (index)" },
};
const SOURCES = new Map<string, ExternalResultRow["source"]>([
  ["polisen", "police"],
  ["bra", "bra"],
  ["annan", "other"],
]);

/** Header names compare without case, accents, spaces or hyphens: "Konfidens låg", "VARDE" and "värde" are the same column. */
function headerKey(text: string): string {
  return fold(text).replace(/[\s-]+/g, "_");
}

function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Mn}/gu, "")
    .toLocaleLowerCase("sv")
    .trim();
}

const COLUMN_BY_KEY = new Map<string, Column>(COLUMNS.map((column) => [headerKey(column), column]));

const quoted = (text: string) => `”${text.length > 40 ? `${text.slice(0, 40)}…` : text}”`;

// Thousands may be grouped with a space or a no-break space, as Swedish Excel does.
const NUMBER = /^-?\d+(?:[.,]\d+)?$/;
const GROUPING = /[\s\u00a0\u202f]/g;

function numberCell(required: boolean) {
  return z.string().transform((text, context) => {
    if (text === "") {
      if (required) context.addIssue({ code: "custom", message: "saknar värde." });
      return null;
    }
    const compact = text.replace(GROUPING, "").replace("\u2212", "-");
    if (compact.endsWith("%")) {
      context.addIssue({
        code: "custom",
        message: `${quoted(text)} är inget tal; skriv talet utan procenttecken.`,
      });
      return null;
    }
    if (!NUMBER.test(compact)) {
      context.addIssue({ code: "custom", message: `${quoted(text)} är inget tal.` });
      return null;
    }
    return Number(compact.replace(",", "."));
  });
}

function textCell(required: boolean) {
  return z.string().transform((text, context) => {
    if (text === "" && required) context.addIssue({ code: "custom", message: "saknar värde." });
    if (text.length > MAX_EXTERNAL_RESULTS_TEXT) {
      context.addIssue({
        code: "custom",
        message: `texten är längre än ${MAX_EXTERNAL_RESULTS_TEXT} tecken.`,
      });
    }
    return text;
  });
}

const yearCell = z.string().transform((text, context) => {
  if (text === "") {
    context.addIssue({ code: "custom", message: "saknar värde." });
    return 0;
  }
  const year = /^\d{4}$/.test(text) ? Number(text) : NaN;
  if (!(year >= 2000 && year <= 2100)) {
    context.addIssue({ code: "custom", message: `${quoted(text)} är inget år mellan 2000 och 2100.` });
  }
  return year;
});

const indicatorCell = textCell(true).transform((text, context) => {
  const id = fold(text).replace(/\s*:\s*/, ":");
  if (Object.hasOwn(STANDARD_INDICATORS, id)) return { indicator: id, standard: true };
  if (id.startsWith("problemindex:")) {
    context.addIssue({
      code: "custom",
      message: `${quoted(text)} är ingen känd del av problemindexet; kända är ${Object.keys(PROBLEM_SUBITEMS)
        .map((item) => `problemindex:${item}`)
        .join(", ")}.`,
    });
  }
  return { indicator: text, standard: false };
});

const unitCell = z.string().transform((text, context) => {
  if (text === "") return null;
  const unit = UNITS.get(fold(text));
  if (!unit)
    context.addIssue({
      code: "custom",
      message: `${quoted(text)} är ingen känd enhet; ange procent eller index.`,
    });
  return unit ?? null;
});

const respondentsCell = numberCell(false).transform((value, context) => {
  if (value !== null && !(Number.isSafeInteger(value) && value >= 0)) {
    context.addIssue({
      code: "custom",
      message: `${decimal(value)} är inget heltal som är noll eller större.`,
    });
  }
  return value;
});

const sourceCell = z.string().transform((text, context) => {
  const source = SOURCES.get(fold(text));
  if (!source) {
    context.addIssue({
      code: "custom",
      message:
        text === ""
          ? "saknar värde; ange polisen, bra eller annan."
          : `${quoted(text)} är ingen känd källa; ange polisen, bra eller annan.`,
    });
  }
  return source ?? "other";
});

/** One data line, by column name as in the file; an absent column is an empty cell. */
const externalResultLineSchema = z
  .object({
    område: textCell(true),
    år: yearCell,
    indikator: indicatorCell,
    värde: numberCell(true),
    enhet: unitCell,
    antal_svar: respondentsCell,
    källa: sourceCell,
    konfidens_låg: numberCell(false),
    konfidens_hög: numberCell(false),
  })
  .transform((cells, context) => {
    const { indikator, enhet } = cells;
    const standardUnit = indikator.standard ? STANDARD_INDICATORS[indikator.indicator]?.unit : undefined;
    if (standardUnit && enhet && enhet !== standardUnit) {
      context.addIssue({
        code: "custom",
        path: ["enhet"],
        message: `indikatorn ${indikator.indicator} mäts i ${UNIT_NAMES[standardUnit]}, inte ${UNIT_NAMES[enhet]}.`,
      });
    }
    const unit = standardUnit ?? enhet;
    if (!unit) {
      context.addIssue({
        code: "custom",
        path: ["enhet"],
        message: "saknar värde; en egen indikator behöver enheten procent eller index.",
      });
      return z.NEVER;
    }
    const range = UNIT_RANGES[unit];
    for (const column of ["värde", "konfidens_låg", "konfidens_hög"] as const) {
      const value = cells[column];
      if (value !== null && !(value >= 0 && value <= range.max)) {
        context.addIssue({
          code: "custom",
          path: [column],
          message: `${decimal(value)} ligger utanför ${range.text}.`,
        });
      }
    }
    const { värde: value, konfidens_låg: low, konfidens_hög: high } = cells;
    if ((low === null) !== (high === null)) {
      context.addIssue({
        code: "custom",
        path: [low === null ? "konfidens_låg" : "konfidens_hög"],
        message: "saknar värde; ange både konfidens_låg och konfidens_hög, eller ingen av dem.",
      });
    } else if (low !== null && high !== null && value !== null && !(low <= value && value <= high)) {
      context.addIssue({
        code: "custom",
        path: [low > value ? "konfidens_låg" : "konfidens_hög"],
        message: `intervallet ${decimal(low)}–${decimal(high)} innehåller inte värdet ${decimal(value)}.`,
      });
    }
    return {
      area: cells.område,
      year: cells.år,
      indicator: indikator.indicator,
      standard: indikator.standard,
      value: value ?? 0,
      unit,
      respondents: cells.antal_svar,
      source: cells.källa,
      low,
      high,
    };
  });

/**
 * Reads a CSV file of external survey results (see docs/survey-external-results.md). Never
 * throws for a bad file: every problem comes back as a Swedish message with its line and column.
 */
export function parseExternalResults(input: Buffer | string): ParseResult {
  const text = decode(input);
  if (typeof text !== "string") return text;

  const lineError = checkLines(text);
  if (lineError) return failure([lineError]);

  const firstLine = text.slice(0, text.indexOf("\n") === -1 ? undefined : text.indexOf("\n"));
  const delimiter = count(firstLine, ";") >= count(firstLine, ",") ? ";" : ",";

  const errors: ExternalResultsError[] = [];
  let quoteNotClosed = false;
  // With info: true each record comes with where it was read; csv-parse's overloads do not type that.
  const records = parse(text, {
    delimiter,
    info: true,
    trim: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    max_record_size: MAX_EXTERNAL_RESULTS_LINE_CHARS,
    on_skip: (error: CsvError | undefined) => {
      if (error?.code === "CSV_QUOTE_NOT_CLOSED") quoteNotClosed = true;
      else if (error) errors.push(syntaxError(error));
    },
  }) as unknown as { record: string[]; info: InfoRecord }[];

  if (quoteNotClosed) {
    // csv-parse reports the end of the file; the quote opened on the line after the last record read.
    const line = (records.at(-1)?.info.lines ?? 0) + 1;
    errors.push({
      line,
      column: null,
      message: `Rad ${line}: ett citattecken (") öppnas men stängs aldrig.`,
    });
  }
  const [header, ...data] = records.map(({ record, info }) => ({
    cells: record.map((cell) => cell.trim().normalize("NFC")),
    // info.lines is where the record ends; a quoted cell may have spanned several lines.
    line: info.lines - record.reduce((sum, cell) => sum + count(cell, "\n"), 0),
  }));
  if (!header)
    return failure(errors.length > 0 ? errors : [{ line: null, column: null, message: "Filen är tom." }]);

  const columns = readHeader(header.cells, header.line, errors);
  const lines = data.filter(({ cells }) => cells.some((cell) => cell !== ""));
  if (!columns) return failure(errors);
  if (lines.length === 0 && errors.length === 0) {
    return failure([
      { line: null, column: null, message: "Filen har en rubrikrad men inga rader med resultat." },
    ]);
  }

  const rows: ExternalResultRow[] = [];
  const firstLineByKey = new Map<string, number>();
  for (const { cells, line } of lines) {
    const stray = cells.findIndex((cell, index) => cell !== "" && !columns[index]);
    if (stray !== -1) {
      errors.push({
        line,
        column: null,
        message:
          stray >= columns.length
            ? `Rad ${line} har fler fält än rubrikraden.`
            : `Rad ${line} har ett värde i kolumn ${stray + 1}, som saknar rubrik.`,
      });
      continue;
    }
    const byColumn = Object.fromEntries(COLUMNS.map((column) => [column, ""]));
    columns.forEach((column, index) => {
      if (column) byColumn[column] = cells[index] ?? "";
    });
    const parsed = externalResultLineSchema.safeParse(byColumn);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const column = String(issue.path[0] ?? "");
        errors.push({
          line,
          column: column || null,
          message: `Rad ${line}, kolumnen ${column}: ${issue.message}`,
        });
      }
      continue;
    }
    const row = { ...parsed.data, line };
    // "Centrum" and "centrum" are one area; "Åby" and "Aby" may be two, so accents count.
    const key = JSON.stringify([
      row.area.toLocaleLowerCase("sv"),
      row.year,
      row.indicator.toLocaleLowerCase("sv"),
      row.source,
    ]);
    const first = firstLineByKey.get(key);
    if (first !== undefined) {
      errors.push({
        line,
        column: null,
        message: `Rad ${line}: samma område, år, indikator och källa som rad ${first}.`,
      });
      continue;
    }
    firstLineByKey.set(key, line);
    rows.push(row);
  }
  return errors.length > 0 ? failure(errors) : { ok: true, rows };
}

function decode(input: Buffer | string): string | ParseResult {
  const size = typeof input === "string" ? Buffer.byteLength(input) : input.byteLength;
  if (size > MAX_EXTERNAL_RESULTS_BYTES)
    return failure([{ line: null, column: null, message: "Filen är större än 1 MB." }]);
  let text: string;
  if (typeof input === "string") {
    text = input;
  } else {
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(input);
    } catch {
      return failure([
        {
          line: null,
          column: null,
          message:
            "Filen är inte text i UTF-8. Spara den i Excel som ”CSV UTF-8 (kommaavgränsad)” och försök igen.",
        },
      ]);
    }
  }
  text = text.replace(/^\uFEFF/, "");
  // Control characters (other than tab and line breaks) and U+FFFD (what a lenient decoder left for a bad byte) mean this is not a text file.
  const garbage = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/.exec(text);
  if (garbage) {
    const line = count(text.slice(0, garbage.index), "\n") + 1;
    return failure([
      {
        line,
        column: null,
        message: `Rad ${line}: filen innehåller tecken som inte hör hemma i en textfil. Är det verkligen en CSV-fil i UTF-8?`,
      },
    ]);
  }
  if (text.trim() === "") return failure([{ line: null, column: null, message: "Filen är tom." }]);
  return text;
}

/**
 * Checks the physical lines before csv-parse sees them: a line too long, or far too many lines.
 * csv-parse builds an error object for every record of the wrong length (about 20 µs each), so a
 * file of a million short lines would take half a minute; refused here, it takes milliseconds.
 */
function checkLines(text: string): ExternalResultsError | null {
  let start = 0;
  let nonBlank = 0;
  for (let line = 1; start <= text.length; line += 1) {
    const end = text.indexOf("\n", start);
    const stop = end === -1 ? text.length : end;
    if (stop - start > MAX_EXTERNAL_RESULTS_LINE_CHARS) {
      return {
        line,
        column: null,
        message: `Rad ${line} är längre än ${formatCount(MAX_EXTERNAL_RESULTS_LINE_CHARS)} tecken. Är det verkligen en CSV-fil med en rad per resultat?`,
      };
    }
    if (/\S/.test(text.slice(start, stop))) nonBlank += 1;
    if (end === -1) break;
    start = end + 1;
  }
  // The header is one of the lines.
  return nonBlank - 1 > MAX_EXTERNAL_RESULTS_ROWS ? tooManyRows(nonBlank - 1) : null;
}

function tooManyRows(rows: number): ExternalResultsError {
  return {
    line: null,
    column: null,
    message: `Filen har ${formatCount(rows)} rader utöver rubrikraden; högst ${formatCount(MAX_EXTERNAL_RESULTS_ROWS)} går att läsa in åt gången.`,
  };
}

/** Maps each header cell to its column (null for an empty, unused one); null when the header is unusable, with the reasons in errors. */
function readHeader(cells: string[], line: number, errors: ExternalResultsError[]): (Column | null)[] | null {
  const before = errors.length;
  const columns = cells.map((cell, index) => {
    if (cell === "") return null;
    const column = COLUMN_BY_KEY.get(headerKey(cell));
    if (!column) {
      errors.push({
        line,
        column: cell,
        message: `Kolumnen ${quoted(cell)} (kolumn ${index + 1}) är okänd. Kända kolumner är ${COLUMNS.join(", ")}.`,
      });
    }
    return column ?? null;
  });
  for (const column of COLUMNS) {
    const found = columns.filter((candidate) => candidate === column).length;
    if (found > 1)
      errors.push({ line, column, message: `Kolumnen ${column} finns ${found} gånger i rubrikraden.` });
  }
  for (const column of REQUIRED_COLUMNS) {
    if (!columns.includes(column))
      errors.push({ line, column, message: `Kolumnen ${column} saknas i rubrikraden.` });
  }
  return errors.length > before ? null : columns;
}

function syntaxError(error: CsvError): ExternalResultsError {
  const line = typeof error.lines === "number" ? error.lines : null;
  const where = line === null ? "Filen" : `Rad ${line}`;
  if (error.code === "CSV_MAX_RECORD_SIZE") {
    return {
      line,
      column: null,
      message: `${where}: ett fält är längre än ${formatCount(MAX_EXTERNAL_RESULTS_LINE_CHARS)} tecken.`,
    };
  }
  if (QUOTE_ERRORS.has(error.code)) {
    return {
      line,
      column: null,
      message: `${where}: ett citattecken (") står mitt i ett fält. Sätt hela fältet inom citattecken och skriv citattecknet i det dubbelt ("").`,
    };
  }
  return { line, column: null, message: `${where} går inte att läsa som CSV.` };
}

const QUOTE_ERRORS = new Set<CsvError["code"]>([
  "INVALID_OPENING_QUOTE",
  "CSV_INVALID_CLOSING_QUOTE",
  "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE",
]);

function failure(errors: ExternalResultsError[]): ParseResult {
  if (errors.length <= MAX_EXTERNAL_RESULTS_ERRORS) return { ok: false, errors };
  const rest = errors.length - MAX_EXTERNAL_RESULTS_ERRORS;
  return {
    ok: false,
    errors: [
      ...errors.slice(0, MAX_EXTERNAL_RESULTS_ERRORS),
      { line: null, column: null, message: `… och ${formatCount(rest)} fel till.` },
    ],
  };
}

function count(text: string, character: string): number {
  let found = 0;
  for (let index = text.indexOf(character); index !== -1; index = text.indexOf(character, index + 1))
    found += 1;
  return found;
}

/** A number as a Swedish reader writes it: decimal comma, plain hyphen for minus. */
function decimal(value: number): string {
  return String(value).replace(".", ",");
}

function formatCount(value: number): string {
  return value.toLocaleString("sv-SE");
}
