import { z } from "zod";

/**
 * A safety survey's definition (trygghetsundersökning): its questions, the partnership's areas
 * (delområden) and named places, and the languages it is asked in. Every wave of a survey asks
 * the same definition, so waves compare; it is frozen once a wave has answers. Safe for the
 * browser.
 */

export const MAX_QUESTIONS = 60;
export const MAX_OPTIONS = 20;
export const MAX_AREAS = 200;
export const MAX_PLACES = 300;
export const MAX_TEXT_LENGTH = 500;
/** A free-text answer is cut at this length; a longer post is refused, nothing stored. */
export const MAX_FREE_TEXT_ANSWER = 2_000;
export const MAX_PLACE_ANSWERS = 5;

/**
 * The partnership's minimum group size for published results is kept within these: below 5 a
 * group could be one household; above 100 a small municipality would publish nothing.
 */
export const MIN_MINIMUM_GROUP = 5;
export const MAX_MINIMUM_GROUP = 100;

/** Languages a survey may be asked in: Swedish always, English by default, others by the survey. */
export const SURVEY_LANGUAGES = ["sv", "en", "fi", "ar", "so", "ti", "fa", "uk", "de", "es"] as const;
export type SurveyLanguage = (typeof SURVEY_LANGUAGES)[number];
export const SURVEY_LANGUAGE_NAMES: Record<SurveyLanguage, string> = {
  sv: "Svenska",
  en: "English",
  fi: "Suomi",
  ar: "العربية",
  so: "Soomaali",
  ti: "ትግርኛ",
  fa: "فارسی",
  uk: "Українська",
  de: "Deutsch",
  es: "Español",
};

export const QUESTION_KINDS = ["single", "multiple", "scale", "matrix", "text", "place"] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** The background questions every survey asks, stored beside the answers for the breakdowns. */
export const GENDERS = ["woman", "man", "other"] as const;
export type Gender = (typeof GENDERS)[number];
export const AGE_BANDS = ["16-24", "25-44", "45-64", "65+"] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** The breakdowns of results: one dimension at a time. */
export type Dimension = "area" | "gender" | "age";
export const DIMENSIONS: Dimension[] = ["area", "gender", "age"];
/** The cell of respondents who did not say (area, gender or age). */
export const NOT_STATED = "-";

/** Why a place feels unsafe, and when: the choices of a place answer. */
export const PLACE_REASONS = ["lighting", "people", "traffic", "vegetation", "other"] as const;
export type PlaceReason = (typeof PLACE_REASONS)[number];
export const PLACE_TIMES = ["morning", "day", "evening", "night"] as const;
export const PLACE_DAYS = ["weekday", "weekend"] as const;

const text = (max = MAX_TEXT_LENGTH) =>
  z
    .string({ error: "Skriv en text." })
    .trim()
    .min(1, { error: "Skriv en text." })
    .max(max, { error: `Högst ${max} tecken.` });

/** A text in the survey's languages: Swedish required, the others optional (Swedish is shown). */
export const localizedTextSchema = z.object({ sv: text() }).catchall(
  z
    .string()
    .trim()
    .max(MAX_TEXT_LENGTH, { error: `Högst ${MAX_TEXT_LENGTH} tecken.` }),
);
export type LocalizedText = z.infer<typeof localizedTextSchema>;

const keySchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, { error: "En nyckel är små bokstäver a–z, siffror, - och _." });

export const questionSchema = z
  .object({
    key: keySchema,
    kind: z.enum(QUESTION_KINDS, { error: "Välj en frågetyp." }),
    text: localizedTextSchema,
    /** The standard item of the question bank it comes from, if any. */
    bank: z.string().max(64).optional(),
    /** For single, multiple, scale and matrix: the answer options, in order. */
    options: z
      .array(localizedTextSchema)
      .max(MAX_OPTIONS, { error: `Högst ${MAX_OPTIONS} svarsalternativ.` }),
    /** For matrix: the items each answered on the options (e.g. the neighbourhood problems). */
    items: z
      .array(z.object({ key: keySchema, text: localizedTextSchema }))
      .max(MAX_OPTIONS, { error: `Högst ${MAX_OPTIONS} delfrågor.` }),
    /**
     * Options counted as the indicator's share (e.g. "Ganska otrygg" and "Mycket otrygg" for
     * feeling unsafe): indexes into options.
     */
    indicator: z.array(z.number().int().min(0)).max(MAX_OPTIONS),
    /** Options left out of the share's base ("Vet ej"): indexes into options. */
    excluded: z.array(z.number().int().min(0)).max(MAX_OPTIONS),
    /** The police's 0–6 problem index is computed for this matrix (options on the problemniva scale). */
    problemIndex: z.boolean(),
  })
  .superRefine((question, ctx) => {
    const needsOptions = ["single", "multiple", "scale", "matrix"].includes(question.kind);
    if (needsOptions && question.options.length < 2)
      ctx.addIssue({ code: "custom", path: ["options"], message: "Ange minst två svarsalternativ." });
    if (question.kind === "matrix" && question.items.length === 0)
      ctx.addIssue({ code: "custom", path: ["items"], message: "Ange minst en delfråga." });
    for (const [field, indexes] of [
      ["indicator", question.indicator],
      ["excluded", question.excluded],
    ] as const) {
      if (indexes.some((index) => index >= question.options.length))
        ctx.addIssue({ code: "custom", path: [field], message: "Svarsalternativet finns inte." });
    }
    const itemKeys = new Set(question.items.map((item) => item.key));
    if (itemKeys.size !== question.items.length)
      ctx.addIssue({ code: "custom", path: ["items"], message: "Två delfrågor har samma nyckel." });
  });
