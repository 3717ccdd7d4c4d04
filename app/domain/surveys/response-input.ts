import { z } from "zod";
import {
  AGE_BANDS,
  answerSlots,
  GENDERS,
  MAX_FREE_TEXT_ANSWER,
  MAX_PLACE_ANSWERS,
  PLACE_DAYS,
  PLACE_REASONS,
  PLACE_TIMES,
  type AgeBand,
  type Gender,
  type PlaceAnswer,
  type SurveyDefinition,
} from "./survey.schemas";

/**
 * A respondent's answers as sent — by the web form or as JSON to the API — checked against the
 * wave's definition. Nothing unknown passes: a question id the survey does not have, an option out
 * of range, a text over the limit are refused by field, and nothing is stored. Browser-safe.
 */

export const SUBMISSION_KEY = /^[A-Za-z0-9_-]{16,100}$/;

export const responseInputSchema = z.object({
  submissionKey: z.string().regex(SUBMISSION_KEY, { error: "Svarets nyckel saknas eller är felaktig." }),
  code: z.string().max(50).optional(),
  language: z.string().max(10).default("sv"),
  area: z.string().max(100).nullish(),
  gender: z.string().max(20).nullish(),
  ageBand: z.string().max(20).nullish(),
  answers: z.record(
    z.string().max(100),
    z.union([z.number(), z.array(z.number()).max(50), z.string(), z.record(z.string().max(100), z.number())]),
  ),
  places: z
    .array(
      z.object({
        questionKey: z.string().max(100),
        placeKey: z.string().max(100).nullish(),
        description: z.string().nullish(),
        lat: z.number().nullish(),
        lng: z.number().nullish(),
        reasons: z.array(z.string().max(20)).max(10).default([]),
        times: z.array(z.string().max(20)).max(10).default([]),
        days: z.array(z.string().max(20)).max(10).default([]),
      }),
    )
    .max(50)
    .default([]),
});
export type ResponseInput = z.input<typeof responseInputSchema>;

export interface ValidResponse {
  submissionKey: string;
  code: string | null;
  language: string;
  areaKey: string | null;
  gender: Gender | null;
  ageBand: AgeBand | null;
  choices: (number | null)[];
  texts: Record<string, string>;
  places: PlaceAnswer[];
}

export type ResponseCheck =
  { ok: true; response: ValidResponse } | { ok: false; fields: Record<string, string[]> };

/** Form field names: the web form posts these, and errors are keyed by them so they link to the field. */
export const fieldName = {
  question: (key: string) => `q-${key}`,
  item: (key: string, item: string) => `q-${key}-${item}`,
  place: (
    key: string,
    n: number,
    part: "place" | "description" | "reason" | "time" | "day" | "lat" | "lng",
  ) => `p-${key}-${n}-${part}`,
};

/** How many place entries the form offers per place question. */
export const PLACE_ENTRIES = 2;

