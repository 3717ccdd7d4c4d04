import type { AgreementContent, FocusArea } from "~/domain/agreements/agreement.schemas";
import { focusAreaKey } from "~/domain/agreements/agreement-form.schemas";
import type { Signatory } from "~/domain/agreements/document-parts.schemas";
import type { CitizenPromiseContent, Commitment } from "~/domain/citizen-promises/citizen-promise.schemas";
import { suggestCommitmentThemes, suggestFocusAreaThemes } from "~/domain/themes/suggest-themes";
import type { ImportResult } from "./import-v1";

/**
 * What an import becomes: an agreement, a citizen promise, or both (a promise published inside
 * its agreement, as in Vindeln's). Safe for the browser: the review page shows it in the editors.
 */
export interface ImportedContent {
  agreement: AgreementContent | null;
  citizenPromise: CitizenPromiseContent | null;
}

/**
 * The import format's fields in the editors' content. Not validated here: a text longer than the
 * editor allows is kept as it is, for the review to show and the save to refuse with a message.
 */
export function toContent(result: ImportResult): ImportedContent {
  const title = (result.title ?? "").trim() || untitled(result);
  const period = {
    from: result.period.from,
    to: result.period.to,
    continuesUntilReplaced: result.period.continuesUntilReplaced,
  };
  const signatories = result.signatories.map(toSignatory(result));
  const wantsAgreement = result.kind !== "promise";
  // An agreement's undertakings ("Polisen åtar sig att …") stay in the agreement; only a
  // document with promises gives a citizen promise.
  const wantsPromise = result.kind !== "agreement";

  const agreement: AgreementContent | null = wantsAgreement
    ? {
        title,
        caseNumber: result.diarienummer ?? "",
        period,
        background: "",
        purpose: "",
        problemSources: [],
        goals: result.goals.map((text) => ({ text })),
        focusAreas: focusAreas(result),
        documentation: "",
        followUp: {
          cadence: result.followUp.cadence,
          responsible: result.followUp.responsible ?? "",
          reportsTo: "",
          standingAgendaItem: false,
          description: "",
        },
        communication: "",
        otherUndertakings: result.kind === "agreement" ? result.commitments.map(undertaking) : [],
        signatories,
      }
    : null;

  const citizenPromise: CitizenPromiseContent | null = wantsPromise
    ? {
        title: result.kind === "agreement+promise" ? promiseTitle(result) : title,
        period,
        background: "",
        development: "",
        // A promise on its own has no focus areas of its own: its areas are its problem picture.
        problemPicture: result.kind === "promise" ? areasAsText(result) : "",
        commitments: commitments(result),
        followUp: "",
        signatories,
      }
    : null;

  return { agreement, citizenPromise };
}

function untitled(result: ImportResult): string {
  return result.kind === "promise"
    ? `Medborgarlöfte (${result.source})`
    : `Överenskommelse (${result.source})`;
}

function promiseTitle(result: ImportResult): string {
  const year = [result.period.from, result.period.to].map((d) => d?.slice(0, 4)).filter(Boolean);
  const span = year.length === 2 && year[0] !== year[1] ? `${year[0]}–${year[1]}` : (year[0] ?? "");
  return span ? `Medborgarlöften ${span}` : "Medborgarlöften";
}

function toSignatory(result: ImportResult) {
  const municipality = result.municipalities.map((m) => m.name).join(", ");
  const lpo = result.policeArea.lpo;
  return (s: ImportResult["signatories"][number]): Signatory => ({
    name: s.name,
    title: s.title,
    party: s.party,
    organisation:
      s.party === "police"
        ? lpo
          ? `Lokalpolisområde ${lpo}`
          : "Polismyndigheten"
        : s.party === "municipality" && municipality
          ? `${municipality} kommun`
          : "",
  });
}

function focusAreas(result: ImportResult): FocusArea[] {
  const taken = new Set<string>();
  return result.focusAreas.map((area) => ({
    key: focusAreaKey(area.title, taken),
    title: area.title,
    description: "",
    points: area.points,
    cause: {
      text: area.cause ?? "",
      offender: "",
      target: "",
      place: "",
      handler: "",
      guardian: "",
      manager: "",
    },
    // Suggested from the text; the review shows them for the coordinator to change.
    themes: suggestFocusAreaThemes(area),
  }));
}

function commitments(result: ImportResult): Commitment[] {
  return result.commitments.map((c, index) => ({
    key: `lofte-${index + 1}`,
    owner: c.party,
    ownerName: "",
    text: c.text,
    focusAreaKeys: [],
    measures: [],
    themes: suggestCommitmentThemes(c),
  }));
}

function areasAsText(result: ImportResult): string {
  return result.focusAreas
    .map((area) =>
      [area.title, ...area.points.map((p) => `- ${p}`), ...(area.cause ? [area.cause] : [])].join("\n"),
    )
    .join("\n\n");
}

const UNDERTAKING_BY: Record<ImportResult["commitments"][number]["party"], string> = {
  police: "Polisen åtar sig att",
  municipality: "Kommunen åtar sig att",
  joint: "Parterna åtar sig att",
};

/** "Polisen åtar sig att patrullera …": an agreement's undertaking, with whose it is. */
function undertaking(c: ImportResult["commitments"][number]): string {
  const text = c.text.trim();
  return `${UNDERTAKING_BY[c.party]} ${text.charAt(0).toLowerCase()}${text.slice(1)}`;
}
