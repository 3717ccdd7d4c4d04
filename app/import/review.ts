import { z } from "zod";
import { FOLLOW_UP_CADENCES, PROBLEM_SOURCES } from "~/domain/agreements/agreement.schemas";
import { SIGNATORY_PARTIES } from "~/domain/agreements/document-parts.schemas";
import { COMMITMENT_OWNERS } from "~/domain/citizen-promises/citizen-promise.schemas";
import { commitmentMeasureSchema } from "~/domain/citizen-promises/commitment-analysis.schemas";
import { themesSchema } from "~/domain/themes/themes.schemas";
import { personalDataSchema, type ImportResult } from "./import-v1";
import type { ImportedContent } from "./to-content";

/**
 * An imported document on its way into an editor for review: one part of `toContent`'s output,
 * what the reader was unsure of and the personal data it found. The upload's result page sends
 * it as a hidden JSON field; the editor route reads it back. The browser sends it, so it is
 * checked here — for its shape only: lengths and required fields are the editor's save's to
 * judge, with messages by each field. Safe for the browser.
 */

export const IMPORT_REVIEW_PARTS = ["agreement", "citizenPromise"] as const;
export type ImportReviewPart = (typeof IMPORT_REVIEW_PARTS)[number];

/** The hidden field of the result page's review buttons and of the review editor. */
export const IMPORT_REVIEW_FIELD = "importReview";

// Generous caps: the body of a form is at most 1 MiB anyway; these only bound the shape.
const text = z.string().max(200_000);
const short = z.string().max(10_000);
const list = <T extends z.ZodType>(item: T) => z.array(item).max(1_000);
const datePart = z.string().max(32).nullable();

const period = z.object({
  from: datePart,
  to: datePart,
  continuesUntilReplaced: z.boolean(),
});
const signatory = z.object({
  name: short,
  title: short,
  party: z.enum(SIGNATORY_PARTIES),
  organisation: short,
});

const agreementContent = z.object({
  title: short,
  caseNumber: short,
  period,
  background: text,
  purpose: text,
  problemSources: list(z.object({ kind: z.enum(PROBLEM_SOURCES), description: text })),
  goals: list(z.object({ text: short })),
  focusAreas: list(
    z.object({
      key: z.string().max(100),
      title: short,
      description: text,
      points: list(short),
      cause: z.object({
        text,
        offender: short,
        target: short,
        place: short,
        handler: short,
        guardian: short,
        manager: short,
      }),
      themes: themesSchema,
    }),
  ),
  documentation: text,
  followUp: z.object({
    cadence: z.enum(FOLLOW_UP_CADENCES).nullable(),
    responsible: short,
    reportsTo: short,
    standingAgendaItem: z.boolean(),
    description: text,
  }),
  communication: text,
  otherUndertakings: list(short),
  signatories: list(signatory),
});

const citizenPromiseContent = z.object({
  title: short,
  period,
  background: text,
  development: text,
  problemPicture: text,
  commitments: list(
    z.object({
      key: z.string().max(100),
      owner: z.enum(COMMITMENT_OWNERS),
      ownerName: short,
      text,
      focusAreaKeys: list(z.string().max(100)),
      measures: z.array(commitmentMeasureSchema).max(10),
      themes: themesSchema,
    }),
  ),
  followUp: text,
  signatories: list(signatory),
});

/** Where the content came from and what to say about it: carried along while it is reviewed. */
export const importReviewMetaSchema = z.object({
  part: z.enum(IMPORT_REVIEW_PARTS),
  /** The file's name. */
  source: z.string().trim().min(1).max(255),
  /** Contract paths the reader was unsure of ("period.to", "signatories"). */
  uncertain: list(z.string().max(200)),
  personalData: list(personalDataSchema),
});
export type ImportReviewMeta = z.infer<typeof importReviewMetaSchema>;

export const agreementReviewSchema = importReviewMetaSchema.extend({
  part: z.literal("agreement"),
  content: agreementContent,
});
export const citizenPromiseReviewSchema = importReviewMetaSchema.extend({
  part: z.literal("citizenPromise"),
  content: citizenPromiseContent,
});
export type AgreementReview = z.infer<typeof agreementReviewSchema>;
export type CitizenPromiseReview = z.infer<typeof citizenPromiseReviewSchema>;

