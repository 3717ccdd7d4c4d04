import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ReactNode } from "react";
import { Form } from "react-router";
import { TextAreaField } from "./choice-fields";
import { CsrfInput } from "./csrf-input";
import { PeriodFields } from "./document-fields";
import { AddButton, EditorSection, ListButtons, useEditorWords } from "./editor-parts";
import { FieldNotes } from "./field-notes";
import { ErrorSummary, SelectField, SubmitButton, TextField, type FieldLike } from "./form";
import { ThemeChoices } from "./theme-fields";
import { SIGNATORY_PARTIES, SIGNATORY_PARTY_LABELS } from "~/domain/agreements/document-parts.schemas";
import {
  citizenPromiseFormSchema,
  measureValue,
  parseMeasure,
  type toFormValue,
} from "~/domain/citizen-promises/citizen-promise-form.schemas";
import { COMMITMENT_OWNERS } from "~/domain/citizen-promises/citizen-promise.schemas";
import { analyseCommitment } from "~/domain/citizen-promises/commitment-analysis";
import { presentCommitmentMeasure } from "~/domain/citizen-promises/commitment-measure.presenter";
import { uncertainFieldNames } from "~/import/review";
import { defineMessages } from "~/i18n/messages";
import { useLocale, useT } from "~/i18n/use-t";

const messages = defineMessages({
  sv: {
    amendment:
      "Medborgarlöftet är undertecknat. En ändring blir en revidering och behöver ett skäl som visas i versionshistoriken.",
    amendmentReason: "Skäl till revideringen",
    basics: "Rubrik och period",
    docTitle: "Rubrik",
    background: "Bakgrund",
    development: "Så togs löftet fram",
    developmentHint: "Medborgardialoger, trygghetsundersökningar och annat underlag.",
    problemPicture: "Problembild",
    commitments: "Löftena",
    commitmentsHint:
      "Vem som lovar vad. Ett mätbart löfte säger hur ofta, hur många eller till när, t.ex. ”1 gång per månad” eller ”10 nya samverkansgrupper”.",
    commitment: "Löfte {n}",
    owner: "Vem lovar",
    chooseOwner: "Välj vem som lovar",
    ownerName: "Aktörens namn",
    ownerNameHint: "Behövs när en annan aktör lovar, t.ex. ”Mitthem”.",
    text: "Löftet",
    focusAreas: "Hör till fokusområdena",
    suggestions: "Förslag ur texten",
    suggestionsHint:
      "Det Tryggsam läser ut ur löftets text. Kryssa i det som stämmer; det sparas med löftet.",
    noSuggestions: "Inga tider eller mål hittades i texten.",
    use: "Använd",
    analyse: "Läs förslag ur texten",
    addCommitment: "Lägg till ett löfte",
    followUp: "Uppföljning",
    signatories: "Undertecknare",
    signatoriesHint:
      "Vilka som ska skriva under, med titel. Underskrifterna registreras på medborgarlöftets sida.",
    signatory: "Undertecknare {n}",
    name: "Namn",
    titleLabel: "Titel",
    party: "Part",
    chooseParty: "Välj part",
    organisation: "Organisation",
    addSignatory: "Lägg till en undertecknare",
  },
  en: {
    amendment:
      "The citizen promise is signed. A change becomes an amendment and needs a reason, shown in the version history.",
    amendmentReason: "Reason for the amendment",
    basics: "Title and period",
    docTitle: "Title",
    background: "Background",
    development: "How the promise was developed",
    developmentHint: "Citizen dialogues, safety surveys and other material.",
    problemPicture: "Problem picture",
    commitments: "The commitments",
    commitmentsHint:
      "Who promises what. A measurable commitment says how often, how many or by when, e.g. “1 gång per månad” or “10 nya samverkansgrupper”.",
    commitment: "Commitment {n}",
    owner: "Who promises",
    chooseOwner: "Choose who promises",
    ownerName: "The actor's name",
    ownerNameHint: "Needed when another actor promises, e.g. “Mitthem”.",
    text: "The commitment",
    focusAreas: "Serves the focus areas",
    suggestions: "Suggestions from the text",
    suggestionsHint:
      "What Tryggsam reads out of the commitment's text. Tick what is right; it is saved with it.",
    noSuggestions: "No schedules or targets were found in the text.",
    use: "Use",
    analyse: "Read suggestions from the text",
    addCommitment: "Add a commitment",
    followUp: "Follow-up",
    signatories: "Signatories",
    signatoriesHint: "Who is to sign, with title. The signatures are recorded on the promise's page.",
    signatory: "Signatory {n}",
    name: "Name",
    titleLabel: "Title",
    party: "Party",
    chooseParty: "Choose a party",
    organisation: "Organisation",
    addSignatory: "Add a signatory",
  },
});

