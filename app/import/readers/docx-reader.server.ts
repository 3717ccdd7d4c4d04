import { SaxesParser, type SaxesTagPlain } from "saxes";
import { ImportReadError } from "../read-error";
import {
  ListCounter,
  emptyNumbering,
  type AbstractNumbering,
  type NumberingDefinitions,
  type NumberingLevel,
} from "./docx-numbering";
import { isPageNumberLine } from "./page-numbers";
import { ZipArchive } from "./zip-archive.server";

const DOCUMENT = "word/document.xml";
const BROKEN = "filen är skadad och kan inte läsas som Word-dokument.";

/**
 * Reads a Word document (DOCX) as Markdown-flavoured text: headings as `#`, lists with Word's
 * own numbering as it renders, table cells one after another, header text once at the top.
 * Throws UNREADABLE for a broken file, UNSUPPORTED_TYPE for a zip that is no Word document and
 * TOO_LARGE past the unpacked-size budget.
 */
export async function readDocx(bytes: Uint8Array): Promise<string> {
  const archive = await ZipArchive.open(bytes);
  try {
    return await readArchive(archive);
  } catch (error) {
    if (error instanceof ImportReadError) throw error;
    // The XML parser's and the unzipper's own errors: the file is broken, whatever the detail.
    throw new ImportReadError("UNREADABLE", BROKEN);
  } finally {
    archive.close();
  }
}

async function readArchive(archive: ZipArchive): Promise<string> {
  if (!archive.has(DOCUMENT)) {
    throw new ImportReadError("UNSUPPORTED_TYPE", "filen är ett zip-arkiv men inget Word-dokument (DOCX).");
  }
  const relations = archive.has("word/_rels/document.xml.rels")
    ? await parseRelations(archive, "word/_rels/document.xml.rels")
    : [];
  const partsOf = (type: string) =>
    relations
      .filter((relation) => relation.type === type)
      .map((relation) => resolvePart("word/", relation.target))
      .filter((part, index, all) => archive.has(part) && all.indexOf(part) === index)
      .sort(byNumberInName);
  const headers = partsOf("header");
  const footers = partsOf("footer");
  const stylesPart = "word/styles.xml";
  const numberingPart = "word/numbering.xml";
  archive.requireDeclaredWithinBudget(
    [DOCUMENT, stylesPart, numberingPart, ...headers, ...footers].filter((part) => archive.has(part)),
  );

  const styles = archive.has(stylesPart) ? await parseStyles(archive, stylesPart) : new Map<string, Style>();
  const numbering = archive.has(numberingPart)
    ? await parseNumbering(archive, numberingPart)
    : emptyNumbering();
  const context = new StyleContext(styles, numbering);

  const seen = new Set<string>();
  const top: Block[] = [];
  // Headers and footers repeat on every page: their text once, at the top; page numbers dropped.
  for (const part of [...headers, ...footers]) {
    for (const block of await parseStory(archive, part, context)) {
      const key = block.text.replace(/\s+/g, " ").trim();
      if (!key || seen.has(key) || key.split("\n").every((line) => isPageNumberLine(line))) continue;
      seen.add(key);
      top.push(block);
    }
  }
  const body = await parseStory(archive, DOCUMENT, context);
  return renderBlocks([...top, ...body]);
}

interface Relation {
  type: string;
  target: string;
}

/** `header1.xml` relative to `word/`; an absolute target is from the package root. */
function resolvePart(base: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = (base + target).split("/");
  const out: string[] = [];
  for (const part of parts) {
    if (part === "..") out.pop();
    else if (part !== ".") out.push(part);
  }
  return out.join("/");
}

function byNumberInName(a: string, b: string): number {
  const number = (name: string) => Number(/(\d+)\.xml$/.exec(name)?.[1] ?? 0);
  return number(a) - number(b) || a.localeCompare(b);
}

/** Feeds one XML part of the archive through a streaming parser. */
async function parseXml(
  archive: ZipArchive,
  part: string,
  handlers: {
    open?: (tag: SaxesTagPlain) => void;
    close?: (tag: SaxesTagPlain) => void;
    text?: (text: string) => void;
  },
): Promise<void> {
  // Without an error handler saxes throws on malformed XML; readDocx turns that into UNREADABLE.
  // It expands no entities beyond XML's five, so an entity bomb has nothing to grow from.
  const parser = new SaxesParser({ xmlns: false });
  if (handlers.open) parser.on("opentag", handlers.open);
  if (handlers.close) parser.on("closetag", handlers.close);
  if (handlers.text) parser.on("text", handlers.text);
  await archive.readText(part, (text) => {
    if (text) parser.write(text);
  });
  parser.close();
}

