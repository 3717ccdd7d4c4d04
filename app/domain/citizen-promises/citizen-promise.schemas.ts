import { z } from "zod";
import { keySchema } from "~/domain/agreements/agreement.schemas";
import {
  LIST_MAX,
  LONG_TEXT_MAX,
  longText,
  periodSchema,
  shortText,
  signatorySchema,
  TITLE_MAX,
} from "~/domain/agreements/document-parts.schemas";
import { themesSchema } from "~/domain/themes/themes.schemas";
import { commitmentMeasureSchema } from "./commitment-analysis.schemas";

/** A medborgarlöfte's content: what one revision holds. Safe for the browser. */

export const COMMITMENT_OWNERS = ["police", "municipality", "joint", "other"] as const;
export type CommitmentOwner = (typeof COMMITMENT_OWNERS)[number];
export const COMMITMENT_OWNER_HEADINGS: Record<"sv" | "en", Record<CommitmentOwner, string>> = {
  sv: {
    police: "Polisen lovar att",
    municipality: "Kommunen lovar att",
    joint: "Tillsammans lovar vi att",
    other: "{name} lovar att",
  },
  en: {
    police: "The police promise to",
    municipality: "The municipality promises to",
    joint: "Together we promise to",
    other: "{name} promises to",
  },
};

export const commitmentSchema = z
  .object({
    key: keySchema,
    owner: z.enum(COMMITMENT_OWNERS, { message: "Välj vem som lovar." }),
    /** The named other actor when `owner` is "other", e.g. "Mitthem". */
    ownerName: shortText("aktörens namn"),
    text: z
      .string({ message: "Skriv vad som lovas." })
      .trim()
      .min(1, "Skriv vad som lovas.")
      .max(LONG_TEXT_MAX, `Löftet får vara högst ${LONG_TEXT_MAX} tecken.`),
    /** Keys of the agreement's focus areas this commitment serves. */
    focusAreaKeys: z.array(keySchema).max(LIST_MAX).default([]),
    /** The accepted reading of its schedule, target or deadline; empty when none. */
    measures: z.array(commitmentMeasureSchema).max(10).default([]),
    /** What it is about, from the controlled list; empty in revisions saved before themes. */
    themes: themesSchema,
  })
  .refine((c) => c.owner !== "other" || c.ownerName.length > 0, {
    path: ["ownerName"],
    message: "Ange vilken aktör som lovar.",
  });
export type Commitment = z.infer<typeof commitmentSchema>;

export const citizenPromiseContentSchema = z.object({
  title: z
    .string({ message: "Ange en rubrik." })
    .trim()
    .min(1, "Ange en rubrik.")
    .max(TITLE_MAX, `Rubriken får vara högst ${TITLE_MAX} tecken.`),
  period: periodSchema.default({ from: null, to: null, continuesUntilReplaced: false }),
  background: longText("bakgrunden"),
  /** How it was developed: dialogues held, the survey's size… */
  development: longText("hur löftet togs fram"),
  problemPicture: longText("problembilden"),
  commitments: z.array(commitmentSchema).max(LIST_MAX).default([]),
  /** Closing text, e.g. how it is followed up ("Redovisning sker löpande"). */
  followUp: longText("uppföljningen"),
  signatories: z.array(signatorySchema).max(20).default([]),
});
export type CitizenPromiseContent = z.infer<typeof citizenPromiseContentSchema>;

export const COMMITMENT_STATUSES = [
  "planned",
  "in-progress",
  "done",
  "partly-done",
  "not-done",
  "cancelled",
] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];
export const COMMITMENT_STATUS_LABELS: Record<"sv" | "en", Record<CommitmentStatus, string>> = {
  sv: {
    planned: "Planerad",
    "in-progress": "Pågår",
    done: "Genomförd",
    "partly-done": "Delvis genomförd",
    "not-done": "Inte genomförd",
    cancelled: "Avbruten",
  },
  en: {
    planned: "Planned",
    "in-progress": "In progress",
    done: "Done",
    "partly-done": "Partly done",
    "not-done": "Not done",
    cancelled: "Cancelled",
  },
};
