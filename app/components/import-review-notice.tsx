import { Link } from "react-router";
import type { ImportReviewMeta } from "~/import/review";
import { defineMessages } from "~/i18n/messages";
import { useT } from "~/i18n/use-t";

const messages = defineMessages({
  sv: {
    notice: "Importerat från {source} – inget är sparat ännu. Kontrollera fälten och spara.",
    uncertain:
      "Det här var inläsningen osäker på: {fields}. Fälten i formuläret är märkta ”Osäker – kontrollera”; det som inte finns i formuläret kontrollerar du mot originalet.",
    personalDataTitle: "Personuppgifter i filen",
    personnummer: "Personnummer på rad {line}",
    phone: "Telefonnummer på rad {line}",
    personalDataAction: "Granska och ta bort innan du sparar.",
    "label.title": "rubrik",
    "label.period": "period",
    "label.signatories": "undertecknare",
    "label.focusAreas": "fokusområden",
    "label.commitments": "löften",
    "label.goals": "mål",
    "label.followUp": "uppföljning",
    "label.municipalities": "kommuner",
    "label.policeArea": "lokalpolisområde",
    "label.signed": "underskrift",
    "label.diarienummer": "diarienummer",
    "label.kind": "dokumenttyp",
    badImport:
      "Det importerade innehållet kunde inte läsas, så inget visas och inget sparas. Läs in filen igen från sidan Importera dokument.",
    importAgain: "Importera dokument",
  },
  en: {
    notice: "Imported from {source} – nothing is saved yet. Check the fields and save.",
    uncertain:
      "The reading was uncertain of: {fields}. Those fields in the form are marked “Uncertain – check”; what is not in the form, check against the original.",
    personalDataTitle: "Personal data in the file",
    personnummer: "Personal identity number on line {line}",
    phone: "Phone number on line {line}",
    personalDataAction: "Review and remove before you save.",
    "label.title": "title",
    "label.period": "period",
    "label.signatories": "signatories",
    "label.focusAreas": "focus areas",
    "label.commitments": "commitments",
    "label.goals": "goals",
    "label.followUp": "follow-up",
    "label.municipalities": "municipalities",
    "label.policeArea": "local police area",
    "label.signed": "signing",
    "label.diarienummer": "registry number",
    "label.kind": "document type",
    badImport:
      "The imported content could not be read, so nothing is shown and nothing is saved. Read the file again from the Import documents page.",
    importAgain: "Import documents",
  },
});
type Key = keyof typeof messages.sv;

const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ""));

/** The names of what an import was unsure of, by contract path ("period.to" → "period"), once each. */
export function useUncertainLabels(): (paths: readonly string[]) => string[] {
  const t = useT(messages);
  return (paths) => [
    ...new Set(
      paths.map((path) => {
        const head = path.split(/[.[]/)[0] ?? path;
        return `label.${head}` in messages.sv ? t(`label.${head}` as Key) : head;
      }),
    ),
  ];
}

/** Personal data an import found: where it stands, never the numbers themselves. */
export function PersonalDataWarning({
  findings,
  headingId,
  level,
}: {
  findings: readonly { kind: "personnummer" | "phone"; line: number }[];
  headingId: string;
  level: 2 | 3 | 4;
}) {
  const t = useT(messages);
  if (findings.length === 0) return null;
  const Heading = `h${level}` as const;
  return (
    <div className="ds-alert" data-color="warning" aria-labelledby={headingId}>
      <Heading className="ds-heading" data-size="xs" id={headingId}>
        {t("personalDataTitle")}
      </Heading>
      <ul>
        {findings.map((finding, i) => (
          <li key={i}>{fill(t(finding.kind), { line: finding.line })}</li>
        ))}
      </ul>
      <p className="ds-paragraph">
        <strong>{t("personalDataAction")}</strong>
      </p>
    </div>
  );
}

/** Above an editor showing an imported document: where it came from, that nothing is saved, what to check. */
export function ImportReviewNotice({ meta }: { meta: ImportReviewMeta }) {
  const t = useT(messages);
  const labels = useUncertainLabels();
  const uncertain = labels(meta.uncertain);
  return (
    <div className="stack">
      <div className="ds-alert" data-color="info" id="import-notice">
        <p className="ds-paragraph">
          <strong>{fill(t("notice"), { source: meta.source })}</strong>
        </p>
        {uncertain.length ? (
          <p className="ds-paragraph">{fill(t("uncertain"), { fields: uncertain.join(", ") })}</p>
        ) : null}
      </div>
      <PersonalDataWarning findings={meta.personalData} headingId="import-personal-data" level={2} />
    </div>
  );
}

/** The review page when the posted import could not be read: nothing shown, nothing saved. */
export function BadImport({ partnershipId, title }: { partnershipId: string; title: string }) {
  const t = useT(messages);
  return (
    <div className="narrow stack">
      <h1 className="ds-heading" data-size="lg">
        {title}
      </h1>
      <div className="ds-alert" data-color="danger" role="alert">
        <p className="ds-paragraph">{t("badImport")}</p>
      </div>
      <p>
        <Link className="ds-link" to={`/samverkan/${partnershipId}/importera`}>
          {t("importAgain")}
        </Link>
      </p>
    </div>
  );
}
