import { DATE_STATUS_LABELS, type DateStatus, type Period } from "~/domain/agreements/document-parts.schemas";
import {
  COMMITMENT_OWNER_HEADINGS,
  COMMITMENT_STATUS_LABELS,
  type CommitmentOwner,
} from "~/domain/citizen-promises/citizen-promise.schemas";
import type {
  PublicCitizenPromise,
  PublicCommitment,
} from "~/domain/public/public-municipality.queries.server";
import { THEME_LABELS, type Theme } from "~/domain/themes/themes";
import { defineMessages } from "~/i18n/messages";
import { useLocale, useT } from "~/i18n/use-t";

/** The public pages' pieces of a document: period, status, commitments by owner, downloads. */

const messages = defineMessages({
  sv: {
    noPeriod: "Perioden är inte angiven",
    continues: "förlängs tills vidare",
    status: "Status",
    period: "Period",
    download: "Ladda ner",
    docx: "Word-fil (DOCX)",
    pdf: "PDF",
    notFollowedUp: "Ingen uppföljning publicerad ännu",
    themes: "Teman",
    problemPicture: "Problembild",
  },
  en: {
    noPeriod: "The period is not stated",
    continues: "continues until replaced",
    status: "Status",
    period: "Period",
    download: "Download",
    docx: "Word file (DOCX)",
    pdf: "PDF",
    notFollowedUp: "No follow-up published yet",
    themes: "Themes",
    problemPicture: "Problem picture",
  },
});

/** "2023" stays a year; "2023-03-03" reads "3 mars 2023" (or "3 March 2023"). */
export function dateLabel(part: string, locale: "sv" | "en"): string {
  if (part.length === 4) return part;
  return new Date(`${part}T00:00:00Z`).toLocaleDateString(locale === "en" ? "en-GB" : "sv-SE", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
}

/** "2023–2026", "2017", "1 januari 2023 – 31 december 2025, förlängs tills vidare". */
export function periodLabel(period: Period, locale: "sv" | "en"): string {
  const t = messages[locale];
  if (!period.from && !period.to) return t.noPeriod;
  const [from, to] = [period.from, period.to].map((p) => (p ? dateLabel(p, locale) : ""));
  const separator = (period.from?.length ?? 4) > 4 || (period.to?.length ?? 4) > 4 ? " – " : "–";
  const range = period.from === period.to ? from! : `${from}${separator}${to}`;
  return period.continuesUntilReplaced ? `${range}, ${t.continues}` : range;
}

export function StatusBadge({ status }: { status: DateStatus }) {
  const locale = useLocale();
  return (
    <span className="status-badge" data-status={status}>
      {DATE_STATUS_LABELS[locale][status]}
    </span>
  );
}

export function ThemeTags({ themes }: { themes: readonly Theme[] }) {
  const locale = useLocale();
  const t = useT(messages);
  if (themes.length === 0) return null;
  return (
    <p className="theme-tags">
      <span className="visually-hidden">{t("themes")}: </span>
      {themes.map((theme) => (
        <span key={theme} className="theme-tag">
          {THEME_LABELS[locale][theme]}
        </span>
      ))}
    </p>
  );
}

/** Links to the document as DOCX and PDF; `label` names the document for screen readers. */
export function Downloads({ href, label }: { href: string; label: string }) {
  const t = useT(messages);
  return (
    <p className="downloads">
      {t("download")}
      <span className="visually-hidden"> {label}</span>:{" "}
      <a className="ds-link" href={`${href}/export/docx`} download>
        {t("docx")}
      </a>
      {" · "}
      <a className="ds-link" href={`${href}/export/pdf`} download>
        {t("pdf")}
      </a>
    </p>
  );
}

/** Commitments grouped under "Polisen lovar att", "Kommunen lovar att"…, in the order they come. */
function groupByOwner(commitments: readonly PublicCommitment[]) {
  const groups: { owner: CommitmentOwner; ownerName: string; items: PublicCommitment[] }[] = [];
  for (const c of commitments) {
    const group = groups.find(
      (g) => g.owner === c.owner && (c.owner !== "other" || g.ownerName === c.ownerName),
    );
    if (group) group.items.push(c);
    else groups.push({ owner: c.owner, ownerName: c.ownerName, items: [c] });
  }
  return groups;
}

export function PublicCitizenPromiseView({
  promise,
  headingLevel,
}: {
  promise: PublicCitizenPromise;
  headingLevel: 3 | 4;
}) {
  const locale = useLocale();
  const t = useT(messages);
  const Heading = `h${headingLevel}` as const;
  const Sub = `h${headingLevel + 1}` as "h4" | "h5";
  return (
    <article className="public-document" aria-labelledby={`promise-${promise.id}`}>
      <Heading
        className="ds-heading"
        data-size={headingLevel === 3 ? "sm" : "xs"}
        id={`promise-${promise.id}`}
      >
        {promise.title}
      </Heading>
      <dl className="facts">
        <dt>{t("status")}</dt>
        <dd>
          <StatusBadge status={promise.status} />
        </dd>
        <dt>{t("period")}</dt>
        <dd>{periodLabel(promise.period, locale)}</dd>
      </dl>
      {promise.problemPicture ? (
        <>
          <Sub className="ds-heading" data-size="2xs">
            {t("problemPicture")}
          </Sub>
          <p className="ds-paragraph pre-line">{promise.problemPicture}</p>
        </>
      ) : null}
      {groupByOwner(promise.commitments).map((group) => (
        <section key={`${group.owner}-${group.ownerName}`} className="commitment-group">
          <Sub className="ds-heading" data-size="2xs">
            {COMMITMENT_OWNER_HEADINGS[locale][group.owner].replace("{name}", group.ownerName)}
          </Sub>
          <ul className="commitments">
            {group.items.map((c) => (
              <li key={c.key}>
                <span className="pre-line">{c.text}</span>
                <br />
                <span className="commitment-status">
                  {t("status")}:{" "}
                  {c.status ? (
                    <>
                      <strong>{COMMITMENT_STATUS_LABELS[locale][c.status]}</strong>
                      {c.statusOn ? ` (${c.statusOn})` : null}
                      {c.note ? ` – ${c.note}` : null}
                    </>
                  ) : (
                    <span className="muted">{t("notFollowedUp")}</span>
                  )}
                </span>
                <ThemeTags themes={c.themes} />
              </li>
            ))}
          </ul>
        </section>
      ))}
      <Downloads href={`/medborgarloften/${promise.id}`} label={promise.title} />
    </article>
  );
}
