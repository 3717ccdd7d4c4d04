import { Document, Packer, Paragraph } from "docx";
import { describe, expect, it } from "vitest";
import { makePdf, makeZip } from "../../tests/support/import-files";
import { ImportReadError } from "./read-error";
import { detectFormat, readDocument } from "./read-document.server";

async function failure(name: string, bytes: Uint8Array): Promise<ImportReadError> {
  const error = await readDocument({ name, bytes }).catch((thrown: unknown) => thrown);
  if (!(error instanceof ImportReadError))
    throw new Error(`expected an ImportReadError, got ${String(error)}`);
  return error;
}

describe("readDocument", () => {
  it("goes by content, not by name: a PDF named .docx and a DOCX named .txt read as what they are", async () => {
    const pdf = await makePdf((doc) =>
      doc.font("regular").fontSize(11).text("Medborgarlöfte för Bräcke", 64, 90),
    );
    const docx = new Uint8Array(
      await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph("Samverkan i Ånge")] }] })),
    );
    expect(detectFormat(pdf)).toBe("pdf");
    expect(detectFormat(docx)).toBe("docx");
    expect(await readDocument({ name: "rapport.docx", bytes: pdf })).toBe("Medborgarlöfte för Bräcke");
    expect(await readDocument({ name: "anteckningar.txt", bytes: docx })).toBe("Samverkan i Ånge");
  });

  it("names the file in every refusal, in Swedish", async () => {
    const notDocx = await failure("bilder.docx", await makeZip({ "a.png": "x" }));
    expect(notDocx.code).toBe("UNSUPPORTED_TYPE");
    expect(notDocx.message).toBe("bilder.docx: filen är ett zip-arkiv men inget Word-dokument (DOCX).");

    const broken = await failure(
      "/tmp/uppladdat/rapport.docx",
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]),
    );
    expect(broken.code).toBe("UNREADABLE");
    expect(broken.message).toBe("rapport.docx: filen är skadad och kan inte läsas som Word-dokument.");

    const old = await failure(
      "gammal.doc",
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]),
    );
    expect(old.code).toBe("UNSUPPORTED_TYPE");
    expect(old.message).toMatch(/^gammal\.doc: /);

    expect((await failure("tom.txt", new Uint8Array())).code).toBe("EMPTY");
    expect((await failure("blank.md", new TextEncoder().encode(" \n\n \t\n"))).code).toBe("EMPTY");
  });

  it("accepts 100,000 lines of text and refuses more text than the cap", async () => {
    const lines = Array.from({ length: 100_000 }, (_, index) => `Rad ${index + 1}: trygghet i centrum`).join(
      "\n",
    );
    const text = await readDocument({ name: "lång.txt", bytes: new TextEncoder().encode(lines) });
    expect(text.split("\n")).toHaveLength(100_000);

    const tooMany = "x\n".repeat(250_000);
    const error = await failure("för-lång.txt", new TextEncoder().encode(tooMany));
    expect(error.code).toBe("TOO_LARGE");
    expect(error.message).toMatch(/^för-lång\.txt: filen innehåller fler än 200 000 rader text\.$/);
  });

  it("collapses runs of empty lines and trailing blanks, and composes decomposed letters", async () => {
    const text = "A\u030angermanland  \n\n\n\nStycke\t\n";
    expect(await readDocument({ name: "a.md", bytes: new TextEncoder().encode(text) })).toBe(
      "Ångermanland\n\nStycke",
    );
  });
});
