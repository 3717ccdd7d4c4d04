import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { agreementContentSchema } from "~/domain/agreements/agreement.schemas";
import { citizenPromiseContentSchema } from "~/domain/citizen-promises/citizen-promise.schemas";
import { writeDocx } from "./docx-writer.server";
import { writePdf } from "./pdf-writer.server";
import { printableAgreement, printableCitizenPromise, type Printable } from "./printable";

const hasReaders = ["soffice", "pdftotext"].every(
  (tool) => spawnSync("sh", ["-c", `command -v ${tool}`]).status === 0,
);
if (!hasReaders && process.env.TRYGGSAM_REQUIRE_READERS === "1") {
  throw new Error(
    "LibreOffice (soffice) och pdftotext saknas: installera libreoffice-writer och poppler-utils.",
  );
}
const folder = mkdtempSync(join(tmpdir(), "tryggsam-export-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const promise = citizenPromiseContentSchema.parse({
  title: "Medborgarlöfte 2017 Polis och Sollefteå kommun",
  period: { from: "2017", to: "2017" },
  background:
    "I samband med den nya polisorganisationen har det konstaterats att en av de viktigare delarna är att polisen ska komma närmare medborgarna.",
  problemPicture:
    "En otrygghet är att man främst på landsbygden är oroliga för inbrottsstöld i den egna bostaden.\n\nSpecifika brottshändelser har lett till otrygghet i och omkring Ramsele.",
  commitments: [
    { key: "c1", owner: "joint", text: "Genomföra trygghetsvandring i centrum." },
    {
      key: "c2",
      owner: "police",
      text: "Ha polis närvarande på medborgarkontoret i Ramsele 1 gång per månad (undantaget juni–augusti).",
    },
    {
      key: "c3",
      owner: "police",
      text: "I tätorter utanför centralorten genomföra informationsträffar kring grannsamverkan och byavakt.",
    },
    {
      key: "c4",
      owner: "other",
      ownerName: "Mitthem",
      text: "Beskära buskagen vid <b>gångvägen</b> & lekplatsen.",
    },
  ],
  signatories: [
    { name: "Thomas Nyberg", title: "Chef LPO Södra Ångermanland", party: "police", organisation: "Polisen" },
    {
      name: "Elisabet Lassen",
      title: "Kommunstyrelsens ordförande",
      party: "municipality",
      organisation: "Sollefteå kommun",
    },
  ],
});

const agreement = agreementContentSchema.parse({
  title: "Samverkansöverenskommelse mellan Polisen och Ånge kommun 2023 - 2026",
  period: { from: "2023-01-01", to: "2026-12-31" },
  background: "Polisen och Ånge kommun har en lång tradition av samverkan.",
  problemSources: [{ kind: "citizen-dialogue", description: "Dialoger på marknader och mässor." }],
  goals: [{ text: "Minska antalet bostadsinbrott med 20 procent till 2026." }],
  focusAreas: [
    {
      key: "otrygghet",
      title: "Otrygghet",
      points: ["Önskemål om mer synliga och fotpatrullerande poliser", "Otrygghet i centrum kvällstid"],
      cause: { text: "Få vuxna ute kvällstid.", place: "Centrum" },
    },
    { key: "narkotika", title: "Narkotika", points: ["Ungas tillgång till narkotika"] },
  ],
  followUp: { cadence: "yearly", responsible: "Trygghetsrådet", reportsTo: "Kommunstyrelsen" },
  signatories: [
    { name: "Josef Wiklund", title: "Chef för lokalpolisområde Medelpad", party: "police", organisation: "" },
    { name: "Erik Lövgren", title: "Kommunalråd Ånge kommun", party: "municipality", organisation: "" },
  ],
});

/** Every piece of text a reader must find, in the order the document gives it. */
function expectedInOrder(printable: Printable): string[] {
  return printable.blocks.flatMap((b) => {
    switch (b.kind) {
      case "title":
      case "heading":
      case "paragraph":
        return [b.text];
      case "list":
        return b.items;
      case "facts":
        return b.rows.map(([, value]) => value);
      case "signatures":
        return b.signatories.map((s) => s.name);
    }
  });
}

/**
 * Text as pdftotext gives it in reading order of the page (-layout: its default order follows
 * font changes, not the page), with line breaks and indentation folded so phrases match.
 */
