import { useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "react-router";
import { TextAreaField } from "./choice-fields";
import { CsrfInput } from "./csrf-input";
import { ErrorSummary, PostForm, SelectField, SubmitButton, TextField } from "./form";
import type { RevisionSummary, SignatureView } from "~/domain/agreements/agreement.queries.server";
import { signatureInputSchema, terminationSchema } from "~/domain/agreements/document-lifecycle.schemas";
import {
  SIGNATORY_PARTIES,
  SIGNATORY_PARTY_LABELS,
  type LifecycleStage,
} from "~/domain/agreements/document-parts.schemas";
import { defineMessages } from "~/i18n/messages";
import { useDateTimeFormat, useLocale, useT } from "~/i18n/use-t";

const messages = defineMessages({
  sv: {
    lifecycle: "Underskrift och publicering",
    signatures: "Underskrifter",
    noSignatures: "Inga underskrifter ännu.",
    readyHint: "När båda parter har läst den version som ska undertecknas.",
    sign: "Registrera en underskrift",
    name: "Namn",
    title: "Titel",
    party: "Part",
    chooseParty: "Välj part",
    signedOn: "Datum",
    signedOnHint: "T.ex. 2023-03-03.",
    place: "Ort",
    submitSign: "Registrera underskriften",
    publish: "Publicera",
    reason: "Skäl",
    revisions: "Versioner",
    version: "Version",
    amendment: "Revidering: {reason}",
    compare: "Jämför två versioner",
    compareA: "Version",
    compareB: "med version",
    submitCompare: "Jämför",
    someone: "okänd",
  },
  en: {
    lifecycle: "Signing and publishing",
    signatures: "Signatures",
    noSignatures: "No signatures yet.",
    readyHint: "When both parties have read the version to be signed.",
    sign: "Record a signature",
    name: "Name",
    title: "Title",
    party: "Party",
    chooseParty: "Choose a party",
    signedOn: "Date",
    signedOnHint: "E.g. 2023-03-03.",
    place: "Place",
    submitSign: "Record the signature",
    publish: "Publish",
    reason: "Reason",
    revisions: "Versions",
    version: "Version",
    amendment: "Amendment: {reason}",
    compare: "Compare two versions",
    compareA: "Version",
    compareB: "with version",
    submitCompare: "Compare",
    someone: "unknown",
  },
});

/** What differs between an agreement's and a citizen promise's words (gender, verb). */
export interface LifecycleWords {
  ready: string;
  signHint: string;
  publishHint: string;
  terminate: string;
  terminatedOn: string;
  submitTerminate: string;
}

type LastResult = SubmissionResult<string[]> | undefined;

/**
 * The signatures recorded so far and the one next step the actor may take: mark ready, record a
 * signature, publish, terminate. Each form posts its `intent` to the document's page.
 */
export function LifecyclePanel({
  stage,
  open,
  canEdit,
  canSign,
  signatures,
  words,
  lastResult,
}: {
  stage: LifecycleStage;
  /** False once terminated: nothing more can happen. */
  open: boolean;
  canEdit: boolean;
  canSign: boolean;
  signatures: SignatureView[];
  words: LifecycleWords;
  lastResult: (intent: string) => LastResult;
}) {
  const t = useT(messages);
  const locale = useLocale();
  return (
    <>
      <h2 className="ds-heading" data-size="md" id="underskrift">
        {t("lifecycle")}
      </h2>
      <h3 className="ds-heading" data-size="sm">
        {t("signatures")}
      </h3>
      {signatures.length ? (
        <ul>
          {signatures.map((s) => (
            <li key={s.id}>
              {s.name}
              {s.title ? `, ${s.title}` : ""} ({SIGNATORY_PARTY_LABELS[locale][s.party]}) —{" "}
              {s.place ? `${s.place} ` : ""}
              {s.signedOn}
            </li>
          ))}
        </ul>
      ) : (
        <p className="ds-paragraph">{t("noSignatures")}</p>
      )}
      {canEdit && stage === "draft" && open ? (
        <Form method="post" className="stack">
          <CsrfInput />
          <p className="ds-paragraph">{t("readyHint")}</p>
          <SubmitButton name="intent" value="ready">
            {words.ready}
          </SubmitButton>
        </Form>
      ) : null}
      {canSign && stage === "ready-for-signing" && open ? (
        <SignForm hint={words.signHint} lastResult={lastResult("sign")} />
      ) : null}
      {canSign && stage === "signed" && open ? (
        <Form method="post" className="stack">
          <CsrfInput />
          <p className="ds-paragraph">{words.publishHint}</p>
          <SubmitButton name="intent" value="publish">
            {t("publish")}
          </SubmitButton>
        </Form>
      ) : null}
      {canSign && (stage === "signed" || stage === "published") && open ? (
        <TerminateForm words={words} lastResult={lastResult("terminate")} />
      ) : null}
    </>
  );
}

function SignForm({ hint, lastResult }: { hint: string; lastResult: LastResult }) {
  const t = useT(messages);
  const locale = useLocale();
  const [form, fields] = useForm({
    id: "sign",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: signatureInputSchema }),
    shouldRevalidate: "onBlur",
  });
  return (
    <PostForm form={form}>
      <h3 className="ds-heading" data-size="sm">
        {t("sign")}
      </h3>
      <p className="ds-paragraph">{hint}</p>
      <input type="hidden" name="intent" value="sign" />
      <ErrorSummary form={form} fields={[fields.name, fields.party, fields.signedOn]} />
      <TextField field={fields.name} label={t("name")} required />
      <TextField field={fields.title} label={t("title")} />
      <SelectField
        field={fields.party}
        label={t("party")}
        placeholder={t("chooseParty")}
        options={SIGNATORY_PARTIES.map((p) => ({ value: p, label: SIGNATORY_PARTY_LABELS[locale][p] }))}
        required
      />
      <TextField field={fields.signedOn} label={t("signedOn")} description={t("signedOnHint")} required />
      <TextField field={fields.place} label={t("place")} />
      <SubmitButton>{t("submitSign")}</SubmitButton>
    </PostForm>
  );
}

