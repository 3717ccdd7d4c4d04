/**
 * The document's text as the extractor reads it: lines cleaned of Markdown and extraction noise,
 * grouped into units (headings, paragraphs, list items) in reading order.
 */

export interface Line {
  /** 1-based line number in the text as given. */
  number: number;
  /** The line without Markdown marks, trimmed. */
  text: string;
  /** `#` level for Markdown headings; 0 otherwise. */
  headingLevel: number;
}

export type UnitKind = "heading" | "paragraph" | "item";

export interface Unit {
  kind: UnitKind;
  /** Lines joined with single spaces, without list marker. */
  text: string;
  /** Its lines as they stand (without Markdown), for units whose line breaks matter. */
  lines: string[];
  /** The first line's number. */
  line: number;
  /** For items: the marker ("-", "1.", "a)"); for headings: a number prefix if any. */
  marker: string;
  /** Markdown heading level, or 0. */
  level: number;
  /** For items: the first line alone, and whether it was bold (a titled item: "**Droger**"). */
  firstLine: string;
  boldStart: boolean;
  /** Index of the block (paragraph group between blank lines) it belongs to. */
  block: number;
  /** The block holds this unit only. */
  alone: boolean;
}

const BULLET = /^(?:[-*•–—▪◦●○■□➢►»✓]|\d{1,2}[.)]|[a-zåäö][.)]|\(\d{1,2}\)|[ivx]{1,4}[.)])\s+/i;
const PAGE_NUMBER =
  /^(?:sida\s+\d+(?:\s*(?:av|\/)\s*\d+)?|\d+\s*\(\s*\d+\s*\)|-\s*\d+\s*-|\d{1,3}|page\s+\d+(?:\s+of\s+\d+)?)$/i;
const RULE = /^(?:[-_=*~.·]\s*){3,}$/;

