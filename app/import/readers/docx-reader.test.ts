import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { describe, expect, it } from "vitest";
import { lieAboutSize, makeDocxXml, makeZip, makeZipBomb, wp } from "../../../tests/support/import-files";
import { ImportReadError } from "../read-error";
import { readDocx } from "./docx-reader.server";

async function pack(doc: Document): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(doc));
}

async function readError(bytes: Uint8Array): Promise<ImportReadError> {
  const error = await readDocx(bytes).then(
    () => null,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof ImportReadError))
    throw new Error(`expected an ImportReadError, got ${String(error)}`);
  return error;
}

describe("readDocx on a document made with the docx library", () => {
  const agreement = () =>
    pack(
      new Document({
        numbering: {
          config: [
            {
              reference: "items",
              levels: [
                { level: 0, format: LevelFormat.DECIMAL, text: "%1.", alignment: AlignmentType.START },
                { level: 1, format: LevelFormat.LOWER_LETTER, text: "%2)", alignment: AlignmentType.START },
              ],
            },
            {
              reference: "headings",
              levels: [
                { level: 0, format: LevelFormat.DECIMAL, text: "%1.", alignment: AlignmentType.START },
                { level: 1, format: LevelFormat.DECIMAL, text: "%1.%2", alignment: AlignmentType.START },
              ],
            },
          ],
        },
        sections: [
          {
            headers: { default: new Header({ children: [new Paragraph("Dnr KS 2023/0123")] }) },
            footers: {
              default: new Footer({
                children: [
                  new Paragraph({
                    children: [
                      new TextRun({
                        children: ["Sida ", PageNumber.CURRENT, " av ", PageNumber.TOTAL_PAGES],
                      }),
                    ],
                  }),
                ],
              }),
            },
            children: [
              new Paragraph({
                text: "Samverkansöverenskommelse Ånge 2023–2026",
                heading: HeadingLevel.TITLE,
              }),
              new Paragraph({
                text: "Bakgrund",
                heading: HeadingLevel.HEADING_1,
                numbering: { reference: "headings", level: 0 },
              }),
              new Paragraph({
                children: [new TextRun("Första raden"), new TextRun({ text: "andra raden", break: 1 })],
              }),
              new Paragraph({ text: "Synlig polis", numbering: { reference: "items", level: 0 } }),
              new Paragraph({ text: "fotpatrullering", numbering: { reference: "items", level: 1 } }),
              new Paragraph({ text: "cykelpatrullering", numbering: { reference: "items", level: 1 } }),
              new Paragraph({ text: "Trygga skolvägar", numbering: { reference: "items", level: 0 } }),
              new Paragraph({
                text: "Fokusområden",
                heading: HeadingLevel.HEADING_1,
                numbering: { reference: "headings", level: 0 },
              }),
              new Paragraph({
                text: "Narkotika",
                heading: HeadingLevel.HEADING_2,
                numbering: { reference: "headings", level: 1 },
              }),
              new Paragraph({ text: "Ungdomar", bullet: { level: 0 } }),
              new Paragraph({ text: "Föräldrar", bullet: { level: 1 } }),
              new Paragraph({ text: "Skola", bullet: { level: 2 } }),
              new Paragraph({ text: "Vuxna", bullet: { level: 0 } }),
              new Table({
                width: { size: 100, type: WidthType.PERCENTAGE },
                rows: [
                  new TableRow({
                    children: [
                      new TableCell({
                        children: [
                          new Paragraph("Anna Andersson"),
                          new Paragraph("Kommunstyrelsens ordförande"),
                        ],
                      }),
                      new TableCell({
                        children: [new Paragraph("Bertil Berg"), new Paragraph("Chef LPO Medelpad")],
                      }),
                    ],
                  }),
                ],
              }),
            ],
          },
        ],
      }),
    );

  it("gives Markdown-flavoured text: header once at the top, headings and lists with Word's numbers, cells one after another", async () => {
    expect(await readDocx(await agreement())).toBe(
      [
        "Dnr KS 2023/0123",
        "",
        "# Samverkansöverenskommelse Ånge 2023–2026",
        "",
        "# 1. Bakgrund",
        "",
        "Första raden\nandra raden",
        "",
        "1. Synlig polis\n  a) fotpatrullering\n  b) cykelpatrullering\n2. Trygga skolvägar",
        "",
        "# 2. Fokusområden",
        "",
        "## 2.1 Narkotika",
        "",
        "- Ungdomar\n  - Föräldrar\n    - Skola\n- Vuxna",
        "",
        "Anna Andersson\nKommunstyrelsens ordförande",
        "",
        "Bertil Berg\nChef LPO Medelpad",
      ].join("\n"),
    );
  });

  it("drops a footer of page numbers", async () => {
    expect(await readDocx(await agreement())).not.toMatch(/Sida/);
  });
});

