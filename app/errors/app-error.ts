/**
 * The closed set of expected failures. Domain code throws AppError; the route layer turns it
 * into an HTTP answer with one table (httpStatus), never the domain.
 */
export const ERROR_CODES = {
  /** Input failed validation; `fields` holds a Swedish message per field. */
  VALIDATION: 422,
  /** No or an expired session / API token. */
  UNAUTHENTICATED: 401,
  /** Signed in, may see the record, but not do this to it. */
  FORBIDDEN: 403,
  /** Mutation without a valid CSRF token. */
  CSRF: 403,
  /** The record does not exist, or belongs to a partnership the actor may not see. */
  NOT_FOUND: 404,
  /**
   * The write conflicts with the current state (duplicate, already done, a step out of order), or
   * was based on a stale revision: then `details.current` holds the revision saved meanwhile.
   */
  CONFLICT: 409,
  /** An invitation link that has expired or has been used. */
  INVITATION_INVALID: 410,
  /** A survey wave that is not open for answers (before its first or after its last day). */
  SURVEY_CLOSED: 410,
  /** A sampled survey's code that is wrong or has already been used. */
  SURVEY_CODE_INVALID: 403,
  /** Request body over the limit. */
  PAYLOAD_TOO_LARGE: 413,
  /** Too many attempts in a short time (logins). */
  RATE_LIMITED: 429,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields: Record<string, string[]> = {},
    /** Structured facts for the caller to show, e.g. the other person's revision on CONFLICT. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "AppError";
  }

  get httpStatus(): number {
    return ERROR_CODES[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

export const notFound = (what = "Sidan") => new AppError("NOT_FOUND", `${what} finns inte.`);
