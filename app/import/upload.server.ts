import {
  MaxFileSizeExceededError,
  MaxHeaderSizeExceededError,
  MaxPartsExceededError,
  MaxTotalSizeExceededError,
  MultipartParseError,
  parseMultipartRequest,
} from "@remix-run/multipart-parser";
import { safeEqual } from "~/auth/crypto.server";
import type { ImportOutcome } from "./import-v1";
import { importFile } from "./importer.server";
import { MAX_UPLOAD_FILE_BYTES, MAX_UPLOAD_FILES, UPLOAD_FIELD } from "./upload-limits";

/** Why an upload was refused as a whole; the route turns each into a status and a message. */
export type UploadRefusalReason =
  /** The first part was not the form's valid `csrf` field. */
  | "csrf"
  /** A file passed MAX_UPLOAD_FILE_BYTES (or the body the total of all files). */
  | "file-too-large"
  /** More than MAX_UPLOAD_FILES files. */
  | "too-many-files"
  /** No file was chosen. */
  | "no-files"
  /** Not multipart form data, or broken framing. */
  | "malformed";

export class UploadRefusedError extends Error {
  constructor(readonly reason: UploadRefusalReason) {
    super(`Uppladdningen avvisades: ${reason}`);
    this.name = "UploadRefusedError";
  }
}

/** Two text fields at most besides the files (the CSRF token, a spare), so a flood of parts stops early. */
const MAX_TEXT_PARTS = 2;
const MAX_PART_HEADER_BYTES = 8 * 1024;

/**
 * Reads an upload's files from the request body as it streams in and imports each as it
 * arrives. The CSRF token must come first, before any file is accepted (the form puts it
 * first). Each part is held in memory only up to MAX_UPLOAD_FILE_BYTES: a file that passes it,
 * or a file past MAX_UPLOAD_FILES, stops the reading at once and the rest of the body is never
 * read. Nothing is written anywhere. Throws UploadRefusedError.
 */
export async function importUploadedFiles(request: Request, csrfToken: string): Promise<ImportOutcome[]> {
  const imports: Promise<ImportOutcome>[] = [];
  let csrfChecked = false;
  try {
    const parts = parseMultipartRequest(request, {
      maxFileSize: MAX_UPLOAD_FILE_BYTES,
      maxTotalSize: MAX_UPLOAD_FILES * MAX_UPLOAD_FILE_BYTES + MAX_TEXT_PARTS * MAX_PART_HEADER_BYTES,
      maxParts: MAX_UPLOAD_FILES + MAX_TEXT_PARTS + 1,
      maxHeaderSize: MAX_PART_HEADER_BYTES,
    });
    for await (const part of parts) {
      if (!csrfChecked) {
        if (part.name !== "csrf" || part.isFile || !safeEqual(part.text, csrfToken)) {
          throw new UploadRefusedError("csrf");
        }
        csrfChecked = true;
        continue;
      }
      if (part.name !== UPLOAD_FIELD || !part.isFile) continue;
      // A file input left empty still sends one part, without a name or content.
      if (!part.filename && part.size === 0) continue;
      if (imports.length >= MAX_UPLOAD_FILES) throw new UploadRefusedError("too-many-files");
      imports.push(importFile({ name: part.filename || "namnlös fil", bytes: part.bytes }));
    }
  } catch (error) {
    // Imports already started finish on their own; nobody waits for them.
    void Promise.allSettled(imports);
    throw refusalFor(error, csrfChecked, request);
  }
  if (!csrfChecked) throw new UploadRefusedError("csrf");
  if (imports.length === 0) throw new UploadRefusedError("no-files");
  return Promise.all(imports);
}

function refusalFor(error: unknown, csrfChecked: boolean, request: Request): unknown {
  if (error instanceof UploadRefusedError) return error;
  // Whatever came before a valid token is refused as a forged form, whatever its size.
  if (!csrfChecked && (error instanceof MultipartParseError || request.signal.aborted)) {
    return new UploadRefusedError("csrf");
  }
  if (error instanceof MaxFileSizeExceededError || error instanceof MaxTotalSizeExceededError) {
    return new UploadRefusedError("file-too-large");
  }
  if (error instanceof MaxPartsExceededError) return new UploadRefusedError("too-many-files");
  if (error instanceof MaxHeaderSizeExceededError || error instanceof MultipartParseError) {
    return new UploadRefusedError("malformed");
  }
  // The client went away mid-upload: nobody will read the answer.
  if (request.signal.aborted) return new UploadRefusedError("malformed");
  return error;
}
