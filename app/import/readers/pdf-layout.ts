import { isPageNumberLine } from "./page-numbers";

/**
 * Turns the positioned text of PDF pages back into Markdown-flavoured text: lines in reading
 * order, paragraphs where the vertical gap is clearly larger than the line spacing, running
 * headers and footers and page numbers removed, words hyphenated across lines joined, and
 * two columns side by side (signatures) one after the other. Pure: pdf-reader gives the items.
 */

/** One piece of text as the PDF places it; y is the baseline, from the bottom of the page. */
export interface PdfTextItem {
  text: string;
  x: number;
  y: number;
  width: number;
  fontSize: number;
}

export interface PdfPage {
  width: number;
  height: number;
  items: PdfTextItem[];
}

interface Segment {
  text: string;
  x0: number;
  x1: number;
}

interface Line {
  y: number;
  fontSize: number;
  segments: Segment[];
  page: number;
  /** Set on the first line of every page after the first. */
  pageStart: boolean;
}

/** Text on one line, as the paragraph builder sees it. */
interface FlowLine {
  text: string;
  x0: number;
  x1: number;
  y: number;
  fontSize: number;
  pageStart: boolean;
  /** The right edge of the page's text: a line reaching it was wrapped, not broken. */
  right: number;
}

type Block = { kind: "paragraph" | "item"; text: string; fontSize: number; lines: number };

/** Share of the page height at the top and at the bottom where running headers and footers live. */
const BAND = 0.12;
/** Lines of a page's top and bottom that may be a header or footer. */
const BAND_LINES = 3;

export function layoutPages(pages: PdfPage[]): string {
  const pageLines = pages.map((page, index) => buildLines(page, index));
  const { kept, removed } = findRunningLines(pages, pageLines);
  const blocks: (Block | ColumnBlock)[] = [];
  let previous: FlowLine | null = null;
  let paragraph: Block | null = null;
  const flush = () => {
    if (paragraph) blocks.push(paragraph);
    paragraph = null;
  };

  // The right edge of the text, per font size over the whole document (a page of short lines
  // has the same margins as the others; a title may run wider than the body text).
  const rightBySize = new Map<number, number>();
  for (const line of pageLines.flat()) {
    if (removed.has(line)) continue;
    const key = sizeKey(line.fontSize);
    const x1 = line.segments[line.segments.length - 1]!.x1;
    rightBySize.set(key, Math.max(rightBySize.get(key) ?? 0, x1));
  }

  for (const [index, lines] of pageLines.entries()) {
    const visible = lines.filter((line) => !removed.has(line));
    if (visible[0] && index > 0) visible[0].pageStart = true;
    const spacing = typicalSpacing(visible);
    for (const unit of readingUnits(visible)) {
      if (unit.kind === "columns") {
        flush();
        previous = null;
        blocks.push(unit);
        continue;
      }
      const line: FlowLine = {
        ...unit.line,
        right: rightBySize.get(sizeKey(unit.line.fontSize)) ?? unit.line.x1,
      };
      const gap = previous ? previous.y - line.y : 0;
      const marker = listMarker(line.text);
      const breakHere =
        !paragraph ||
        !previous ||
        marker !== null ||
        Math.abs(line.fontSize - paragraph.fontSize) > paragraph.fontSize * 0.1 ||
        (line.pageStart ? !continuesAcrossPage(previous, line) : gap > spacing * 1.35 || gap <= 0);
      if (breakHere) {
        flush();
        paragraph = marker
          ? { kind: "item", text: marker, fontSize: line.fontSize, lines: 1 }
          : { kind: "paragraph", text: line.text, fontSize: line.fontSize, lines: 1 };
      } else if (paragraph) {
        paragraph.text = joinLines(paragraph.text, line.text, isWrapped(previous!, line));
        paragraph.lines++;
      }
      previous = line;
    }
  }
  flush();

  const headings = headingSizes(blocks);
  const out: { text: string; list: boolean }[] = kept.map((text) => ({ text, list: false }));
  for (const block of blocks) {
    if (block.kind === "columns") {
      out.push({ text: block.columns.map((column) => column.join("\n")).join("\n\n"), list: false });
    } else if (block.kind === "item") {
      out.push({ text: block.text, list: true });
    } else {
      const level = block.lines === 1 ? headings.get(sizeKey(block.fontSize)) : undefined;
      out.push({ text: level ? `${"#".repeat(level)} ${block.text}` : block.text, list: false });
    }
  }
  let text = "";
  out.forEach((block, index) => {
    if (index > 0) text += out[index - 1]!.list && block.list ? "\n" : "\n\n";
    text += block.text;
  });
  return text;
}

