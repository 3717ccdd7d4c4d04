import { Form, Link } from "react-router";
import type { Route } from "./+types/police-areas";
import { policeAreaLabels } from "~/components/police-area-labels";
import { findPoliceAreas, findPoliceRegions } from "~/domain/police-areas/police-area.queries.server";
import { policeAreaFilterSchema } from "~/domain/police-areas/police-area.schemas";
import { defineMessages } from "~/i18n/messages";
import { useT } from "~/i18n/use-t";
import { appContext } from "~/lib/request-context.server";
import { requirePagePermission } from "~/lib/require-permission.server";

const messages = defineMessages({
  sv: {
    title: "Lokalpolisområden",
    intro:
      "Lokalpolisområdena och kommunerna de betjänar. Listan är inte komplett: lägg till och rätta det som saknas eller är fel.",
    add: "Lägg till lokalpolisområde",
    region: "Polisregion",
    allRegions: "Alla polisregioner",
    filter: "Visa",
    colName: "Lokalpolisområde",
    colDistrict: "Polisområde",
    colRegion: "Polisregion",
    colMunicipalities: "Kommuner (täckning, status)",
    none: "Inga lokalpolisområden i den här polisregionen.",
    noMunicipalities: "Inga kommuner angivna",
    count: "lokalpolisområden",
  },
  en: {
    title: "Local police areas",
    intro:
      "The local police areas and the municipalities they serve. The list is not complete: add and correct what is missing or wrong.",
    add: "Add a local police area",
    region: "Police region",
    allRegions: "All police regions",
    filter: "Show",
    colName: "Local police area",
    colDistrict: "Police district",
    colRegion: "Police region",
    colMunicipalities: "Municipalities (coverage, status)",
    none: "No local police areas in this police region.",
    noMunicipalities: "No municipalities given",
    count: "local police areas",
  },
});

export const meta: Route.MetaFunction = () => [{ title: "Lokalpolisområden – Tryggsam" }];

export async function loader({ context, request }: Route.LoaderArgs) {
  const ctx = context.get(appContext);
  requirePagePermission(ctx.actor, request, "policeArea.manage");
  const region = new URL(request.url).searchParams.get("polisregion") || undefined;
  // An unknown region in the address shows every area rather than an error page.
  const filter = policeAreaFilterSchema.safeParse({ policeRegionId: region });
  const policeRegionId = filter.success ? filter.data.policeRegionId : undefined;
  return {
    policeRegionId: policeRegionId ?? "",
    regions: await findPoliceRegions(ctx),
    policeAreas: await findPoliceAreas(ctx, { policeRegionId }),
  };
}

export default function PoliceAreas({ loaderData }: Route.ComponentProps) {
  const t = useT(messages);
  const words = useT(policeAreaLabels);
  return (
    <>
      <h1 className="ds-heading" data-size="lg">
        {t("title")}
      </h1>
      <p className="ds-paragraph lead">{t("intro")}</p>
      <p>
        <Link className="ds-link" to="/admin/lokalpolisomraden/ny">
          {t("add")}
        </Link>
      </p>
      <Form method="get" className="actions filter-form">
        <div className="ds-field field">
          <label className="ds-label" htmlFor="police-region-filter">
            {t("region")}
          </label>
          <select
            className="ds-input"
            id="police-region-filter"
            name="polisregion"
            defaultValue={loaderData.policeRegionId}
          >
            <option value="">{t("allRegions")}</option>
            {loaderData.regions.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="ds-button" data-variant="secondary">
          {t("filter")}
        </button>
      </Form>
      {loaderData.policeAreas.length === 0 ? (
        <p className="ds-paragraph">{t("none")}</p>
      ) : (
        <div className="table-wrap">
          <table className="ds-table">
            <caption className="visually-hidden">
              {loaderData.policeAreas.length} {t("count")}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("colName")}</th>
                <th scope="col">{t("colDistrict")}</th>
                <th scope="col">{t("colRegion")}</th>
                <th scope="col">{t("colMunicipalities")}</th>
              </tr>
            </thead>
            <tbody>
              {loaderData.policeAreas.map((area) => (
                <tr key={area.id}>
                  <th scope="row">
                    <Link className="ds-link" to={`/admin/lokalpolisomraden/${area.id}`}>
                      {area.name}
                    </Link>
                  </th>
                  <td>{area.policeDistrict ?? "–"}</td>
                  <td>{area.policeRegion.name}</td>
                  <td>
                    {area.municipalities.length === 0 ? (
                      t("noMunicipalities")
                    ) : (
                      <ul className="plain-list">
                        {area.municipalities.map((m) => (
                          <li key={m.code}>
                            {m.name} ({words(m.coverage)}, {words(m.status)})
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
