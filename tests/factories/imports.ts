import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { IMPORT_FORMAT, importResultSchema, type ImportResult } from "~/import/import-v1";

/**
 * An import result as the importer would give it: a unique title, Ånge's municipality and LPO
 * Medelpad, a period known to the day, both parties' signatories, one focus area.
 */
export function makeImportResult(overrides: Partial<ImportResult> = {}): ImportResult {
  const suffix = randomUUID().slice(0, 8);
  return {
    format: IMPORT_FORMAT,
    source: `overenskommelse-${suffix}.docx`,
    kind: "agreement",
    title: `Samverkansöverenskommelse ${suffix}`,
    municipalities: [{ code: "2260", name: "Ånge" }],
    policeArea: { lpo: "Medelpad", polisomrade: null },
    period: { from: "2023-01-01", to: "2026-12-31", continuesUntilReplaced: false },
    signed: { date: null, place: null },
    diarienummer: null,
    signatories: [
      { name: "Josef Wiklund", title: "Chef för lokalpolisområde Medelpad", party: "police" },
      { name: "Erik Lövgren", title: "Kommunalråd Ånge kommun", party: "municipality" },
    ],
    goals: [],
    focusAreas: [{ title: "Otrygghet", points: ["Fler synliga poliser"], cause: null }],
    commitments: [],
    followUp: { cadence: "yearly", responsible: "Trygghetsrådet" },
    personalData: [],
    uncertain: [],
    ...overrides,
  };
}

const expectedFolder = new URL("../fixtures/import/seeds/expected/", import.meta.url);

/**
 * One of the seed documents' expected import results (tests/fixtures/import/seeds/expected/),
 * with the fields an expected file leaves out filled with their empty values.
 */
export function expectedSeedResult(file: string): ImportResult {
  const expected = JSON.parse(readFileSync(new URL(file, expectedFolder), "utf8")) as Partial<ImportResult>;
  const defaults = makeImportResult();
  return importResultSchema.parse({
    ...defaults,
    title: null,
    municipalities: [],
    policeArea: { lpo: null, polisomrade: null },
    period: { from: null, to: null, continuesUntilReplaced: false },
    signatories: [],
    ...expected,
    followUp: { cadence: null, responsible: null, ...expected.followUp },
    focusAreas: (expected.focusAreas ?? []).map((area) => ({
      title: area.title,
      points: area.points ?? [],
      cause: area.cause ?? null,
    })),
  });
}
