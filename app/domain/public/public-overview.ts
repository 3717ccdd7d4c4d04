import { z } from "zod";
import {
  DATE_STATUS_LABELS,
  DATE_STATUSES,
  type DateStatus,
} from "~/domain/agreements/document-parts.schemas";
import { THEME_LABELS, THEMES } from "~/domain/themes/themes";
import type { PublicOverviewRow } from "./public-overview.queries.server";

/**
 * The national overview's filters, sorting and CSV rows, from the GET form's parameters (Swedish
 * names, as in the URL). Pure; the same for the table and its CSV download.
 */

export const OVERVIEW_STATUSES = ["none", ...DATE_STATUSES.filter((s) => s !== "draft")] as const;
export type OverviewStatus = (typeof OVERVIEW_STATUSES)[number];

export const OVERVIEW_SORTS = [
  "kommun",
  "lan",
  "polisregion",
  "status",
  "slut",
  "loften",
  "atagande",
] as const;
export type OverviewSort = (typeof OVERVIEW_SORTS)[number];

const optional = <T extends z.ZodTypeAny>(schema: T) =>
  z.preprocess((v) => (v === "" || v === null ? undefined : v), schema.optional()).catch(undefined);

/** Unknown values are ignored rather than refused: a hand-edited URL still shows the table. */
export const overviewQuerySchema = z.object({
  polisregion: optional(z.string().trim().max(100)),
  lan: optional(z.string().trim().max(100)),
  status: optional(z.enum(OVERVIEW_STATUSES)),
  tema: optional(z.enum(THEMES)),
  sortera: z.enum(OVERVIEW_SORTS).catch("kommun").default("kommun"),
  ordning: z.enum(["stigande", "fallande"]).catch("stigande").default("stigande"),
});
export type OverviewQuery = z.infer<typeof overviewQuerySchema>;

export function parseOverviewQuery(params: URLSearchParams): OverviewQuery {
  return overviewQuerySchema.parse(Object.fromEntries(params));
}

const STATUS_ORDER: Record<OverviewStatus | "draft", number> = {
  active: 0,
  continued: 1,
  upcoming: 2,
  expired: 3,
  terminated: 4,
  replaced: 5,
  draft: 6,
  none: 7,
};

const collator = new Intl.Collator("sv");

function compareBy(sort: OverviewSort, a: PublicOverviewRow, b: PublicOverviewRow): number {
  switch (sort) {
    case "kommun":
      return collator.compare(a.name, b.name);
    case "lan":
      return collator.compare(a.county, b.county);
    case "polisregion":
      return collator.compare(a.policeRegion, b.policeRegion);
    case "status":
      return STATUS_ORDER[a.status] - STATUS_ORDER[b.status];
    case "slut":
      // Years and dates compare as text ("2025" < "2025-06-30" < "2026"); none sorts first.
      return (a.periodEnd ?? "").localeCompare(b.periodEnd ?? "");
    case "loften":
      return a.promises - b.promises;
    case "atagande":
      return a.commitments - b.commitments;
  }
}

/** The rows the filters keep, in the order asked for (ties by name). */
export function filterAndSortOverview(
  rows: readonly PublicOverviewRow[],
  query: OverviewQuery,
): PublicOverviewRow[] {
  const kept = rows.filter(
    (r) =>
      (!query.polisregion || r.policeRegion === query.polisregion) &&
      (!query.lan || r.county === query.lan) &&
      (!query.status || r.status === query.status) &&
      (!query.tema || r.themes.includes(query.tema)),
  );
  const sign = query.ordning === "fallande" ? -1 : 1;
  return kept.sort((a, b) => sign * compareBy(query.sortera, a, b) || collator.compare(a.name, b.name));
}

/** The label of a row's status: "Gäller", …, or "Ingen publicerad" when nothing is published. */
export function overviewStatusLabel(status: DateStatus | "none", locale: "sv" | "en"): string {
  if (status === "none") return locale === "en" ? "None published" : "Ingen publicerad";
  return DATE_STATUS_LABELS[locale][status];
}

/** "2025" or "2025 (förlängs tills vidare)". */
export function periodEndLabel(
  row: Pick<PublicOverviewRow, "periodEnd" | "continuesUntilReplaced">,
  locale: "sv" | "en",
): string {
  if (!row.periodEnd)
    return row.continuesUntilReplaced ? (locale === "en" ? "until replaced" : "tills vidare") : "";
  if (!row.continuesUntilReplaced) return row.periodEnd;
  return `${row.periodEnd} (${locale === "en" ? "continues until replaced" : "förlängs tills vidare"})`;
}

export const OVERVIEW_CSV_HEADER = [
  "Kommun",
  "Kommunkod",
  "Län",
  "Polisregion",
  "Status",
  "Periodens slut",
  "Förlängs tills vidare",
  "Teman",
  "Medborgarlöften",
  "Löften",
  "Sida",
] as const;

/** The CSV's rows (Swedish labels; the page's address made absolute with `origin`). */
export function overviewCsvRows(rows: readonly PublicOverviewRow[], origin: string): (string | number)[][] {
  return rows.map((r) => [
    r.name,
    r.code,
    r.county,
    r.policeRegion,
    overviewStatusLabel(r.status, "sv"),
    r.periodEnd ?? "",
    r.continuesUntilReplaced ? "ja" : "nej",
    r.themes.map((t) => THEME_LABELS.sv[t]).join(", "),
    r.promises,
    r.commitments,
    `${origin}/kommun/${r.slug}`,
  ]);
}
