import { basename } from "node:path";
import { MAX_IMPORT_FILE_BYTES, MAX_TEXT_CHARS, MAX_TEXT_LINES, formatCount, formatMiB } from "./limits";
import { ImportReadError } from "./read-error";
import { readDocx } from "./readers/docx-reader.server";
import { readPdf } from "./readers/pdf-reader.server";
import { readText } from "./readers/text-reader";

export type DocumentFormat = "docx" | "pdf" | "text";

/**
 * The format by the file's first bytes, never by its name: a PDF named .docx reads as a PDF.
 * Throws UNSUPPORTED_TYPE for a zip that is no Word document and for known formats we do not read.
 */
export function detectFormat(bytes: Uint8Array): DocumentFormat {
  // %PDF-, possibly after a byte order mark or white space, as some writers leave it.
  const start = bytes
    .subarray(0, 32)
    .findIndex((byte) => byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09);
  const skip = start >= 0 && start <= 16 ? start : 0;
  const lead = startsWith(bytes.subarray(skip), [0xef, 0xbb, 0xbf]) ? skip + 3 : skip;
  if (startsWith(bytes.subarray(lead), [0x25, 0x50, 0x44, 0x46, 0x2d])) return "pdf";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    return "docx"; // PK: a zip; the DOCX reader refuses one without word/document.xml.
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    throw new ImportReadError(
      "UNSUPPORTED_TYPE",
      "filen är i Words äldre format (.doc) eller lösenordsskyddad; spara den som DOCX eller PDF och försök igen.",
    );
  }
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) {
    throw new ImportReadError(
      "UNSUPPORTED_TYPE",
      "RTF-filer kan inte importeras; spara filen som DOCX eller PDF.",
    );
  }
  return "text";
}

/**
 * Reads a file's text as Markdown-flavoured plain text, the one interface the extractor reads
 * (docs/decisions/005-import-readers.md). Throws ImportReadError, its message naming the file:
 * EMPTY, TOO_LARGE, UNSUPPORTED_TYPE or UNREADABLE.
 */
export async function readDocument(file: { name: string; bytes: Uint8Array }): Promise<string> {
  const source = basename(file.name);
  try {
    if (file.bytes.length === 0) throw new ImportReadError("EMPTY", "filen är tom.");
    if (file.bytes.length > MAX_IMPORT_FILE_BYTES) {
      throw new ImportReadError("TOO_LARGE", `filen är större än ${formatMiB(MAX_IMPORT_FILE_BYTES)}.`);
    }
    const format = detectFormat(file.bytes);
    const raw =
      format === "pdf"
        ? await readPdf(file.bytes)
        : format === "docx"
          ? await readDocx(file.bytes)
          : await readText(file.bytes);
    const text = normalizeText(raw);
    if (text.length > MAX_TEXT_CHARS) {
      throw new ImportReadError(
        "TOO_LARGE",
        `filen innehåller mer än ${formatCount(MAX_TEXT_CHARS)} tecken text.`,
      );
    }
    if (countLines(text) > MAX_TEXT_LINES) {
      throw new ImportReadError(
        "TOO_LARGE",
        `filen innehåller fler än ${formatCount(MAX_TEXT_LINES)} rader text.`,
      );
    }
    if (!text) {
      throw new ImportReadError(
        "EMPTY",
        format === "pdf"
          ? "PDF-filen innehåller ingen text att läsa (den kan vara inskannade bilder; kör textigenkänning först)."
          : "filen innehåller ingen text.",
      );
    }
    return text;
  } catch (error) {
    if (error instanceof ImportReadError) throw error.forSource(source);
    throw error;
  }
}

/** One form for every reader's text: NFC (as typed on Windows), no trailing blanks, at most one empty line. */
function normalizeText(text: string): string {
  return text
    .normalize("NFC")
    .replace(/[ \t]+$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .replace(/^\n+|\s+$/g, "");
}

function countLines(text: string): number {
  let lines = 1;
  for (let index = text.indexOf("\n"); index !== -1; index = text.indexOf("\n", index + 1)) lines++;
  return lines;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}
