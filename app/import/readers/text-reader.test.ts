import { describe, expect, it } from "vitest";
import { ImportReadError } from "../read-error";
import { readText } from "./text-reader";

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((part) => (typeof part === "string" ? [...Buffer.from(part, "utf8")] : part)));

describe("readText", () => {
  it("decodes UTF-8, drops its byte order mark and makes every line end \\n", async () => {
    expect(await readText(bytes([0xef, 0xbb, 0xbf], "# Rubrik\r\n\r\nÅnge kommun\rslut"))).toBe(
      "# Rubrik\n\nÅnge kommun\nslut",
    );
  });

  it("falls back to Windows-1252 for bytes that are not UTF-8", async () => {
    // "Trygghetsråd – Ånge" as Windows-1252: å = E5, – = 96, Å = C5.
    expect(await readText(bytes("Trygghetsr", [0xe5], "d ", [0x96], " ", [0xc5], "nge"))).toBe(
      "Trygghetsråd – Ånge",
    );
  });

  it("reads UTF-16 with a byte order mark", async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Medborgarlöfte", "utf16le")]);
    expect(await readText(new Uint8Array(utf16))).toBe("Medborgarlöfte");
  });

  it("refuses binary content as UNSUPPORTED_TYPE", async () => {
    for (const content of [bytes("text", [0], "mer"), bytes([1, 2, 3, 4, 5, 6, 7, 8, 65, 66])]) {
      const error = await readText(content).catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(ImportReadError);
      expect((error as ImportReadError).code).toBe("UNSUPPORTED_TYPE");
    }
  });
});
