import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { redirect } from "react-router";
import type { Route } from "./+types/new";
import { ErrorSummary, PostForm, SelectField, SubmitButton, TextField } from "~/components/form";
import { PartnershipFields } from "~/components/partnership-fields";
import { requirePermission } from "~/domain/access/permissions";
import { createPartnership } from "~/domain/partnerships/create-partnership.server";
import { findMunicipalities, findPoliceAreas } from "~/domain/partnerships/partnership.queries.server";
import {
  COUNCIL_TYPE_LABELS,
  COUNCIL_TYPES,
  newPartnershipFormSchema,
} from "~/domain/partnerships/partnership.schemas";
import { defineMessages } from "~/i18n/messages";
import { useLocale, useT } from "~/i18n/use-t";
import { handleForm } from "~/lib/form-action.server";
import { pageCall } from "~/lib/http.server";
import { appContext } from "~/lib/request-context.server";
import { requireUser } from "~/lib/require-user.server";

const messages = defineMessages({
  sv: {
    title: "Ny samverkan",
    intro:
      "En samverkan är ett lokalpolisområde och en eller flera kommuner som arbetar tillsammans. När den är skapad kan du bjuda in samordnare och andra.",
    council: "Första rådet (valfritt)",
    councilIntro: "Det forum som styr samverkan, t.ex. ett trygghetsråd. Du kan lägga till fler råd senare.",
    councilName: "Rådets namn",
    councilType: "Typ av råd",
    chooseType: "Välj typ",
    submit: "Skapa samverkan",
    back: "Tillbaka till samverkan",
  },
  en: {
    title: "New partnership",
    intro:
      "A partnership is a local police area and one or more municipalities working together. Once it is created you can invite coordinators and others.",
    council: "First council (optional)",
    councilIntro:
      "The forum that steers the partnership, e.g. a safety council. You can add more councils later.",
    councilName: "Name of the council",
    councilType: "Type of council",
    chooseType: "Choose a type",
    submit: "Create partnership",
    back: "Back to partnerships",
  },
});

export const meta: Route.MetaFunction = () => [{ title: "Ny samverkan – Tryggsam" }];

export async function loader({ context, request }: Route.LoaderArgs) {
  const { db, actor } = context.get(appContext);
  requireUser(actor, request);
  await pageCall(async () => requirePermission(actor, "partnership.create"));
  const [policeAreas, municipalities] = await Promise.all([findPoliceAreas(db), findMunicipalities(db)]);
  return { choices: { policeAreas, municipalities } };
}

export async function action({ request, context }: Route.ActionArgs) {
  const ctx = context.get(appContext);
  requireUser(ctx.actor, request);
  return handleForm(request, newPartnershipFormSchema, async (value) => {
    const { id } = await createPartnership(ctx, value);
    return redirect(`/samverkan/${id}?skapad=1`);
  });
}

export default function NewPartnership({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT(messages);
  const locale = useLocale();
  const [form, fields] = useForm({
    id: "new-partnership",
    lastResult: actionData,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: newPartnershipFormSchema }),
    shouldRevalidate: "onBlur",
  });
  return (
    <div className="narrow">
      <p>
        <a className="ds-link" href="/samverkan">
          {t("back")}
        </a>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {t("title")}
      </h1>
      <p className="ds-paragraph">{t("intro")}</p>
      <PostForm form={form}>
        <ErrorSummary
          form={form}
          fields={[
            fields.name,
            fields.policeAreaId,
            fields.municipalities,
            fields.otherActors,
            fields.councilName,
            fields.councilType,
          ]}
        />
        <PartnershipFields fields={fields} choices={loaderData.choices} />
        <fieldset className="ds-fieldset stack">
          <legend className="ds-heading" data-size="xs">
            {t("council")}
          </legend>
          <p className="ds-paragraph">{t("councilIntro")}</p>
          <TextField field={fields.councilName} label={t("councilName")} />
          <SelectField
            field={fields.councilType}
            label={t("councilType")}
            placeholder={t("chooseType")}
            options={COUNCIL_TYPES.map((type) => ({ value: type, label: COUNCIL_TYPE_LABELS[locale][type] }))}
          />
        </fieldset>
        <SubmitButton>{t("submit")}</SubmitButton>
      </PostForm>
    </div>
  );
}
