import { data, Link, redirect } from "react-router";
import type { Route } from "./+types/municipality";
import type { RouteHandle } from "~/root";
import {
  dateLabel,
  Downloads,
  periodLabel,
  PublicCitizenPromiseView,
  StatusBadge,
  ThemeTags,
} from "~/components/public-documents";
import { FOLLOW_UP_CADENCE_LABELS } from "~/domain/agreements/agreement.schemas";
import { swedishDate } from "~/domain/agreements/document-lifecycle";
import { COMMITMENT_STATUS_LABELS } from "~/domain/citizen-promises/citizen-promise.schemas";
import {
  findPublicMunicipality,
  type PublicAgreement,
} from "~/domain/public/public-municipality.queries.server";
import { defineMessages } from "~/i18n/messages";
import { useLocale, useT } from "~/i18n/use-t";
import { metaLocale, publicPageMeta } from "~/lib/meta";
import { feedPath } from "~/domain/public/municipality-feed";
import { findMunicipalityNames } from "~/domain/public/municipality-names.queries.server";
import { surveyResultsPath } from "~/domain/public/survey-results";
import { findPublishedWavesForMunicipality } from "~/domain/public/survey-results.queries.server";
import { municipalityForAddress } from "~/domain/public/municipality-search";
import { publicOrigin } from "~/lib/public-url.server";
import { appContext } from "~/lib/request-context.server";

const messages = defineMessages({
  sv: {
    lead: "Så samarbetar polisen och {name} för ett tryggare {name}: överenskommelsen, löftena till invånarna och hur det går.",
    place: "{county}, polisregion {region}",
    nothing:
      "Det finns inga publicerade samverkansöverenskommelser eller medborgarlöften för {name} i Tryggsam än. Kommunen och polisen kan ha publicerat dem på sina egna webbplatser.",
    partnerships: "Samverkan",
    policeArea: "Lokalpolisområde",
    council: "Råd",
    noCouncil: "Inget råd angivet",
    agreement: "Samverkansöverenskommelse",
    noAgreement: "Ingen samverkansöverenskommelse är publicerad.",
    status: "Status",
    period: "Period",
    signedOn: "Undertecknad",
    caseNumber: "Diarienummer",
    focusAreas: "Fokusområden",
    goals: "Övergripande mål",
    followUpPlan: "Så följs arbetet upp",
    cadence: "Hur ofta",
    responsible: "Ansvarig",
    reportsTo: "Rapporteras till",
    promises: "Medborgarlöften",
    noPromises: "Inget gällande medborgarlöfte är publicerat.",
    followUps: "Uppföljning",
    noFollowUps: "Ingen uppföljning är publicerad än.",
    history: "Tidigare perioder",
    earlierAgreements: "Tidigare överenskommelser",
    earlierPromises: "Tidigare medborgarlöften",
    overview: "Se alla kommuner i översikten",
    surveys: "Trygghetsundersökningar",
    metaDescription:
      "Samverkansöverenskommelse och medborgarlöften mellan polisen och {name}: vad som gäller och hur det går.",
  },
  en: {
    lead: "How the police and {name} work together for a safer {name}: the agreement, the promises to residents and how it is going.",
    place: "{county}, police region {region}",
    nothing:
      "No collaboration agreements or citizen promises for {name} have been published in Tryggsam yet. The municipality and the police may have published them on their own websites.",
    partnerships: "Partnership",
    policeArea: "Local police area",
    council: "Council",
    noCouncil: "No council given",
    agreement: "Collaboration agreement",
    noAgreement: "No collaboration agreement has been published.",
    status: "Status",
    period: "Period",
    signedOn: "Signed",
    caseNumber: "Registry number",
    focusAreas: "Focus areas",
    goals: "Overall goals",
    followUpPlan: "How the work is followed up",
    cadence: "How often",
    responsible: "Responsible",
    reportsTo: "Reported to",
    promises: "Citizen promises",
    noPromises: "No current citizen promise has been published.",
    followUps: "Follow-up",
    noFollowUps: "No follow-up has been published yet.",
    history: "Earlier periods",
    earlierAgreements: "Earlier agreements",
    earlierPromises: "Earlier citizen promises",
    overview: "See all municipalities in the overview",
    surveys: "Safety surveys",
    metaDescription:
      "Collaboration agreement and citizen promises between the police and {name}: what applies and how it is going.",
  },
});

const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? "");

/** Read-only: sent without scripts (root.tsx). */
export const handle: RouteHandle = { hydrate: false };

