import { z } from "zod";
import { suggestFocusAreaThemes } from "~/domain/themes/suggest-themes";
import { agreementContentSchema, causeAnalysisSchema, type AgreementContent } from "./agreement.schemas";

/**
 * The agreement editor's form: the content schema with what a plain HTML form sends — lists of
 * short lines as one textarea, checkboxes as "on", empty fields as missing. Every field is read
 * leniently and the content schema judges the whole, so all messages come at once. `toContent` turns it
 * into content; `toFormValue` fills the form from content. Safe for the browser.
 */

const lines = z
  .string()
  .optional()
  .transform((text) =>
    (text ?? "")
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean),
  );
const optionalText = z
  .string()
  .optional()
  .transform((text) => text ?? "");
const checkbox = z
  .string()
  .optional()
  .transform((value) => value === "on");
/** A group of checkboxes sharing a name: none, one (a string) or several (an array). */
export const checkedValues = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]));

const agreementFormFields = z.object({
  baseRevision: z.coerce.number().int().min(1),
  amendmentReason: optionalText,
  title: optionalText,
  caseNumber: optionalText,
  periodFrom: optionalText,
  periodTo: optionalText,
  continuesUntilReplaced: checkbox,
  background: optionalText,
  purpose: optionalText,
  problemSources: z
    .array(
      z.object({
        kind: optionalText,
        description: optionalText,
      }),
    )
    .optional()
    .transform((list) => list ?? []),
  goals: lines,
  focusAreas: z
    .array(
      z.object({
        key: z.string().optional(),
        title: optionalText,
        description: optionalText,
        points: lines,
        causeText: optionalText,
        offender: optionalText,
        target: optionalText,
        place: optionalText,
        handler: optionalText,
        guardian: optionalText,
        manager: optionalText,
        themes: checkedValues,
        /** Sent along while the ticked themes are the suggestion, so the note stays until saved. */
        themesSuggested: checkbox,
      }),
    )
    .optional()
    .transform((list) => list ?? []),
  documentation: optionalText,
  followUpCadence: optionalText,
  followUpResponsible: optionalText,
  followUpReportsTo: optionalText,
  followUpStandingItem: checkbox,
  followUpDescription: optionalText,
  communication: optionalText,
  otherUndertakings: lines,
  signatories: z
    .array(
      z.object({
        name: optionalText,
        title: optionalText,
        party: optionalText,
        organisation: optionalText,
      }),
    )
    .optional()
    .transform((list) => list ?? []),
});
type AgreementFormFields = z.output<typeof agreementFormFields>;

export const agreementFormSchema = agreementFormFields.transform((form, context) => {
  const content = agreementContentSchema.safeParse(toContent(form));
  if (!content.success) {
    for (const issue of content.error.issues) context.addIssue({ ...issue, path: formPath(issue.path) });
    return z.NEVER;
  }
  return { baseRevision: form.baseRevision, amendmentReason: form.amendmentReason, content: content.data };
});
export type AgreementFormOutput = z.output<typeof agreementFormSchema>;

