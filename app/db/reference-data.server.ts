import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "./client.server";
import { county, municipality, policeArea, policeAreaMunicipality, policeRegion } from "./schema";

const folder = fileURLToPath(new URL("./reference/", import.meta.url));

function readCsv(name: string): Record<string, string>[] {
  return parse(readFileSync(folder + name, "utf8"), {
    columns: true,
    skip_empty_lines: true,
    relax_column_count: true,
    trim: true,
  });
}

/** "Upplands Väsby" → "upplands-vasby": the municipality's part of public URLs. */
export function slugify(name: string): string {
  return name
    .toLowerCase()
    .replace(/[åä]/g, "a")
    .replace(/ö/g, "o")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/**
 * The 290 municipalities with unique slugs. Folding å/ä/ö makes Håbo and Habo both "habo": the
 * one whose name had letters folded gets its county added ("habo-uppsala"), the other keeps it.
 */
export function municipalityRows() {
  const rows = readCsv("kommuner.csv").map((m) => ({
    code: m.kommunkod!,
    name: m.kommun!,
    slug: slugify(m.kommun!),
    countyCode: m.lanskod!,
    countyName: m.lan!,
  }));
  const seen = new Map<string, number>();
  for (const row of rows) seen.set(row.slug, (seen.get(row.slug) ?? 0) + 1);
  return rows.map(({ countyName, ...row }) =>
    seen.get(row.slug)! > 1 && slugify(row.name) !== row.name.toLowerCase()
      ? { ...row, slug: slugify(`${row.name} ${countyName.replace(/ län$/, "")}`) }
      : row,
  );
}

/**
 * Loads the 290 municipalities, the counties and police regions, and the known police areas.
 * Adds what is missing and leaves existing rows alone, so administrators' corrections survive.
 */
export async function loadReferenceData(tx: DbOrTx): Promise<void> {
  const regions = readCsv("polisregioner.csv");
  const regionNames = [...new Set(regions.map((r) => r.region!))];
  await tx
    .insert(policeRegion)
    .values(regionNames.map((name) => ({ name })))
    .onConflictDoNothing();
  const regionRows = await tx.select().from(policeRegion);
  const regionId = new Map(regionRows.map((r) => [r.name, r.id]));

  await tx
    .insert(county)
    .values(
      regions.map((r) => ({ code: r.lanskod!, name: r.lan!, policeRegionId: regionId.get(r.region!)! })),
    )
    .onConflictDoNothing();

  await tx.insert(municipality).values(municipalityRows()).onConflictDoNothing();

  for (const row of readCsv("lokalpolisomraden_kallor.csv")) {
    await tx
      .insert(policeArea)
      .values({
        name: row.lpo!,
        policeDistrict: row.polisomrade || null,
        policeRegionId: regionId.get(row.region!)!,
      })
      .onConflictDoNothing();
    const [area] = await tx
      .select({ id: policeArea.id })
      .from(policeArea)
      .where(sql`lower(${policeArea.name}) = lower(${row.lpo!})`);
    const statusText = row.status ?? "";
    await tx
      .insert(policeAreaMunicipality)
      .values({
        policeAreaId: area!.id,
        municipalityCode: row.kommunkod!,
        coverage: (row.tackning ?? "").startsWith("del") ? "part" : "whole",
        status: /^(verifierad|beställarens)/.test(statusText) ? "verified" : "probable",
        source:
          [row.kalla, statusText, row.tackning?.startsWith("del") ? row.tackning : ""]
            .filter(Boolean)
            .join(" — ") || null,
      })
      .onConflictDoNothing();
  }
}
