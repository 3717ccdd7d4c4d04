import type { ImportErrorCode } from "./import-v1";

/**
 * A file that cannot be imported, with the code of the import format and a Swedish reason.
 * Readers throw it without the file's name; `readDocument` adds the name to the message.
 */
export class ImportReadError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    /** Swedish, a full sentence in lower case after the name: "filen är tom." */
    readonly reason: string,
    readonly source: string | null = null,
  ) {
    super(source ? `${source}: ${reason}` : reason);
    this.name = "ImportReadError";
  }

  /** The same error, its message naming the file. */
  forSource(source: string): ImportReadError {
    return new ImportReadError(this.code, this.reason, source);
  }
}
