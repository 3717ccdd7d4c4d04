import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, Link, redirect } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/police-area";
import { CsrfInput } from "~/components/csrf-input";
import { ErrorSummary, PostForm, SelectField, SubmitButton, TextField } from "~/components/form";
import { policeAreaLabels } from "~/components/police-area-labels";
import { addMunicipalityToPoliceArea } from "~/domain/police-areas/add-municipality-to-police-area.server";
import { correctPoliceArea } from "~/domain/police-areas/correct-police-area.server";
import {
  findMunicipalityOptions,
  findPoliceRegions,
  getPoliceArea,
} from "~/domain/police-areas/police-area.queries.server";
import { policeAreaSchema, servedMunicipalitySchema } from "~/domain/police-areas/police-area.schemas";
import { removeMunicipalityFromPoliceArea } from "~/domain/police-areas/remove-municipality-from-police-area.server";
import { defineMessages } from "~/i18n/messages";
import { useT } from "~/i18n/use-t";
import { handleForm } from "~/lib/form-action.server";
import { pageCall, throwAsPageError } from "~/lib/http.server";
import { appContext } from "~/lib/request-context.server";
import { requirePagePermission } from "~/lib/require-permission.server";

const messages = defineMessages({
  sv: {
    back: "Tillbaka till lokalpolisområdena",
    history: "Visa ändringshistorik",
    added: "Lokalpolisområdet är tillagt. Lägg nu till kommunerna det betjänar.",
    corrected: "Uppgifterna är sparade.",
    municipalityAdded: "Kommunen är sparad.",
    municipalityRemoved: "Kommunen är borttagen från lokalpolisområdet.",
    details: "Uppgifter",
    name: "Namn",
    district: "Polisområde",
    districtHint: "Frivilligt.",
    region: "Polisregion",
    chooseRegion: "Välj polisregion",
    save: "Spara ändringarna",
    municipalities: "Kommuner som lokalpolisområdet betjänar",
    noMunicipalities: "Inga kommuner är angivna ännu.",
    colMunicipality: "Kommun",
    colCoverage: "Täckning",
    colStatus: "Status",
    colSource: "Källa",
    colActions: "Åtgärder",
    remove: "Ta bort",
    addMunicipality: "Lägg till eller rätta en kommun",
    addMunicipalityHint: "Väljer du en kommun som redan finns i listan rättas dess uppgifter.",
    municipality: "Kommun",
    chooseMunicipality: "Välj kommun",
    coverage: "Täckning",
    chooseCoverage: "Välj täckning",
    whole: "Hela kommunen",
    part: "Del av kommunen",
    status: "Status",
    chooseStatus: "Välj status",
    verified: "Bekräftad (en källa säger det)",
    probable: "Trolig (inte bekräftad)",
    source: "Källa",
    sourceHint: "Var uppgiften kommer ifrån, t.ex. en adress på polisen.se.",
    saveMunicipality: "Spara kommunen",
  },
  en: {
    back: "Back to the local police areas",
    history: "Show change history",
    added: "The local police area has been added. Now add the municipalities it serves.",
    corrected: "The details have been saved.",
    municipalityAdded: "The municipality has been saved.",
    municipalityRemoved: "The municipality has been removed from the local police area.",
    details: "Details",
    name: "Name",
    district: "Police district",
    districtHint: "Optional.",
    region: "Police region",
    chooseRegion: "Choose a police region",
    save: "Save the changes",
    municipalities: "Municipalities the local police area serves",
    noMunicipalities: "No municipalities have been given yet.",
    colMunicipality: "Municipality",
    colCoverage: "Coverage",
    colStatus: "Status",
    colSource: "Source",
    colActions: "Actions",
    remove: "Remove",
    addMunicipality: "Add or correct a municipality",
    addMunicipalityHint: "Choosing a municipality already in the list corrects its details.",
    municipality: "Municipality",
    chooseMunicipality: "Choose a municipality",
    coverage: "Coverage",
    chooseCoverage: "Choose coverage",
    whole: "The whole municipality",
    part: "Part of the municipality",
    status: "Status",
    chooseStatus: "Choose status",
    verified: "Verified (a source says so)",
    probable: "Probable (not verified)",
    source: "Source",
    sourceHint: "Where the information comes from, e.g. an address on polisen.se.",
    saveMunicipality: "Save the municipality",
  },
});

