import { documentStatus } from "~/domain/agreements/document-status";
import { firstDay, type DateStatus, type Period } from "~/domain/agreements/document-parts.schemas";
import { THEMES, type Theme } from "~/domain/themes/themes";

/**
 * What the public read model shares between the municipality page and the overview: the status a
 * published document shows residents, and which one is the current. Pure; browser-safe.
 */

/** The lifecycle columns and period a public status is derived from. */
export interface PublicStatusInput {
  period: Period;
  signedOn: string | null;
  terminatedOn: string | null;
  /** The signing date of its earliest PUBLISHED successor: an unpublished one is not public. */
  successorSignedOn: string | null;
}

export function publicStatus(input: PublicStatusInput, today: string): DateStatus {
  return documentStatus(input, today);
}

/** Statuses that make a document the current one, before any that has ended. */
const RANK: Record<DateStatus, number> = {
  active: 0,
  continued: 0,
  upcoming: 1,
  expired: 2,
  terminated: 2,
  replaced: 3,
  draft: 4,
};

/**
 * Current first: in force (active or continued), then upcoming, then the ended ones; within a
 * rank the latest period (then the latest signature) first.
 */
export function compareForCurrent(
  a: { status: DateStatus; period: Period; signedOn: string | null },
  b: { status: DateStatus; period: Period; signedOn: string | null },
): number {
  const rank = RANK[a.status] - RANK[b.status];
  if (rank !== 0) return rank;
  const from = (b.period.from ? firstDay(b.period.from) : "").localeCompare(
    a.period.from ? firstDay(a.period.from) : "",
  );
  if (from !== 0) return from;
  return (b.signedOn ?? "").localeCompare(a.signedOn ?? "");
}

/** Whether a document with this status is still the one in force or about to be. */
export function isCurrentStatus(status: DateStatus): boolean {
  return RANK[status] <= 1;
}

/** The themes a focus area (or commitment) is tagged with; anything not on the list is dropped. */
export function themesOf(value: unknown): Theme[] {
  if (!value || typeof value !== "object" || !("themes" in value)) return [];
  const themes = value.themes;
  if (!Array.isArray(themes)) return [];
  return themes.filter((t): t is Theme => (THEMES as readonly string[]).includes(t as string));
}

/** The earliest signing date among published successors, by predecessor id. */
export function successorDates(
  rows: readonly { predecessorId: string | null; signedOn: string | null }[],
): Map<string, string> {
  const byPredecessor = new Map<string, string>();
  for (const row of rows) {
    if (!row.predecessorId || !row.signedOn) continue;
    const known = byPredecessor.get(row.predecessorId);
    if (!known || row.signedOn < known) byPredecessor.set(row.predecessorId, row.signedOn);
  }
  return byPredecessor;
}