export type Question = z.infer<typeof questionSchema>;

export const namedEntrySchema = z.object({
  key: keySchema,
  name: text(200),
  /** A named place's point (WGS 84), if the builder gave one: the survey's map starts there. */
  lat: z.number().min(-90).max(90).optional(),
  lng: z.number().min(-180).max(180).optional(),
});
export type NamedEntry = z.infer<typeof namedEntrySchema>;

export const surveyDefinitionSchema = z
  .object({
    languages: z
      .array(z.enum(SURVEY_LANGUAGES))
      .min(1)
      .max(SURVEY_LANGUAGES.length)
      .refine((languages) => languages[0] === "sv", { error: "Svenska är enkätens första språk." }),
    questions: z
      .array(questionSchema)
      .min(1, { error: "Välj minst en fråga." })
      .max(MAX_QUESTIONS, { error: `Högst ${MAX_QUESTIONS} frågor.` }),
    /** The partnership's areas (delområden) the respondent says they live in. */
    areas: z
      .array(namedEntrySchema)
      .min(1, { error: "Ange minst ett område." })
      .max(MAX_AREAS, { error: `Högst ${MAX_AREAS} områden.` }),
    /** Named places a respondent may pick as unsafe (a park, a square, a underpass). */
    places: z.array(namedEntrySchema).max(MAX_PLACES, { error: `Högst ${MAX_PLACES} platser.` }),
  })
  .superRefine((definition, ctx) => {
    const unique = (keys: string[], path: string, message: string) => {
      if (new Set(keys).size !== keys.length) ctx.addIssue({ code: "custom", path: [path], message });
    };
    unique(
      definition.questions.map((q) => q.key),
      "questions",
      "Två frågor har samma nyckel.",
    );
    unique(
      definition.areas.map((a) => a.key),
      "areas",
      "Två områden har samma nyckel.",
    );
    unique(
      definition.areas.map((a) => a.name.toLocaleLowerCase("sv")),
      "areas",
      "Två områden har samma namn.",
    );
    unique(
      definition.places.map((p) => p.key),
      "places",
      "Två platser har samma nyckel.",
    );
  });
export type SurveyDefinition = z.infer<typeof surveyDefinitionSchema>;

/**
 * One position in a response's `choices` array. Single, scale: the option index. Multiple: one
 * slot per option, 1 if ticked, 0 if not. Matrix: one slot per item, the option index.
 */
export interface AnswerSlot {
  slot: number;
  questionKey: string;
  /** The matrix item, or the option of a multiple-choice question. */
  itemKey?: string;
  option?: number;
}

/** The slots of a definition, in order: text and place questions have none. */
export function answerSlots(definition: Pick<SurveyDefinition, "questions">): AnswerSlot[] {
  const slots: AnswerSlot[] = [];
  for (const question of definition.questions) {
    if (question.kind === "single" || question.kind === "scale")
      slots.push({ slot: slots.length, questionKey: question.key });
    else if (question.kind === "multiple")
      question.options.forEach((_, option) =>
        slots.push({ slot: slots.length, questionKey: question.key, option, itemKey: String(option) }),
      );
    else if (question.kind === "matrix")
      for (const item of question.items)
        slots.push({ slot: slots.length, questionKey: question.key, itemKey: item.key });
  }
  return slots;
}

/** A text in a language, falling back to Swedish. */
export function localized(textIn: LocalizedText, language: string): string {
  const value = (textIn as Record<string, string | undefined>)[language];
  return value && value.trim() ? value : textIn.sv;
}

/** A place answer: a named place or a description, with why and when; a point if clicked on a map. */
export interface PlaceAnswer {
  questionKey: string;
  placeKey: string | null;
  description: string | null;
  lat: number | null;
  lng: number | null;
  reasons: PlaceReason[];
  times: (typeof PLACE_TIMES)[number][];
  days: (typeof PLACE_DAYS)[number][];
}