/** Groups a page's items into lines (same baseline), each split into segments at wide gaps. */
function buildLines(page: PdfPage, pageIndex: number): Line[] {
  const items = page.items
    .filter((item) => item.text.trim() !== "" && Number.isFinite(item.x) && Number.isFinite(item.y))
    .sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: PdfTextItem[][] = [];
  let current: PdfTextItem[] = [];
  let baseline = Number.NaN;
  for (const item of items) {
    const tolerance = Math.max(Math.min(item.fontSize, current[0]?.fontSize ?? item.fontSize), 1) * 0.4;
    if (current.length && Math.abs(item.y - baseline) <= tolerance) {
      current.push(item);
    } else {
      if (current.length) groups.push(current);
      current = [item];
      baseline = item.y;
    }
  }
  if (current.length) groups.push(current);

  return groups
    .map((group) => {
      group.sort((a, b) => a.x - b.x);
      const fontSize = median(group.map((item) => item.fontSize)) || 10;
      const segments: Segment[] = [];
      for (const item of group) {
        const last = segments[segments.length - 1];
        const gap = last ? item.x - last.x1 : 0;
        if (!last || gap > Math.max(fontSize * 2.5, 18)) {
          segments.push({ text: item.text, x0: item.x, x1: item.x + item.width });
          continue;
        }
        const needsSpace = gap > fontSize * 0.15 && !/\s$/.test(last.text) && !/^\s/.test(item.text);
        last.text += (needsSpace ? " " : "") + item.text;
        last.x1 = Math.max(last.x1, item.x + item.width);
      }
      for (const segment of segments) segment.text = segment.text.replace(/\s+/g, " ").trim();
      return {
        y: median(group.map((item) => item.y)),
        fontSize,
        segments: segments.filter((segment) => segment.text),
        page: pageIndex,
        pageStart: false,
      };
    })
    .filter((line) => line.segments.length > 0);
}

function lineText(line: Line): string {
  return line.segments.map((segment) => segment.text).join("\t");
}

/**
 * Lines in the top or bottom band that repeat on most pages (digits aside) are running headers
 * or footers: removed from every page. A header that is the same text on every page (a
 * diarienummer, the document's name) is kept once, at the top, as a DOCX header is; one that
 * changes with the page (a page counter) is dropped. Page-number lines in the bands go too.
 */
function findRunningLines(pages: PdfPage[], pageLines: Line[][]): { kept: string[]; removed: Set<Line> } {
  const removed = new Set<Line>();
  const byKey = new Map<string, { pages: Set<number>; lines: Line[] }>();
  const bandLines: Line[] = [];
  pageLines.forEach((lines, index) => {
    const height = pages[index]!.height;
    lines.forEach((line, position) => {
      const top = line.y > height * (1 - BAND) && position < BAND_LINES;
      const bottom = line.y < height * BAND && position >= lines.length - BAND_LINES;
      if (!top && !bottom) return;
      bandLines.push(line);
      if (isPageNumberLine(lineText(line))) {
        removed.add(line);
        return;
      }
      const key = `${top ? "top" : "bottom"}:${lineText(line).toLowerCase().replace(/\d+/g, "0").replace(/\s+/g, " ")}`;
      const entry = byKey.get(key) ?? { pages: new Set<number>(), lines: [] };
      entry.pages.add(index);
      entry.lines.push(line);
      byKey.set(key, entry);
    });
  });
  const kept: string[] = [];
  const needed = Math.max(2, Math.ceil(pages.length / 2));
  for (const entry of byKey.values()) {
    if (pages.length < 2 || entry.pages.size < needed) continue;
    for (const line of entry.lines) removed.add(line);
    const texts = new Set(entry.lines.map((line) => lineText(line).replace(/\s+/g, " ")));
    if (texts.size === 1) kept.push([...texts][0]!.replace(/\t/g, " "));
  }
  return { kept: [...new Set(kept)], removed };
}

