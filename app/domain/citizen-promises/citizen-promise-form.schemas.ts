import { z } from "zod";
import { checkedValues, focusAreaKey, themesValue } from "~/domain/agreements/agreement-form.schemas";
import { suggestCommitmentThemes } from "~/domain/themes/suggest-themes";
import { citizenPromiseContentSchema, type CitizenPromiseContent } from "./citizen-promise.schemas";
import { commitmentMeasureSchema, type CommitmentMeasure } from "./commitment-analysis.schemas";

/**
 * The citizen promise editor's form: the content schema with what a plain HTML form sends —
 * checkboxes as one value or several, each accepted measure as JSON in its checkbox's value,
 * empty fields as missing. Every field is read leniently and the content schema judges the whole,
 * so all messages come at once. `toContent` turns it into content; `toFormValue` fills the form
 * from content. Safe for the browser.
 */

const optionalText = z
  .string()
  .optional()
  .transform((text) => text ?? "");
const checkbox = z
  .string()
  .optional()
  .transform((value) => value === "on");

/** A measure as its checkbox sends it; a value that is no measure is dropped, not trusted. */
export function parseMeasure(json: string): CommitmentMeasure | null {
  try {
    const measure = commitmentMeasureSchema.safeParse(JSON.parse(json));
    return measure.success ? measure.data : null;
  } catch {
    return null;
  }
}

/** The value of a measure's checkbox: the same measure always gives the same text. */
export function measureValue(measure: CommitmentMeasure): string {
  return JSON.stringify(commitmentMeasureSchema.parse(measure));
}

const citizenPromiseFormFields = z.object({
  baseRevision: z.coerce.number().int().min(1),
  amendmentReason: optionalText,
  title: optionalText,
  periodFrom: optionalText,
  periodTo: optionalText,
  continuesUntilReplaced: checkbox,
  background: optionalText,
  development: optionalText,
  problemPicture: optionalText,
  commitments: z
    .array(
      z.object({
        key: z.string().optional(),
        owner: optionalText,
        ownerName: optionalText,
        text: optionalText,
        focusAreaKeys: checkedValues,
        measures: checkedValues,
        themes: checkedValues,
        /** Sent along while the ticked themes are the suggestion, so the note stays until saved. */
        themesSuggested: checkbox,
      }),
    )
    .optional()
    .transform((list) => list ?? []),
  followUp: optionalText,
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
type CitizenPromiseFormFields = z.output<typeof citizenPromiseFormFields>;

export const citizenPromiseFormSchema = citizenPromiseFormFields.transform((form, context) => {
  const content = citizenPromiseContentSchema.safeParse(toContent(form));
  if (!content.success) {
    for (const issue of content.error.issues) context.addIssue({ ...issue, path: formPath(issue.path) });
    return z.NEVER;
  }
  return { baseRevision: form.baseRevision, amendmentReason: form.amendmentReason, content: content.data };
});
export type CitizenPromiseFormOutput = z.output<typeof citizenPromiseFormSchema>;

function toContent(f: CitizenPromiseFormFields): unknown {
  // Keys already given stay; new commitments get one from their text.
  const taken = new Set(f.commitments.map((c) => c.key).filter((k): k is string => !!k));
  return {
    title: f.title,
    period: {
      from: f.periodFrom || null,
      to: f.periodTo || null,
      continuesUntilReplaced: f.continuesUntilReplaced,
    },
    background: f.background,
    development: f.development,
    problemPicture: f.problemPicture,
    commitments: f.commitments.map((c) => ({
      key: c.key || focusAreaKey(c.text.split(/\s+/).slice(0, 6).join(" ") || "lofte", taken),
      owner: c.owner || undefined,
      ownerName: c.ownerName,
      text: c.text,
      focusAreaKeys: [...new Set(c.focusAreaKeys)],
      measures: c.measures.map(parseMeasure).filter((m): m is CommitmentMeasure => m !== null),
      themes: [...new Set(c.themes)],
    })),
    followUp: f.followUp,
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
    case "commitments": {
      const [index, field] = rest;
      if (index === undefined) return ["commitments"];
      return ["commitments", index, field === undefined ? "text" : field];
    }
    default:
      return path;
  }
}

/**
 * The form's initial value for a citizen promise's current content and revision. A commitment
 * without themes gets the suggestion from its text, ticked and marked as suggested; so does every
 * commitment when `themesSuggested` says the content's themes are themselves a suggestion.
 */
export function toFormValue(
  content: CitizenPromiseContent,
  baseRevision: number,
  { themesSuggested = false }: { themesSuggested?: boolean } = {},
) {
  return {
    baseRevision: String(baseRevision),
    amendmentReason: "",
    title: content.title,
    periodFrom: content.period.from ?? "",
    periodTo: content.period.to ?? "",
    continuesUntilReplaced: content.period.continuesUntilReplaced ? "on" : undefined,
    background: content.background,
    development: content.development,
    problemPicture: content.problemPicture,
    commitments: content.commitments.map((c) => ({
      key: c.key,
      owner: c.owner,
      ownerName: c.ownerName,
      text: c.text,
      focusAreaKeys: c.focusAreaKeys,
      measures: c.measures.map(measureValue),
      ...themesValue(c.themes, () => suggestCommitmentThemes(c), themesSuggested),
    })),
    followUp: content.followUp,
    signatories: content.signatories,
  };
}

/** Starting a citizen promise: its title, period and the agreement it belongs to, if any. */
export const newCitizenPromiseFormSchema = z
  .object({
    title: optionalText,
    periodFrom: optionalText,
    periodTo: optionalText,
    continuesUntilReplaced: checkbox,
    agreementId: optionalText,
  })
  .transform((form, context) => {
    const content = citizenPromiseContentSchema.safeParse({
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
    const agreementId = form.agreementId || null;
    if (agreementId && !z.guid().safeParse(agreementId).success) {
      context.addIssue({
        code: "custom",
        path: ["agreementId"],
        message: "Välj en överenskommelse i listan.",
      });
      return z.NEVER;
    }
    return { content: content.data, agreementId };
  });
