import type { AgreementContent } from "~/domain/agreements/agreement.schemas";
import { FOLLOW_UP_CADENCE_LABELS, PROBLEM_SOURCE_LABELS } from "~/domain/agreements/agreement.schemas";
import type { Period, Signatory } from "~/domain/agreements/document-parts.schemas";
import type {
  CitizenPromiseContent,
  CommitmentOwner,
} from "~/domain/citizen-promises/citizen-promise.schemas";
import { COMMITMENT_OWNER_HEADINGS } from "~/domain/citizen-promises/citizen-promise.schemas";

/**
 * A document as the writers see it: headings, paragraphs, lists and a signature block, in
 * reading order. The DOCX and the PDF writer render the same blocks, so both files carry the
 * same text in the same order.
 */
export type Block =
  | { kind: "title"; text: string }
  | { kind: "heading"; level: 1 | 2; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "list"; items: string[] }
  | { kind: "facts"; rows: [label: string, value: string][] }
  | { kind: "signatures"; signatories: Signatory[]; place: string | null; date: string | null };

export interface Printable {
  /** For the file's metadata and the PDF's title. */
  title: string;
  blocks: Block[];
}

/** Who the document is between, for the facts under the title. */
export interface Parties {
  municipalities: string[];
  policeArea: string;
}

export interface SignedAt {
  place: string | null;
  date: string | null;
}

const MONTHS = [
  "januari",
  "februari",
  "mars",
  "april",
  "maj",
  "juni",
  "juli",
  "augusti",
  "september",
  "oktober",
  "november",
  "december",
];

/** "2023-03-03" → "3 mars 2023"; "2023" stays "2023". */
export function swedishDate(part: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(part);
  if (!match) return part;
  return `${Number(match[3])} ${MONTHS[Number(match[2]) - 1]} ${match[1]}`;
}

export function periodText(period: Period): string | null {
  if (!period.from && !period.to) return null;
  const range =
    period.from === period.to
      ? swedishDate(period.from!)
      : [period.from, period.to].map((p) => (p ? swedishDate(p) : "")).join(" – ");
  return period.continuesUntilReplaced
    ? `${range}. Överenskommelsen förlängs därefter tills en ny har undertecknats.`
    : range;
}

const nonEmpty = (text: string | null | undefined): text is string => !!text && text.trim().length > 0;

/** Paragraphs from free text: blank lines separate them. */
function paragraphs(text: string): Block[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => ({ kind: "paragraph" as const, text: p }));
}

function section(title: string, body: Block[]): Block[] {
  return body.length ? [{ kind: "heading", level: 1, text: title }, ...body] : [];
}

/** A samverkansöverenskommelse, with the citizen promises published inside it (as Vindeln's). */
export function printableAgreement(
  content: AgreementContent,
  parties: Parties,
  signed: SignedAt = { place: null, date: null },
  promises: CitizenPromiseContent[] = [],
): Printable {
  const blocks: Block[] = [{ kind: "title", text: content.title }];
  const facts: [string, string][] = [
    ["Kommun", parties.municipalities.join(", ")],
    ["Lokalpolisområde", parties.policeArea],
  ];
  const period = periodText(content.period);
  if (period) facts.push(["Period", period]);
  if (nonEmpty(content.caseNumber)) facts.push(["Diarienummer", content.caseNumber]);
  blocks.push({ kind: "facts", rows: facts });

  blocks.push(...section("Bakgrund", paragraphs(content.background)));
  blocks.push(...section("Syfte", paragraphs(content.purpose)));
  blocks.push(
    ...section(
      "Så har problemen identifierats",
      content.problemSources.map((s) => ({
        kind: "paragraph" as const,
        text: nonEmpty(s.description)
          ? `${PROBLEM_SOURCE_LABELS.sv[s.kind]}: ${s.description}`
          : PROBLEM_SOURCE_LABELS.sv[s.kind],
      })),
    ),
  );
  if (content.goals.length) {
    blocks.push(
      { kind: "heading", level: 1, text: "Övergripande mål" },
      { kind: "list", items: content.goals.map((g) => g.text) },
    );
  }
  if (content.focusAreas.length) {
    blocks.push({ kind: "heading", level: 1, text: "Fokusområden" });
    for (const area of content.focusAreas) {
      blocks.push({ kind: "heading", level: 2, text: area.title }, ...paragraphs(area.description));
      if (area.points.length) blocks.push({ kind: "list", items: area.points });
      const cause = causeParagraphs(area.cause);
      if (cause.length) blocks.push({ kind: "paragraph", text: "Trolig orsak:" }, ...cause);
    }
  }
  blocks.push(...section("Dokumentation", paragraphs(content.documentation)));
  blocks.push(...section("Uppföljning", followUpBlocks(content.followUp)));
  blocks.push(...section("Kommunikation", paragraphs(content.communication)));
  if (content.otherUndertakings.length) {
    blocks.push(
      { kind: "heading", level: 1, text: "Övriga åtaganden" },
      { kind: "list", items: content.otherUndertakings },
    );
  }
  for (const promise of promises) blocks.push(...promiseBody(promise, true));
  blocks.push({ kind: "signatures", signatories: content.signatories, ...signed });
  return { title: content.title, blocks };
}