/** Checks answers against the definition; every problem is named by its form field. */
export function checkResponse(definition: SurveyDefinition, input: unknown): ResponseCheck {
  const parsed = responseInputSchema.safeParse(input);
  const fields: Record<string, string[]> = {};
  const add = (field: string, message: string) => (fields[field] ??= []).push(message);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [top, key] = issue.path;
      const field =
        top === "answers" && typeof key === "string" ? fieldName.question(key) : String(top ?? "");
      add(field, top === "submissionKey" ? issue.message : "Svaret har fel form.");
    }
    return { ok: false, fields };
  }
  const value = parsed.data;
  const questions = new Map(definition.questions.map((q) => [q.key, q]));

  const language = (definition.languages as string[]).includes(value.language) ? value.language : "sv";
  let areaKey: string | null = null;
  if (value.area) {
    if (definition.areas.some((a) => a.key === value.area)) areaKey = value.area;
    else add("area", "Välj ett område i listan.");
  }
  let gender: Gender | null = null;
  if (value.gender) {
    if ((GENDERS as readonly string[]).includes(value.gender)) gender = value.gender as Gender;
    else add("gender", "Välj ett av alternativen.");
  }
  let ageBand: AgeBand | null = null;
  if (value.ageBand) {
    if ((AGE_BANDS as readonly string[]).includes(value.ageBand)) ageBand = value.ageBand as AgeBand;
    else add("age", "Välj en åldersgrupp i listan.");
  }

  for (const key of Object.keys(value.answers)) {
    if (!questions.has(key)) add(fieldName.question(key), "Frågan finns inte i enkäten.");
  }

  const slots = answerSlots(definition);
  const choices: (number | null)[] = slots.map(() => null);
  const texts: Record<string, string> = {};
  const inRange = (n: number, max: number) => Number.isInteger(n) && n >= 0 && n < max;
  for (const question of definition.questions) {
    const answer = value.answers[question.key];
    if (answer === undefined) continue;
    const field = fieldName.question(question.key);
    const wrong = () => add(field, "Välj ett av svarsalternativen.");
    switch (question.kind) {
      case "single":
      case "scale": {
        if (typeof answer !== "number" || !inRange(answer, question.options.length)) wrong();
        else choices[slots.findIndex((s) => s.questionKey === question.key)] = answer;
        break;
      }
      case "multiple": {
        const picked = Array.isArray(answer) ? answer : typeof answer === "number" ? [answer] : null;
        if (!picked || picked.some((n) => !inRange(n, question.options.length))) {
          wrong();
          break;
        }
        for (const slot of slots)
          if (slot.questionKey === question.key) choices[slot.slot] = picked.includes(slot.option!) ? 1 : 0;
        break;
      }
      case "matrix": {
        if (typeof answer !== "object" || Array.isArray(answer)) {
          wrong();
          break;
        }
        for (const [itemKey, option] of Object.entries(answer)) {
          const slot = slots.find((s) => s.questionKey === question.key && s.itemKey === itemKey);
          if (!slot) add(fieldName.item(question.key, itemKey), "Delfrågan finns inte i enkäten.");
          else if (!inRange(option, question.options.length))
            add(fieldName.item(question.key, itemKey), "Välj ett av svarsalternativen.");
          else choices[slot.slot] = option;
        }
        break;
      }
      case "text": {
        if (typeof answer !== "string") wrong();
        else if (answer.length > MAX_FREE_TEXT_ANSWER)
          add(field, `Svaret får vara högst ${MAX_FREE_TEXT_ANSWER} tecken (nu ${answer.length}).`);
        else if (answer.trim()) texts[question.key] = answer.trim();
        break;
      }
      case "place":
        add(field, "Platser skickas som platser, inte som svar.");
        break;
    }
  }

  const places: PlaceAnswer[] = [];
  const count = new Map<string, number>();
  for (const place of value.places) {
    const question = questions.get(place.questionKey);
    const n = (count.get(place.questionKey) ?? 0) + 1;
    count.set(place.questionKey, n);
    const field = (part: "place" | "description" | "reason") => fieldName.place(place.questionKey, n, part);
    if (!question || question.kind !== "place") {
      add(fieldName.question(place.questionKey), "Frågan finns inte i enkäten.");
      continue;
    }
    if (n > MAX_PLACE_ANSWERS) {
      add(fieldName.question(place.questionKey), `Högst ${MAX_PLACE_ANSWERS} platser.`);
      continue;
    }
    const placeKey = place.placeKey || null;
    const description = place.description?.trim() || null;
    if (placeKey && !definition.places.some((p) => p.key === placeKey))
      add(field("place"), "Välj en plats i listan.");
    if (description && description.length > MAX_FREE_TEXT_ANSWER)
      add(field("description"), `Högst ${MAX_FREE_TEXT_ANSWER} tecken.`);
    const pick = <T extends string>(list: string[], allowed: readonly T[]) =>
      list.every((v) => (allowed as readonly string[]).includes(v)) ? (list as T[]) : null;
    const reasons = pick(place.reasons, PLACE_REASONS);
    const times = pick(place.times, PLACE_TIMES);
    const days = pick(place.days, PLACE_DAYS);
    if (!reasons || !times || !days) add(field("reason"), "Välj bland alternativen.");
    const lat = place.lat ?? null;
    const lng = place.lng ?? null;
    const validPoint =
      lat === null && lng === null
        ? true
        : lat !== null && lng !== null && Math.abs(lat) <= 90 && Math.abs(lng) <= 180;
    if (!validPoint) add(field("place"), "Punkten på kartan är felaktig.");
    const empty = !placeKey && !description && lat === null;
    if (empty) {
      if (place.reasons.length || place.times.length || place.days.length)
        add(field("place"), "Välj en plats i listan eller beskriv var den är.");
      continue;
    }
    places.push({
      questionKey: place.questionKey,
      placeKey,
      description,
      lat,
      lng,
      reasons: reasons ?? [],
      times: times ?? [],
      days: days ?? [],
    });
  }

  if (Object.keys(fields).length) return { ok: false, fields };
  const answeredAnything =
    choices.some((c) => c !== null) ||
    Object.keys(texts).length > 0 ||
    places.length > 0 ||
    areaKey ||
    gender ||
    ageBand;
  if (!answeredAnything) return { ok: false, fields: { "": ["Svara på minst en fråga innan du skickar."] } };
  return {
    ok: true,
    response: {
      submissionKey: value.submissionKey,
      code: value.code?.trim() || null,
      language,
      areaKey,
      gender,
      ageBand,
      choices,
      texts,
      places,
    },
  };
}

