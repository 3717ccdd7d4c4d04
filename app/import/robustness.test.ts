import { mkdtemp, open, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import {
  Document,
  Header,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  AlignmentType,
} from "docx";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  makeDocxXml,
  makePdf,
  makeZip,
  makeZipBomb,
  lieAboutSize,
  seededRandom,
  wp,
} from "../../tests/support/import-files";
import { isImportFailure, type ImportOutcome } from "./import-v1";
import { closeImportPool, importFile, importPath } from "./importer.server";
import { IMPORT_TIMEOUT_MS, MAX_IMPORT_FILE_BYTES } from "./limits";

// Every input must be answered by then: the worker's time limit, plus the time to stop it.
const ANSWER_WITHIN_MS = IMPORT_TIMEOUT_MS + 1_500;
// As many files at once as the pool has workers, so the time measured is the file's own.
const CONCURRENCY = 2;

interface Input {
  name: string;
  bytes: Uint8Array;
  /** The codes this input may answer with; "ok" for a result. Unset: anything, as long as it answers. */
  expect?: string[];
}

let validDocx: Uint8Array;
let validPdf: Uint8Array;

async function makeValidDocx(): Promise<Uint8Array> {
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: "items",
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: "%1.", alignment: AlignmentType.START },
            { level: 1, format: LevelFormat.LOWER_LETTER, text: "%2)", alignment: AlignmentType.START },
          ],
        },
      ],
    },
    sections: [
      {
        headers: { default: new Header({ children: [new Paragraph("Dnr KS 2023/0123")] }) },
        children: [
          new Paragraph("Samverkansöverenskommelse mellan Polisen och Ånge kommun 2023–2026"),
          new Paragraph({
            text: "Polisen lovar att patrullera",
            numbering: { reference: "items", level: 0 },
          }),
          new Paragraph({ text: "i centrum", numbering: { reference: "items", level: 1 } }),
          new Paragraph({ text: "Trygghetsvandringar", bullet: { level: 0 } }),
          new Table({
            rows: [
              new TableRow({
                children: [
                  new TableCell({
                    children: [new Paragraph("Anna Andersson"), new Paragraph("Kommunstyrelsens ordförande")],
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
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

function makeValidPdf(): Promise<Uint8Array> {
  return makePdf((doc) => {
    for (let page = 0; page < 3; page++) {
      if (page) doc.addPage();
      doc
        .font("bold")
        .fontSize(14)
        .text(`Avsnitt ${page + 1}`, 64, 90);
      doc
        .font("regular")
        .fontSize(11)
        .text("Polisen och kommunen arbetar tillsammans för ett trygghets-", 64, 120);
      doc.text("skapande arbete i hela kommunen.", 64, 134);
      doc
        .text("Anna Andersson", 64, 200, { lineBreak: false })
        .text("Bertil Berg", 320, 200, { lineBreak: false });
      doc.fontSize(9).text(`Sida ${page + 1} av 3`, 480, 800, { lineBreak: false });
    }
  });
}

/** The hostile and odd inputs, generated from the valid files with a seeded generator. */
function* generatedInputs(): Generator<Input> {
  const random = seededRandom(20230301);
  const pick = (max: number) => Math.floor(random() * max);
  const truncated = (bytes: Uint8Array) => bytes.slice(0, pick(bytes.length));
  const corrupted = (bytes: Uint8Array) => {
    const copy = bytes.slice();
    for (let flips = 1 + pick(24); flips > 0; flips--) copy[pick(copy.length)] = pick(256);
    return copy;
  };
  for (let i = 0; i < 150; i++) yield { name: `avklippt-${i}.docx`, bytes: truncated(validDocx) };
  for (let i = 0; i < 250; i++) yield { name: `skadad-${i}.docx`, bytes: corrupted(validDocx) };
  for (let i = 0; i < 150; i++) yield { name: `avklippt-${i}.pdf`, bytes: truncated(validPdf) };
  for (let i = 0; i < 250; i++) yield { name: `skadad-${i}.pdf`, bytes: corrupted(validPdf) };
  for (let i = 0; i < 150; i++) {
    const noise = new Uint8Array(1 + pick(64 * 1024));
    for (let j = 0; j < noise.length; j++) noise[j] = pick(256);
    yield { name: `brus-${i}.bin`, bytes: noise };
  }
  for (let i = 0; i < 60; i++) {
    // Text made of random code points: any decodable mess must read or be refused as a file.
    const chars = Array.from({ length: 1 + pick(4000) }, () => String.fromCodePoint(pick(0x2fff)));
    yield { name: `tecken-${i}.md`, bytes: new TextEncoder().encode(chars.join("")) };
  }
}

async function specialInputs(): Promise<Input[]> {
  const encode = (text: string) => new TextEncoder().encode(text);
  const bomb = await makeZipBomb(1100);
  const lyingBomb = bomb.slice();
  lieAboutSize(lyingBomb, "word/document.xml", 1000);
  const deepDocx = await makeDocxXml({
    body: "<w:tbl><w:tr><w:tc>".repeat(10_000) + wp("Innerst") + "</w:tc></w:tr></w:tbl>".repeat(10_000),
  });
  const deepList = await makeDocxXml({
    body: Array.from({ length: 10_000 }, (_, level) =>
      wp(`Nivå ${level}`, `<w:numPr><w:ilvl w:val="${level}"/><w:numId w:val="1"/></w:numPr>`),
    ).join(""),
    numbering:
      '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>' +
      '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>',
  });
  return [
    { name: "zipbomb.docx", bytes: bomb, expect: ["TOO_LARGE"] },
    { name: "zipbomb-ljuger.docx", bytes: lyingBomb, expect: ["TOO_LARGE", "UNREADABLE"] },
    { name: "egentligen-pdf.docx", bytes: validPdf, expect: ["ok"] },
    { name: "egentligen-docx.txt", bytes: validDocx, expect: ["ok"] },
    { name: "tom.txt", bytes: new Uint8Array(), expect: ["EMPTY"] },
    {
      name: "hundratusen-rader.txt",
      bytes: encode(
        Array.from({ length: 100_000 }, (_, i) => `Rad ${i + 1}: trygghetsvandring i centrum`).join("\n"),
      ),
      expect: ["ok"],
    },
    { name: "djup-lista.md", bytes: encode(`${"- ".repeat(10_000)}punkt\n`) },
    { name: "djupt-citat.md", bytes: encode(`${"> ".repeat(10_000)}citat\n`) },
    {
      name: "indragen-lista.md",
      bytes: encode(Array.from({ length: 2_000 }, (_, i) => `${"  ".repeat(i)}- nivå ${i}`).join("\n")),
    },
    { name: "djupa-tabeller.docx", bytes: deepDocx, expect: ["ok"] },
    { name: "djup-numrering.docx", bytes: deepList, expect: ["ok"] },
    { name: "femtio-mb.pdf", bytes: new Uint8Array(50 * 1024 * 1024), expect: ["TOO_LARGE"] },
    { name: "tom.docx", bytes: await makeDocxXml({ body: "" }), expect: ["EMPTY"] },
    { name: "arkiv.docx", bytes: await makeZip({ "bild.png": "x" }), expect: ["UNSUPPORTED_TYPE"] },
  ];
}

function expectAnswered(input: Input, outcome: ImportOutcome, elapsed: number) {
  const source = basename(input.name);
  expect(outcome.source, input.name).toBe(source);
  expect(elapsed, `${input.name} took ${elapsed} ms`).toBeLessThan(ANSWER_WITHIN_MS);
  if (isImportFailure(outcome)) {
    expect(outcome.error.message.startsWith(`${source}: `), outcome.error.message).toBe(true);
    expect(outcome.error.message, input.name).not.toMatch(/\n\s+at |Error:/);
  }
  if (input.expect) {
    expect(input.expect, `${input.name}: ${JSON.stringify(outcome).slice(0, 300)}`).toContain(
      isImportFailure(outcome) ? outcome.error.code : "ok",
    );
  }
}

/** Runs inputs through importFile, a few at a time, checking each as it is answered. */
async function runAll(inputs: Iterable<Input>): Promise<number> {
  const iterator = inputs[Symbol.iterator]();
  let count = 0;
  const lane = async () => {
    for (let next = iterator.next(); !next.done; next = iterator.next()) {
      const input = next.value;
      const started = performance.now();
      const outcome = await importFile({ name: input.name, bytes: input.bytes });
      expectAnswered(input, outcome, Math.round(performance.now() - started));
      count++;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, lane));
  return count;
}

describe("importFile on hostile input", () => {
  beforeAll(async () => {
    [validDocx, validPdf] = await Promise.all([makeValidDocx(), makeValidPdf()]);
    // Start the pool's workers before measuring anything.
    await Promise.all([
      importFile({ name: "värm-upp-1.txt", bytes: new TextEncoder().encode("Hej") }),
      importFile({ name: "värm-upp-2.pdf", bytes: validPdf }),
    ]);
  }, 60_000);

  afterAll(async () => {
    await closeImportPool();
  });

  it("reads the valid files it starts from", async () => {
    for (const [name, bytes] of [
      ["giltig.docx", validDocx],
      ["giltig.pdf", validPdf],
    ] as const) {
      const outcome = await importFile({ name, bytes });
      expect(isImportFailure(outcome), JSON.stringify(outcome)).toBe(false);
    }
  });

  it("answers every one of 1,000 generated inputs in time, naming the file in every failure", async () => {
    expect(await runAll(generatedInputs())).toBe(1_010);
  }, 150_000);

  it("answers zip bombs, misnamed files, empty, huge and deeply nested input", async () => {
    expect(await runAll(await specialInputs())).toBe(14);
  }, 120_000);

  it("refuses a 50 MB file by its path without reading it, and a missing one as NOT_FOUND", async () => {
    const dir = await mkdtemp(join(tmpdir(), "tryggsam-import-"));
    try {
      const path = join(dir, "enorm.pdf");
      // A sparse file: 50 MB long, nothing written, so reading it would show in the time.
      const handle = await open(path, "w");
      await handle.truncate(50 * 1024 * 1024);
      await handle.close();
      const started = performance.now();
      const outcome = await importPath(path);
      expect(performance.now() - started).toBeLessThan(200);
      expect(outcome).toEqual({
        source: "enorm.pdf",
        error: {
          code: "TOO_LARGE",
          message: `enorm.pdf: filen är större än ${MAX_IMPORT_FILE_BYTES / 1024 / 1024} MiB och läses inte.`,
        },
      });
      expect(await importPath(join(dir, "finns-inte.docx"))).toEqual({
        source: "finns-inte.docx",
        error: { code: "NOT_FOUND", message: "finns-inte.docx: filen finns inte." },
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
