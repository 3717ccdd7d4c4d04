import { stat, readFile } from "node:fs/promises";
import { basename } from "node:path";
import type { ImportFailure, ImportOutcome } from "./import-v1";
import { getImportPool } from "./import-pool.server";
import { MAX_IMPORT_FILE_BYTES, formatMiB } from "./limits";

export { MAX_IMPORT_FILE_BYTES } from "./limits";
export { closeImportPool, startImportPool } from "./import-pool.server";

/** One file to import: its name as the user gave it and its content. */
export interface ImportSource {
  name: string;
  bytes: Uint8Array;
}

/**
 * Reads one file and extracts its content, in the import worker pool (memory and time limits).
 * Never rejects for the file's sake: a file that cannot be read gives a failure naming it
 * (EMPTY, TOO_LARGE, UNSUPPORTED_TYPE, UNREADABLE, TIMEOUT).
 */
export async function importFile(file: ImportSource): Promise<ImportOutcome> {
  const source = basename(file.name);
  if (file.bytes.length === 0) return failure(source, "EMPTY", "filen är tom.");
  if (file.bytes.length > MAX_IMPORT_FILE_BYTES) return tooLarge(source);
  return getImportPool().run(file);
}

/**
 * Imports a file by its path: its size is checked before it is read, so a huge file is refused
 * without being loaded. NOT_FOUND where there is no such file.
 */
export async function importPath(path: string): Promise<ImportOutcome> {
  const source = basename(path);
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile())
      return failure(source, "NOT_FOUND", "det finns ingen fil med det namnet (det är en mapp).");
    size = info.size;
  } catch (error) {
    return fileError(source, error);
  }
  if (size > MAX_IMPORT_FILE_BYTES) return tooLarge(source);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    return fileError(source, error);
  }
  return importFile({ name: path, bytes });
}

function fileError(source: string, error: unknown): ImportFailure {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT" || code === "ENOTDIR") return failure(source, "NOT_FOUND", "filen finns inte.");
  if (code === "EACCES" || code === "EPERM") {
    return failure(source, "UNREADABLE", "filen kan inte öppnas (behörighet saknas).");
  }
  return failure(source, "UNREADABLE", "filen kan inte öppnas.");
}

function tooLarge(source: string): ImportFailure {
  return failure(
    source,
    "TOO_LARGE",
    `filen är större än ${formatMiB(MAX_IMPORT_FILE_BYTES)} och läses inte.`,
  );
}

function failure(source: string, code: ImportFailure["error"]["code"], reason: string): ImportFailure {
  return { source, error: { code, message: `${source}: ${reason}` } };
}
