import { z } from "zod";
import {
  LIST_MAX,
  longText,
  periodSchema,
  requiredShortText,
  shortText,
  signatorySchema,
  TITLE_MAX,
} from "./document-parts.schemas";
import { themesSchema } from "~/domain/themes/themes.schemas";

/**
 * A samverkansöverenskommelse's content: what one revision holds. Safe for the browser; the
 * same schema checks the editor's form, the API body and the JSON column read back.
 */

export const PROBLEM_SOURCES = [
  "citizen-dialogue",
  "safety-survey",
  "police-statistics",
  "staff-dialogue",
  "municipal-data",
  "other",
] as const;
export type ProblemSource = (typeof PROBLEM_SOURCES)[number];
export const PROBLEM_SOURCE_LABELS: Record<"sv" | "en", Record<ProblemSource, string>> = {
  sv: {
    "citizen-dialogue": "Medborgardialog",
    "safety-survey": "Trygghetsundersökning",
    "police-statistics": "Polisens statistik",
    "staff-dialogue": "Medarbetardialog",
    "municipal-data": "Kommunens underlag",
    other: "Annat",
  },
  en: {
    "citizen-dialogue": "Citizen dialogue",
    "safety-survey": "Safety survey",
    "police-statistics": "Police statistics",
    "staff-dialogue": "Staff dialogue",
    "municipal-data": "Municipal data",
    other: "Other",
  },
};

export const FOLLOW_UP_CADENCES = ["yearly", "half-yearly", "quarterly", "monthly"] as const;
export type FollowUpCadence = (typeof FOLLOW_UP_CADENCES)[number];
export const FOLLOW_UP_CADENCE_LABELS: Record<"sv" | "en", Record<FollowUpCadence, string>> = {
  sv: {
    yearly: "En gång per år",
    "half-yearly": "Två gånger per år",
    quarterly: "Varje kvartal",
    monthly: "Varje månad",
  },
  en: {
    yearly: "Once a year",
    "half-yearly": "Twice a year",
    quarterly: "Every quarter",
    monthly: "Every month",
  },
};

/** A key that stays with a focus area across revisions, so commitments can link to it. */
export const keySchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9-]{1,64}$/, "Ogiltig nyckel.");

export const problemSourceSchema = z.object({
  kind: z.enum(PROBLEM_SOURCES, { message: "Välj en av källorna." }),
  description: longText("beskrivningen"),
});

/** The crime triangle: offender, target and place, and who can influence each. */
export const causeAnalysisSchema = z.object({
  text: longText("orsaksanalysen"),
  offender: shortText("gärningsperson"),
  target: shortText("mål eller offer"),
  place: shortText("plats"),
  handler: shortText("den som kan påverka gärningspersonen"),
  guardian: shortText("den som kan skydda målet"),
  manager: shortText("den som ansvarar för platsen"),
});
export type CauseAnalysis = z.infer<typeof causeAnalysisSchema>;

export const emptyCause: CauseAnalysis = {
  text: "",
  offender: "",
  target: "",
  place: "",
  handler: "",
  guardian: "",
  manager: "",
};

export const focusAreaSchema = z.object({
  key: keySchema,
  title: requiredShortText("fokusområdets rubrik"),
  description: longText("beskrivningen"),
  points: z.array(requiredShortText("punkten")).max(LIST_MAX).default([]),
  cause: causeAnalysisSchema.default(emptyCause),
  /** What it is about, from the controlled list; empty in revisions saved before themes. */
  themes: themesSchema,
});
export type FocusArea = z.infer<typeof focusAreaSchema>;

export const goalSchema = z.object({
  text: requiredShortText("målet"),
});

export const followUpSchema = z.object({
  cadence: z.enum(FOLLOW_UP_CADENCES, { message: "Välj hur ofta." }).nullable().default(null),
  /** The body responsible, e.g. "Trygghetsrådet". */
  responsible: shortText("vem som ansvarar"),
  /** Who the follow-up is reported to, e.g. "kommunstyrelsen och polisens ledning". */
  reportsTo: shortText("vem som får rapporten"),
  standingAgendaItem: z.boolean().default(false),
  description: longText("beskrivningen"),
});

export const agreementContentSchema = z.object({
  title: z
    .string({ message: "Ange en rubrik." })
    .trim()
    .min(1, "Ange en rubrik.")
    .max(TITLE_MAX, `Rubriken får vara högst ${TITLE_MAX} tecken.`),
  caseNumber: shortText("diarienumret"),
  period: periodSchema.default({ from: null, to: null, continuesUntilReplaced: false }),
  background: longText("bakgrunden"),
  purpose: longText("syftet"),
  problemSources: z.array(problemSourceSchema).max(LIST_MAX).default([]),
  goals: z.array(goalSchema).max(LIST_MAX).default([]),
  focusAreas: z.array(focusAreaSchema).max(LIST_MAX).default([]),
  /** How the work is documented. */
  documentation: longText("dokumentationen"),
  followUp: followUpSchema.default({
    cadence: null,
    responsible: "",
    reportsTo: "",
    standingAgendaItem: false,
    description: "",
  }),
  communication: longText("kommunikationsplanen"),
  /** E.g. "Polisen finns med i kommunens Lokala BRÅ". */
  otherUndertakings: z.array(requiredShortText("åtagandet")).max(LIST_MAX).default([]),
  signatories: z.array(signatorySchema).max(20).default([]),
});
export type AgreementContent = z.infer<typeof agreementContentSchema>;
