import { basename } from "node:path";
import { extractDocument } from "./extract/extract-document";
import type { ImportOutcome } from "./import-v1";

/** One file to import: its name as the user gave it and its content. */
export interface ImportSource {
  name: string;
  bytes: Uint8Array;
}

/** Reads one file and extracts its content; a file that cannot be read gives a failure naming it. */
export async function importFile(file: ImportSource): Promise<ImportOutcome> {
  const source = basename(file.name);
  if (file.bytes.length === 0) {
    return { source, error: { code: "EMPTY", message: `${source}: filen är tom.` } };
  }
  const text = new TextDecoder("utf-8").decode(file.bytes);
  return extractDocument(text, source);
}
