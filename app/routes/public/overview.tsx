import { Form, Link, useSearchParams } from "react-router";
import type { Route } from "./+types/overview";
import type { RouteHandle } from "~/root";
import { swedishDate } from "~/domain/agreements/document-lifecycle";
import {
  filterAndSortOverview,
  OVERVIEW_STATUSES,
  overviewStatusLabel,
  parseOverviewQuery,
  periodEndLabel,
  type OverviewQuery,
  type OverviewSort,
} from "~/domain/public/public-overview";
import { findPublicOverview } from "~/domain/public/public-overview.queries.server";
import { THEME_LABELS, THEMES } from "~/domain/themes/themes";
import { defineMessages } from "~/i18n/messages";
import { useLocale, useT } from "~/i18n/use-t";
import { metaLocale, publicPageMeta } from "~/lib/meta";
import { publicOrigin } from "~/lib/public-url.server";
import { appContext } from "~/lib/request-context.server";

const messages = defineMessages({
  sv: {
    title: "Översikt: alla kommuner",
    lead: "Samverkansöverenskommelser och medborgarlöften mellan polisen och Sveriges 290 kommuner, som de publicerats i Tryggsam. Filtrera, sortera och ladda ner tabellen.",
    caption: "Kommunernas samverkan med polisen",
    showing: "{shown} av {total} kommuner",
    region: "Polisregion",
    county: "Län",
    status: "Status",
    theme: "Tema",
    all: "Alla",
    filter: "Visa",
    clear: "Rensa filtren",
    csv: "Ladda ner tabellen som CSV (för Excel)",
    colName: "Kommun",
    colCounty: "Län",
    colRegion: "Polisregion",
    colStatus: "Överenskommelse",
    colEnd: "Periodens slut",
    colThemes: "Teman",
    colPromises: "Medborgarlöften",
    colCommitments: "Löften",
    sortBy: "Sortera efter",
    ascending: "stigande",
    descending: "fallande",
    none: "Inga kommuner matchar filtren.",
    description:
      "Alla 290 kommuners samverkansöverenskommelser och medborgarlöften med polisen: status, period, teman och antal löften.",
  },
  en: {
    title: "Overview: all municipalities",
    lead: "Collaboration agreements and citizen promises between the police and Sweden's 290 municipalities, as published in Tryggsam. Filter, sort and download the table.",
    caption: "The municipalities' collaboration with the police",
    showing: "{shown} of {total} municipalities",
    region: "Police region",
    county: "County",
    status: "Status",
    theme: "Theme",
    all: "All",
    filter: "Show",
    clear: "Clear the filters",
    csv: "Download the table as CSV (for Excel)",
    colName: "Municipality",
    colCounty: "County",
    colRegion: "Police region",
    colStatus: "Agreement",
    colEnd: "Period ends",
    colThemes: "Themes",
    colPromises: "Citizen promises",
    colCommitments: "Promises",
    sortBy: "Sort by",
    ascending: "ascending",
    descending: "descending",
    none: "No municipality matches the filters.",
    description:
      "All 290 municipalities' collaboration agreements and citizen promises with the police: status, period, themes and number of promises.",
  },
});

const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ""));

/** Read-only: sent without scripts (root.tsx). */
export const handle: RouteHandle = { hydrate: false };

export const meta: Route.MetaFunction = ({ data: loaderData, matches }) => {
  const locale = metaLocale(matches);
  return publicPageMeta({
    title: messages[locale].title,
    description: messages[locale].description,
    ...(loaderData ? { url: `${loaderData.origin}/oversikt` } : {}),
    locale,
  });
};

export async function loader({ context, request }: Route.LoaderArgs) {
  const { db } = context.get(appContext);
  const query = parseOverviewQuery(new URL(request.url).searchParams);
  const all = await findPublicOverview(db, swedishDate(new Date()));
  return {
    query,
    total: all.length,
    rows: filterAndSortOverview(all, query),
    regions: [...new Set(all.map((r) => r.policeRegion))].sort((a, b) => a.localeCompare(b, "sv")),
    counties: [...new Set(all.map((r) => r.county))].sort((a, b) => a.localeCompare(b, "sv")),
    origin: publicOrigin(request),
  };
}

/** The query string for the same filters with another sort (or none when the defaults). */
function withParams(params: URLSearchParams, changes: Record<string, string | undefined>): string {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined || value === "") next.delete(key);
    else next.set(key, value);
  }
  const text = next.toString();
  return text ? `?${text}` : "";
}