describe("readDocx on hand-made WordprocessingML", () => {
  const numbering = (levels: string, instances: string) =>
    `<w:abstractNum w:abstractNumId="0">${levels}</w:abstractNum>${instances}`;
  const level = (ilvl: number, format: string, text: string, extra = "") =>
    `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${text}"/>${extra}</w:lvl>`;
  const numPr = (numId: string, ilvl = 0) =>
    `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`;

  it("knows headings by localised style names and outline levels, and numbers them from the style", async () => {
    const styles =
      '<w:style w:type="paragraph" w:styleId="Rubrik1"><w:name w:val="Rubrik 1"/>' +
      `<w:pPr>${numPr("1")}</w:pPr></w:style>` +
      '<w:style w:type="paragraph" w:styleId="Egen"><w:name w:val="Min rubrik"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="Ärvd"><w:name w:val="Ärvd"/><w:basedOn w:val="Rubrik1"/></w:style>';
    const bytes = await makeDocxXml({
      styles,
      numbering: numbering(
        level(0, "decimal", "%1."),
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>',
      ),
      body:
        wp("Bakgrund", '<w:pStyle w:val="Rubrik1"/>') +
        wp("Syfte", '<w:pStyle w:val="Ärvd"/>') +
        wp("Detaljer", '<w:pStyle w:val="Egen"/>') +
        wp("Direkt", '<w:outlineLvl w:val="1"/>'),
    });
    expect(await readDocx(bytes)).toBe("# 1. Bakgrund\n\n# 2. Syfte\n\n### Detaljer\n\n## Direkt");
  });

  it("renders letters, roman numerals, multi-level text and restarts per list instance", async () => {
    const levels =
      level(0, "upperRoman", "%1.") +
      level(1, "lowerLetter", "%2)") +
      level(2, "decimal", "%1.%2.%3", "<w:isLgl/>");
    const bytes = await makeDocxXml({
      numbering: numbering(
        levels,
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>' +
          '<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>',
      ),
      body:
        wp("Ett", `${numPr("1")}`) +
        wp("Under", `${numPr("1", 1)}`) +
        wp("Djup", `${numPr("1", 2)}`) +
        wp("Två", `${numPr("1")}`) +
        wp("Under igen", `${numPr("1", 1)}`) +
        wp("Mellan") +
        wp("Ny lista", `${numPr("2")}`),
    });
    expect(await readDocx(bytes)).toBe(
      "I. Ett\n  a) Under\n    1.1.1 Djup\nII. Två\n  a) Under igen\n\nMellan\n\nI. Ny lista",
    );
  });

  it("keeps inserted text, drops deleted and moved-away text, field codes and the fallback copy of a text box", async () => {
    const body =
      '<w:p><w:r><w:t xml:space="preserve">Polisen </w:t></w:r>' +
      '<w:del w:id="1"><w:r><w:delText>inte </w:delText></w:r></w:del>' +
      '<w:ins w:id="2"><w:r><w:t xml:space="preserve">ska </w:t></w:r></w:ins>' +
      '<w:moveFrom w:id="3"><w:r><w:t>flyttat</w:t></w:r></w:moveFrom>' +
      "<w:r><w:t>patrullera</w:t></w:r>" +
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>' +
      '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>.</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>' +
      '<w:p><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">' +
      '<mc:Choice Requires="wps"><w:drawing><w:txbxContent>' +
      wp("Faktaruta: 12 trygghetsvandringar") +
      "</w:txbxContent></w:drawing></mc:Choice>" +
      "<mc:Fallback><w:pict><w:txbxContent>" +
      wp("Faktaruta: 12 trygghetsvandringar") +
      "</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>" +
      '<w:r><w:t xml:space="preserve">Efter rutan.</w:t></w:r></w:p>';
    expect(await readDocx(await makeDocxXml({ body }))).toBe(
      "Polisen ska patrullera.\n\nFaktaruta: 12 trygghetsvandringar\n\nEfter rutan.",
    );
  });

  it("keeps a footer that says more than the page number, once", async () => {
    const bytes = await makeZip({
      "word/document.xml": `<w:document xmlns:w="w"><w:body>${wp("Text")}</w:body></w:document>`,
      "word/_rels/document.xml.rels":
        '<Relationships><Relationship Id="a" Type="x/footer" Target="footer1.xml"/>' +
        '<Relationship Id="b" Type="x/footer" Target="footer2.xml"/></Relationships>',
      "word/footer1.xml": `<w:ftr xmlns:w="w">${wp("Ånge kommun och Polisen")}${wp("Sida 1 (4)")}</w:ftr>`,
      "word/footer2.xml": `<w:ftr xmlns:w="w">${wp("Ånge kommun och Polisen")}</w:ftr>`,
    });
    expect(await readDocx(bytes)).toBe("Ånge kommun och Polisen\n\nText");
  });

  it("reads 10,000 nested tables without recursion", async () => {
    const depth = 10_000;
    const body = "<w:tbl><w:tr><w:tc>".repeat(depth) + wp("Innerst") + "</w:tc></w:tr></w:tbl>".repeat(depth);
    expect(await readDocx(await makeDocxXml({ body }))).toBe("Innerst");
  });
});

describe("readDocx refuses", () => {
  it("a zip without word/document.xml as UNSUPPORTED_TYPE", async () => {
    const error = await readError(await makeZip({ "content.xml": "<office/>" }));
    expect(error.code).toBe("UNSUPPORTED_TYPE");
  });

  it("a broken zip and broken XML as UNREADABLE", async () => {
    expect((await readError(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).code).toBe("UNREADABLE");
    const broken = await makeDocxXml({ body: "<w:p><w:r><w:t>ej stängd</w:r></w:p>" });
    expect((await readError(broken)).code).toBe("UNREADABLE");
  });

  it("a zip bomb, whether its directory tells the truth or not, without inflating it", async () => {
    const honest = await makeZipBomb(100);
    expect(honest.length).toBeLessThan(200_000);
    const started = Date.now();
    expect((await readError(honest)).code).toBe("TOO_LARGE");
    const lying = new Uint8Array(honest);
    lieAboutSize(lying, "word/document.xml", 1000);
    expect(["TOO_LARGE", "UNREADABLE"]).toContain((await readError(lying)).code);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("an entity bomb: only XML's own entities are known", async () => {
    const body = wp("&lol9;");
    const bytes = await makeZip({
      "word/document.xml":
        '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY lol "lol"><!ENTITY lol9 "&lol;&lol;&lol;">]>' +
        `<w:document xmlns:w="w"><w:body>${body}</w:body></w:document>`,
    });
    expect((await readError(bytes)).code).toBe("UNREADABLE");
  });
});
