import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { Signatory } from "~/domain/agreements/document-parts.schemas";
import { swedishDate, type Block, type Printable } from "./printable";

const FONT = "Arial";

/** Renders the document as a Word file (DOCX), in Swedish, with real headings and lists. */
export async function writeDocx(printable: Printable): Promise<Buffer> {
  const document = new Document({
    creator: "Tryggsam",
    title: printable.title,
    description: printable.title,
    styles: { default: { document: { run: { font: FONT, size: 22 } } } },
    sections: [{ children: printable.blocks.flatMap(render) }],
  });
  return Packer.toBuffer(document);
}

function render(block: Block): (Paragraph | Table)[] {
  switch (block.kind) {
    case "title":
      return [new Paragraph({ text: block.text, heading: HeadingLevel.TITLE })];
    case "heading":
      return [
        new Paragraph({
          text: block.text,
          heading: block.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
        }),
      ];
    case "paragraph":
      return [new Paragraph({ children: [new TextRun(block.text)], spacing: { after: 120 } })];
    case "list":
      return block.items.map((item) => new Paragraph({ text: item, bullet: { level: 0 } }));
    case "facts":
      return block.rows.map(
        ([label, value]) =>
          new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)] }),
      );
    case "signatures":
      return signatureBlock(block.signatories, block.place, block.date);
  }
}

/** Names and titles side by side, two to a row, each above a line to sign on. */
function signatureBlock(signatories: Signatory[], place: string | null, date: string | null) {
  const out: (Paragraph | Table)[] = [];
  const where = [place, date ? `den ${swedishDate(date)}` : null].filter(Boolean).join(" ");
  out.push(new Paragraph({ text: "", spacing: { before: 480 } }));
  if (where) out.push(new Paragraph({ text: where, spacing: { after: 480 } }));
  if (signatories.length === 0) return out;
  const rows: TableRow[] = [];
  for (let i = 0; i < signatories.length; i += 2) {
    const pair = signatories.slice(i, i + 2);
    while (pair.length < 2) pair.push({ name: "", title: "", party: "other", organisation: "" });
    rows.push(
      new TableRow({
        children: pair.map(
          (s) =>
            new TableCell({
              width: { size: 50, type: WidthType.PERCENTAGE },
              borders: {
                top: s.name
                  ? { style: BorderStyle.SINGLE, size: 4, color: "000000" }
                  : { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
                bottom: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
                left: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
                right: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
              },
              margins: { top: 80, bottom: 480, right: 240 },
              children: [
                new Paragraph({ children: [new TextRun({ text: s.name, bold: true })] }),
                ...[s.title, s.organisation]
                  .filter((line) => line.length > 0)
                  .map((line) => new Paragraph({ text: line, alignment: AlignmentType.LEFT })),
              ],
            }),
        ),
      }),
    );
  }
  out.push(new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE }, borders: TableBorders.NONE }));
  return out;
}
