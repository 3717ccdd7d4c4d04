import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import PDFDocument from "pdfkit";
import type { Signatory } from "~/domain/agreements/document-parts.schemas";
import { swedishDate, type Block, type Printable } from "./printable";

// DejaVu covers every character Swedish text and pasted text bring (dashes, quotes, accents);
// PDF's built-in fonts cover only Latin-1.
const fonts = join(dirname(createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json")), "ttf");
const REGULAR = join(fonts, "DejaVuSans.ttf");
const BOLD = join(fonts, "DejaVuSans-Bold.ttf");

const MARGIN = 64;

/** Renders the document as a PDF (A4, Swedish), with the same text and order as the DOCX. */
export function writePdf(printable: Printable): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    lang: "sv-SE",
    displayTitle: true,
    info: { Title: printable.title, Creator: "Tryggsam" },
    bufferPages: true,
  });
  doc.registerFont("regular", REGULAR);
  doc.registerFont("bold", BOLD);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  for (const block of printable.blocks) render(doc, block);
  pageNumbers(doc);
  doc.end();
  return done;
}

function render(doc: PDFKit.PDFDocument, block: Block) {
  switch (block.kind) {
    case "title":
      doc.font("bold").fontSize(20).text(block.text).moveDown(0.8);
      return;
    case "heading":
      doc.moveDown(0.6);
      doc
        .font("bold")
        .fontSize(block.level === 1 ? 14 : 12)
        .text(block.text)
        .moveDown(0.3);
      return;
    case "paragraph":
      doc.font("regular").fontSize(11).text(block.text, { lineGap: 2 }).moveDown(0.5);
      return;
    case "list":
      doc.font("regular").fontSize(11).list(block.items, { bulletRadius: 2, textIndent: 14, lineGap: 2 });
      doc.moveDown(0.5);
      return;
    case "facts":
      for (const [label, value] of block.rows) {
        doc.font("bold").fontSize(11).text(`${label}: `, { continued: true });
        doc.font("regular").text(value);
      }
      doc.moveDown(0.5);
      return;
    case "signatures":
      signatures(doc, block.signatories, block.place, block.date);
      return;
  }
}

/** Two columns of signatories, each name above its title, under a line to sign on. */
function signatures(
  doc: PDFKit.PDFDocument,
  signatories: Signatory[],
  place: string | null,
  date: string | null,
) {
  doc.moveDown(2);
  const where = [place, date ? `den ${swedishDate(date)}` : null].filter(Boolean).join(" ");
  if (where) doc.font("regular").fontSize(11).text(where, MARGIN).moveDown(2);
  const width = (doc.page.width - 2 * MARGIN - 24) / 2;
  for (let i = 0; i < signatories.length; i += 2) {
    const pair = signatories.slice(i, i + 2);
    if (doc.y > doc.page.height - MARGIN - 110) doc.addPage();
    const top = doc.y + 36;
    let bottom = top;
    pair.forEach((s, column) => {
      const x = MARGIN + column * (width + 24);
      doc
        .moveTo(x, top)
        .lineTo(x + width, top)
        .lineWidth(0.5)
        .stroke();
      doc
        .font("bold")
        .fontSize(11)
        .text(s.name, x, top + 6, { width });
      doc.font("regular").fontSize(10);
      for (const line of [s.title, s.organisation].filter((l) => l.length > 0))
        doc.text(line, x, doc.y, { width });
      bottom = Math.max(bottom, doc.y);
    });
    doc.x = MARGIN;
    doc.y = bottom + 12;
  }
}

/** "Sida 1 av 3" at the foot of every page. */
function pageNumbers(doc: PDFKit.PDFDocument) {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font("regular")
      .fontSize(9)
      .text(`Sida ${i + 1} av ${range.count}`, MARGIN, doc.page.height - 40, {
        width: doc.page.width - 2 * MARGIN,
        align: "center",
      });
    doc.page.margins.bottom = bottomMargin;
  }
}