export const meta: Route.MetaFunction = ({ data: loaderData, matches }) => {
  const locale = metaLocale(matches);
  if (!loaderData) return [{ title: "Tryggsam" }];
  const { municipality } = loaderData.page;
  return [
    ...publicPageMeta({
      title: municipality.name,
      description: fill(messages[locale].metaDescription, { name: municipality.name }),
      url: `${loaderData.origin}/kommun/${municipality.slug}`,
      locale,
    }),
    // The Atom feed of new documents and follow-ups (routes/public/municipality-feed.ts).
    {
      tagName: "link",
      rel: "alternate",
      type: "application/atom+xml",
      title: `${municipality.name} – Tryggsam`,
      href: feedPath(municipality.slug),
    },
  ];
};

/** Anyone may read it: only published documents are in the public read model. */
export async function loader({ context, params, request }: Route.LoaderArgs) {
  const { db } = context.get(appContext);
  const page = await findPublicMunicipality(db, params.slug, swedishDate(new Date()));
  if (!page) {
    // "/kommun/Ange", "/kommun/ånge": the address a person typed, sent on to the municipality's page.
    const meant = municipalityForAddress(await findMunicipalityNames(db), params.slug);
    if (meant && meant.slug !== params.slug) throw redirect(`/kommun/${meant.slug}`, 301);
    throw data({ code: "NOT_FOUND" }, { status: 404 });
  }
  const surveys = await findPublishedWavesForMunicipality(db, page.municipality.code);
  return { page, surveys, origin: publicOrigin(request) };
}

function AgreementView({ agreement, headingLevel }: { agreement: PublicAgreement; headingLevel: 3 | 4 }) {
  const t = useT(messages);
  const locale = useLocale();
  const Heading = `h${headingLevel}` as const;
  const Sub = `h${headingLevel + 1}` as "h4" | "h5";
  const cadence = agreement.followUp.cadence
    ? FOLLOW_UP_CADENCE_LABELS[locale][agreement.followUp.cadence]
    : "";
  return (
    <article className="public-document" aria-labelledby={`agreement-${agreement.id}`}>
      <Heading
        className="ds-heading"
        data-size={headingLevel === 3 ? "sm" : "xs"}
        id={`agreement-${agreement.id}`}
      >
        {agreement.title}
      </Heading>
      <dl className="facts">
        <dt>{t("status")}</dt>
        <dd>
          <StatusBadge status={agreement.status} />
        </dd>
        <dt>{t("period")}</dt>
        <dd>{periodLabel(agreement.period, locale)}</dd>
        {agreement.signedOn ? (
          <>
            <dt>{t("signedOn")}</dt>
            <dd>{dateLabel(agreement.signedOn, locale)}</dd>
          </>
        ) : null}
        {agreement.caseNumber ? (
          <>
            <dt>{t("caseNumber")}</dt>
            <dd>{agreement.caseNumber}</dd>
          </>
        ) : null}
      </dl>
      {agreement.goals.length > 0 ? (
        <>
          <Sub className="ds-heading" data-size="2xs">
            {t("goals")}
          </Sub>
          <ul>
            {agreement.goals.map((goal, i) => (
              <li key={i}>{goal}</li>
            ))}
          </ul>
        </>
      ) : null}
      {agreement.focusAreas.length > 0 ? (
        <>
          <Sub className="ds-heading" data-size="2xs">
            {t("focusAreas")}
          </Sub>
          <ol className="focus-areas">
            {agreement.focusAreas.map((area) => (
              <li key={area.key}>
                <strong>{area.title}</strong>
                {area.description ? <p className="ds-paragraph pre-line">{area.description}</p> : null}
                {area.points.length > 0 ? (
                  <ul>
                    {area.points.map((point, i) => (
                      <li key={i}>{point}</li>
                    ))}
                  </ul>
                ) : null}
                <ThemeTags themes={area.themes} />
              </li>
            ))}
          </ol>
        </>
      ) : null}
      {cadence || agreement.followUp.responsible || agreement.followUp.description ? (
        <>
          <Sub className="ds-heading" data-size="2xs">
            {t("followUpPlan")}
          </Sub>
          <dl className="facts">
            {cadence ? (
              <>
                <dt>{t("cadence")}</dt>
                <dd>{cadence}</dd>
              </>
            ) : null}
            {agreement.followUp.responsible ? (
              <>
                <dt>{t("responsible")}</dt>
                <dd>{agreement.followUp.responsible}</dd>
              </>
            ) : null}
            {agreement.followUp.reportsTo ? (
              <>
                <dt>{t("reportsTo")}</dt>
                <dd>{agreement.followUp.reportsTo}</dd>
              </>
            ) : null}
          </dl>
          {agreement.followUp.description ? (
            <p className="ds-paragraph pre-line">{agreement.followUp.description}</p>
          ) : null}
        </>
      ) : null}
      <Downloads href={`/overenskommelser/${agreement.id}`} label={agreement.title} />
    </article>
  );
}