const OWNER_LABELS = {
  sv: { police: "Polisen", municipality: "Kommunen", joint: "Tillsammans", other: "Annan aktör" },
  en: { police: "The police", municipality: "The municipality", joint: "Together", other: "Another actor" },
} as const;

const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ""));

/** A checkbox group's initial value as a list, whether none, one or several were sent. */
const checkedList = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.filter((v): v is string => typeof v === "string")
    : typeof value === "string"
      ? [value]
      : [];

export type CitizenPromiseFormValue = ReturnType<typeof toFormValue>;

/**
 * The citizen promise editor: every section as one form, commitments with who promises, the
 * linked agreement's focus areas and the schedules and targets read out of their text. Used to
 * edit a saved promise and to review an imported one before it is saved; `uncertain` (contract
 * paths) marks the fields an import was unsure of.
 */
export function CitizenPromiseEditor({
  lastResult,
  defaultValue,
  baseRevision,
  amendment = false,
  focusAreas,
  uncertain,
  hidden,
  children,
  submitLabel,
}: {
  lastResult: SubmissionResult<string[]> | null | undefined;
  defaultValue: CitizenPromiseFormValue | undefined;
  /** The revision the save is based on: the one saved meanwhile after a conflict, else the loaded one. */
  baseRevision: { conflict: number | null; current: number };
  /** A signed promise: the save is an amendment and asks for a reason. */
  amendment?: boolean;
  /** The linked agreement's focus areas, which commitments can serve. */
  focusAreas: { key: string; title: string }[];
  uncertain?: readonly string[];
  /** Extra hidden fields sent with every submit (the form's own buttons too). */
  hidden?: ReactNode;
  /** Shown above the sections, inside the form. */
  children?: ReactNode;
  submitLabel: string;
}) {
  const t = useT(messages);
  const words = useEditorWords();
  const locale = useLocale();
  const [form, fields] = useForm({
    id: "citizen-promise-editor",
    lastResult,
    defaultValue,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: citizenPromiseFormSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onBlur",
  });
  // After a conflict the next save is knowingly based on the other person's version.
  const submittedBase = Number(fields.baseRevision.initialValue) || baseRevision.current;
  const base = baseRevision.conflict ?? submittedBase;
  const listButtons = (name: string, index: number, count: number) => ({
    up: index > 0 ? form.reorder.getButtonProps({ name, from: index, to: index - 1 }) : null,
    down: index < count - 1 ? form.reorder.getButtonProps({ name, from: index, to: index + 1 }) : null,
    remove: form.remove.getButtonProps({ name, index }),
  });
  const commitments = fields.commitments.getFieldList();
  const signatories = fields.signatories.getFieldList();
  const summaryFields = [
    fields.title,
    fields.periodFrom,
    fields.periodTo,
    fields.amendmentReason,
    ...commitments.flatMap((c) => {
      const f = c.getFieldset();
      return [f.owner, f.ownerName, f.text, f.themes];
    }),
    ...signatories.flatMap((s) => {
      const f = s.getFieldset();
      return [f.name, f.party];
    }),
  ];
  const marked = uncertainFieldNames("citizenPromise", uncertain ?? [], {
    commitments: commitments.length,
    signatories: signatories.length,
  }).names;

  return (
    <FieldNotes names={marked} text={words.uncertain}>
      <Form method="post" {...getFormProps(form)} noValidate className="stack editor">
        <CsrfInput />
        <input type="hidden" name="baseRevision" value={base} />
        {hidden}
        <ErrorSummary form={form} fields={summaryFields} />
        {amendment ? (
          <div className="ds-alert" data-color="info">
            <p className="ds-paragraph">{t("amendment")}</p>
            <TextField field={fields.amendmentReason} label={t("amendmentReason")} required />
          </div>
        ) : null}
        {children}

        <EditorSection id="grund" title={t("basics")}>
          <TextField field={fields.title} label={t("docTitle")} required />
          <PeriodFields
            from={fields.periodFrom}
            to={fields.periodTo}
            continues={fields.continuesUntilReplaced}
          />
        </EditorSection>

        <EditorSection id="bakgrund" title={t("background")}>
          <TextAreaField field={fields.background} label={t("background")} rows={6} />
          <TextAreaField
            field={fields.development}
            label={t("development")}
            description={t("developmentHint")}
            rows={5}
          />
          <TextAreaField field={fields.problemPicture} label={t("problemPicture")} rows={5} />
        </EditorSection>

        <EditorSection id="loften" title={t("commitments")} description={t("commitmentsHint")}>
          {commitments.map((commitment, index) => {
            const f = commitment.getFieldset();
            const text = typeof f.text.initialValue === "string" ? f.text.initialValue : "";
            return (
              <fieldset key={commitment.key} className="ds-fieldset list-item">
                <legend className="ds-label">{fill(t("commitment"), { n: index + 1 })}</legend>
                <input type="hidden" name={f.key.name} value={f.key.initialValue ?? ""} />
                <SelectField
                  field={f.owner}
                  label={t("owner")}
                  placeholder={t("chooseOwner")}
                  options={COMMITMENT_OWNERS.map((o) => ({ value: o, label: OWNER_LABELS[locale][o] }))}
                  required
                />
                <TextField field={f.ownerName} label={t("ownerName")} description={t("ownerNameHint")} />
                <TextAreaField field={f.text} label={t("text")} rows={3} required />
                {focusAreas.length ? (
                  <FocusAreaChoices field={f.focusAreaKeys} legend={t("focusAreas")} options={focusAreas} />
                ) : null}
                <MeasureSuggestions field={f.measures} text={text} />
                <ThemeChoices themes={f.themes} suggested={f.themesSuggested} />
                <button
                  type="submit"
                  className="ds-button"
                  data-variant="tertiary"
                  {...form.validate.getButtonProps({ name: f.text.name })}
                >
                  {t("analyse")}
                </button>
                <ListButtons {...listButtons(fields.commitments.name, index, commitments.length)} />
              </fieldset>
            );
          })}
          <AddButton
            button={form.insert.getButtonProps({ name: fields.commitments.name })}
            label={t("addCommitment")}
          />
        </EditorSection>

        <EditorSection id="uppfoljning" title={t("followUp")}>
          <TextAreaField field={fields.followUp} label={t("followUp")} />
        </EditorSection>

        <EditorSection id="undertecknare" title={t("signatories")} description={t("signatoriesHint")}>
          {signatories.map((signatory, index) => {
            const f = signatory.getFieldset();
            return (
              <fieldset key={signatory.key} className="ds-fieldset list-item">
                <legend className="ds-label">{fill(t("signatory"), { n: index + 1 })}</legend>
                <TextField field={f.name} label={t("name")} required />
                <TextField field={f.title} label={t("titleLabel")} />
                <SelectField
                  field={f.party}
                  label={t("party")}
                  placeholder={t("chooseParty")}
                  options={SIGNATORY_PARTIES.map((p) => ({
                    value: p,
                    label: SIGNATORY_PARTY_LABELS[locale][p],
                  }))}
                  required
                />
                <TextField field={f.organisation} label={t("organisation")} />
                <ListButtons {...listButtons(fields.signatories.name, index, signatories.length)} />
              </fieldset>
            );
          })}
          <AddButton
            button={form.insert.getButtonProps({ name: fields.signatories.name })}
            label={t("addSignatory")}
          />
        </EditorSection>

        <div className="editor-actions">
          <SubmitButton>{submitLabel}</SubmitButton>
        </div>
      </Form>
    </FieldNotes>
  );
}

