import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ReactNode } from "react";
import { Form } from "react-router";
import { TextAreaField } from "./choice-fields";
import { CsrfInput } from "./csrf-input";
import { CheckboxField, PeriodFields } from "./document-fields";
import { AddButton, EditorSection, ListButtons, useEditorWords } from "./editor-parts";
import { FieldNotes } from "./field-notes";
import { ErrorSummary, SelectField, SubmitButton, TextField } from "./form";
import { ThemeChoices } from "./theme-fields";
import { agreementFormSchema, type toFormValue } from "~/domain/agreements/agreement-form.schemas";
import {
  FOLLOW_UP_CADENCE_LABELS,
  FOLLOW_UP_CADENCES,
  PROBLEM_SOURCE_LABELS,
  PROBLEM_SOURCES,
} from "~/domain/agreements/agreement.schemas";
import { SIGNATORY_PARTIES, SIGNATORY_PARTY_LABELS } from "~/domain/agreements/document-parts.schemas";
import { uncertainFieldNames } from "~/import/review";
import { defineMessages } from "~/i18n/messages";
import { useLocale, useT } from "~/i18n/use-t";

const messages = defineMessages({
  sv: {
    amendment:
      "Överenskommelsen är undertecknad. En ändring blir en revidering och behöver ett skäl som visas i versionshistoriken.",
    amendmentReason: "Skäl till revideringen",
    basics: "Rubrik och period",
    docTitle: "Rubrik",
    caseNumber: "Diarienummer",
    background: "Bakgrund",
    purpose: "Syfte",
    sources: "Så har problemen identifierats",
    sourcesHint: "Medborgardialoger, trygghetsundersökningar, polisens statistik och annat underlag.",
    source: "Källa {n}",
    sourceKind: "Typ av underlag",
    chooseKind: "Välj typ",
    sourceDescription: "Beskrivning",
    addSource: "Lägg till en källa",
    goals: "Övergripande mål",
    goalsHint: "Ett mål per rad. Ett mätbart mål har ett tal, en riktning (minska, öka) och en tid.",
    focusAreas: "Fokusområden",
    focusArea: "Fokusområde {n}",
    focusTitle: "Rubrik",
    focusDescription: "Beskrivning",
    points: "Punkter",
    pointsHint: "En punkt per rad.",
    causeText: "Orsaksanalys",
    triangle: "Brottstriangeln (valfritt)",
    offender: "Gärningsperson",
    target: "Mål eller offer",
    place: "Plats",
    handler: "Den som kan påverka gärningspersonen",
    guardian: "Den som kan skydda målet",
    manager: "Den som ansvarar för platsen",
    addFocusArea: "Lägg till ett fokusområde",
    documentation: "Så dokumenteras arbetet",
    followUp: "Uppföljning",
    cadence: "Hur ofta",
    chooseCadence: "Välj hur ofta",
    responsible: "Ansvarig",
    responsibleHint: "T.ex. ”Trygghetsrådet”.",
    reportsTo: "Rapporteras till",
    standingItem: "Stående punkt på rådets möten",
    followUpDescription: "Beskrivning",
    communication: "Kommunikation",
    otherUndertakings: "Övriga åtaganden",
    otherUndertakingsHint: "Ett per rad, t.ex. ”Polisen finns med i kommunens Lokala BRÅ”.",
    signatories: "Undertecknare",
    signatoriesHint:
      "Vilka som ska skriva under, med titel. Underskrifterna registreras på överenskommelsens sida.",
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
      "The agreement is signed. A change becomes an amendment and needs a reason, shown in the version history.",
    amendmentReason: "Reason for the amendment",
    basics: "Title and period",
    docTitle: "Title",
    caseNumber: "Registry number",
    background: "Background",
    purpose: "Purpose",
    sources: "How the problems were identified",
    sourcesHint: "Citizen dialogues, safety surveys, police statistics and other material.",
    source: "Source {n}",
    sourceKind: "Kind of material",
    chooseKind: "Choose a kind",
    sourceDescription: "Description",
    addSource: "Add a source",
    goals: "Overall goals",
    goalsHint:
      "One goal per line. A measurable goal has a number, a direction (reduce, increase) and a time.",
    focusAreas: "Focus areas",
    focusArea: "Focus area {n}",
    focusTitle: "Title",
    focusDescription: "Description",
    points: "Points",
    pointsHint: "One point per line.",
    causeText: "Cause analysis",
    triangle: "The crime triangle (optional)",
    offender: "Offender",
    target: "Target or victim",
    place: "Place",
    handler: "Who can influence the offender",
    guardian: "Who can protect the target",
    manager: "Who is responsible for the place",
    addFocusArea: "Add a focus area",
    documentation: "How the work is documented",
    followUp: "Follow-up",
    cadence: "How often",
    chooseCadence: "Choose how often",
    responsible: "Responsible",
    responsibleHint: "E.g. “Trygghetsrådet”.",
    reportsTo: "Reported to",
    standingItem: "Standing item at the council's meetings",
    followUpDescription: "Description",
    communication: "Communication",
    otherUndertakings: "Other undertakings",
    otherUndertakingsHint: "One per line, e.g. “Polisen finns med i kommunens Lokala BRÅ”.",
    signatories: "Signatories",
    signatoriesHint: "Who is to sign, with title. The signatures are recorded on the agreement's page.",
    signatory: "Signatory {n}",
    name: "Name",
    titleLabel: "Title",
    party: "Party",
    chooseParty: "Choose a party",
    organisation: "Organisation",
    addSignatory: "Add a signatory",
  },
});