async function parseRelations(archive: ZipArchive, part: string): Promise<Relation[]> {
  const relations: Relation[] = [];
  await parseXml(archive, part, {
    open(tag) {
      if (localName(tag.name) !== "Relationship") return;
      const type = tag.attributes.Type ?? "";
      relations.push({ type: type.slice(type.lastIndexOf("/") + 1), target: tag.attributes.Target ?? "" });
    },
  });
  return relations;
}

interface Style {
  id: string;
  name: string;
  basedOn: string | null;
  outlineLevel: number | null;
  numId: string | null;
  ilvl: number | null;
}

async function parseStyles(archive: ZipArchive, part: string): Promise<Map<string, Style>> {
  const styles = new Map<string, Style>();
  let current: Style | null = null;
  let inPPr = 0;
  let skip = 0;
  await parseXml(archive, part, {
    open(tag) {
      if (SKIPPED.has(tag.name)) skip++;
      if (skip) return;
      const value = tag.attributes["w:val"] ?? "";
      switch (tag.name) {
        case "w:style":
          current = {
            id: tag.attributes["w:styleId"] ?? "",
            name: "",
            basedOn: null,
            outlineLevel: null,
            numId: null,
            ilvl: null,
          };
          break;
        case "w:name":
          if (current) current.name = value;
          break;
        case "w:basedOn":
          if (current) current.basedOn = value;
          break;
        case "w:pPr":
          inPPr++;
          break;
        case "w:outlineLvl":
          if (current && inPPr) current.outlineLevel = toInt(value);
          break;
        case "w:numId":
          if (current && inPPr) current.numId = value;
          break;
        case "w:ilvl":
          if (current && inPPr) current.ilvl = toInt(value);
          break;
      }
    },
    close(tag) {
      if (SKIPPED.has(tag.name)) skip--;
      if (skip) return;
      if (tag.name === "w:pPr") inPPr--;
      if (tag.name === "w:style" && current) {
        styles.set(current.id, current);
        current = null;
      }
    },
  });
  return styles;
}

async function parseNumbering(archive: ZipArchive, part: string): Promise<NumberingDefinitions> {
  const numbering = emptyNumbering();
  let abstract: AbstractNumbering | null = null;
  let instance: { numId: string; abstractId: string; overrides: Map<number, OverrideDraft> } | null = null;
  let override: OverrideDraft | null = null;
  let level: { ilvl: number; level: NumberingLevel } | null = null;
  let skip = 0;
  await parseXml(archive, part, {
    open(tag) {
      if (SKIPPED.has(tag.name)) skip++;
      if (skip) return;
      const value = tag.attributes["w:val"] ?? "";
      switch (tag.name) {
        case "w:abstractNum":
          abstract = { levels: new Map(), numStyleLink: null, styleLink: null };
          numbering.abstracts.set(tag.attributes["w:abstractNumId"] ?? "", abstract);
          break;
        case "w:numStyleLink":
          if (abstract) abstract.numStyleLink = value;
          break;
        case "w:styleLink":
          if (abstract) abstract.styleLink = value;
          break;
        case "w:num":
          instance = { numId: tag.attributes["w:numId"] ?? "", abstractId: "", overrides: new Map() };
          break;
        case "w:abstractNumId":
          if (instance) instance.abstractId = value;
          break;
        case "w:lvlOverride":
          if (instance) {
            override = { start: null, level: null };
            instance.overrides.set(toInt(tag.attributes["w:ilvl"]) ?? 0, override);
          }
          break;
        case "w:startOverride":
          if (override) override.start = toInt(value);
          break;
        case "w:lvl":
          level = {
            ilvl: toInt(tag.attributes["w:ilvl"]) ?? 0,
            level: { start: 1, format: "decimal", text: "", restart: null, legal: false },
          };
          break;
        case "w:start":
          if (level) level.level.start = toInt(value) ?? 1;
          break;
        case "w:numFmt":
          if (level) level.level.format = value;
          break;
        case "w:lvlText":
          if (level) level.level.text = value;
          break;
        case "w:lvlRestart":
          if (level) level.level.restart = toInt(value);
          break;
        case "w:isLgl":
          if (level) level.level.legal = value !== "0" && value !== "false";
          break;
      }
    },
    close(tag) {
      if (SKIPPED.has(tag.name)) skip--;
      if (skip) return;
      switch (tag.name) {
        case "w:lvl":
          if (level && override) override.level = level.level;
          else if (level && abstract) abstract.levels.set(level.ilvl, level.level);
          level = null;
          break;
        case "w:lvlOverride":
          override = null;
          break;
        case "w:abstractNum":
          abstract = null;
          break;
        case "w:num":
          if (instance) {
            numbering.instances.set(instance.numId, {
              abstractId: instance.abstractId,
              overrides: instance.overrides,
            });
          }
          instance = null;
          break;
      }
    },
  });
  return numbering;
}