/** A medborgarlöfte published on its own. */
export function printableCitizenPromise(
  content: CitizenPromiseContent,
  parties: Parties,
  signed: SignedAt = { place: null, date: null },
): Printable {
  const blocks: Block[] = [{ kind: "title", text: content.title }];
  const facts: [string, string][] = [
    ["Kommun", parties.municipalities.join(", ")],
    ["Lokalpolisområde", parties.policeArea],
  ];
  const period = periodText(content.period);
  if (period) facts.push(["Period", period]);
  blocks.push({ kind: "facts", rows: facts }, ...promiseBody(content, false));
  blocks.push({ kind: "signatures", signatories: content.signatories, ...signed });
  return { title: content.title, blocks };
}

function promiseBody(content: CitizenPromiseContent, inAgreement: boolean): Block[] {
  const blocks: Block[] = [];
  if (inAgreement) blocks.push({ kind: "heading", level: 1, text: content.title });
  const level = inAgreement ? 2 : 1;
  const sub = (title: string, body: Block[]): Block[] =>
    body.length ? [{ kind: "heading", level, text: title }, ...body] : [];
  blocks.push(...sub("Bakgrund", paragraphs(content.background)));
  blocks.push(...sub("Så togs löftet fram", paragraphs(content.development)));
  blocks.push(...sub("Problembild", paragraphs(content.problemPicture)));
  // Grouped by owner in a fixed order, keeping the document's order within each group.
  const order: CommitmentOwner[] = ["police", "municipality", "joint", "other"];
  const groups = new Map<string, string[]>();
  for (const owner of order) {
    for (const c of content.commitments.filter((c) => c.owner === owner)) {
      const heading = COMMITMENT_OWNER_HEADINGS.sv[owner].replace("{name}", c.ownerName);
      groups.set(heading, [...(groups.get(heading) ?? []), c.text]);
    }
  }
  for (const [heading, items] of groups) {
    blocks.push({ kind: "heading", level, text: heading }, { kind: "list", items });
  }
  blocks.push(...sub("Uppföljning", paragraphs(content.followUp)));
  return blocks;
}

function causeParagraphs(cause: AgreementContent["focusAreas"][number]["cause"]): Block[] {
  const triangle: [string, string][] = [
    ["Gärningsperson", cause.offender],
    ["Mål eller offer", cause.target],
    ["Plats", cause.place],
    ["Den som kan påverka gärningspersonen", cause.handler],
    ["Den som kan skydda målet", cause.guardian],
    ["Den som ansvarar för platsen", cause.manager],
  ];
  const filled = triangle.filter(([, value]) => nonEmpty(value));
  return [...paragraphs(cause.text), ...(filled.length ? [{ kind: "facts" as const, rows: filled }] : [])];
}

function followUpBlocks(followUp: AgreementContent["followUp"]): Block[] {
  const rows: [string, string][] = [];
  if (followUp.cadence) rows.push(["Hur ofta", FOLLOW_UP_CADENCE_LABELS.sv[followUp.cadence]]);
  if (nonEmpty(followUp.responsible)) rows.push(["Ansvarig", followUp.responsible]);
  if (nonEmpty(followUp.reportsTo)) rows.push(["Rapporteras till", followUp.reportsTo]);
  if (followUp.standingAgendaItem) rows.push(["Stående punkt", "På varje möte i rådet"]);
  return [...(rows.length ? [{ kind: "facts" as const, rows }] : []), ...paragraphs(followUp.description)];
}