function SortableHeader({
  sort,
  label,
  query,
  params,
}: {
  sort: OverviewSort;
  label: string;
  query: OverviewQuery;
  params: URLSearchParams;
}) {
  const t = useT(messages);
  const active = query.sortera === sort;
  const nextOrder = active && query.ordning === "stigande" ? "fallande" : "stigande";
  return (
    <th
      scope="col"
      aria-sort={active ? (query.ordning === "stigande" ? "ascending" : "descending") : undefined}
    >
      <Link
        className="ds-link sort-link"
        to={`/oversikt${withParams(params, { sortera: sort, ordning: nextOrder })}`}
        preventScrollReset
      >
        {label}
        <span className="visually-hidden">
          {" "}
          ({t("sortBy")} {label.toLowerCase()}, {nextOrder === "stigande" ? t("ascending") : t("descending")})
        </span>
        {active ? <span aria-hidden="true">{query.ordning === "stigande" ? " ▲" : " ▼"}</span> : null}
      </Link>
    </th>
  );
}

export default function Overview({ loaderData }: Route.ComponentProps) {
  const t = useT(messages);
  const locale = useLocale();
  const [params] = useSearchParams();
  const { query, rows, total, regions, counties } = loaderData;
  const filters = new URLSearchParams();
  for (const key of ["polisregion", "lan", "status", "tema"] as const) {
    const value = query[key];
    if (value) filters.set(key, value);
  }
  const csvQuery = withParams(params, {});
  return (
    <>
      <h1 className="ds-heading" data-size="lg">
        {t("title")}
      </h1>
      <p className="ds-paragraph lead">{t("lead")}</p>
      <Form method="get" className="actions filter-form" aria-label={t("filter")}>
        <div className="ds-field field">
          <label className="ds-label" htmlFor="filter-region">
            {t("region")}
          </label>
          <select
            className="ds-input"
            id="filter-region"
            name="polisregion"
            defaultValue={query.polisregion ?? ""}
          >
            <option value="">{t("all")}</option>
            {regions.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </div>
        <div className="ds-field field">
          <label className="ds-label" htmlFor="filter-county">
            {t("county")}
          </label>
          <select className="ds-input" id="filter-county" name="lan" defaultValue={query.lan ?? ""}>
            <option value="">{t("all")}</option>
            {counties.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </div>
        <div className="ds-field field">
          <label className="ds-label" htmlFor="filter-status">
            {t("status")}
          </label>
          <select className="ds-input" id="filter-status" name="status" defaultValue={query.status ?? ""}>
            <option value="">{t("all")}</option>
            {OVERVIEW_STATUSES.map((s) => (
              <option key={s} value={s}>
                {overviewStatusLabel(s, locale)}
              </option>
            ))}
          </select>
        </div>
        <div className="ds-field field">
          <label className="ds-label" htmlFor="filter-theme">
            {t("theme")}
          </label>
          <select className="ds-input" id="filter-theme" name="tema" defaultValue={query.tema ?? ""}>
            <option value="">{t("all")}</option>
            {THEMES.map((theme) => (
              <option key={theme} value={theme}>
                {THEME_LABELS[locale][theme]}
              </option>
            ))}
          </select>
        </div>
        {query.sortera !== "kommun" ? <input type="hidden" name="sortera" value={query.sortera} /> : null}
        {query.ordning !== "stigande" ? <input type="hidden" name="ordning" value={query.ordning} /> : null}
        <button type="submit" className="ds-button" data-variant="secondary">
          {t("filter")}
        </button>
        {filters.size > 0 ? (
          <Link className="ds-link" to="/oversikt">
            {t("clear")}
          </Link>
        ) : null}
      </Form>
      <p className="ds-paragraph" role="status">
        {fill(t("showing"), { shown: rows.length, total })}
      </p>
      <p>
        <a className="ds-link" href={`/oversikt.csv${csvQuery}`} download>
          {t("csv")}
        </a>
      </p>
      <div className="table-wrap">
        <table className="ds-table overview-table">
          <caption>
            {t("caption")} ({fill(t("showing"), { shown: rows.length, total })})
          </caption>
          <thead>
            <tr>
              <SortableHeader sort="kommun" label={t("colName")} query={query} params={params} />
              <SortableHeader sort="lan" label={t("colCounty")} query={query} params={params} />
              <SortableHeader sort="polisregion" label={t("colRegion")} query={query} params={params} />
              <SortableHeader sort="status" label={t("colStatus")} query={query} params={params} />
              <SortableHeader sort="slut" label={t("colEnd")} query={query} params={params} />
              <th scope="col">{t("colThemes")}</th>
              <SortableHeader sort="loften" label={t("colPromises")} query={query} params={params} />
              <SortableHeader sort="atagande" label={t("colCommitments")} query={query} params={params} />
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.code}>
                <th scope="row">
                  <Link className="ds-link" to={`/kommun/${row.slug}`}>
                    {row.name}
                  </Link>
                </th>
                <td>{row.county}</td>
                <td>{row.policeRegion}</td>
                <td>{overviewStatusLabel(row.status, locale)}</td>
                <td>{periodEndLabel(row, locale)}</td>
                <td>{row.themes.map((theme) => THEME_LABELS[locale][theme]).join(", ")}</td>
                <td className="numeric">{row.promises}</td>
                <td className="numeric">{row.commitments}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length === 0 ? <p className="ds-paragraph">{t("none")}</p> : null}
    </>
  );
}
