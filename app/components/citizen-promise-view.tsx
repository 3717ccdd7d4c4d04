import type { ReactNode } from "react";
import { ThemeTags } from "./theme-fields";
import { SIGNATORY_PARTY_LABELS } from "~/domain/agreements/document-parts.schemas";
import {
  COMMITMENT_OWNER_HEADINGS,
  COMMITMENT_OWNERS,
  type CitizenPromiseContent,
  type Commitment,
} from "~/domain/citizen-promises/citizen-promise.schemas";
import { presentCommitmentMeasure } from "~/domain/citizen-promises/commitment-measure.presenter";
import { defineMessages } from "~/i18n/messages";
import { useLocale, useT } from "~/i18n/use-t";

const messages = defineMessages({
  sv: {
    background: "Bakgrund",
    development: "Så togs löftet fram",
    problemPicture: "Problembild",
    commitments: "Löftena",
    followUp: "Uppföljning",
    signatories: "Undertecknare",
    focusAreas: "Fokusområden",
    measures: "Mäts som",
    empty: "Inte ifyllt ännu.",
  },
  en: {
    background: "Background",
    development: "How the promise was developed",
    problemPicture: "Problem picture",
    commitments: "The commitments",
    followUp: "Follow-up",
    signatories: "Signatories",
    focusAreas: "Focus areas",
    measures: "Measured as",
    empty: "Not filled in yet.",
  },
});

/** Commitments grouped under "Polisen lovar att", "Kommunen lovar att"… in the document's order. */
export function commitmentGroups(
  commitments: Commitment[],
  locale: "sv" | "en",
): { heading: string; commitments: Commitment[] }[] {
  const groups = new Map<string, Commitment[]>();
  for (const owner of COMMITMENT_OWNERS) {
    for (const c of commitments.filter((c) => c.owner === owner)) {
      const heading = COMMITMENT_OWNER_HEADINGS[locale][owner].replace("{name}", c.ownerName);
      groups.set(heading, [...(groups.get(heading) ?? []), c]);
    }
  }
  return [...groups].map(([heading, list]) => ({ heading, commitments: list }));
}

/**
 * A citizen promise's content as readers see it; headings start at the given level. `focusAreas`
 * names the linked agreement's focus areas by key; `after` adds to each commitment (progress).
 */
export function CitizenPromiseView({
  content,
  level = 2,
  focusAreas = {},
  after,
}: {
  content: CitizenPromiseContent;
  level?: 2 | 3;
  focusAreas?: Record<string, string>;
  after?: (commitment: Commitment) => ReactNode;
}) {
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
      <H className="ds-heading" data-size="sm">
        {t("background")}
      </H>
      {text(content.background)}
      <H className="ds-heading" data-size="sm">
        {t("development")}
      </H>
      {text(content.development)}
      <H className="ds-heading" data-size="sm">
        {t("problemPicture")}
      </H>
      {text(content.problemPicture)}
      <H className="ds-heading" data-size="sm">
        {t("commitments")}
      </H>
      {content.commitments.length === 0 ? text("") : null}
      {commitmentGroups(content.commitments, locale).map((group) => (
        <section key={group.heading} className="commitment-group" aria-label={group.heading}>
          <H2 className="ds-heading" data-size="xs">
            {group.heading}
          </H2>
          <ul className="commitments">
            {group.commitments.map((c) => {
              const areas = c.focusAreaKeys.map((key) => focusAreas[key] ?? key);
              return (
                <li key={c.key} id={`lofte-${c.key}`}>
                  <p className="ds-paragraph pre-line">{c.text}</p>
                  <ThemeTags themes={c.themes} />
                  {areas.length ? (
                    <p className="ds-paragraph muted">
                      {t("focusAreas")}: {areas.join(", ")}
                    </p>
                  ) : null}
                  {c.measures.length ? (
                    <p className="ds-paragraph muted">
                      {t("measures")}: {c.measures.map(presentCommitmentMeasure).join("; ")}
                    </p>
                  ) : null}
                  {after ? after(c) : null}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
      <H className="ds-heading" data-size="sm">
        {t("followUp")}
      </H>
      {text(content.followUp)}
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