function readPdf(file: string): string {
  return execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"], { encoding: "utf8" }).replace(
    /\s+/g,
    " ",
  );
}

function expectInOrder(text: string, phrases: string[]) {
  let from = 0;
  for (const phrase of phrases) {
    const at = text.indexOf(phrase.replace(/\s+/g, " "), from);
    expect(
      at,
      `"${phrase}" after position ${from} in: ${text.slice(from, from + 300)}`,
    ).toBeGreaterThanOrEqual(0);
    from = at + 1;
  }
}

const cases = [
  {
    name: "the Sollefteå citizen promise",
    printable: printableCitizenPromise(
      promise,
      { municipalities: ["Sollefteå"], policeArea: "Södra Ångermanland" },
      { place: "Sollefteå", date: "2017-03-01" },
    ),
  },
  {
    name: "the Ånge agreement",
    printable: printableAgreement(agreement, { municipalities: ["Ånge"], policeArea: "Medelpad" }),
  },
];

describe("exported documents", () => {
  it("group commitments under their owners, police first, keeping the order within each", () => {
    const headings = cases[0]!.printable.blocks.filter((b) => b.kind === "heading").map((b) => b.text);
    expect(headings).toEqual([
      "Bakgrund",
      "Problembild",
      "Polisen lovar att",
      "Tillsammans lovar vi att",
      "Mitthem lovar att",
    ]);
    const lists = cases[0]!.printable.blocks.filter((b) => b.kind === "list");
    expect(lists[0]).toMatchObject({ items: [promise.commitments[1]!.text, promise.commitments[2]!.text] });
  });

  it("put a citizen promise published inside its agreement after the agreement's parts, before the signatures", () => {
    const printable = printableAgreement(
      agreement,
      { municipalities: ["Vindeln"], policeArea: "Umeå" },
      undefined,
      [promise],
    );
    const kinds = printable.blocks.map((b) => (b.kind === "heading" || b.kind === "title" ? b.text : b.kind));
    const at = (text: string) => kinds.indexOf(text);
    expect(at(promise.title)).toBeGreaterThan(at("Fokusområden"));
    expect(at("Polisen lovar att")).toBeGreaterThan(at(promise.title));
    expect(kinds.at(-1)).toBe("signatures");
  });

  it("write a period known to the year once, and a period in days in Swedish", () => {
    const period = (p: Printable) => {
      const facts = p.blocks.find((b) => b.kind === "facts");
      return facts?.kind === "facts" ? facts.rows.find(([label]) => label === "Period")?.[1] : undefined;
    };
    expect(period(cases[0]!.printable)).toBe("2017");
    expect(period(cases[1]!.printable)).toBe("1 januari 2023 – 31 december 2026");
  });

  for (const { name, printable } of cases) {
    describe.skipIf(!hasReaders)(`${name} (needs LibreOffice and pdftotext)`, () => {
      it("opens in LibreOffice as DOCX with every title, point, commitment and signatory in order", async () => {
        const docx = join(folder, `${name.replace(/\W+/g, "-")}.docx`);
        writeFileSync(docx, await writeDocx(printable));
        const converted = spawnSync(
          "soffice",
          [
            "--headless",
            `-env:UserInstallation=file://${folder}/lo-profile`,
            "--convert-to",
            "pdf",
            "--outdir",
            folder,
            docx,
          ],
          { encoding: "utf8", timeout: 120_000 },
        );
        expect(converted.status, converted.stderr).toBe(0);
        const text = readPdf(docx.replace(/\.docx$/, ".pdf"));
        expectInOrder(text, expectedInOrder(printable));
        // Markup typed into a field is text, never markup.
        if (text.includes("gångvägen")) expect(text).toContain("<b>gångvägen</b> & lekplatsen");
      }, 150_000);

      it("renders its own PDF with the same text in the same order, page numbers included", async () => {
        const pdf = join(folder, `${name.replace(/\W+/g, "-")}-own.pdf`);
        writeFileSync(pdf, await writePdf(printable));
        expect(readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");
        const text = readPdf(pdf);
        expectInOrder(text, expectedInOrder(printable));
        expect(text).toContain("Sida 1 av");
      });
    });
  }
});
