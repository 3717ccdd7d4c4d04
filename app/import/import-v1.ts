import { z } from "zod";

/**
 * The import format, version 1 (docs/import.md): what `tryggsam import --json` prints,
 * one object per file, and what the web upload shows for review. Safe for the browser.
 */

export const IMPORT_FORMAT = "tryggsam-import/1";

export const IMPORT_KINDS = ["agreement", "promise", "agreement+promise"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const IMPORT_PARTIES = ["police", "municipality", "other"] as const;
export const IMPORT_COMMITMENT_PARTIES = ["police", "municipality", "joint"] as const;
export const IMPORT_CADENCES = ["yearly", "half-yearly", "quarterly", "monthly"] as const;

/** "2023" or "2023-03-03". */
const datePart = z.string().regex(/^\d{4}(-\d{2}-\d{2})?$/);

export const personalDataSchema = z.object({
  kind: z.enum(["personnummer", "phone"]),
  /** The text as it stands in the document. */
  text: z.string(),
  /** 1-based line of the extracted text it stands on. */
  line: z.number().int().positive(),
});
export type PersonalDataFinding = z.infer<typeof personalDataSchema>;

export const importResultSchema = z.object({
  format: z.literal(IMPORT_FORMAT),
  source: z.string(),
  kind: z.enum(IMPORT_KINDS),
  title: z.string().nullable(),
  municipalities: z.array(z.object({ code: z.string().regex(/^\d{4}$/), name: z.string() })),
  policeArea: z.object({ lpo: z.string().nullable(), polisomrade: z.string().nullable() }),
  period: z.object({
    from: datePart.nullable(),
    to: datePart.nullable(),
    continuesUntilReplaced: z.boolean(),
  }),
  signed: z.object({ date: datePart.nullable(), place: z.string().nullable() }),
  diarienummer: z.string().nullable(),
  signatories: z.array(z.object({ name: z.string(), title: z.string(), party: z.enum(IMPORT_PARTIES) })),
  goals: z.array(z.string()),
  focusAreas: z.array(
    z.object({ title: z.string(), points: z.array(z.string()), cause: z.string().nullable() }),
  ),
  commitments: z.array(z.object({ party: z.enum(IMPORT_COMMITMENT_PARTIES), text: z.string() })),
  followUp: z.object({
    cadence: z.enum(IMPORT_CADENCES).nullable(),
    responsible: z.string().nullable(),
  }),
  /** Personnummer and phone numbers found in the text: flagged, never removed or guessed at. */
  personalData: z.array(personalDataSchema),
  /** Fields the reader was unsure of, by their contract path ("period.to", "signatories"). */
  uncertain: z.array(z.string()),
});
export type ImportResult = z.infer<typeof importResultSchema>;

export const IMPORT_ERROR_CODES = [
  "UNREADABLE",
  "UNSUPPORTED_TYPE",
  "EMPTY",
  "TOO_LARGE",
  "TIMEOUT",
  "NOT_FOUND",
] as const;
export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number];

/** The line printed for a file that could not be read. */
export const importFailureSchema = z.object({
  source: z.string(),
  error: z.object({ code: z.enum(IMPORT_ERROR_CODES), message: z.string() }),
});
export type ImportFailure = z.infer<typeof importFailureSchema>;

export type ImportOutcome = ImportResult | ImportFailure;

export function isImportFailure(outcome: ImportOutcome): outcome is ImportFailure {
  return "error" in outcome;
}