/** "Trygghet i centrum" → "trygghet-i-centrum", unique among `taken`. */
export function focusAreaKey(title: string, taken: Set<string>): string {
  const base =
    title
      .toLowerCase()
      .replace(/[åä]/g, "a")
      .replace(/ö/g, "o")
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 48) || "fokusomrade";
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}-${n}`;
  taken.add(key);
  return key;
}

function toContent(f: AgreementFormFields): unknown {
  // Keys already given stay; new focus areas get one from their title.
  const taken = new Set(f.focusAreas.map((a) => a.key).filter((k): k is string => !!k));
  return {
    title: f.title,
    caseNumber: f.caseNumber,
    period: {
      from: f.periodFrom || null,
      to: f.periodTo || null,
      continuesUntilReplaced: f.continuesUntilReplaced,
    },
    background: f.background,
    purpose: f.purpose,
    problemSources: f.problemSources,
    goals: f.goals.map((text) => ({ text })),
    focusAreas: f.focusAreas.map((a) => ({
      key: a.key || focusAreaKey(a.title, taken),
      title: a.title,
      description: a.description,
      points: a.points,
      cause: causeAnalysisSchema.parse({
        text: a.causeText,
        offender: a.offender,
        target: a.target,
        place: a.place,
        handler: a.handler,
        guardian: a.guardian,
        manager: a.manager,
      }),
      themes: [...new Set(a.themes)],
    })),
    documentation: f.documentation,
    followUp: {
      cadence: f.followUpCadence || null,
      responsible: f.followUpResponsible,
      reportsTo: f.followUpReportsTo,
      standingAgendaItem: f.followUpStandingItem,
      description: f.followUpDescription,
    },
    communication: f.communication,
    otherUndertakings: f.otherUndertakings,
    // A row left empty in the form is no signatory.
    signatories: f.signatories.filter((s) => s.name || s.title || s.organisation),
  };
}

/** Content paths → the form's field names, so each message lands by its field. */
function formPath(path: PropertyKey[]): PropertyKey[] {
  const [head, ...rest] = path;
  switch (String(head)) {
    case "period":
      return [rest[0] === "from" ? "periodFrom" : "periodTo"];
    case "followUp":
      return [`followUp${String(rest[0]).charAt(0).toUpperCase()}${String(rest[0]).slice(1)}`];
    case "goals":
      return ["goals"];
    case "otherUndertakings":
      return ["otherUndertakings"];
    case "focusAreas": {
      const [index, field, sub] = rest;
      if (field === "points") return ["focusAreas", index!, "points"];
      if (field === "cause") return ["focusAreas", index!, sub === "text" ? "causeText" : sub!];
      return ["focusAreas", index!, field!];
    }
    default:
      return path;
  }
}

/**
 * The form's initial value for an agreement's current content and revision. A focus area without
 * themes gets the suggestion from its text, ticked and marked as suggested; so does every focus
 * area when `themesSuggested` says the content's themes are themselves a suggestion (an import).
 */
export function toFormValue(
  content: AgreementContent,
  baseRevision: number,
  { themesSuggested = false }: { themesSuggested?: boolean } = {},
) {
  return {
    baseRevision: String(baseRevision),
    amendmentReason: "",
    title: content.title,
    caseNumber: content.caseNumber,
    periodFrom: content.period.from ?? "",
    periodTo: content.period.to ?? "",
    continuesUntilReplaced: content.period.continuesUntilReplaced ? "on" : undefined,
    background: content.background,
    purpose: content.purpose,
    problemSources: content.problemSources,
    goals: content.goals.map((g) => g.text).join("\n"),
    focusAreas: content.focusAreas.map((a) => ({
      key: a.key,
      title: a.title,
      description: a.description,
      points: a.points.join("\n"),
      causeText: a.cause.text,
      offender: a.cause.offender,
      target: a.cause.target,
      place: a.cause.place,
      handler: a.cause.handler,
      guardian: a.cause.guardian,
      manager: a.cause.manager,
      ...themesValue(a.themes, () => suggestFocusAreaThemes(a), themesSuggested),
    })),
    documentation: content.documentation,
    followUpCadence: content.followUp.cadence ?? "",
    followUpResponsible: content.followUp.responsible,
    followUpReportsTo: content.followUp.reportsTo,
    followUpStandingItem: content.followUp.standingAgendaItem ? "on" : undefined,
    followUpDescription: content.followUp.description,
    communication: content.communication,
    otherUndertakings: content.otherUndertakings.join("\n"),
    signatories: content.signatories,
  };
}

/** The themes to tick and whether they are a suggestion, for a focus area or a commitment. */
export function themesValue<T extends string>(
  themes: readonly T[],
  suggest: () => T[],
  suggested: boolean,
): { themes: T[]; themesSuggested: "on" | undefined } {
  const shown = themes.length ? [...themes] : suggest();
  return { themes: shown, themesSuggested: shown.length && (suggested || !themes.length) ? "on" : undefined };
}

/** Starting an agreement: its title and period; the rest is written in the editor. */
export const newAgreementFormSchema = z
  .object({
    title: optionalText,
    periodFrom: optionalText,
    periodTo: optionalText,
    continuesUntilReplaced: checkbox,
  })
  .transform((form, context) => {
    const content = agreementContentSchema.safeParse({
      title: form.title,
      period: {
        from: form.periodFrom || null,
        to: form.periodTo || null,
        continuesUntilReplaced: form.continuesUntilReplaced,
      },
    });
    if (!content.success) {
      for (const issue of content.error.issues) context.addIssue({ ...issue, path: formPath(issue.path) });
      return z.NEVER;
    }
    return content.data;
  });