/** Parses a hidden JSON field with a schema; anything else — not JSON, wrong shape — is null. */
export function parseReviewJson<S extends z.ZodType>(schema: S, json: unknown): z.output<S> | null {
  if (typeof json !== "string" || json.length === 0) return null;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** The review payloads of one imported document: one per part it holds (agreement, promise). */
export function reviewPayloads(
  result: ImportResult,
  content: ImportedContent,
): { part: ImportReviewPart; json: string }[] {
  const meta = { source: result.source, uncertain: result.uncertain, personalData: result.personalData };
  const payloads: { part: ImportReviewPart; json: string }[] = [];
  if (content.agreement) {
    payloads.push({
      part: "agreement",
      json: JSON.stringify({ part: "agreement", ...meta, content: content.agreement }),
    });
  }
  if (content.citizenPromise) {
    payloads.push({
      part: "citizenPromise",
      json: JSON.stringify({ part: "citizenPromise", ...meta, content: content.citizenPromise }),
    });
  }
  return payloads;
}

/** How many items the editor's lists hold now, so a list-wide doubt marks each item. */
export interface ListCounts {
  focusAreas?: number;
  signatories?: number;
  commitments?: number;
}

/**
 * The editor's form fields to mark for the reader's doubts, by contract path: "period.to" marks
 * `periodTo`, "signatories" every signatory's name, "signatories[1].party" that one's party.
 * Paths the editor has no field for (municipalities, the police area, the signing date…) come
 * back in `elsewhere`, for the notice above the form to name.
 */
export function uncertainFieldNames(
  part: ImportReviewPart,
  paths: readonly string[],
  counts: ListCounts,
): { names: Set<string>; elsewhere: string[] } {
  const names = new Set<string>();
  const elsewhere: string[] = [];
  const each = (list: "focusAreas" | "signatories" | "commitments", index: string | undefined) => {
    const n = Number(index);
    if (index !== undefined && Number.isInteger(n)) return n < (counts[list] ?? 0) ? [n] : [];
    return Array.from({ length: counts[list] ?? 0 }, (_, i) => i);
  };
  for (const path of paths) {
    const [head, second, third] = path.replace(/\[(\d+)\]/g, ".$1").split(".");
    const isIndex = second !== undefined && /^\d+$/.test(second);
    const index = isIndex ? second : undefined;
    const sub = isIndex ? third : second;
    let marked = false;
    const mark = (name: string) => {
      names.add(name);
      marked = true;
    };
    switch (head ?? "") {
      case "title":
        mark("title");
        break;
      case "period": {
        const periodField = {
          from: "periodFrom",
          to: "periodTo",
          continuesUntilReplaced: "continuesUntilReplaced",
        } as Record<string, string>;
        const fields = second && periodField[second] ? [periodField[second]] : Object.values(periodField);
        for (const f of fields) mark(f);
        break;
      }
      case "signatories": {
        const field = sub === "title" || sub === "party" ? sub : "name";
        for (const i of each("signatories", index)) mark(`signatories[${i}].${field}`);
        break;
      }
      case "diarienummer":
        if (part === "agreement") mark("caseNumber");
        break;
      case "goals":
        if (part === "agreement") mark("goals");
        break;
      case "focusAreas":
        if (part === "agreement") {
          const field = sub === "points" ? "points" : sub === "cause" ? "causeText" : "title";
          for (const i of each("focusAreas", index)) mark(`focusAreas[${i}].${field}`);
        } else {
          // A promise's focus areas are written into its problem picture.
          mark("problemPicture");
        }
        break;
      case "followUp":
        if (part === "agreement") {
          if (sub !== "responsible") mark("followUpCadence");
          if (sub !== "cadence") mark("followUpResponsible");
        }
        break;
      case "commitments":
        if (part === "citizenPromise") {
          const field = sub === "party" ? "owner" : "text";
          for (const i of each("commitments", index)) mark(`commitments[${i}].${field}`);
        }
        break;
      default:
        break;
    }
    if (!marked && head && !elsewhere.includes(head)) elsewhere.push(head);
  }
  return { names, elsewhere };
}
