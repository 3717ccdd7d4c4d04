import {
  DATE_STATUS_LABELS,
  firstDay,
  lastDay,
  type DateStatus,
  type Period,
} from "./document-parts.schemas";

/**
 * Status by date of an agreement or a citizen promise, derived from its period and the events
 * recorded about it, never stored. Browser-safe: no clock is read here, the caller passes today.
 */

export type DocumentStatusInput = {
  period: Period;
  /** "YYYY-MM-DD" of the last required signature; null while not signed. */
  signedOn: string | null;
  /** "YYYY-MM-DD" the document was terminated (uppsagd); null when not. */
  terminatedOn: string | null;
  /** "YYYY-MM-DD" a successor was signed; null when there is none. */
  successorSignedOn: string | null;
};

/** Derives the status on `today` ("YYYY-MM-DD", the caller's clock in Europe/Stockholm). */
export function documentStatus(input: DocumentStatusInput, today: string): DateStatus {
  const { period, signedOn, terminatedOn, successorSignedOn } = input;
  // ISO dates compare correctly as strings, so no Date objects and no time-zone surprises.
  if (signedOn === null) return "draft";
  if (terminatedOn !== null && terminatedOn <= today) return "terminated";
  if (successorSignedOn !== null && successorSignedOn <= today) return "replaced";
  if (period.from !== null && today < firstDay(period.from)) return "upcoming";
  if (period.to === null || today <= lastDay(period.to)) return "active";
  return period.continuesUntilReplaced ? "continued" : "expired";
}

/** The status's label in the given language. */
export function agreementStatusLabel(status: DateStatus, locale: "sv" | "en"): string {
  return DATE_STATUS_LABELS[locale][status];
}