type ColumnBlock = { kind: "columns"; columns: string[][] };
type Unit = { kind: "line"; line: Omit<FlowLine, "right"> } | ColumnBlock;

/**
 * The page's lines in reading order. A run of two or more lines laid out in two columns
 * (signatures side by side) becomes one unit: the left column's lines, then the right's. A lone
 * line with wide gaps (a label and its value, a table row) stays one line, its parts tab-separated.
 */
function readingUnits(lines: Line[]): Unit[] {
  const units: Unit[] = [];
  let index = 0;
  while (index < lines.length) {
    const line = lines[index]!;
    if (line.segments.length === 2) {
      const boundary = line.segments[1]!.x0;
      const region: Line[] = [line];
      let next = index + 1;
      while (next < lines.length) {
        const candidate = lines[next]!;
        const previous = region[region.length - 1]!;
        if (previous.y - candidate.y > Math.max(previous.fontSize, candidate.fontSize) * 2.2) break;
        if (!fitsColumns(candidate, boundary)) break;
        region.push(candidate);
        next++;
      }
      if (region.length >= 2) {
        const left: string[] = [];
        const right: string[] = [];
        for (const member of region) {
          for (const segment of member.segments) {
            (segment.x0 >= boundary - 20 ? right : left).push(segment.text);
          }
        }
        units.push({ kind: "columns", columns: [left, right].filter((column) => column.length) });
        index = next;
        continue;
      }
    }
    units.push({ kind: "line", line: flowLine(line) });
    index++;
  }
  return units;
}

/** A line whose parts each lie on one side of the column boundary. */
function fitsColumns(line: Line, boundary: number): boolean {
  if (line.segments.length > 2) return false;
  if (line.segments.length === 2) {
    return Math.abs(line.segments[1]!.x0 - boundary) <= 20 && line.segments[0]!.x1 < boundary;
  }
  const only = line.segments[0]!;
  return only.x1 < boundary - 5 || only.x0 >= boundary - 20;
}

function flowLine(line: Line): Omit<FlowLine, "right"> {
  return {
    text: lineText(line),
    x0: line.segments[0]!.x0,
    x1: line.segments[line.segments.length - 1]!.x1,
    y: line.y,
    fontSize: line.fontSize,
    pageStart: line.pageStart,
  };
}

/** The usual distance between the baselines of a page's consecutive lines. */
function typicalSpacing(lines: Line[]): number {
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const gap = lines[i - 1]!.y - lines[i]!.y;
    const size = lines[i]!.fontSize;
    if (gap > 0 && gap < size * 2.5 && Math.abs(lines[i - 1]!.fontSize - size) < size * 0.1) gaps.push(gap);
  }
  const fallback = (median(lines.map((line) => line.fontSize)) || 10) * 1.2;
  // The smallest common gap is the line spacing; paragraph gaps are the larger ones.
  return gaps.length ? percentile(gaps, 0.25) : fallback;
}

/**
 * Whether a line was wrapped by the writer's layout rather than broken by its author: it was
 * when the next line's first word would not have fitted in the room left at its end, in the same
 * font size.
 */
