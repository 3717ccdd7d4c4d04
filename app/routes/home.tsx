import { useState } from "react";
import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/home";
import { findMunicipalityNames } from "~/domain/public/municipality-names.queries.server";
import { exactMatch, searchMunicipalities, SEARCH_MAX } from "~/domain/public/municipality-search";
import { countUsers } from "~/domain/users/user.queries.server";
import { defineMessages } from "~/i18n/messages";
import { useT } from "~/i18n/use-t";
import { metaLocale, publicPageMeta } from "~/lib/meta";
import { publicOrigin } from "~/lib/public-url.server";
import { appContext } from "~/lib/request-context.server";

const messages = defineMessages({
  sv: {
    title: "Tryggsam",
    metaTitle: "Samverkan mellan polis och kommun",
    lead: "Här samlar kommuner och lokalpolisområden sina samverkansöverenskommelser och medborgarlöften – från lägesbild och medborgardialog till uppföljning – och visar invånarna hur det går.",
    searchHeading: "Vill du veta hur det går i din kommun?",
    searchLabel: "Sök kommun",
    searchHint: "Skriv kommunens namn, till exempel Umeå.",
    search: "Sök",
    results: "Kommuner som matchar",
    found: "{n} kommuner hittades.",
    foundOne: "1 kommun hittades.",
    foundNone: "Ingen kommun heter så. Prova en del av namnet.",
    more: "Visar de {max} första. Skriv mer av namnet för att se färre.",
    overview: "Se alla 290 kommuner i översikten",
    signedIn: "Du är inloggad som",
    toPartnerships: "Till dina samverkan",
    login: "Logga in",
    workTool: "Arbetar du med samverkan i en kommun eller ett lokalpolisområde?",
    description:
      "Samverkansöverenskommelser och medborgarlöften mellan polisen och Sveriges kommuner – vad som gäller och hur det går.",
  },
  en: {
    title: "Tryggsam",
    metaTitle: "Police and municipalities working together",
    lead: "Municipalities and local police areas keep their collaboration agreements and citizen promises here – from situation picture and citizen dialogue to follow-up – and show residents how it is going.",
    searchHeading: "Want to know how it is going in your municipality?",
    searchLabel: "Search for a municipality",
    searchHint: "Type the municipality's name, for example Umeå.",
    search: "Search",
    results: "Matching municipalities",
    found: "{n} municipalities found.",
    foundOne: "1 municipality found.",
    foundNone: "No municipality has that name. Try part of the name.",
    more: "Showing the first {max}. Type more of the name to narrow it down.",
    overview: "See all 290 municipalities in the overview",
    signedIn: "You are logged in as",
    toPartnerships: "To your partnerships",
    login: "Log in",
    workTool: "Do you work with a partnership in a municipality or local police area?",
    description:
      "Collaboration agreements and citizen promises between the police and Sweden's municipalities – what applies and how it is going.",
  },
});

/** At most this many results are listed; the count says how many there are. */
const SHOWN_MAX = 50;

export const meta: Route.MetaFunction = ({ data: loaderData, matches }) => {
  const locale = metaLocale(matches);
  return publicPageMeta({
    title: messages[locale].metaTitle,
    description: messages[locale].description,
    ...(loaderData ? { url: `${loaderData.origin}/` } : {}),
    locale,
  });
};

export async function loader({ context, request }: Route.LoaderArgs) {
  const { db, actor } = context.get(appContext);
  if ((await countUsers(db)) === 0) throw redirect("/forsta-start");
  const q = (new URL(request.url).searchParams.get("q") ?? "").slice(0, SEARCH_MAX);
  const municipalities = await findMunicipalityNames(db);
  // A search naming exactly one municipality goes straight to its page.
  const exact = q.trim() ? exactMatch(municipalities, q) : null;
  if (exact) throw redirect(`/kommun/${exact.slug}`);
  return {
    userName: actor.kind === "user" ? actor.name : null,
    q,
    municipalities,
    origin: publicOrigin(request),
  };
}

export default function Home({ loaderData }: Route.ComponentProps) {
  const t = useT(messages);
  // Without JavaScript the server renders the results of ?q=; with it, they follow the typing.
  const [query, setQuery] = useState(loaderData.q);
  const results = searchMunicipalities(loaderData.municipalities, query);
  const searching = query.trim().length > 0;
  const count =
    results.length === 0
      ? t("foundNone")
      : results.length === 1
        ? t("foundOne")
        : t("found").replace("{n}", String(results.length));
  return (
    <>
      <h1 className="ds-heading" data-size="xl">
        {t("title")}
      </h1>
      <p className="ds-paragraph lead">{t("lead")}</p>

      <section aria-labelledby="search-heading" className="public-section">
        <h2 className="ds-heading" data-size="md" id="search-heading">
          {t("searchHeading")}
        </h2>
        <Form method="get" role="search" className="actions filter-form municipality-search">
          <div className="ds-field field">
            <label className="ds-label" htmlFor="municipality-search">
              {t("searchLabel")}
            </label>
            <p className="ds-paragraph muted" id="municipality-search-hint">
              {t("searchHint")}
            </p>
            <input
              className="ds-input"
              id="municipality-search"
              type="search"
              name="q"
              autoComplete="off"
              maxLength={SEARCH_MAX}
              aria-describedby="municipality-search-hint"
              value={query}
              onChange={(event) => setQuery(event.currentTarget.value)}
            />
          </div>
          <button type="submit" className="ds-button">
            {t("search")}
          </button>
        </Form>
        <p className="ds-paragraph" role="status" aria-live="polite">
          {searching ? count : ""}
        </p>
        {searching && results.length > 0 ? (
          <>
            <h3 className="visually-hidden">{t("results")}</h3>
            <ul className="search-results">
              {results.slice(0, SHOWN_MAX).map((m) => (
                <li key={m.slug}>
                  <Link className="ds-link" to={`/kommun/${m.slug}`}>
                    {m.name}
                  </Link>{" "}
                  <span className="muted">{m.county}</span>
                </li>
              ))}
            </ul>
            {results.length > SHOWN_MAX ? (
              <p className="ds-paragraph muted">{t("more").replace("{max}", String(SHOWN_MAX))}</p>
            ) : null}
          </>
        ) : null}
        <p>
          <Link className="ds-link" to="/oversikt">
            {t("overview")}
          </Link>
        </p>
      </section>

      {loaderData.userName ? (
        <p className="ds-paragraph">
          {t("signedIn")} {loaderData.userName}.{" "}
          <Link className="ds-link" to="/samverkan">
            {t("toPartnerships")}
          </Link>
        </p>
      ) : (
        <p className="ds-paragraph">
          {t("workTool")}{" "}
          <Link className="ds-link" to="/logga-in">
            {t("login")}
          </Link>
        </p>
      )}
    </>
  );
}
