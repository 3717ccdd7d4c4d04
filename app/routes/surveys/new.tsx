import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Link, redirect } from "react-router";
import type { Route } from "./+types/new";
import { CheckboxGroupField, TextAreaField } from "~/components/choice-fields";
import { ErrorSummary, PostForm, SelectField, SubmitButton, TextField } from "~/components/form";
import { requirePartnershipPermission } from "~/domain/access/permissions";
import { getPartnership } from "~/domain/partnerships/partnership.queries.server";
import { createSurvey } from "~/domain/surveys/create-survey.server";
import { createSurveySchema, OWN_QUESTION_KINDS } from "~/domain/surveys/create-survey.schemas";
import { BANK_ITEMS } from "~/domain/surveys/question-bank";
import { defineMessages } from "~/i18n/messages";
import { useLocale, useT } from "~/i18n/use-t";
import { handleForm } from "~/lib/form-action.server";
import { pageCall } from "~/lib/http.server";
import { appContext } from "~/lib/request-context.server";
import { requireUser } from "~/lib/require-user.server";
import { uuidParams } from "~/lib/route-params.server";

const OWN_SLOTS = 3;

const messages = defineMessages({
  sv: {
    title: "Bygg en trygghetsundersökning",
    intro:
      "Välj frågor ur frågebanken – de ställs som i polisens och BRÅ:s undersökningar, så resultaten går att jämföra – och lägg till egna. Bakgrundsfrågorna om område, kön och ålder ställs alltid.",
    name: "Enkätens namn",
    bank: "Frågor ur frågebanken",
    bankGroup: "Standardfrågor",
    areas: "Områden (delområden)",
    areasHelp: "Ett område per rad. Den som svarar väljer det område där hen bor.",
    places: "Namngivna platser (valfritt)",
    placesHelp:
      "En plats per rad, t.ex. Resecentrum eller Stadsparken. Den som svarar kan välja en av dem eller beskriva en annan plats. Skriv gärna platsens koordinater efter ett lodstreck, t.ex. Resecentrum | 62.3908, 17.3069 (latitud, longitud med decimalpunkt): då kan den som svarar också välja platsen på en karta, och resultaten visas på en karta.",
    english: "Ställ enkäten även på engelska",
    own: "Egen fråga {n} (valfri)",
    kind: "Frågetyp",
    text: "Frågan",
    textEn: "Frågan på engelska (valfritt)",
    options: "Svarsalternativ, ett per rad",
    single: "Ett svar",
    multiple: "Flera svar",
    scale: "Skala",
    freeText: "Fritext",
    place: "Plats",
    submit: "Skapa enkäten",
    back: "Tillbaka till trygghetsundersökningarna",
  },
  en: {
    title: "Build a safety survey",
    intro:
      "Pick questions from the question bank — asked as in the police's and BRÅ's surveys, so the results compare — and add your own. The background questions on area, gender and age are always asked.",
    name: "Name of the survey",
    bank: "Questions from the question bank",
    bankGroup: "Standard questions",
    areas: "Areas",
    areasHelp: "One area per line. The respondent picks the area where they live.",
    places: "Named places (optional)",
    placesHelp:
      "One place per line, e.g. the travel centre or the town park. The respondent may pick one of them or describe another place. You may add the place's coordinates after a bar, e.g. Resecentrum | 62.3908, 17.3069 (latitude, longitude with a decimal point): the respondent can then also pick the place on a map, and the results are shown on a map.",
    english: "Also ask the survey in English",
    own: "Own question {n} (optional)",
    kind: "Type of question",
    text: "The question",
    textEn: "The question in English (optional)",
    options: "Answer options, one per line",
    single: "One answer",
    multiple: "Several answers",
    scale: "Scale",
    freeText: "Free text",
    place: "Place",
    submit: "Create the survey",
    back: "Back to the safety surveys",
  },
});

export const meta: Route.MetaFunction = () => [{ title: "Ny trygghetsundersökning – Tryggsam" }];

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const ctx = context.get(appContext);
  const actor = requireUser(ctx.actor, request);
  const { id } = uuidParams(params, "id");
  const partnership = await pageCall(async () => {
    requirePartnershipPermission(actor, "survey.manage", id);
    return getPartnership(ctx, id);
  });
  return { partnership: { id: partnership.id, name: partnership.name } };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const ctx = context.get(appContext);
  const actor = requireUser(ctx.actor, request);
  const { id } = uuidParams(params, "id");
  await pageCall(async () => requirePartnershipPermission(actor, "survey.manage", id));
  return handleForm(request, createSurveySchema, async (value) => {
    const { id: surveyId } = await createSurvey(ctx, id, value);
    return redirect(`/enkater/${surveyId}`);
  });
}

export default function NewSurvey({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT(messages);
  const locale = useLocale();
  const [form, fields] = useForm({
    id: "new-survey",
    lastResult: actionData,
    defaultValue: { ownQuestions: Array.from({ length: OWN_SLOTS }, () => ({ kind: "text" })) },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: createSurveySchema }),
    shouldRevalidate: "onBlur",
  });
  const own = fields.ownQuestions.getFieldList();
  const kinds: Record<(typeof OWN_QUESTION_KINDS)[number], string> = {
    single: t("single"),
    multiple: t("multiple"),
    scale: t("scale"),
    text: t("freeText"),
    place: t("place"),
  };
  const ownFields = own.map((question) => question.getFieldset());
  return (
    <div className="narrow">
      <p>
        <Link className="ds-link" to={`/samverkan/${loaderData.partnership.id}/enkater`}>
          {t("back")}
        </Link>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {t("title")}
      </h1>
      <p className="ds-paragraph">{t("intro")}</p>
      <PostForm form={form}>
        <ErrorSummary
          form={form}
          fields={[
            fields.title,
            fields.bankItems,
            fields.areas,
            fields.places,
            ...ownFields.flatMap((f) => [f.kind, f.text, f.textEn, f.options]),
          ]}
        />
        <TextField field={fields.title} label={t("name")} required />
        <CheckboxGroupField
          field={fields.bankItems}
          legend={t("bank")}
          groups={[
            {
              label: t("bankGroup"),
              options: BANK_ITEMS.map((item) => ({
                value: item.id,
                label: locale === "en" ? (item.text.en ?? item.text.sv) : item.text.sv,
              })),
            },
          ]}
        />
        <TextAreaField field={fields.areas} label={t("areas")} description={t("areasHelp")} required />
        <TextAreaField field={fields.places} label={t("places")} description={t("placesHelp")} />
        <div className="ds-field checkbox">
          <input className="ds-input" type="checkbox" id={fields.english.id} name={fields.english.name} />
          <label className="ds-label" htmlFor={fields.english.id}>
            {t("english")}
          </label>
        </div>
        {ownFields.map((question, n) => (
          <fieldset className="ds-fieldset stack" key={question.kind.id}>
            <legend className="ds-heading" data-size="2xs">
              {t("own").replace("{n}", String(n + 1))}
            </legend>
            <SelectField
              field={question.kind}
              label={t("kind")}
              options={OWN_QUESTION_KINDS.map((kind) => ({ value: kind, label: kinds[kind] }))}
            />
            <TextField field={question.text} label={t("text")} />
            <TextField field={question.textEn} label={t("textEn")} />
            <TextAreaField field={question.options} label={t("options")} rows={3} />
          </fieldset>
        ))}
        <SubmitButton>{t("submit")}</SubmitButton>
      </PostForm>
    </div>
  );
}