/** The linked agreement's focus areas a commitment serves, as checkboxes sending their keys. */
function FocusAreaChoices({
  field,
  legend,
  options,
}: {
  field: FieldLike;
  legend: string;
  options: { key: string; title: string }[];
}) {
  const checked = new Set(checkedList(field.initialValue));
  return (
    <fieldset className="ds-fieldset field" id={field.id}>
      <legend className="ds-label">{legend}</legend>
      {options.map((o) => (
        <div className="ds-field checkbox-field" key={o.key}>
          <input
            className="ds-input"
            type="checkbox"
            id={`${field.id}-${o.key}`}
            name={field.name}
            value={o.key}
            defaultChecked={checked.has(o.key)}
          />
          <label className="ds-label" htmlFor={`${field.id}-${o.key}`} data-weight="regular">
            {o.title}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

/**
 * What the analysis reads out of the commitment's text as last sent to the server, plus what was
 * accepted before; each a checkbox whose value is the measure as JSON, checked when accepted.
 */
function MeasureSuggestions({ field, text }: { field: FieldLike; text: string }) {
  const t = useT(messages);
  const accepted = checkedList(field.initialValue)
    .map(parseMeasure)
    .filter((m) => m !== null)
    .map(measureValue);
  const values = [...new Set([...accepted, ...analyseCommitment(text).map(measureValue)])];
  return (
    <fieldset className="ds-fieldset field measure-suggestions" id={field.id}>
      <legend className="ds-label">{t("suggestions")}</legend>
      <div data-field="description" className="field-description">
        {values.length ? t("suggestionsHint") : t("noSuggestions")}
      </div>
      {values.map((value, i) => (
        <div className="ds-field checkbox-field" key={value}>
          <input
            className="ds-input"
            type="checkbox"
            id={`${field.id}-${i}`}
            name={field.name}
            value={value}
            defaultChecked={accepted.includes(value)}
          />
          <label className="ds-label" htmlFor={`${field.id}-${i}`} data-weight="regular">
            {t("use")}: {presentCommitmentMeasure(parseMeasure(value)!)}
          </label>
        </div>
      ))}
    </fieldset>
  );
}