/** The web form's fields (each possibly repeated) as the input checkResponse takes. */
export function responseInputFromForm(
  definition: SurveyDefinition,
  form: Record<string, string[]>,
): ResponseInput & Record<string, unknown> {
  const one = (name: string) => form[name]?.[0]?.trim() || undefined;
  const many = (name: string) => (form[name] ?? []).filter(Boolean);
  const number = (raw: string) => (/^\d{1,3}$/.test(raw) ? Number(raw) : Number.NaN);
  const answers: Record<string, number | number[] | string | Record<string, number>> = {};
  const places: NonNullable<ResponseInput["places"]> = [];
  for (const question of definition.questions) {
    const name = fieldName.question(question.key);
    if (question.kind === "single" || question.kind === "scale") {
      const raw = one(name);
      if (raw !== undefined) answers[question.key] = number(raw);
    } else if (question.kind === "multiple") {
      const raw = many(name);
      if (raw.length) answers[question.key] = raw.map(number);
    } else if (question.kind === "matrix") {
      const items: Record<string, number> = {};
      for (const item of question.items) {
        const raw = one(fieldName.item(question.key, item.key));
        if (raw !== undefined) items[item.key] = number(raw);
      }
      if (Object.keys(items).length) answers[question.key] = items;
    } else if (question.kind === "text") {
      const raw = form[name]?.[0];
      if (raw?.trim()) answers[question.key] = raw;
    } else {
      for (let n = 1; n <= PLACE_ENTRIES; n++) {
        const f = (part: Parameters<typeof fieldName.place>[2]) => fieldName.place(question.key, n, part);
        const coordinate = (raw: string | undefined) => (raw === undefined ? null : Number(raw));
        places.push({
          questionKey: question.key,
          placeKey: one(f("place")) ?? null,
          description: form[f("description")]?.[0] ?? null,
          lat: coordinate(one(f("lat"))),
          lng: coordinate(one(f("lng"))),
          reasons: many(f("reason")),
          times: many(f("time")),
          days: many(f("day")),
        });
      }
    }
  }
  // Fields the form does not have are posted questions the survey does not have. A matrix item's
  // field (q-problem_omradet-klotter) has the same shape as a question's, so the form's own names
  // are passed over first.
  const known = new Set(
    definition.questions.flatMap((q) => [
      fieldName.question(q.key),
      ...q.items.map((item) => fieldName.item(q.key, item.key)),
    ]),
  );
  for (const name of Object.keys(form)) {
    if (known.has(name)) continue;
    const match = /^q-([a-z0-9][a-z0-9_-]*)$/.exec(name);
    if (match && !definition.questions.some((q) => q.key === match[1]) && !(match[1]! in answers))
      answers[match[1]!] = one(name) ?? "";
  }
  return {
    submissionKey: one("submissionKey") ?? "",
    code: one("code"),
    language: one("language") ?? "sv",
    area: one("area") ?? null,
    gender: one("gender") ?? null,
    ageBand: one("age") ?? null,
    answers,
    places,
  };
}