function TerminateForm({ words, lastResult }: { words: LifecycleWords; lastResult: LastResult }) {
  const t = useT(messages);
  const [form, fields] = useForm({
    id: "terminate",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: terminationSchema }),
    shouldRevalidate: "onBlur",
  });
  return (
    <details className="terminate">
      <summary>{words.terminate}</summary>
      <PostForm form={form}>
        <input type="hidden" name="intent" value="terminate" />
        <ErrorSummary form={form} fields={[fields.terminatedOn, fields.reason]} />
        <TextField
          field={fields.terminatedOn}
          label={words.terminatedOn}
          description={t("signedOnHint")}
          required
        />
        <TextAreaField field={fields.reason} label={t("reason")} required />
        <SubmitButton>{words.submitTerminate}</SubmitButton>
      </PostForm>
    </details>
  );
}

/** A document's versions, newest first, and a form to compare any two of them. */
export function RevisionList({
  revisions,
  currentRevision,
  compareAction,
}: {
  revisions: RevisionSummary[];
  currentRevision: number;
  compareAction: string;
}) {
  const t = useT(messages);
  const when = useDateTimeFormat();
  const select = (id: string, name: string, value: number) => (
    <select className="ds-input" id={id} name={name} defaultValue={String(value)}>
      {revisions.map((r) => (
        <option key={r.number} value={r.number}>
          {r.number}
        </option>
      ))}
    </select>
  );
  return (
    <>
      <h2 className="ds-heading" data-size="md" id="versioner">
        {t("revisions")}
      </h2>
      <ol reversed className="revisions">
        {revisions.map((r) => (
          <li key={r.number}>
            {t("version")} {r.number} — {r.authorName ?? t("someone")}, {when.format(new Date(r.createdAt))}
            {r.amendmentReason ? <> — {t("amendment").replace("{reason}", r.amendmentReason)}</> : null}
          </li>
        ))}
      </ol>
      {revisions.length > 1 ? (
        <Form method="get" action={compareAction} className="compare-form">
          <fieldset className="ds-fieldset">
            <legend className="ds-label">{t("compare")}</legend>
            <label className="ds-label" htmlFor="compare-a">
              {t("compareA")}
            </label>
            {select("compare-a", "a", currentRevision - 1)}
            <label className="ds-label" htmlFor="compare-b">
              {t("compareB")}
            </label>
            {select("compare-b", "b", currentRevision)}
            <button type="submit" className="ds-button" data-variant="secondary">
              {t("submitCompare")}
            </button>
          </fieldset>
        </Form>
      ) : null}
    </>
  );
}
