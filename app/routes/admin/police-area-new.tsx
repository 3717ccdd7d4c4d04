import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Link, redirect } from "react-router";
import type { Route } from "./+types/police-area-new";
import { ErrorSummary, PostForm, SelectField, SubmitButton, TextField } from "~/components/form";
import { addPoliceArea } from "~/domain/police-areas/add-police-area.server";
import { findPoliceRegions } from "~/domain/police-areas/police-area.queries.server";
import { policeAreaSchema } from "~/domain/police-areas/police-area.schemas";
import { defineMessages } from "~/i18n/messages";
import { useT } from "~/i18n/use-t";
import { handleForm } from "~/lib/form-action.server";
import { appContext } from "~/lib/request-context.server";
import { requirePagePermission } from "~/lib/require-permission.server";

const messages = defineMessages({
  sv: {
    title: "Lägg till lokalpolisområde",
    intro: "Kommunerna som lokalpolisområdet betjänar lägger du till på nästa sida.",
    name: "Namn",
    nameHint: "Som polisen skriver det, t.ex. ”Lokalpolisområde Kävlinge” eller ”Kävlinge”.",
    district: "Polisområde",
    districtHint: "Frivilligt, t.ex. ”Malmö”.",
    region: "Polisregion",
    chooseRegion: "Välj polisregion",
    submit: "Lägg till",
    back: "Tillbaka till lokalpolisområdena",
  },
  en: {
    title: "Add a local police area",
    intro: "You add the municipalities the area serves on the next page.",
    name: "Name",
    nameHint: "As the police write it, e.g. “Lokalpolisområde Kävlinge” or “Kävlinge”.",
    district: "Police district",
    districtHint: "Optional, e.g. “Malmö”.",
    region: "Police region",
    chooseRegion: "Choose a police region",
    submit: "Add",
    back: "Back to the local police areas",
  },
});

export const meta: Route.MetaFunction = () => [{ title: "Lägg till lokalpolisområde – Tryggsam" }];

export async function loader({ context, request }: Route.LoaderArgs) {
  const ctx = context.get(appContext);
  requirePagePermission(ctx.actor, request, "policeArea.manage");
  return { regions: await findPoliceRegions(ctx) };
}

export async function action({ request, context }: Route.ActionArgs) {
  const ctx = context.get(appContext);
  requirePagePermission(ctx.actor, request, "policeArea.manage");
  return handleForm(request, policeAreaSchema, async (value) => {
    const area = await addPoliceArea(ctx, value);
    return redirect(`/admin/lokalpolisomraden/${area.id}?tillagt=1`);
  });
}

export default function NewPoliceArea({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT(messages);
  const [form, fields] = useForm({
    id: "new-police-area",
    lastResult: actionData,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: policeAreaSchema }),
    shouldRevalidate: "onBlur",
  });
  return (
    <div className="narrow">
      <p>
        <Link className="ds-link" to="/admin/lokalpolisomraden">
          {t("back")}
        </Link>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {t("title")}
      </h1>
      <p className="ds-paragraph">{t("intro")}</p>
      <PostForm form={form}>
        <ErrorSummary form={form} fields={[fields.name, fields.policeDistrict, fields.policeRegionId]} />
        <TextField
          field={fields.name}
          label={t("name")}
          description={t("nameHint")}
          autoComplete="off"
          required
        />
        <TextField
          field={fields.policeDistrict}
          label={t("district")}
          description={t("districtHint")}
          autoComplete="off"
        />
        <SelectField
          field={fields.policeRegionId}
          label={t("region")}
          placeholder={t("chooseRegion")}
          options={loaderData.regions.map((r) => ({ value: r.id, label: r.name }))}
          required
        />
        <SubmitButton>{t("submit")}</SubmitButton>
      </PostForm>
    </div>
  );
}