function isWrapped(line: FlowLine, next: FlowLine): boolean {
  // A line in another font size (a heading over its text) is never wrapped into the next.
  if (Math.abs(line.fontSize - next.fontSize) > 0.25) return false;
  const firstWord = /^\S+/.exec(next.text)?.[0] ?? "";
  const charWidth = (next.x1 - next.x0) / Math.max(next.text.length, 1);
  return line.right - line.x1 < (firstWord.length + 1) * charWidth;
}

/** A paragraph goes on from one page to the next when its last line was wrapped mid-sentence. */
function continuesAcrossPage(previous: FlowLine, line: FlowLine): boolean {
  return (
    isWrapped(previous, line) &&
    !/[.:!?]$/.test(previous.text) &&
    /^\p{Ll}/u.test(line.text) &&
    Math.abs(previous.fontSize - line.fontSize) <= previous.fontSize * 0.1
  );
}

const SUSPENDED_HYPHEN_NEXT = /^(?:och|eller|samt|respektive|resp\.|som|till)\b/;

/**
 * Joins a paragraph's next line: a wrapped line continues with a space, or without its hyphen
 * where a word was split ("trygghets-" + "skapande"). A hyphen before "och"/"eller" is a
 * suspended one ("brotts- och narkotikaprevention") and stays, as does one after an
 * abbreviation or number ("EU-" + "projekt"). A line broken short is kept as its own line.
 */
export function joinLines(text: string, next: string, wrapped: boolean): string {
  if (!wrapped) return `${text}\n${next}`;
  const hyphenated = /(\p{L}+|\d+)[-\u00ad]$/u.exec(text);
  if (hyphenated && /^\p{Ll}/u.test(next)) {
    if (SUSPENDED_HYPHEN_NEXT.test(next)) return `${text} ${next}`;
    const before = hyphenated[1]!;
    if (/^\p{Lu}+$/u.test(before) || /^\d+$/.test(before)) return `${text.replace(/\u00ad$/, "-")}${next}`;
    return `${text.slice(0, -1)}${next}`;
  }
  return `${text} ${next}`;
}

/** "- text" for a bulleted line, the line itself for a numbered one, null for other lines. */
function listMarker(text: string): string | null {
  const bullet = /^[•●▪◦■□‣∙·*–-]\s+(.*)$/u.exec(text);
  if (bullet) return `- ${bullet[1]!}`;
  if (/^(?:\d{1,2}(?:\.\d{1,2})*[.)]|[a-zåäö][.)]|\([a-zåäö0-9]{1,3}\))\s+\S/u.test(text)) return text;
  return null;
}

function sizeKey(size: number): number {
  return Math.round(size * 2) / 2;
}

/**
 * Heading levels by font size: only one-line paragraphs clearly larger than the body text
 * (at least 1.2 times its size) and short, largest size first, at most three levels.
 */
function headingSizes(blocks: (Block | ColumnBlock)[]): Map<number, number> {
  const chars = new Map<number, number>();
  for (const block of blocks) {
    if (block.kind === "columns") continue;
    const key = sizeKey(block.fontSize);
    chars.set(key, (chars.get(key) ?? 0) + block.text.length);
  }
  let body = 0;
  let most = -1;
  for (const [size, count] of chars) {
    if (count > most) {
      most = count;
      body = size;
    }
  }
  const sizes = new Set<number>();
  for (const block of blocks) {
    if (block.kind !== "paragraph" || block.lines !== 1 || block.text.length > 100) continue;
    if (block.fontSize >= body * 1.2) sizes.add(sizeKey(block.fontSize));
  }
  const levels = new Map<number, number>();
  [...sizes].sort((a, b) => b - a).forEach((size, index) => levels.set(size, Math.min(index + 1, 3)));
  return levels;
}

function median(values: number[]): number {
  return percentile(values, 0.5);
}

function percentile(values: number[], share: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))]!;
}
