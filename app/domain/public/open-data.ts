import { toCsv } from "~/lib/csv";

/**
 * The open data's CSV: the same rows as the JSON answers, one column per field, named as the JSON
 * names it (values as codes: `active`, `police`, `narkotika-andt`), so one description serves
 * both. Lists are joined with ", ", times are ISO 8601. Written for Swedish Excel by toCsv
 * (`;`, BOM, CRLF, formula guard). Pure.
 */

type Cell = string | number | boolean | null;

function cell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => String(v)).join(", ");
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  return JSON.stringify(value);
}

/** A CSV of `rows` with these columns (fields of each row), in this order. */
export function openDataCsv<T extends object>(
  columns: readonly (keyof T & string)[],
  rows: readonly T[],
): string {
  return toCsv(
    columns,
    rows.map((row) => columns.map((column) => cell(row[column]))),
  );
}

export const MUNICIPALITY_COLUMNS = [
  "code",
  "name",
  "slug",
  "county",
  "policeRegion",
  "status",
  "agreementId",
  "periodEnd",
  "continuesUntilReplaced",
  "themes",
  "promises",
  "commitments",
] as const;

export const PARTNERSHIP_COLUMNS = ["id", "name", "policeArea", "municipalities", "councils"] as const;

export const AGREEMENT_COLUMNS = [
  "id",
  "title",
  "caseNumber",
  "status",
  "periodFrom",
  "periodTo",
  "continuesUntilReplaced",
  "signedOn",
  "publishedAt",
  "terminatedOn",
  "focusAreas",
  "themes",
  "partnershipId",
  "partnership",
  "municipalities",
] as const;

export const CITIZEN_PROMISE_COLUMNS = [
  "id",
  "title",
  "agreementId",
  "status",
  "periodFrom",
  "periodTo",
  "continuesUntilReplaced",
  "signedOn",
  "publishedAt",
  "terminatedOn",
  "commitments",
  "themes",
  "partnershipId",
  "partnership",
  "municipalities",
] as const;

export const COMMITMENT_COLUMNS = [
  "citizenPromiseId",
  "citizenPromiseTitle",
  "citizenPromiseStatus",
  "key",
  "owner",
  "ownerName",
  "text",
  "themes",
  "status",
  "statusOn",
  "note",
  "partnershipId",
  "partnership",
  "municipalities",
] as const;
