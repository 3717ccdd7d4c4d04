/**
 * Hard limits of the document importer: what a hostile or broken file may cost at most.
 * Named here so the web upload, the CLI and the readers share one number each.
 */

/** The largest file accepted for import (checked before a file is read in full). */
export const MAX_IMPORT_FILE_BYTES = 20 * 1024 * 1024;

/** The most XML a DOCX may unpack to, all parts read together (a zip bomb stops here). */
export const MAX_DOCX_XML_BYTES = 64 * 1024 * 1024;

/** The most entries a DOCX's zip directory may list (a real one has a few dozen). */
export const MAX_ZIP_ENTRIES = 5_000;

/** The most pages read from a PDF. */
export const MAX_PDF_PAGES = 500;

/** The most text a reader may produce: an agreement is a few thousand lines. */
export const MAX_TEXT_CHARS = 5_000_000;
export const MAX_TEXT_LINES = 200_000;

/** Reading and extracting one file in the import worker may take this long before it is stopped. */
export const IMPORT_TIMEOUT_MS = 5_000;

/** Memory of one import worker (V8 heap), so one file cannot exhaust the server's. */
export const IMPORT_WORKER_HEAP_MB = 768;

/** "20 MiB", for messages. */
export function formatMiB(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MiB`;
}

/** "200 000", for messages. */
export function formatCount(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, " ");
}
