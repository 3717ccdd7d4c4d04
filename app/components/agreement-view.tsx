import { ThemeTags } from "./theme-fields";
import {
  FOLLOW_UP_CADENCE_LABELS,
  PROBLEM_SOURCE_LABELS,
  type AgreementContent,
} from "~/domain/agreements/agreement.schemas";
import { SIGNATORY_PARTY_LABELS } from "~/domain/agreements/document-parts.schemas";
import { defineMessages } from "~/i18n/messages";
import { useLocale, useT } from "~/i18n/use-t";

const messages = defineMessages({
  sv: {
    caseNumber: "Diarienummer",
    background: "Bakgrund",
    purpose: "Syfte",
    sources: "Så har problemen identifierats",
    goals: "Övergripande mål",
    focusAreas: "Fokusområden",
    cause: "Trolig orsak",
    documentation: "Dokumentation",
    followUp: "Uppföljning",
    responsible: "Ansvarig",
    reportsTo: "Rapporteras till",
    standingItem: "Stående punkt på rådets möten",
    communication: "Kommunikation",
    otherUndertakings: "Övriga åtaganden",
    signatories: "Undertecknare",
    empty: "Inte ifyllt ännu.",
  },
  en: {
    caseNumber: "Registry number",
    background: "Background",
    purpose: "Purpose",
    sources: "How the problems were identified",
    goals: "Overall goals",
    focusAreas: "Focus areas",
    cause: "Likely cause",
    documentation: "Documentation",
    followUp: "Follow-up",
    responsible: "Responsible",
    reportsTo: "Reported to",
    standingItem: "Standing item at the council's meetings",
    communication: "Communication",
    otherUndertakings: "Other undertakings",
    signatories: "Signatories",
    empty: "Not filled in yet.",
  },
});

/** An agreement's content as readers see it; headings start at the given level. */
export function AgreementView({ content, level = 2 }: { content: AgreementContent; level?: 2 | 3 }) {
  const t = useT(messages);
  const locale = useLocale();
  const H = level === 2 ? "h2" : "h3";
  const H2 = level === 2 ? "h3" : "h4";
  const text = (value: string) =>
    value ? (
      <p className="ds-paragraph pre-line">{value}</p>
    ) : (
      <p className="ds-paragraph muted">{t("empty")}</p>
    );
  return (
    <div className="document stack">
      {content.caseNumber ? (
        <p className="ds-paragraph">
          {t("caseNumber")}: {content.caseNumber}
        </p>
      ) : null}
      <H className="ds-heading" data-size="sm">
        {t("background")}
      </H>
      {text(content.background)}
      {content.purpose ? (
        <>
          <H className="ds-heading" data-size="sm">
            {t("purpose")}
          </H>
          {text(content.purpose)}
        </>
      ) : null}
      <H className="ds-heading" data-size="sm">
        {t("sources")}
      </H>
      {content.problemSources.length ? (
        <ul>
          {content.problemSources.map((s, i) => (
            <li key={i}>
              {PROBLEM_SOURCE_LABELS[locale][s.kind]}
              {s.description ? `: ${s.description}` : ""}
            </li>
          ))}
        </ul>
      ) : (
        text("")
      )}
      <H className="ds-heading" data-size="sm">
        {t("goals")}
      </H>
      {content.goals.length ? (
        <ul>
          {content.goals.map((g, i) => (
            <li key={i}>{g.text}</li>
          ))}
        </ul>
      ) : (
        text("")
      )}
      <H className="ds-heading" data-size="sm">
        {t("focusAreas")}
      </H>
      {content.focusAreas.length === 0 ? text("") : null}
      {content.focusAreas.map((area) => (
        <section key={area.key} className="focus-area" aria-label={area.title}>
          <H2 className="ds-heading" data-size="xs">
            {area.title}
          </H2>
          <ThemeTags themes={area.themes} />
          {area.description ? <p className="ds-paragraph pre-line">{area.description}</p> : null}
          {area.points.length ? (
            <ul>
              {area.points.map((point, i) => (
                <li key={i}>{point}</li>
              ))}
            </ul>
          ) : null}
          {area.cause.text ? (
            <p className="ds-paragraph pre-line">
              <strong>{t("cause")}:</strong> {area.cause.text}
            </p>
          ) : null}
        </section>
      ))}
      <H className="ds-heading" data-size="sm">
        {t("documentation")}
      </H>
      {text(content.documentation)}
      <H className="ds-heading" data-size="sm">
        {t("followUp")}
      </H>
      {!content.followUp.cadence &&
      !content.followUp.responsible &&
      !content.followUp.reportsTo &&
      !content.followUp.description
        ? text("")
        : null}
      <dl className="facts">
        {content.followUp.cadence ? (
          <>
            <dt>{t("followUp")}</dt>
            <dd>{FOLLOW_UP_CADENCE_LABELS[locale][content.followUp.cadence]}</dd>
          </>
        ) : null}
        {content.followUp.responsible ? (
          <>
            <dt>{t("responsible")}</dt>
            <dd>{content.followUp.responsible}</dd>
          </>
        ) : null}
        {content.followUp.reportsTo ? (
          <>
            <dt>{t("reportsTo")}</dt>
            <dd>{content.followUp.reportsTo}</dd>
          </>
        ) : null}
      </dl>
      {content.followUp.standingAgendaItem ? <p className="ds-paragraph">{t("standingItem")}.</p> : null}
      {content.followUp.description ? text(content.followUp.description) : null}
      {content.communication ? (
        <>
          <H className="ds-heading" data-size="sm">
            {t("communication")}
          </H>
          {text(content.communication)}
        </>
      ) : null}
      {content.otherUndertakings.length ? (
        <>
          <H className="ds-heading" data-size="sm">
            {t("otherUndertakings")}
          </H>
          <ul>
            {content.otherUndertakings.map((u, i) => (
              <li key={i}>{u}</li>
            ))}
          </ul>
        </>
      ) : null}
      <H className="ds-heading" data-size="sm">
        {t("signatories")}
      </H>
      {content.signatories.length ? (
        <ul className="signatories">
          {content.signatories.map((s, i) => (
            <li key={i}>
              <strong>{s.name}</strong>
              {s.title ? `, ${s.title}` : ""} ({SIGNATORY_PARTY_LABELS[locale][s.party]}
              {s.organisation ? `, ${s.organisation}` : ""})
            </li>
          ))}
        </ul>
      ) : (
        text("")
      )}
    </div>
  );
}
