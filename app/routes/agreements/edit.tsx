import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/edit";
import { TextAreaField } from "~/components/choice-fields";
import { CheckboxField, PeriodFields } from "~/components/document-fields";
import { CsrfInput } from "~/components/csrf-input";
import { ErrorSummary, SelectField, SubmitButton, TextField } from "~/components/form";
import { QualityChecklist } from "~/components/quality-checklist";
import { can } from "~/domain/access/permissions";
import { checkAgreement } from "~/domain/agreements/quality-check";
import { agreementFormSchema, toFormValue } from "~/domain/agreements/agreement-form.schemas";
import {
  FOLLOW_UP_CADENCE_LABELS,
  FOLLOW_UP_CADENCES,
  PROBLEM_SOURCE_LABELS,
  PROBLEM_SOURCES,
  type AgreementContent,
} from "~/domain/agreements/agreement.schemas";
import { getAgreement } from "~/domain/agreements/agreement.queries.server";
import { SIGNATORY_PARTIES, SIGNATORY_PARTY_LABELS } from "~/domain/agreements/document-parts.schemas";
import { saveAgreementRevision } from "~/domain/agreements/save-agreement-revision.server";
import { isAppError } from "~/errors/app-error";
import { defineMessages } from "~/i18n/messages";
import { useLocale, useT } from "~/i18n/use-t";
import { pageCall, throwAsPageError } from "~/lib/http.server";
import { appContext } from "~/lib/request-context.server";
import { uuidParams } from "~/lib/route-params.server";
import { requireUser } from "~/lib/require-user.server";

const messages = defineMessages({
  sv: {
    title: "Redigera överenskommelsen",
    version: "Du redigerar version {n}. Varje sparning blir en ny version; inget skrivs över.",
    amendment:
      "Överenskommelsen är undertecknad. En ändring blir en revidering och behöver ett skäl som visas i versionshistoriken.",
    amendmentReason: "Skäl till revideringen",
    back: "Tillbaka till överenskommelsen",
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
    cause: "Trolig orsak",
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
    remove: "Ta bort",
    moveUp: "Flytta upp",
    moveDown: "Flytta ned",
    save: "Spara ny version",
    conflictTitle: "Någon annan har sparat under tiden",
    conflict:
      "{author} sparade version {n} medan du redigerade. Dina ändringar finns kvar i formuläret nedan. Jämför med deras version och spara igen när du har tagit med det som ska vara kvar.",
    theirVersion: "Version {n} ({author})",
    someone: "någon",
  },
  en: {
    title: "Edit the agreement",
    version: "You are editing version {n}. Every save becomes a new version; nothing is overwritten.",
    amendment:
      "The agreement is signed. A change becomes an amendment and needs a reason, shown in the version history.",
    amendmentReason: "Reason for the amendment",
    back: "Back to the agreement",
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
    cause: "Likely cause",
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
    remove: "Remove",
    moveUp: "Move up",
    moveDown: "Move down",
    save: "Save new version",
    conflictTitle: "Someone else has saved meanwhile",
    conflict:
      "{author} saved version {n} while you were editing. Your changes are still in the form below. Compare with their version and save again once you have kept what should stay.",
    theirVersion: "Version {n} ({author})",
    someone: "someone",
  },
});

const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ""));

export const meta: Route.MetaFunction = () => [{ title: "Redigera överenskommelsen – Tryggsam" }];

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const ctx = context.get(appContext);
  const { agreementId } = uuidParams(params, "agreementId");
  const actor = requireUser(ctx.actor, request);
  const agreement = await pageCall(() => getAgreement(ctx, agreementId));
  if (!can(actor, "agreement.edit", agreement.partnershipId)) {
    throw data({ code: "FORBIDDEN" }, { status: 403 });
  }
  return {
    id: agreement.id,
    currentRevision: agreement.currentRevision,
    signed: agreement.stage === "signed" || agreement.stage === "published",
    formValue: toFormValue(agreement.content, agreement.currentRevision),
    // The checklist reads the saved version: it changes with each save.
    quality: checkAgreement(agreement.content),
  };
}

