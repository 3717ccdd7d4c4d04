import { MAX_IMPORT_FILE_BYTES } from "./limits";

/**
 * The web upload's limits and address. Safe for the browser (the upload page states the limits);
 * the HTTP server reads them too, to refuse an oversized upload before React Router runs.
 */

/** The most files one upload may carry. */
export const MAX_UPLOAD_FILES = 10;

/** The largest file accepted: the importer's own limit (20 MiB). */
export const MAX_UPLOAD_FILE_BYTES = MAX_IMPORT_FILE_BYTES;

/** Room for the multipart framing around the files: boundaries, part headers, the CSRF field. */
export const UPLOAD_OVERHEAD_BYTES = 256 * 1024;

/** A Content-Length above this is refused at once, before any of the body is read. */
export const MAX_UPLOAD_BODY_BYTES = MAX_UPLOAD_FILES * MAX_UPLOAD_FILE_BYTES + UPLOAD_OVERHEAD_BYTES;

/** The upload form's file field. */
export const UPLOAD_FIELD = "files";

/** What the file picker offers; the importer decides by content, not by this list. */
export const UPLOAD_ACCEPT = ".txt,.md,.docx,.pdf";

const UPLOAD_PATH = /^\/samverkan\/[0-9A-Za-z-]+\/importera\/?$/;

/** Whether a path is the upload's (`/samverkan/:id/importera`), which reads its own body. */
export function isImportUploadPath(pathname: string): boolean {
  return UPLOAD_PATH.test(pathname);
}

/** Whether a request is a file upload to the upload's path: a POST of multipart form data. */
export function isImportUpload(method: string, pathname: string, contentType: string | null): boolean {
  return (
    method === "POST" &&
    isImportUploadPath(pathname) &&
    /^multipart\/form-data\b/i.test(contentType?.trim() ?? "")
  );
}
