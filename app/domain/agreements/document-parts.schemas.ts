import { z } from "zod";

/**
 * The parts agreements and citizen promises share: periods whose dates may be known only to the
 * year, signatories, parties. Safe for the browser.
 */

export const TITLE_MAX = 300;
export const SHORT_TEXT_MAX = 300;
export const LONG_TEXT_MAX = 20_000;
export const LIST_MAX = 100;

const text = (max: number, label: string) =>
  z
    .string({ message: `Ange ${label}.` })
    .trim()
    .max(max, `${capitalise(label)} får vara högst ${max} tecken.`);

function capitalise(word: string) {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Free text of a section; empty is allowed (the quality check says what is missing). */
export const longText = (label: string) => text(LONG_TEXT_MAX, label).default("");
export const shortText = (label: string) => text(SHORT_TEXT_MAX, label).default("");
export const requiredShortText = (label: string) => text(SHORT_TEXT_MAX, label).min(1, `Ange ${label}.`);

/** "2023" or "2023-03-03": a date known to the year or to the day. */
export const DATE_PART = /^(\d{4})(-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]))?$/;

export const datePartSchema = z
  .string()
  .trim()
  .regex(DATE_PART, "Ange ett år (2023) eller ett datum (2023-03-03).")
  .refine((value) => value.length === 4 || isRealDate(value), "Datumet finns inte i kalendern.");

/** A day-precise date, "2023-03-03". */
export const daySchema = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Ange ett datum som 2023-03-03.")
  .refine(isRealDate, "Datumet finns inte i kalendern.");

function isRealDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** The first and last day a date part can mean: "2026" → 2026-01-01 / 2026-12-31. */
export function firstDay(part: string): string {
  return part.length === 4 ? `${part}-01-01` : part;
}
export function lastDay(part: string): string {
  return part.length === 4 ? `${part}-12-31` : part;
}

export const periodSchema = z
  .object({
    from: datePartSchema.nullable().default(null),
    to: datePartSchema.nullable().default(null),
    /** "Förlängs tills vidare": runs on after `to` until a successor is signed. */
    continuesUntilReplaced: z.boolean().default(false),
  })
  .refine((p) => !p.from || !p.to || lastDay(p.to) >= firstDay(p.from), {
    path: ["to"],
    message: "Slutet kan inte ligga före början.",
  });
export type Period = z.infer<typeof periodSchema>;

export const SIGNATORY_PARTIES = ["police", "municipality", "other"] as const;
export type SignatoryParty = (typeof SIGNATORY_PARTIES)[number];
export const SIGNATORY_PARTY_LABELS: Record<"sv" | "en", Record<SignatoryParty, string>> = {
  sv: { police: "Polisen", municipality: "Kommunen", other: "Annan part" },
  en: { police: "The police", municipality: "The municipality", other: "Another party" },
};

export const signatorySchema = z.object({
  name: requiredShortText("undertecknarens namn"),
  title: shortText("titel"),
  party: z.enum(SIGNATORY_PARTIES, { message: "Välj polisen, kommunen eller annan part." }),
  /** The organisation, e.g. "Ånge kommun", "LPO Medelpad", "Länsstyrelsen". */
  organisation: shortText("organisation"),
});
export type Signatory = z.infer<typeof signatorySchema>;

/** The events of a document's life, recorded once; its status is derived from them and dates. */
export const LIFECYCLE_STAGES = ["draft", "ready-for-signing", "signed", "published"] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

/** Status by date, never stored: see document-status.ts. */
export const DATE_STATUSES = [
  "draft",
  "upcoming",
  "active",
  "continued",
  "expired",
  "terminated",
  "replaced",
] as const;
export type DateStatus = (typeof DATE_STATUSES)[number];
export const DATE_STATUS_LABELS: Record<"sv" | "en", Record<DateStatus, string>> = {
  sv: {
    draft: "Utkast",
    upcoming: "Kommande",
    active: "Gäller",
    continued: "Förlängd",
    expired: "Har gått ut",
    terminated: "Uppsagd",
    replaced: "Ersatt",
  },
  en: {
    draft: "Draft",
    upcoming: "Upcoming",
    active: "Active",
    continued: "Continued",
    expired: "Expired",
    terminated: "Terminated",
    replaced: "Replaced",
  },
};