interface OverrideDraft {
  start: number | null;
  level: NumberingLevel | null;
}

/** What a paragraph style means for the text: heading level and list, through `basedOn`. */
class StyleContext {
  readonly styleNumIds: Map<string, string>;
  private readonly cache = new Map<string, { heading: number | null; numId: string | null; ilvl: number }>();

  constructor(
    private readonly styles: Map<string, Style>,
    readonly numbering: NumberingDefinitions,
  ) {
    this.styleNumIds = new Map();
    for (const style of styles.values()) if (style.numId) this.styleNumIds.set(style.id, style.numId);
  }

  resolve(styleId: string | null): { heading: number | null; numId: string | null; ilvl: number } {
    const id = styleId ?? "";
    const cached = this.cache.get(id);
    if (cached) return cached;
    let heading: number | null = null;
    let outline: number | null = null;
    let numId: string | null = null;
    let ilvl: number | null = null;
    // The first style on the basedOn chain to say a thing decides it; the chain is bounded.
    let style = styleId ? this.styles.get(styleId) : undefined;
    for (let steps = 0; style && steps < 32; steps++) {
      heading ??= headingLevelOfName(style.name) ?? headingLevelOfName(style.id);
      outline ??= style.outlineLevel;
      numId ??= style.numId;
      ilvl ??= style.ilvl;
      style = style.basedOn ? this.styles.get(style.basedOn) : undefined;
    }
    if (heading === null && outline !== null && outline >= 0 && outline <= 5) heading = outline + 1;
    const resolved = { heading, numId, ilvl: ilvl ?? 0 };
    this.cache.set(id, resolved);
    return resolved;
  }
}

/** "heading 1", "Rubrik 1", "Rubrik1", "Title", "Rubrik" (Swedish Word's Title). */
export function headingLevelOfName(name: string): number | null {
  const normalized = name.trim().toLowerCase();
  const numbered = /^(?:heading|rubrik|överskrift|overskrift|überschrift|titre|otsikko)\s*([1-6])$/.exec(
    normalized,
  );
  if (numbered) return Number(numbered[1]);
  if (/^(?:title|rubrik|titel)$/.test(normalized)) return 1;
  return null;
}

/** Elements whose content is not shown: deleted or moved-away text, field codes, old formatting. */
const SKIPPED = new Set([
  "w:del",
  "w:moveFrom",
  "w:delText",
  "w:delInstrText",
  "w:instrText",
  "mc:Fallback",
  "w:pPrChange",
  "w:rPrChange",
  "w:sectPrChange",
  "w:tblPrChange",
  "w:tcPrChange",
  "w:trPrChange",
  "w:numberingChange",
  "w:sdtPr",
  "w:footnoteReference",
  "w:endnoteReference",
]);

/** One block of output text; list items of one list stand on consecutive lines. */
interface Block {
  text: string;
  /** The list it belongs to (Word's numId), null for other blocks. */
  list: string | null;
}

interface ParagraphState {
  styleId: string | null;
  numId: string | null;
  ilvl: number | null;
  outlineLevel: number | null;
  text: string[];
}

/**
 * Walks one story (the body, a header, a footer) as a stream of tags, without recursion: an
 * explicit stack of open paragraphs and of containers (table cells and text boxes, which become
 * blocks of their own where they stand).
 */
