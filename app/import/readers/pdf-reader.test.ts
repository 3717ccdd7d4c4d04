import { describe, expect, it } from "vitest";
import { makePdf } from "../../../tests/support/import-files";
import { ImportReadError } from "../read-error";
import { isPageNumberLine } from "./page-numbers";
import { joinLines } from "./pdf-layout";
import { readPdf } from "./pdf-reader.server";

/** Writes one line at a fixed place, as a word processor's PDF does. */
function line(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size = 11, font = "regular") {
  doc.font(font).fontSize(size).text(text, x, y, { lineBreak: false });
}

/**
 * Three pages with a running header and "Sida X av 3" footers, a title and a heading in larger
 * type, a word hyphenated across a line break, a suspended hyphen, a paragraph that goes on to
 * the next page, and two signatures side by side.
 */
const agreement = () =>
  makePdf((doc) => {
    line(doc, "Samverkansöverenskommelse Ånge 2023–2026", 64, 90, 20, "bold");
    line(doc, "Polisen och Ånge kommun ska gemensamt bedriva ett långsiktigt och trygghets-", 64, 130);
    line(doc, "skapande arbete i hela kommunen med fokus på brotts- och narkotikaprevention", 64, 144);
    line(doc, "samt på att minska oron för brott bland de boende.", 64, 158);
    line(doc, "Ett nytt stycke efter ett tydligt avstånd.", 64, 186);
    line(doc, "Mellanrubrik", 64, 220, 14, "bold");
    line(doc, "Arbetet följs upp varje år av trygghetsrådet och redovisas sedan för kommun-", 64, 722);
    line(doc, "styrelsen och polisens ledning, och allt detta fortsätter på nästa sida utan att", 64, 736);
    doc.addPage();
    line(doc, "avbrytas av sidhuvud eller sidfot.", 64, 90);
    line(doc, "Andra sidans andra stycke.", 64, 120);
    doc.addPage();
    line(doc, "Underskrifter", 64, 90, 14, "bold");
    line(doc, "Ånge den 1 mars 2023", 64, 130);
    line(doc, "Anna Andersson", 64, 200);
    line(doc, "Bertil Berg", 320, 200);
    line(doc, "Kommunstyrelsens ordförande", 64, 214);
    line(doc, "Chef LPO Medelpad", 320, 214);
    line(doc, "Ånge kommun", 64, 228);
    line(doc, "Polisen", 320, 228);
    const pages = doc.bufferedPageRange().count;
    for (let page = 0; page < pages; page++) {
      doc.switchToPage(page);
      line(doc, "Samverkansöverenskommelse – Dnr KS 2023/0123", 64, 30, 9);
      line(doc, `Sida ${page + 1} av ${pages}`, 480, 800, 9);
    }
  });

describe("readPdf", () => {
  it("rebuilds paragraphs, joins hyphenated words, removes running headers and footers, separates columns", async () => {
    expect(await readPdf(await agreement())).toBe(
      [
        "Samverkansöverenskommelse – Dnr KS 2023/0123",
        "",
        "# Samverkansöverenskommelse Ånge 2023–2026",
        "",
        "Polisen och Ånge kommun ska gemensamt bedriva ett långsiktigt och trygghetsskapande arbete i " +
          "hela kommunen med fokus på brotts- och narkotikaprevention samt på att minska oron för brott " +
          "bland de boende.",
        "",
        "Ett nytt stycke efter ett tydligt avstånd.",
        "",
        "## Mellanrubrik",
        "",
        "Arbetet följs upp varje år av trygghetsrådet och redovisas sedan för kommunstyrelsen och polisens " +
          "ledning, och allt detta fortsätter på nästa sida utan att avbrytas av sidhuvud eller sidfot.",
        "",
        "Andra sidans andra stycke.",
        "",
        "## Underskrifter",
        "",
        "Ånge den 1 mars 2023",
        "",
        "Anna Andersson\nKommunstyrelsens ordförande\nÅnge kommun",
        "",
        "Bertil Berg\nChef LPO Medelpad\nPolisen",
      ].join("\n"),
    );
  });

  it("keeps the running header's text once and no page numbers", async () => {
    const text = await readPdf(await agreement());
    expect(text.match(/Dnr KS 2023\/0123/g)).toHaveLength(1);
    expect(text).not.toMatch(/Sida \d/);
  });

  it("keeps a line broken short as its own line, and list items as items", async () => {
    const pdf = await makePdf((doc) => {
      line(doc, "Polisen lovar att:", 64, 90);
      line(doc, "• genomföra trygghetsvandringar", 80, 104);
      line(doc, "• finnas på plats vid skolavslutningar", 80, 118);
      line(doc, "1. Första punkten", 80, 146);
      line(doc, "2. Andra punkten", 80, 160);
    });
    expect(await readPdf(pdf)).toBe(
      "Polisen lovar att:\n\n- genomföra trygghetsvandringar\n- finnas på plats vid skolavslutningar\n1. Första punkten\n2. Andra punkten",
    );
  });

  it("refuses a broken PDF as UNREADABLE", async () => {
    const bytes = new TextEncoder().encode("%PDF-1.7\nnothing here at all\n%%EOF");
    const error = await readPdf(bytes).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ImportReadError);
    expect((error as ImportReadError).code).toBe("UNREADABLE");
  });
});

describe("joinLines", () => {
  it("joins a word split by a hyphen, keeps suspended hyphens and abbreviations' hyphens", () => {
    expect(joinLines("ett trygghets-", "skapande arbete", true)).toBe("ett trygghetsskapande arbete");
    expect(joinLines("brotts-", "och narkotikaprevention", true)).toBe("brotts- och narkotikaprevention");
    expect(joinLines("via EU-", "projektet", true)).toBe("via EU-projektet");
    expect(joinLines("Polisen och", "kommunen", true)).toBe("Polisen och kommunen");
    expect(joinLines("Ort och datum", "Ånge", false)).toBe("Ort och datum\nÅnge");
  });
});

describe("isPageNumberLine", () => {
  it("knows page numbers in the usual Swedish and English forms", () => {
    for (const line of [
      "2",
      "- 2 -",
      "– 12 –",
      "Sida 2 av 5",
      "sida 2 (5)",
      "2 (5)",
      "2/5",
      "Page 3 of 9",
      "Sida  av ",
    ]) {
      expect(isPageNumberLine(line), line).toBe(true);
    }
    for (const line of ["2023", "Dnr 2023/45", "Sida vid sida", "2 kap. 3 §"]) {
      expect(isPageNumberLine(line), line).toBe(false);
    }
  });
});