const removeSchema = z.object({ municipalityCode: z.string().regex(/^\d{4}$/) });
const NOTICES = ["tillagt", "sparat", "kommun-sparad", "kommun-borttagen"] as const;

export const meta: Route.MetaFunction = ({ data: loaderData }) => [
  { title: `${loaderData?.policeArea.name ?? "Lokalpolisområde"} – Tryggsam` },
];

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const ctx = context.get(appContext);
  requirePagePermission(ctx.actor, request, "policeArea.manage");
  if (!z.guid().safeParse(params.id).success) throw data({ code: "NOT_FOUND" }, { status: 404 });
  const search = new URL(request.url).searchParams;
  return {
    policeArea: await pageCall(() => getPoliceArea(ctx, params.id)),
    regions: await findPoliceRegions(ctx),
    municipalityOptions: await findMunicipalityOptions(ctx),
    notice: NOTICES.find((n) => search.has(n)) ?? null,
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const ctx = context.get(appContext);
  requirePagePermission(ctx.actor, request, "policeArea.manage");
  if (!z.guid().safeParse(params.id).success) throw data({ code: "NOT_FOUND" }, { status: 404 });
  const id = params.id;
  const page = `/admin/lokalpolisomraden/${id}`;
  const formData = await request.formData();
  const intent = formData.get("intent");
  switch (typeof intent === "string" ? intent : "") {
    case "remove-municipality": {
      const parsed = removeSchema.safeParse(Object.fromEntries(formData));
      if (!parsed.success) throw data({ code: "NOT_FOUND" }, { status: 404 });
      await removeMunicipalityFromPoliceArea(ctx, id, parsed.data.municipalityCode).catch(throwAsPageError);
      return redirect(`${page}?kommun-borttagen=1#kommuner`);
    }
    case "add-municipality": {
      const result = await handleForm(
        request,
        servedMunicipalitySchema,
        async (value) => {
          await addMunicipalityToPoliceArea(ctx, id, value);
          return redirect(`${page}?kommun-sparad=1#kommuner`);
        },
        formData,
      ).catch(throwAsPageError);
      if (result instanceof Response) return result;
      return data({ intent: "add-municipality" as const, reply: result.data }, result.init ?? undefined);
    }
    default: {
      const result = await handleForm(
        request,
        policeAreaSchema,
        async (value) => {
          await correctPoliceArea(ctx, id, value);
          return redirect(`${page}?sparat=1`);
        },
        formData,
      ).catch(throwAsPageError);
      if (result instanceof Response) return result;
      return data({ intent: "correct" as const, reply: result.data }, result.init ?? undefined);
    }
  }
}