interface Conflict {
  number: number;
  authorName: string | null;
  content: AgreementContent;
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const ctx = context.get(appContext);
  const { agreementId } = uuidParams(params, "agreementId");
  requireUser(ctx.actor, request);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: agreementFormSchema });
  if (submission.status !== "success") {
    return data({ reply: submission.reply(), conflict: null }, { status: submission.status ? 400 : 200 });
  }
  try {
    await saveAgreementRevision(ctx, agreementId, submission.value);
  } catch (error) {
    if (!isAppError(error) || error.httpStatus >= 500) throw error;
    if (error.code === "NOT_FOUND") throwAsPageError(error);
    const current = error.details.current as Conflict | undefined;
    return data(
      {
        reply: submission.reply({
          fieldErrors: error.fields,
          formErrors: Object.keys(error.fields).length ? [] : [error.message],
        }),
        conflict: error.code === "CONFLICT" && current ? current : null,
      },
      { status: error.code === "VALIDATION" ? 400 : error.httpStatus },
    );
  }
  return redirect(`/overenskommelser/${agreementId}?sparad=1`);
}

export default function EditAgreement({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT(messages);
  const locale = useLocale();
  const conflict = actionData?.conflict ?? null;
  const [form, fields] = useForm({
    id: "agreement-editor",
    lastResult: actionData?.reply,
    defaultValue: loaderData.formValue,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: agreementFormSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onBlur",
  });
  // After a conflict the next save is knowingly based on the other person's version.
  const submittedBase = Number(fields.baseRevision.initialValue) || loaderData.currentRevision;
  const baseRevision = conflict ? conflict.number : submittedBase;
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
      return [f.title, f.points];
    }),
    ...signatories.flatMap((s) => {
      const f = s.getFieldset();
      return [f.name, f.party];
    }),
  ];

  return (
    <div className="with-aside">
      <div className="stack">
        <p>
          <Link className="ds-link" to={`/overenskommelser/${loaderData.id}`}>
            {t("back")}
          </Link>
        </p>
        <h1 className="ds-heading" data-size="lg">
          {t("title")}
        </h1>
        <p className="ds-paragraph">{fill(t("version"), { n: loaderData.currentRevision })}</p>
        {conflict ? (
          <section className="ds-alert conflict" data-color="warning" aria-labelledby="conflict-title">
            <h2 className="ds-heading" data-size="sm" id="conflict-title">
              {t("conflictTitle")}
            </h2>
            <p className="ds-paragraph">
              {fill(t("conflict"), { author: conflict.authorName ?? t("someone"), n: conflict.number })}
            </p>
            <details>
              <summary>
                {fill(t("theirVersion"), { n: conflict.number, author: conflict.authorName ?? t("someone") })}
              </summary>
              <ContentSummary content={conflict.content} />
            </details>
          </section>
        ) : null}

        <Form method="post" {...getFormProps(form)} noValidate className="stack editor">
          <CsrfInput />
          <input type="hidden" name="baseRevision" value={baseRevision} />
          <ErrorSummary form={form} fields={summaryFields} />
          {loaderData.signed ? (
            <div className="ds-alert" data-color="info">
              <p className="ds-paragraph">{t("amendment")}</p>
              <TextField field={fields.amendmentReason} label={t("amendmentReason")} required />
            </div>
          ) : null}

          <Section id="grund" title={t("basics")}>
            <TextField field={fields.title} label={t("docTitle")} required />
            <TextField field={fields.caseNumber} label={t("caseNumber")} />
            <PeriodFields
              from={fields.periodFrom}
              to={fields.periodTo}
              continues={fields.continuesUntilReplaced}
            />
          </Section>

          <Section id="bakgrund" title={t("background")}>
            <TextAreaField field={fields.background} label={t("background")} rows={6} />
            <TextAreaField field={fields.purpose} label={t("purpose")} />
          </Section>

          <Section id="underlag" title={t("sources")} description={t("sourcesHint")}>
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
          </Section>

          <Section id="mal" title={t("goals")}>
            <TextAreaField field={fields.goals} label={t("goals")} description={t("goalsHint")} />
          </Section>

          <Section id="fokusomraden" title={t("focusAreas")}>
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
                  <TextAreaField
                    field={f.points}
                    label={t("points")}
                    description={t("pointsHint")}
                    rows={4}
                  />
                  <TextAreaField field={f.causeText} label={t("causeText")} rows={3} />
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
          </Section>

          <Section id="dokumentation" title={t("documentation")}>
            <TextAreaField field={fields.documentation} label={t("documentation")} />
          </Section>

          <Section id="uppfoljning" title={t("followUp")}>
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
          </Section>

          <Section id="kommunikation" title={t("communication")}>
            <TextAreaField field={fields.communication} label={t("communication")} />
            <TextAreaField
              field={fields.otherUndertakings}
              label={t("otherUndertakings")}
              description={t("otherUndertakingsHint")}
            />
          </Section>

          <Section id="undertecknare" title={t("signatories")} description={t("signatoriesHint")}>
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
          </Section>

          <div className="editor-actions">
            <SubmitButton>{t("save")}</SubmitButton>
          </div>
        </Form>
      </div>
      <QualityChecklist check={loaderData.quality} />
    </div>
  );
}