const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ""));

export type AgreementFormValue = ReturnType<typeof toFormValue>;

/**
 * The agreement editor: every section of the content as one form, lists that grow, shrink and
 * reorder without JavaScript. Used to edit a saved agreement and to review an imported one
 * before it is saved; `uncertain` (contract paths) marks the fields an import was unsure of.
 */
export function AgreementEditor({
  lastResult,
  defaultValue,
  baseRevision,
  amendment = false,
  uncertain,
  hidden,
  children,
  submitLabel,
}: {
  lastResult: SubmissionResult<string[]> | null | undefined;
  defaultValue: AgreementFormValue | undefined;
  /** The revision the save is based on: the one saved meanwhile after a conflict, else the loaded one. */
  baseRevision: { conflict: number | null; current: number };
  /** A signed agreement: the save is an amendment and asks for a reason. */
  amendment?: boolean;
  uncertain?: readonly string[];
  /** Extra hidden fields sent with every submit (the form's own list buttons too). */
  hidden?: ReactNode;
  /** Shown above the sections, inside the form. */
  children?: ReactNode;
  submitLabel: string;
}) {
  const t = useT(messages);
  const words = useEditorWords();
  const locale = useLocale();
  const [form, fields] = useForm({
    id: "agreement-editor",
    lastResult,
    defaultValue,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: agreementFormSchema }),
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
  const sources = fields.problemSources.getFieldList();
  const focusAreas = fields.focusAreas.getFieldList();
  const signatories = fields.signatories.getFieldList();
  const summaryFields = [
    fields.title,
    fields.caseNumber,
    fields.periodFrom,
    fields.periodTo,
    fields.amendmentReason,
    fields.goals,
    fields.followUpCadence,
    ...focusAreas.flatMap((a) => {
      const f = a.getFieldset();
      return [f.title, f.points, f.themes];
    }),
    ...signatories.flatMap((s) => {
      const f = s.getFieldset();
      return [f.name, f.party];
    }),
  ];
  const marked = uncertainFieldNames("agreement", uncertain ?? [], {
    focusAreas: focusAreas.length,
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
          <TextField field={fields.caseNumber} label={t("caseNumber")} />
          <PeriodFields
            from={fields.periodFrom}
            to={fields.periodTo}
            continues={fields.continuesUntilReplaced}
          />
        </EditorSection>

        <EditorSection id="bakgrund" title={t("background")}>
          <TextAreaField field={fields.background} label={t("background")} rows={6} />
          <TextAreaField field={fields.purpose} label={t("purpose")} />
        </EditorSection>

        <EditorSection id="underlag" title={t("sources")} description={t("sourcesHint")}>
          {sources.map((source, index) => {
            const f = source.getFieldset();
            return (
              <fieldset key={source.key} className="ds-fieldset list-item">
                <legend className="ds-label">{fill(t("source"), { n: index + 1 })}</legend>
                <SelectField
                  field={f.kind}
                  label={t("sourceKind")}
                  placeholder={t("chooseKind")}
                  options={PROBLEM_SOURCES.map((kind) => ({
                    value: kind,
                    label: PROBLEM_SOURCE_LABELS[locale][kind],
                  }))}
                />
                <TextAreaField field={f.description} label={t("sourceDescription")} rows={2} />
                <ListButtons {...listButtons(fields.problemSources.name, index, sources.length)} />
              </fieldset>
            );
          })}
          <AddButton
            button={form.insert.getButtonProps({ name: fields.problemSources.name })}
            label={t("addSource")}
          />
        </EditorSection>

        <EditorSection id="mal" title={t("goals")}>
          <TextAreaField field={fields.goals} label={t("goals")} description={t("goalsHint")} />
        </EditorSection>

        <EditorSection id="fokusomraden" title={t("focusAreas")}>
          {focusAreas.map((area, index) => {
            const f = area.getFieldset();
            return (
              <fieldset key={area.key} className="ds-fieldset list-item">
                <legend className="ds-label">
                  {fill(t("focusArea"), { n: index + 1 })}
                  {f.title.initialValue ? `: ${String(f.title.initialValue)}` : ""}
                </legend>
                <input type="hidden" name={f.key.name} value={f.key.initialValue ?? ""} />
                <TextField field={f.title} label={t("focusTitle")} required />
                <TextAreaField field={f.description} label={t("focusDescription")} rows={3} />
                <TextAreaField field={f.points} label={t("points")} description={t("pointsHint")} rows={4} />
                <TextAreaField field={f.causeText} label={t("causeText")} rows={3} />
                <ThemeChoices themes={f.themes} suggested={f.themesSuggested} />
                <details>
                  <summary>{t("triangle")}</summary>
                  <div className="stack">
                    <TextField field={f.offender} label={t("offender")} />
                    <TextField field={f.target} label={t("target")} />
                    <TextField field={f.place} label={t("place")} />
                    <TextField field={f.handler} label={t("handler")} />
                    <TextField field={f.guardian} label={t("guardian")} />
                    <TextField field={f.manager} label={t("manager")} />
                  </div>
                </details>
                <ListButtons {...listButtons(fields.focusAreas.name, index, focusAreas.length)} />
              </fieldset>
            );
          })}
          <AddButton
            button={form.insert.getButtonProps({ name: fields.focusAreas.name })}
            label={t("addFocusArea")}
          />
        </EditorSection>

        <EditorSection id="dokumentation" title={t("documentation")}>
          <TextAreaField field={fields.documentation} label={t("documentation")} />
        </EditorSection>

        <EditorSection id="uppfoljning" title={t("followUp")}>
          <SelectField
            field={fields.followUpCadence}
            label={t("cadence")}
            placeholder={t("chooseCadence")}
            options={FOLLOW_UP_CADENCES.map((c) => ({
              value: c,
              label: FOLLOW_UP_CADENCE_LABELS[locale][c],
            }))}
          />
          <TextField
            field={fields.followUpResponsible}
            label={t("responsible")}
            description={t("responsibleHint")}
          />
          <TextField field={fields.followUpReportsTo} label={t("reportsTo")} />
          <CheckboxField field={fields.followUpStandingItem} label={t("standingItem")} />
          <TextAreaField field={fields.followUpDescription} label={t("followUpDescription")} />
        </EditorSection>

        <EditorSection id="kommunikation" title={t("communication")}>
          <TextAreaField field={fields.communication} label={t("communication")} />
          <TextAreaField
            field={fields.otherUndertakings}
            label={t("otherUndertakings")}
            description={t("otherUndertakingsHint")}
          />
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
