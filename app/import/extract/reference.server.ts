import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import { municipalityRows } from "~/db/reference-data.server";
import type { Reference } from "./parties";

let cached: Reference | null = null;

/** The 290 municipalities and the known lokalpolisområden, from the reference data. */
export function defaultReference(): Reference {
  if (cached) return cached;
  const lpoCsv = readFileSync(
    fileURLToPath(new URL("../../db/reference/lokalpolisomraden_kallor.csv", import.meta.url)),
    "utf8",
  );
  const rows: Record<string, string>[] = parse(lpoCsv, {
    columns: true,
    skip_empty_lines: true,
    relax_column_count: true,
  });
  cached = {
    municipalities: municipalityRows().map((m) => ({ code: m.code, name: m.name })),
    lpoNames: [...new Set(rows.map((r) => r.lpo!.trim()).filter(Boolean))],
  };
  return cached;
}