export default function PublicMunicipality({ loaderData }: Route.ComponentProps) {
  const t = useT(messages);
  const locale = useLocale();
  const {
    municipality,
    partnerships,
    currentAgreement,
    earlierAgreements,
    currentPromises,
    earlierPromises,
    followUps,
  } = loaderData.page;
  const name = municipality.name;
  const nothing = !currentAgreement && currentPromises.length === 0 && earlierPromises.length === 0;
  return (
    <>
      <h1 className="ds-heading" data-size="xl">
        {name}
      </h1>
      <p className="ds-paragraph muted">
        {fill(t("place"), { county: municipality.county, region: municipality.policeRegion })}
      </p>
      {nothing ? (
        <p className="ds-paragraph lead">{fill(t("nothing"), { name })}</p>
      ) : (
        <p className="ds-paragraph lead">{fill(t("lead"), { name })}</p>
      )}

      {partnerships.length > 0 ? (
        <section aria-labelledby="partnerships-heading" className="public-section">
          <h2 className="ds-heading" data-size="md" id="partnerships-heading">
            {t("partnerships")}
          </h2>
          <ul className="card-list">
            {partnerships.map((p) => (
              <li key={p.id}>
                <p className="ds-paragraph">
                  <strong>{p.name}</strong>
                </p>
                <dl className="facts">
                  <dt>{t("policeArea")}</dt>
                  <dd>{p.policeArea}</dd>
                  <dt>{t("council")}</dt>
                  <dd>{p.councils.length ? p.councils.map((c) => c.name).join(", ") : t("noCouncil")}</dd>
                </dl>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {nothing ? null : (
        <>
          <section aria-labelledby="agreement-heading" className="public-section">
            <h2 className="ds-heading" data-size="md" id="agreement-heading">
              {t("agreement")}
            </h2>
            {currentAgreement ? (
              <AgreementView agreement={currentAgreement} headingLevel={3} />
            ) : (
              <p className="ds-paragraph">{t("noAgreement")}</p>
            )}
          </section>

          <section aria-labelledby="promises-heading" className="public-section">
            <h2 className="ds-heading" data-size="md" id="promises-heading">
              {t("promises")}
            </h2>
            {currentPromises.length ? (
              currentPromises.map((p) => <PublicCitizenPromiseView key={p.id} promise={p} headingLevel={3} />)
            ) : (
              <p className="ds-paragraph">{t("noPromises")}</p>
            )}
          </section>

          <section aria-labelledby="follow-ups-heading" className="public-section">
            <h2 className="ds-heading" data-size="md" id="follow-ups-heading">
              {t("followUps")}
            </h2>
            {followUps.length ? (
              <ol className="follow-ups">
                {followUps.map((f) => (
                  <li key={f.id}>
                    <p className="ds-paragraph">
                      <time dateTime={f.occurredOn}>{dateLabel(f.occurredOn, locale)}</time>:{" "}
                      <strong>{COMMITMENT_STATUS_LABELS[locale][f.status]}</strong> – {f.commitmentText}
                    </p>
                    {f.note ? <p className="ds-paragraph pre-line">{f.note}</p> : null}
                    <p className="ds-paragraph muted">{f.citizenPromiseTitle}</p>
                  </li>
                ))}
              </ol>
            ) : (
              <p className="ds-paragraph">{t("noFollowUps")}</p>
            )}
          </section>

          {earlierAgreements.length || earlierPromises.length ? (
            <section aria-labelledby="history-heading" className="public-section">
              <h2 className="ds-heading" data-size="md" id="history-heading">
                {t("history")}
              </h2>
              {earlierAgreements.length ? (
                <>
                  <h3 className="ds-heading" data-size="sm">
                    {t("earlierAgreements")}
                  </h3>
                  {earlierAgreements.map((a) => (
                    <AgreementView key={a.id} agreement={a} headingLevel={4} />
                  ))}
                </>
              ) : null}
              {earlierPromises.length ? (
                <>
                  <h3 className="ds-heading" data-size="sm">
                    {t("earlierPromises")}
                  </h3>
                  {earlierPromises.map((p) => (
                    <PublicCitizenPromiseView key={p.id} promise={p} headingLevel={4} />
                  ))}
                </>
              ) : null}
            </section>
          ) : null}
        </>
      )}
      {loaderData.surveys.length > 0 ? (
        <section aria-labelledby="surveys-heading" className="public-section">
          <h2 className="ds-heading" data-size="md" id="surveys-heading">
            {t("surveys")}
          </h2>
          <ul>
            {loaderData.surveys.map((wave) => (
              <li key={wave.id}>
                <a className="ds-link" href={surveyResultsPath(wave.id)}>
                  {wave.surveyTitle} {wave.name}
                </a>{" "}
                <span className="muted">
                  ({dateLabel(wave.opensOn, locale)} – {dateLabel(wave.closesOn, locale)})
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p>
        <Link className="ds-link" to="/oversikt">
          {t("overview")}
        </Link>
      </p>
    </>
  );
}
