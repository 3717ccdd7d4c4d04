import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/edit";
import { TextAreaField } from "~/components/choice-fields";
import { CitizenPromiseView } from "~/components/citizen-promise-view";
import { PeriodFields } from "~/components/document-fields";
import { CsrfInput } from "~/components/csrf-input";
import { ErrorSummary, SelectField, SubmitButton, TextField, type FieldLike } from "~/components/form";
import { QualityChecklist } from "~/components/quality-checklist";
import { can } from "~/domain/access/permissions";
import { checkCitizenPromise } from "~/domain/agreements/quality-check";
import { getAgreement } from "~/domain/agreements/agreement.queries.server";
import { SIGNATORY_PARTIES, SIGNATORY_PARTY_LABELS } from "~/domain/agreements/document-parts.schemas";
import {
  citizenPromiseFormSchema,
  measureValue,
  parseMeasure,
  toFormValue,
} from "~/domain/citizen-promises/citizen-promise-form.schemas";
import { getCitizenPromise } from "~/domain/citizen-promises/citizen-promise.queries.server";
import {
  COMMITMENT_OWNERS,
  type CitizenPromiseContent,
} from "~/domain/citizen-promises/citizen-promise.schemas";
import { analyseCommitment } from "~/domain/citizen-promises/commitment-analysis";
import { presentCommitmentMeasure } from "~/domain/citizen-promises/commitment-measure.presenter";
import { saveCitizenPromiseRevision } from "~/domain/citizen-promises/save-citizen-promise-revision.server";
import { isAppError } from "~/errors/app-error";
import { defineMessages } from "~/i18n/messages";
import { useLocale, useT } from "~/i18n/use-t";
import { pageCall, throwAsPageError } from "~/lib/http.server";
import { appContext } from "~/lib/request-context.server";
import { uuidParams } from "~/lib/route-params.server";
import { requireUser } from "~/lib/require-user.server";

const messages = defineMessages({
  sv: {
    title: "Redigera medborgarlöftet",
    version: "Du redigerar version {n}. Varje sparning blir en ny version; inget skrivs över.",
    amendment:
      "Medborgarlöftet är undertecknat. En ändring blir en revidering och behöver ett skäl som visas i versionshistoriken.",
    amendmentReason: "Skäl till revideringen",
    back: "Tillbaka till medborgarlöftet",
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
    title: "Edit the citizen promise",
    version: "You are editing version {n}. Every save becomes a new version; nothing is overwritten.",
    amendment:
      "The citizen promise is signed. A change becomes an amendment and needs a reason, shown in the version history.",
    amendmentReason: "Reason for the amendment",
    back: "Back to the citizen promise",
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

export const meta: Route.MetaFunction = () => [{ title: "Redigera medborgarlöftet – Tryggsam" }];

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const ctx = context.get(appContext);
  const { promiseId } = uuidParams(params, "promiseId");
  const actor = requireUser(ctx.actor, request);
  const promise = await pageCall(() => getCitizenPromise(ctx, promiseId));
  if (!can(actor, "agreement.edit", promise.partnershipId)) {
    throw data({ code: "FORBIDDEN" }, { status: 403 });
  }
  // The linked agreement's focus areas are what commitments can serve.
  const agreement = promise.agreementId
    ? await pageCall(() => getAgreement(ctx, promise.agreementId!))
    : null;
  const focusAreas = agreement?.content.focusAreas ?? [];
  return {
    id: promise.id,
    currentRevision: promise.currentRevision,
    signed: promise.stage === "signed" || promise.stage === "published",
    formValue: toFormValue(promise.content, promise.currentRevision),
    focusAreas: focusAreas.map((a) => ({ key: a.key, title: a.title })),
    // The checklist reads the saved version: it changes with each save.
    quality: checkCitizenPromise(
      promise.content,
      focusAreas.map((a) => a.key),
    ),
  };
}

interface Conflict {
  number: number;
  authorName: string | null;
  content: CitizenPromiseContent;
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const ctx = context.get(appContext);
  const { promiseId } = uuidParams(params, "promiseId");
  requireUser(ctx.actor, request);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: citizenPromiseFormSchema });
  if (submission.status !== "success") {
    return data({ reply: submission.reply(), conflict: null }, { status: submission.status ? 400 : 200 });
  }
  try {
    await saveCitizenPromiseRevision(ctx, promiseId, submission.value);
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
  return redirect(`/medborgarloften/${promiseId}?sparad=1`);
}

export default function EditCitizenPromise({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT(messages);
  const locale = useLocale();
  const conflict = actionData?.conflict ?? null;
  const [form, fields] = useForm({
    id: "citizen-promise-editor",
    lastResult: actionData?.reply,
    defaultValue: loaderData.formValue,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: citizenPromiseFormSchema }),
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
  const commitments = fields.commitments.getFieldList();
  const signatories = fields.signatories.getFieldList();
  const summaryFields = [
    fields.title,
    fields.periodFrom,
    fields.periodTo,
    fields.amendmentReason,
    ...commitments.flatMap((c) => {
      const f = c.getFieldset();
      return [f.owner, f.ownerName, f.text];
    }),
    ...signatories.flatMap((s) => {
      const f = s.getFieldset();
      return [f.name, f.party];
    }),
  ];
  const focusAreaTitles = Object.fromEntries(loaderData.focusAreas.map((a) => [a.key, a.title]));

  return (
    <div className="with-aside">
      <div className="stack">
        <p>
          <Link className="ds-link" to={`/medborgarloften/${loaderData.id}`}>
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
              <p className="ds-paragraph">
                <strong>{conflict.content.title}</strong>
              </p>
              <CitizenPromiseView content={conflict.content} level={3} focusAreas={focusAreaTitles} />
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
            <PeriodFields
              from={fields.periodFrom}
              to={fields.periodTo}
              continues={fields.continuesUntilReplaced}
            />
          </Section>

          <Section id="bakgrund" title={t("background")}>
            <TextAreaField field={fields.background} label={t("background")} rows={6} />
            <TextAreaField
              field={fields.development}
              label={t("development")}
              description={t("developmentHint")}
              rows={5}
            />
            <TextAreaField field={fields.problemPicture} label={t("problemPicture")} rows={5} />
          </Section>

          <Section id="loften" title={t("commitments")} description={t("commitmentsHint")}>
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
                  {loaderData.focusAreas.length ? (
                    <FocusAreaChoices
                      field={f.focusAreaKeys}
                      legend={t("focusAreas")}
                      options={loaderData.focusAreas}
                    />
                  ) : null}
                  <MeasureSuggestions field={f.measures} text={text} />
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
          </Section>

          <Section id="uppfoljning" title={t("followUp")}>
            <TextAreaField field={fields.followUp} label={t("followUp")} />
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