async function parseStory(archive: ZipArchive, part: string, context: StyleContext): Promise<Block[]> {
  const counter = new ListCounter(context.numbering, context.styleNumIds);
  const containers: Block[][] = [[]];
  const paragraphs: ParagraphState[] = [];
  let skip = 0;
  let inText = 0;
  let inPPr = 0;
  const paragraph = () => paragraphs[paragraphs.length - 1];
  const add = (text: string) => {
    const current = paragraph();
    if (current) current.text.push(text);
  };

  await parseXml(archive, part, {
    open(tag) {
      if (SKIPPED.has(tag.name)) skip++;
      if (skip) return;
      const value = tag.attributes["w:val"] ?? "";
      const current = paragraph();
      switch (tag.name) {
        case "w:p":
          paragraphs.push({ styleId: null, numId: null, ilvl: null, outlineLevel: null, text: [] });
          break;
        case "w:tc":
        case "w:txbxContent":
          containers.push([]);
          break;
        case "w:pPr":
          inPPr++;
          break;
        case "w:pStyle":
          if (current && inPPr) current.styleId = value;
          break;
        case "w:numId":
          if (current && inPPr) current.numId = value;
          break;
        case "w:ilvl":
          if (current && inPPr) current.ilvl = toInt(value);
          break;
        case "w:outlineLvl":
          if (current && inPPr) current.outlineLevel = toInt(value);
          break;
        case "w:t":
          inText++;
          break;
        case "w:tab":
        case "w:ptab":
          if (!inPPr) add("\t");
          break;
        case "w:br":
        case "w:cr":
          add("\n");
          break;
        case "w:noBreakHyphen":
          add("-");
          break;
      }
    },
    text(text) {
      if (!skip && inText) add(text);
    },
    close(tag) {
      if (SKIPPED.has(tag.name)) {
        skip--;
        return;
      }
      if (skip) return;
      switch (tag.name) {
        case "w:t":
          inText--;
          break;
        case "w:pPr":
          inPPr--;
          break;
        case "w:p": {
          const done = paragraphs.pop();
          if (!done) break;
          const block = paragraphBlock(done, context, counter);
          if (block) containers[containers.length - 1]!.push(block);
          break;
        }
        case "w:tc":
        case "w:txbxContent": {
          const blocks = containers.length > 1 ? containers.pop()! : [];
          const text = renderCell(blocks);
          if (text) containers[containers.length - 1]!.push({ text, list: null });
          break;
        }
      }
    },
  });
  return containers[0] ?? [];
}

function paragraphBlock(state: ParagraphState, context: StyleContext, counter: ListCounter): Block | null {
  const style = context.resolve(state.styleId);
  const numId = state.numId ?? style.numId;
  const ilvl = state.ilvl ?? style.ilvl;
  // An empty numbered paragraph still takes its number, as in Word.
  const marker = numId ? counter.next(numId, ilvl) : null;
  const text = cleanParagraph(state.text.join(""));
  if (!text) return null;

  let heading = style.heading;
  if (state.outlineLevel !== null) heading = state.outlineLevel <= 5 ? state.outlineLevel + 1 : null;
  const number = marker?.kind === "number" ? `${marker.text} ` : "";
  if (heading !== null) {
    return { text: `${"#".repeat(heading)} ${number}${text.replace(/\s*\n\s*/g, " ")}`, list: null };
  }
  if (!marker || marker.kind === "none") return { text, list: null };
  const indent = "  ".repeat(Math.min(Math.max(ilvl, 0), 8));
  const lead = marker.kind === "bullet" ? "- " : number;
  const continuation = `\n${indent}${" ".repeat(lead.length)}`;
  return { text: `${indent}${lead}${text.split("\n").join(continuation)}`, list: numId };
}

/** Trims each line, collapses runs of spaces and tabs, keeps Word's line breaks. */
function cleanParagraph(text: string): string {
  return text
    .split("\n")
    .map((line) =>
      line
        .replace(/[ \u00a0]+/g, " ")
        .replace(/\t+/g, "\t")
        .replace(/^[ \t]+|[ \t]+$/g, ""),
    )
    .join("\n")
    .replace(/^\n+|\n+$/g, "");
}

/**
 * A table cell or text box: a few short lines (a name and a title, a date) stay together as one
 * block, line by line; longer content keeps its paragraphs apart.
 */
function renderCell(blocks: Block[]): string {
  if (!blocks.length) return "";
  const short = blocks.every(
    (block) => block.list === null && !block.text.includes("\n") && block.text.length <= 80,
  );
  if (short && blocks.length <= 6) return blocks.map((block) => block.text).join("\n");
  return renderBlocks(blocks);
}

function renderBlocks(blocks: Block[]): string {
  let out = "";
  let previous: Block | null = null;
  for (const block of blocks) {
    if (previous) out += previous.list !== null && previous.list === block.list ? "\n" : "\n\n";
    out += block.text;
    previous = block;
  }
  return out;
}

function localName(name: string): string {
  return name.slice(name.indexOf(":") + 1);
}

function toInt(value: string | undefined): number | null {
  if (value === undefined) return null;
  const number = Number.parseInt(value, 10);
  return Number.isFinite(number) ? number : null;
}
