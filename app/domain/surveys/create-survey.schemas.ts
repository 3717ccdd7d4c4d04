import { z } from "zod";
import { BANK_ITEMS, questionFromBank } from "./question-bank";
import {
  MAX_AREAS,
  MAX_OPTIONS,
  MAX_PLACES,
  MAX_QUESTIONS,
  MAX_TEXT_LENGTH,
  surveyDefinitionSchema,
  type NamedEntry,
  type Question,
  type SurveyDefinition,
} from "./survey.schemas";

/** The builder's form: bank items ticked, own questions, areas and places one per line. Browser-safe. */

export const OWN_QUESTION_KINDS = ["single", "multiple", "scale", "text", "place"] as const;
export const MAX_OWN_QUESTIONS = 10;

const lines = (value: unknown) =>
  typeof value === "string"
    ? value
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean)
    : value;

const ownQuestionSchema = z
  .object({
    kind: z.enum(OWN_QUESTION_KINDS, { error: "Välj en frågetyp." }),
    text: z
      .string()
      .trim()
      .max(MAX_TEXT_LENGTH, { error: `Högst ${MAX_TEXT_LENGTH} tecken.` })
      .optional(),
    textEn: z
      .string()
      .trim()
      .max(MAX_TEXT_LENGTH, { error: `Högst ${MAX_TEXT_LENGTH} tecken.` })
      .optional(),
    options: z.preprocess(
      lines,
      z
        .array(z.string().max(200, { error: "Högst 200 tecken per svarsalternativ." }))
        .max(MAX_OPTIONS, { error: `Högst ${MAX_OPTIONS} svarsalternativ.` })
        .default([]),
    ),
  })
  .superRefine((question, ctx) => {
    if (!question.text) return;
    const needsOptions = question.kind !== "text" && question.kind !== "place";
    if (needsOptions && question.options.length < 2)
      ctx.addIssue({
        code: "custom",
        path: ["options"],
        message: "Ange minst två svarsalternativ, ett per rad.",
      });
  });

export interface PlaceLine {
  name: string;
  lat?: number;
  lng?: number;
}

const COORDINATES = /^(-?\d{1,3}(?:\.\d+)?)\s*,\s*(-?\d{1,3}(?:\.\d+)?)$/;
const COORDINATES_EXAMPLE = "t.ex. Resecentrum | 62.3908, 17.3069";

/**
 * One line of the builder's places: a name, or a name and its point after a bar —
 * `Resecentrum | 62.3908, 17.3069` (latitude, longitude, decimal point).
 */
export function parsePlaceLine(line: string): PlaceLine | { error: string } {
  const bar = line.lastIndexOf("|");
  const name = (bar === -1 ? line : line.slice(0, bar)).trim();
  if (!name) return { error: `Skriv platsens namn före koordinaterna, ${COORDINATES_EXAMPLE}.` };
  if (name.length > 200) return { error: "Högst 200 tecken per plats." };
  if (bar === -1) return { name };
  const match = COORDINATES.exec(line.slice(bar + 1).trim());
  if (!match)
    return {
      error: `Koordinaterna ska vara latitud och longitud med decimalpunkt, ${COORDINATES_EXAMPLE}.`,
    };
  const lat = Number(match[1]);
  const lng = Number(match[2]);
  if (Math.abs(lat) > 90) return { error: "Latituden ska vara mellan −90 och 90." };
  if (Math.abs(lng) > 180) return { error: "Longituden ska vara mellan −180 och 180." };
  return { name, lat, lng };
}

export const createSurveySchema = z.object({
  title: z
    .string({ error: "Skriv enkätens namn." })
    .trim()
    .min(1, { error: "Skriv enkätens namn." })
    .max(200, { error: "Högst 200 tecken." }),
  bankItems: z.preprocess(
    (value): unknown[] => (value === undefined ? [] : Array.isArray(value) ? (value as unknown[]) : [value]),
    z.array(z.enum(BANK_ITEMS.map((item) => item.id) as [string, ...string[]], { error: "Okänd fråga." })),
  ),
  ownQuestions: z.array(ownQuestionSchema).max(MAX_OWN_QUESTIONS).default([]),
  areas: z.preprocess(
    lines,
    z
      .array(z.string().max(200, { error: "Högst 200 tecken per område." }))
      .min(1, { error: "Ange minst ett område, ett per rad." })
      .max(MAX_AREAS, { error: `Högst ${MAX_AREAS} områden.` }),
  ),
  places: z.preprocess(
    lines,
    z
      // A line as typed, or one already read (createSurvey parses the route's parsed value again).
      .array(
        z.union([
          z.string(),
          z.object({ name: z.string(), lat: z.number().optional(), lng: z.number().optional() }),
        ]),
      )
      .max(MAX_PLACES, { error: `Högst ${MAX_PLACES} platser.` })
      .default([])
      .transform((placeLines, ctx) =>
        placeLines.map((line, i) => {
          if (typeof line !== "string") return line;
          const place = parsePlaceLine(line);
          if ("error" in place) {
            ctx.addIssue({ code: "custom", message: `Rad ${i + 1}: ${place.error}` });
            return { name: line };
          }
          return place;
        }),
      ),
  ),
  english: z.preprocess((value) => value === "on" || value === true, z.boolean()),
});
export type CreateSurveyInput = z.input<typeof createSurveySchema>;

/** A key from a name: letters a–z and digits, unique among those taken. */
export function keyFromName(name: string, taken: Set<string>): string {
  const base =
    name
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 40) || "x";
  let key = /^[a-z0-9]/.test(base) ? base : `x${base}`;
  for (let n = 2; taken.has(key); n++) key = `${base}-${n}`;
  taken.add(key);
  return key;
}

const named = (entries: PlaceLine[]): NamedEntry[] => {
  const taken = new Set<string>();
  return entries.map((entry) => ({ ...entry, key: keyFromName(entry.name, taken) }));
};

/** The definition a valid builder form describes; the caller validates it with surveyDefinitionSchema. */
export function definitionFromForm(input: z.output<typeof createSurveySchema>): SurveyDefinition {
  const questions: Question[] = input.bankItems.map((id) =>
    questionFromBank(BANK_ITEMS.find((i) => i.id === id)!),
  );
  const taken = new Set(questions.map((q) => q.key));
  for (const own of input.ownQuestions) {
    if (!own.text) continue;
    questions.push({
      key: keyFromName(`egen-${own.text.slice(0, 30)}`, taken),
      kind: own.kind,
      text: own.textEn ? { sv: own.text, en: own.textEn } : { sv: own.text },
      options: own.kind === "text" || own.kind === "place" ? [] : own.options.map((sv) => ({ sv })),
      items: [],
      indicator: [],
      excluded: [],
      problemIndex: false,
    });
  }
  return {
    languages: input.english ? ["sv", "en"] : ["sv"],
    questions: questions.slice(0, MAX_QUESTIONS + 1),
    areas: named(input.areas.map((name) => ({ name }))),
    places: named(input.places),
  };
}

export { surveyDefinitionSchema };