function Section({
  id,
  title,
  description,
  children,
}: {
  id: string;
  title: string;
  description?: string;
  children: React.ReactNode;
}) {
  return (
    <section className="editor-section stack" aria-labelledby={`${id}-rubrik`}>
      <h2 className="ds-heading" data-size="md" id={`${id}-rubrik`}>
        {title}
      </h2>
      {description ? <p className="ds-paragraph">{description}</p> : null}
      {children}
    </section>
  );
}

/** What Conform's intent buttons need: a name and a value for the submitting button. */
type IntentButton = ReturnType<ReturnType<typeof useForm>[0]["insert"]["getButtonProps"]>;

/** Adds an empty item to a list; without JavaScript the server re-renders the form with it. */
function AddButton({ button, label }: { button: IntentButton; label: string }) {
  return (
    <button type="submit" className="ds-button" data-variant="secondary" {...button}>
      {label}
    </button>
  );
}

/** Remove, move up and move down for one item of a list. */
function ListButtons({
  up,
  down,
  remove,
}: {
  up: IntentButton | null;
  down: IntentButton | null;
  remove: IntentButton;
}) {
  const t = useT(messages);
  return (
    <div className="list-buttons">
      {up ? (
        <button type="submit" className="ds-button" data-variant="tertiary" {...up}>
          {t("moveUp")}
        </button>
      ) : null}
      {down ? (
        <button type="submit" className="ds-button" data-variant="tertiary" {...down}>
          {t("moveDown")}
        </button>
      ) : null}
      <button type="submit" className="ds-button" data-variant="tertiary" data-color="danger" {...remove}>
        {t("remove")}
      </button>
    </div>
  );
}

/** The other person's version, read-only, so nothing of theirs is lost from view. */
function ContentSummary({ content }: { content: AgreementContent }) {
  return (
    <div className="stack">
      <p className="ds-paragraph">
        <strong>{content.title}</strong>
      </p>
      {content.background ? <p className="ds-paragraph pre-line">{content.background}</p> : null}
      {content.focusAreas.map((area) => (
        <div key={area.key}>
          <p className="ds-paragraph">
            <strong>{area.title}</strong>
          </p>
          {area.points.length ? (
            <ul>
              {area.points.map((point) => (
                <li key={point}>{point}</li>
              ))}
            </ul>
          ) : null}
          {area.cause.text ? <p className="ds-paragraph pre-line">{area.cause.text}</p> : null}
        </div>
      ))}
      {content.goals.length ? (
        <ul>
          {content.goals.map((goal) => (
            <li key={goal.text}>{goal.text}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
