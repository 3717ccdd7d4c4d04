import { basename } from "node:path";
import { extractDocument } from "./extract/extract-document";
import type { ImportOutcome } from "./import-v1";
import { ImportReadError } from "./read-error";
import { readDocument } from "./read-document.server";
import { loadPdfjs } from "./readers/pdf-reader.server";

/**
 * Loads what reading needs, and runs it once on a short text, before the worker takes its first
 * file: a cold start (most of a second) would otherwise count against that file's time limit.
 */
export async function prepareImport(): Promise<void> {
  await loadPdfjs();
  await runImport({ name: "start.txt", bytes: new TextEncoder().encode("Samverkan\n\n- Polisen lovar att") });
}

/**
 * Reads and extracts one file: what the import worker runs. Never throws: a file that cannot be
 * read, or whose content breaks the reader or the extractor, is a failure naming the file.
 */
export async function runImport(file: { name: string; bytes: Uint8Array }): Promise<ImportOutcome> {
  const source = basename(file.name);
  try {
    const text = await readDocument(file);
    return extractDocument(text, source);
  } catch (error) {
    if (error instanceof ImportReadError) {
      return { source, error: { code: error.code, message: error.message } };
    }
    // A hostile file can make any parser throw anything (and deep input overflow a stack):
    // the user gets the file's name and a plain reason, never a stack trace.
    return {
      source,
      error: { code: "UNREADABLE", message: `${source}: filens innehåll kunde inte tolkas.` },
    };
  }
}