export default function PoliceArea({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT(messages);
  const words = useT(policeAreaLabels);
  const { policeArea } = loaderData;
  const [detailsForm, detailsFields] = useForm({
    id: "correct-police-area",
    lastResult: actionData?.intent === "correct" ? actionData.reply : undefined,
    defaultValue: {
      name: policeArea.name,
      policeDistrict: policeArea.policeDistrict ?? "",
      policeRegionId: policeArea.policeRegion.id,
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: policeAreaSchema }),
    shouldRevalidate: "onBlur",
  });
  const [municipalityForm, municipalityFields] = useForm({
    id: "add-municipality",
    lastResult: actionData?.intent === "add-municipality" ? actionData.reply : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: servedMunicipalitySchema }),
    shouldRevalidate: "onBlur",
  });
  const notice = {
    tillagt: t("added"),
    sparat: t("corrected"),
    "kommun-sparad": t("municipalityAdded"),
    "kommun-borttagen": t("municipalityRemoved"),
  };
  return (
    <>
      <p>
        <Link className="ds-link" to="/admin/lokalpolisomraden">
          {t("back")}
        </Link>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {policeArea.name}
      </h1>
      <p>
        <Link className="ds-link" to={`/historik/policeArea/${policeArea.id}`}>
          {t("history")}
        </Link>
      </p>
      {loaderData.notice ? (
        <div className="ds-alert" data-color="success" role="status">
          {notice[loaderData.notice]}
        </div>
      ) : null}

      <h2 className="ds-heading" data-size="md" id="kommuner" tabIndex={-1}>
        {t("municipalities")}
      </h2>
      {policeArea.municipalities.length === 0 ? (
        <p className="ds-paragraph">{t("noMunicipalities")}</p>
      ) : (
        <div className="table-wrap">
          <table className="ds-table">
            <caption className="visually-hidden">{t("municipalities")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("colMunicipality")}</th>
                <th scope="col">{t("colCoverage")}</th>
                <th scope="col">{t("colStatus")}</th>
                <th scope="col">{t("colSource")}</th>
                <th scope="col">{t("colActions")}</th>
              </tr>
            </thead>
            <tbody>
              {policeArea.municipalities.map((m) => (
                <tr key={m.code}>
                  <th scope="row">
                    {m.name} ({m.code})
                  </th>
                  <td>{words(m.coverage)}</td>
                  <td>{words(m.status)}</td>
                  <td className="break-words">{m.source ?? "–"}</td>
                  <td>
                    <Form method="post" className="inline-form">
                      <CsrfInput />
                      <input type="hidden" name="intent" value="remove-municipality" />
                      <input type="hidden" name="municipalityCode" value={m.code} />
                      <button type="submit" className="ds-button" data-variant="secondary" data-size="sm">
                        {t("remove")}
                        <span className="visually-hidden"> {m.name}</span>
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <div className="narrow">
        <h3 className="ds-heading" data-size="sm">
          {t("addMunicipality")}
        </h3>
        <p className="ds-paragraph">{t("addMunicipalityHint")}</p>
        <PostForm form={municipalityForm}>
          <input type="hidden" name="intent" value="add-municipality" />
          <ErrorSummary
            form={municipalityForm}
            fields={[
              municipalityFields.municipalityCode,
              municipalityFields.coverage,
              municipalityFields.status,
              municipalityFields.source,
            ]}
          />
          <SelectField
            field={municipalityFields.municipalityCode}
            label={t("municipality")}
            placeholder={t("chooseMunicipality")}
            options={loaderData.municipalityOptions.map((m) => ({
              value: m.code,
              label: `${m.name} (${m.code})`,
            }))}
            required
          />
          <SelectField
            field={municipalityFields.coverage}
            label={t("coverage")}
            placeholder={t("chooseCoverage")}
            options={[
              { value: "whole", label: t("whole") },
              { value: "part", label: t("part") },
            ]}
            required
          />
          <SelectField
            field={municipalityFields.status}
            label={t("status")}
            placeholder={t("chooseStatus")}
            options={[
              { value: "verified", label: t("verified") },
              { value: "probable", label: t("probable") },
            ]}
            required
          />
          <TextField
            field={municipalityFields.source}
            label={t("source")}
            description={t("sourceHint")}
            autoComplete="off"
          />
          <SubmitButton>{t("saveMunicipality")}</SubmitButton>
        </PostForm>

        <h2 className="ds-heading" data-size="md">
          {t("details")}
        </h2>
        <PostForm form={detailsForm}>
          <input type="hidden" name="intent" value="correct" />
          <ErrorSummary
            form={detailsForm}
            fields={[detailsFields.name, detailsFields.policeDistrict, detailsFields.policeRegionId]}
          />
          <TextField field={detailsFields.name} label={t("name")} autoComplete="off" required />
          <TextField
            field={detailsFields.policeDistrict}
            label={t("district")}
            description={t("districtHint")}
            autoComplete="off"
          />
          <SelectField
            field={detailsFields.policeRegionId}
            label={t("region")}
            placeholder={t("chooseRegion")}
            options={loaderData.regions.map((r) => ({ value: r.id, label: r.name }))}
            required
          />
          <SubmitButton>{t("save")}</SubmitButton>
        </PostForm>
      </div>
    </>
  );
}
