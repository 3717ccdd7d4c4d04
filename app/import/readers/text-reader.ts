import { ImportReadError } from "../read-error";

const NOT_TEXT = "filen är inte text, Markdown, Word (DOCX) eller PDF och kan inte importeras.";

/**
 * Reads plain text or Markdown: UTF-8 (a byte order mark is dropped), UTF-16 with a byte order
 * mark, else Windows-1252 (older Windows files); line ends become "\n". Markdown passes as is.
 * Throws UNSUPPORTED_TYPE for binary content.
 */
export async function readText(bytes: Uint8Array): Promise<string> {
  const text = normalizeLineEnds(decodeText(bytes));
  if (looksBinary(text)) throw new ImportReadError("UNSUPPORTED_TYPE", NOT_TEXT);
  return text;
}

function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  // NUL bytes never occur in text in these encodings: a binary file, whatever else it holds.
  if (bytes.includes(0)) throw new ImportReadError("UNSUPPORTED_TYPE", NOT_TEXT);
  try {
    // `ignoreBOM: false` (the default) drops a UTF-8 byte order mark.
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

// Windows-1252's letters and signs in 0x80–0x9F (the rest is Latin-1); done by hand because
// Node's TextDecoder decodes "windows-1252" as Latin-1 without its full ICU data.
const CP1252_HIGH =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let start = 0; start < bytes.length; start += 8192) {
    let chunk = "";
    for (const byte of bytes.subarray(start, start + 8192)) {
      chunk += byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80]! : String.fromCharCode(byte);
    }
    parts.push(chunk);
  }
  return parts.join("");
}

function normalizeLineEnds(text: string): string {
  return text.replace(/\r\n?/g, "\n");
}

/** A text whose sample has NUL, or control characters in more than one of ten, is not text. */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 64 * 1024);
  if (!sample) return false;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code === 0) return true;
    const c0 = code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c;
    // C1 controls: what Windows-1252 leaves undefined, and never typed.
    if (c0 || (code >= 0x7f && code <= 0x9f)) control++;
  }
  return control / sample.length > 0.1;
}
