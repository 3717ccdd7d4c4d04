// Real DOCX, PDF and zip files for the importer's tests, made in memory.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Readable } from "node:stream";
import PDFDocument from "pdfkit";
import yazl from "yazl";

/** A zip of these entries (deflated). */
export async function makeZip(entries: Record<string, string | Uint8Array>): Promise<Uint8Array> {
  const zip = new yazl.ZipFile();
  for (const [name, content] of Object.entries(entries)) {
    zip.addBuffer(typeof content === "string" ? Buffer.from(content, "utf8") : Buffer.from(content), name);
  }
  zip.end();
  return collect(zip.outputStream);
}

async function collect(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part as Buffer);
  return new Uint8Array(Buffer.concat(parts));
}

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/**
 * A minimal DOCX package around hand-written WordprocessingML: `body` goes inside `w:body`,
 * `styles` inside `w:styles`, `numbering` inside `w:numbering`, `header` inside `w:hdr`.
 */
export function makeDocxXml(parts: {
  body: string;
  styles?: string;
  numbering?: string;
  header?: string;
}): Promise<Uint8Array> {
  const relations = [
    parts.styles !== undefined ? ["rId1", "styles", "styles.xml"] : null,
    parts.numbering !== undefined ? ["rId2", "numbering", "numbering.xml"] : null,
    parts.header !== undefined ? ["rId3", "header", "header1.xml"] : null,
  ].filter((relation) => relation !== null);
  const entries: Record<string, string> = {
    "[Content_Types].xml":
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="xml" ContentType="application/xml"/></Types>',
    "_rels/.rels":
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      `<Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/></Relationships>`,
    "word/_rels/document.xml.rels":
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      relations
        .map(([id, type, target]) => `<Relationship Id="${id}" Type="${R}/${type}" Target="${target}"/>`)
        .join("") +
      "</Relationships>",
    "word/document.xml": `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${parts.body}</w:body></w:document>`,
  };
  if (parts.styles !== undefined)
    entries["word/styles.xml"] = `<w:styles xmlns:w="${W}">${parts.styles}</w:styles>`;
  if (parts.numbering !== undefined) {
    entries["word/numbering.xml"] = `<w:numbering xmlns:w="${W}">${parts.numbering}</w:numbering>`;
  }
  if (parts.header !== undefined)
    entries["word/header1.xml"] = `<w:hdr xmlns:w="${W}">${parts.header}</w:hdr>`;
  return makeZip(entries);
}

/** `<w:p>` with text runs; `\n` in the text becomes a Word line break. */
export function wp(text: string, pPr = ""): string {
  const runs = text
    .split("\n")
    .map((line) => `<w:r><w:t xml:space="preserve">${line}</w:t></w:r>`)
    .join("<w:r><w:br/></w:r>");
  return `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ""}${runs}</w:p>`;
}

const fonts = join(dirname(createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json")), "ttf");

/** A PDF drawn with pdfkit (A4, DejaVu Sans as "regular" and "bold"). */
export function makePdf(draw: (doc: PDFKit.PDFDocument) => void): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: "A4", margin: 64, bufferPages: true, autoFirstPage: true });
  doc.registerFont("regular", join(fonts, "DejaVuSans.ttf"));
  doc.registerFont("bold", join(fonts, "DejaVuSans-Bold.ttf"));
  const done = collect(doc);
  draw(doc);
  doc.end();
  return done;
}

/**
 * A zip bomb dressed as a DOCX: word/document.xml inflates to `megabytes` MiB of zeros from
 * about a thousandth of that, deflated in 1 MiB chunks (never held whole). With `declaredBytes`
 * the central directory lies about the entry's unpacked size, as a hostile file would.
 */
export async function makeZipBomb(megabytes: number, declaredBytes?: number): Promise<Uint8Array> {
  const zip = new yazl.ZipFile();
  const chunk = Buffer.alloc(1024 * 1024);
  let left = megabytes;
  const zeros = new Readable({
    read() {
      this.push(left-- > 0 ? chunk : null);
    },
  });
  zip.addBuffer(Buffer.from("<Types/>"), "[Content_Types].xml");
  zip.addReadStream(zeros, "word/document.xml");
  zip.end();
  const bytes = await collect(zip.outputStream);
  if (declaredBytes !== undefined) lieAboutSize(bytes, "word/document.xml", declaredBytes);
  return bytes;
}

/** Rewrites the unpacked size an entry declares in the central directory. */
export function lieAboutSize(zip: Uint8Array, name: string, size: number): void {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let offset = 0; offset + 46 <= zip.length; offset++) {
    if (view.getUint32(offset, true) !== 0x02014b50) continue;
    const nameLength = view.getUint16(offset + 28, true);
    const entryName = Buffer.from(zip.subarray(offset + 46, offset + 46 + nameLength)).toString("utf8");
    if (entryName === name) view.setUint32(offset + 24, size, true);
  }
}

/** A seeded pseudo-random generator (mulberry32): the same inputs on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