/** Removes Markdown emphasis and escapes from a line of text. */
export function stripMarkdown(text: string): string {
  return text
    .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, "$1")
    .replace(/\*\*|__/g, "")
    .replace(/(^|[\s(])[*_](?=\S)/g, "$1")
    .replace(/(\S)[*_](?=[\s).,:;!?]|$)/g, "$1")
    .replace(/`/g, "");
}

/** Collapses white space and takes away a trailing full stop. */
export function tidy(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
export function withoutFullStop(text: string): string {
  return tidy(text)
    .replace(/(?<!\.)\.$/, "")
    .trim();
}

export function normaliseText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/[\u00a0\u2007\u202f]/g, " ")
    .replace(/[\u00ad\u200b\u200c\u200d\ufeff]/g, "")
    .replace(/\t/g, "    ");
}

/** The text's lines: Markdown headings noted, emphasis removed, page numbers and rules dropped. */
export function toLines(text: string): Line[] {
  const lines: Line[] = [];
  const raw = withoutRunningHeaders(markdownTables(normaliseText(text).replace(/\f/g, "\n").split("\n")));
  for (let i = 0; i < raw.length; i++) {
    // Lines are read up to a bound: no real line is longer, and patterns stay linear in it.
    let value = raw[i]!.slice(0, MAX_LINE_CHARS).trimEnd();
    let headingLevel = 0;
    const heading = /^ {0,3}(#{1,6})[ \t]+/.exec(value);
    if (heading) {
      headingLevel = heading[1]!.length;
      value = value.slice(heading[0].length).replace(/#+$/, "").trimEnd();
    }
    value = value.replace(/^\s{0,3}>\s?/, "");
    // "**Narkotika bland unga.** Andelen …": a run-in bold title is a heading over its text.
    const runIn = headingLevel ? null : /^\s*\*\*([^*]{2,80}?\.)\*\*\s+(\S.*)$/.exec(value);
    if (runIn) {
      lines.push({ number: i + 1, text: "", headingLevel: 0 });
      lines.push({ number: i + 1, text: runIn[1]!.replace(/[.:]$/, "").trim(), headingLevel: 0 });
      value = runIn[2]!;
    }
    const stripped = stripMarkdown(value);
    const trimmed = stripped.trim();
    if (RULE.test(trimmed) || PAGE_NUMBER.test(trimmed)) {
      lines.push({ number: i + 1, text: "", headingLevel: 0 });
      continue;
    }
    // Keep the leading indentation of list items (nesting) but not of other lines.
    const indent = /^\s*/.exec(stripped)![0].length;
    const text2 = BULLET.test(trimmed) ? " ".repeat(Math.min(indent, 40)) + trimmed : trimmed;
    lines.push({ number: i + 1, text: headingLevel ? trimmed : text2, headingLevel });
  }
  return splitColumns(lines);
}

/** A page number inside a line: "1 (3)", "Sida 2 av 5". */
const PAGE_MARK = /(?:^|\s)(?:\d+\s*\(\s*\d+\s*\)|sida\s+\d+(?:\s*(?:av|\/)\s*\d+)?)(?:\s|$)/i;

/**
 * Running page headers and footers that carry a page number ("Tjörns kommun … 1 (3)") are
 * removed wherever they repeat; other repeated lines stay (a title repeated as a page header is
 * still the title at its first appearance).
 */
function withoutRunningHeaders(raw: string[]): string[] {
  const key = (line: string) => line.trim().replace(/\s+/g, " ").replace(/\d+/g, "#");
  const counts = new Map<string, number>();
  for (const line of raw) {
    if (!PAGE_MARK.test(line)) continue;
    const k = key(line);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  if (!counts.size) return raw;
  return raw.map((line) => (PAGE_MARK.test(line) && (counts.get(key(line)) ?? 0) >= 2 ? "" : line));
}

/** Markdown tables become their cells, column by column: signature tables read like blocks. */
function markdownTables(raw: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < raw.length;) {
    if (!/^\s*\|.*\|\s*$/.test(raw[i]!)) {
      out.push(raw[i]!);
      i++;
      continue;
    }
    const rows: string[][] = [];
    for (; i < raw.length && /^\s*\|.*\|\s*$/.test(raw[i]!); i++) {
      const cells = raw[i]!.trim()
        .slice(1, -1)
        .split("|")
        .map((c) => c.trim());
      if (cells.every((c) => /^:?-{2,}:?$/.test(c) || c === "")) continue;
      rows.push(cells);
    }
    const columns = Math.max(...rows.map((r) => r.length));
    for (let c = 0; c < columns; c++) {
      out.push("");
      for (const row of rows) if (row[c]) out.push(row[c]!);
    }
    out.push("");
  }
  return out;
}

/**
 * Lines laid out side by side ("Anna Andersson        Bertil Berg") become one column after the
 * other, as signature blocks are read: a run of lines that all split on wide gaps into the same
 * number of short parts.
 */
function splitColumns(lines: Line[]): Line[] {
  const parts = (line: Line) =>
    line.text
      .trim()
      .split(/\s{3,}/)
      .filter(Boolean);
  const out: Line[] = [];
  for (let i = 0; i < lines.length;) {
    const first = parts(lines[i]!);
    // "Avtalstid:    1/1 2025 – 31/12 2028" is a label and its value, not two columns.
    if (first.length < 2 || first.length > 3 || first.some((p) => p.length > 60) || /:$/.test(first[0]!)) {
      out.push(lines[i]!);
      i++;
      continue;
    }
    let end = i + 1;
    while (end < lines.length) {
      const next = parts(lines[end]!);
      if (lines[end]!.text.trim() === "") break;
      if (next.length > 3 || next.some((p) => p.length > 60)) break;
      end++;
    }
    const run = lines.slice(i, end);
    const columns = first.length;
    for (let c = 0; c < columns; c++) {
      for (const line of run) {
        const cell = splitAtGaps(line.text, columns)[c] ?? "";
        out.push({ number: line.number, text: cell, headingLevel: 0 });
      }
      out.push({ number: run[run.length - 1]!.number, text: "", headingLevel: 0 });
    }
    i = end;
  }
  return out;
}

function splitAtGaps(text: string, columns: number): string[] {
  const cells = text.trim().split(/\s{3,}/);
  if (cells.length === columns) return cells;
  // A line with fewer cells than the run: place it by where it starts.
  return text.search(/\S/) > 20
    ? [...Array.from({ length: columns - 1 }, () => ""), text.trim()]
    : [text.trim()];
}

/** Groups lines into units: headings, paragraphs and list items. */
export function toUnits(lines: Line[]): Unit[] {
  const units: Unit[] = [];
  let block = 0;
  let current: Unit | null = null;
  let blockStart = 0;
  const close = () => {
    if (current) units.push(current);
    current = null;
  };
  const endBlock = () => {
    close();
    const inBlock = units.length - blockStart;
    if (inBlock === 1) units[units.length - 1]!.alone = true;
    blockStart = units.length;
    block++;
  };
  for (const [index, line] of lines.entries()) {
    const text = line.text.trim();
    if (!text) {
      if (current || units.length > blockStart) endBlock();
      continue;
    }
    if (line.headingLevel) {
      endBlock();
      // "## 5.1 Narkotika", "# § 2 Mål", "## IV. Parter": the number is the heading's marker.
      const numbered = HEADING_NUMBER.exec(text);
      const heading = unit(
        "heading",
        numbered ? text.slice(numbered[0].length) : text,
        line,
        "",
        line.headingLevel,
        block,
      );
      if (numbered) heading.marker = numbered[1]!;
      units.push(heading);
      endBlock();
      continue;
    }
    if (isHeadingInBlock(lines, index, current)) {
      close();
      const numbered = NUMBERED_HEADING.exec(text);
      const heading = unit("heading", numbered ? text.slice(numbered[0].length) : text, line, "", 0, block);
      if (numbered) heading.marker = numbered[1]!;
      units.push(heading);
      continue;
    }
    const bullet = BULLET.exec(text);
    if (bullet && text.length > bullet[0].length) {
      close();
      const body = text.slice(bullet[0].length, MAX_UNIT_CHARS);
      const u = unit("item", body, line, bullet[0].trim(), 0, block);
      u.level = Math.floor(/^\s*/.exec(line.text)![0].length / 2);
      current = u;
      continue;
    }
    const unitNow: Unit | null = LABEL.test(text) ? (close(), null) : current;
    // A paragraph is bounded, so no text makes one unit too long to read: real ones are far shorter.
    const full = unitNow && (unitNow.lines.length >= MAX_UNIT_LINES || unitNow.text.length >= MAX_UNIT_CHARS);
    if (unitNow && !full && (unitNow.kind === "paragraph" || unitNow.kind === "item")) {
      unitNow.lines.push(text);
      unitNow.text = joinLine(unitNow.text, text);
      continue;
    }
    close();
    current = unit("paragraph", text.slice(0, MAX_UNIT_CHARS), line, "", 0, block);
  }
  endBlock();
  return numberedItemsAsHeadings(units).map(classify);
}

/**
 * A heading inside a block, as text extracted from PDFs gives them ("Orsak" on the line after a
 * list, with no blank line): a short line that does not end as a sentence, after a line that
 * did end one (or a list item, or a heading), with text going on below it.
 */
function isHeadingInBlock(lines: Line[], index: number, current: Unit | null): boolean {
  const text = lines[index]!.text.trim();
  if (lines[index]!.headingLevel || text.length > 60 || BULLET.test(text) || LABEL.test(text)) return false;
  if (!looksLikeHeading(text) || /[-–—]$/.test(text)) return false;
  const next = lines[index + 1]?.text.trim() ?? "";
  if (!next || /^\p{Ll}/u.test(next)) return false;
  // At the start of a block: a short line over text or a list.
  if (!current) return true;
  const before = current.lines[current.lines.length - 1]!.trim();
  return current.kind === "item" ? /[.!?]$/.test(before) || !/^\p{Ll}/u.test(text) : /[.:!?]$/.test(before);
}

function unit(kind: UnitKind, text: string, line: Line, marker: string, level: number, block: number): Unit {
  return {
    kind,
    text,
    lines: [text],
    line: line.number,
    marker,
    level,
    firstLine: text,
    boldStart: false,
    block,
    alone: false,
  };
}

/** Joins a wrapped line to the text before it; a word broken with a hyphen is joined whole. */
function joinLine(before: string, next: string): string {
  if (/[a-zåäö]-$/.test(before) && /^[a-zåäö]/.test(next) && !/^(och|eller|samt)\b/.test(next)) {
    return before.slice(0, -1) + next;
  }
  return `${before} ${next}`;
}

const MAX_LINE_CHARS = 20_000;
/** "Orsak: …", "Orsaksanalys: …": a labelled line starts a paragraph of its own. */
const LABEL =
  /^(?:orsak\p{L}*|orsaker|kommentar|ansvarig|aktiviteter?|mål|syfte|period|ort och datum|datum)\s*:/iu;
const MAX_UNIT_LINES = 200;
const MAX_UNIT_CHARS = 20_000;

const HEADING_NUMBER = /^((?:\d{1,2}\.)*\d{1,2}\.?|§\s*\d{1,3}\.?|[IVX]{1,4}\.|[A-Z]\.)\s+(?=\S)/u;

const NUMBERED_HEADING = /^((?:\d{1,2}\.){1,3}\d{0,2}|\d{1,2})\.?\s+(?=\p{Lu})/u;

/**
 * Typed section numbers in extracted text look like list items: "3. Övergripande mål" over a list
 * that starts again at 1, "4. Samverkansområden" before "4.1 …", "5. Åtaganden" after bullets.
 */
function numberedItemsAsHeadings(units: Unit[]): Unit[] {
  const number = (u: Unit | undefined) =>
    u?.kind === "item" ? /^(\d{1,2})[.)]$/.exec(u.marker)?.[1] : undefined;
  return units.map((u, i) => {
    const n = number(u);
    if (!n || u.lines.length > 1 || !looksLikeHeading(u.text) || u.text.length > 60) return u;
    const next = units[i + 1];
    const previous = units[i - 1];
    const restarts = Number(n) > 1 && number(next) === "1" && next!.block === u.block;
    const sectionFollows =
      next !== undefined &&
      next.block !== u.block &&
      next.line > u.line &&
      new RegExp(`^${n}\\.1\\b`).test(lines0(next));
    const amongBullets =
      previous?.kind === "item" && previous.block === u.block && !/^\d/.test(previous.marker);
    return restarts || sectionFollows || amongBullets
      ? { ...u, kind: "heading" as const, marker: `${n}.` }
      : u;
  });
}

function lines0(u: Unit): string {
  return u.marker && /^\d/.test(u.marker) ? `${u.marker} ${u.text}` : u.text;
}

/** Paragraphs that stand alone and look like headings become headings. */
function classify(u: Unit): Unit {
  if (u.kind === "item") {
    // A numbered "item" standing alone, short, without a closing stop: a numbered heading.
    if (
      u.alone &&
      /^(?:\d{1,2}|[IVX]{1,4})[.)]$/.test(u.marker) &&
      u.lines.length === 1 &&
      looksLikeHeading(u.text)
    ) {
      return { ...u, kind: "heading", marker: u.marker };
    }
    return u;
  }
  if (u.kind !== "paragraph" || !u.alone) return u;
  const numbered = NUMBERED_HEADING.exec(u.text);
  const body = numbered ? u.text.slice(numbered[0].length) : u.text;
  if (numbered && u.lines.length === 1 && looksLikeHeading(body)) {
    return { ...u, kind: "heading", text: body, marker: numbered[1]! };
  }
  if (u.lines.length === 1 && looksLikeHeading(u.text)) return { ...u, kind: "heading" };
  if (u.lines.length <= 2 && isAllCaps(u.text) && u.text.length <= 100) return { ...u, kind: "heading" };
  return u;
}

export function isAllCaps(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, "");
  return letters.length >= 3 && letters === letters.toUpperCase() && /\p{Lu}/u.test(letters);
}

/** A short line starting with a capital, not ending as a sentence or a lead-in. */
export function looksLikeHeading(text: string): boolean {
  const t = text.trim();
  if (t.length > 120 || t.length < 2 || !/\p{L}{2,}/u.test(t)) return false;
  if (!/^[\p{Lu}\d"«”]/u.test(t)) return false;
  if (/[,;:]$/.test(t) || /[^.]\.$/.test(t)) return false;
  return t.split(/\s+/).length <= 16;
}
