import { and, asc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { partnership, surveyExternalResult } from "~/db/schema";
import type { Actor } from "~/domain/access/actor";
import { requirePartnershipPermission } from "~/domain/access/permissions";
import { recordAuditEvent } from "~/domain/audit/record-audit-event.server";
import { AppError, notFound } from "~/errors/app-error";
import { parseExternalResults } from "./external-results";

/** The value a conflicting insert brought (ON CONFLICT … DO UPDATE). */
const sqlExcluded = (column: string) => sql.raw(`excluded.${column}`);

export interface ExternalResultView {
  area: string;
  year: number;
  indicator: string;
  unit: string;
  value: number;
  low: number | null;
  high: number | null;
  respondents: number | null;
  source: string;
}

/**
 * Takes in the police's or BRÅ's published results (CSV, docs/survey-external-results.md) for a
 * partnership: all lines or none. A line for the same area, year, indicator and source as one taken
 * in before replaces it. Throws UNAUTHENTICATED, NOT_FOUND, FORBIDDEN, VALIDATION (the file's
 * errors by line, under the field "file").
 */
export async function importExternalResults(
  ctx: { db: DbOrTx; actor: Actor },
  partnershipId: string,
  file: Buffer | string,
): Promise<{ stored: number }> {
  requirePartnershipPermission(ctx.actor, "survey.manage", partnershipId);
  const parsed = parseExternalResults(file);
  if (!parsed.ok) {
    throw new AppError("VALIDATION", "Filen kunde inte läsas in. Inget sparades.", {
      file: parsed.errors.map((e) => e.message),
    });
  }
  return ctx.db.transaction(async (tx) => {
    const [owner] = await tx
      .select({ id: partnership.id })
      .from(partnership)
      .where(eq(partnership.id, partnershipId));
    if (!owner) throw notFound("Samverkan");
    for (let i = 0; i < parsed.rows.length; i += 500) {
      const rows = parsed.rows.slice(i, i + 500).map((row) => ({
        partnershipId,
        area: row.area,
        year: row.year,
        indicator: row.indicator,
        unit: row.unit,
        value: row.value,
        low: row.low,
        high: row.high,
        respondents: row.respondents,
        source: row.source,
      }));
      await tx
        .insert(surveyExternalResult)
        .values(rows)
        .onConflictDoUpdate({
          target: [
            surveyExternalResult.partnershipId,
            surveyExternalResult.area,
            surveyExternalResult.year,
            surveyExternalResult.indicator,
            surveyExternalResult.source,
          ],
          set: {
            unit: sqlExcluded("unit"),
            value: sqlExcluded("value"),
            low: sqlExcluded("low"),
            high: sqlExcluded("high"),
            respondents: sqlExcluded("respondents"),
            updatedAt: new Date(),
          },
        });
    }
    await recordAuditEvent(tx, ctx.actor, {
      entityType: "partnership",
      entityId: partnershipId,
      partnershipId,
      action: "import-survey-results",
      after: { rows: parsed.rows.length },
    });
    return { stored: parsed.rows.length };
  });
}

/** The partnership's external results for one indicator (all when none given), by year and area. */
export async function findExternalResults(
  ctx: { db: DbOrTx; actor: Actor },
  partnershipId: string,
  indicator?: string,
): Promise<ExternalResultView[]> {
  requirePartnershipPermission(ctx.actor, "survey.read", partnershipId);
  return ctx.db
    .select({
      area: surveyExternalResult.area,
      year: surveyExternalResult.year,
      indicator: surveyExternalResult.indicator,
      unit: surveyExternalResult.unit,
      value: surveyExternalResult.value,
      low: surveyExternalResult.low,
      high: surveyExternalResult.high,
      respondents: surveyExternalResult.respondents,
      source: surveyExternalResult.source,
    })
    .from(surveyExternalResult)
    .where(
      indicator === undefined
        ? eq(surveyExternalResult.partnershipId, partnershipId)
        : and(
            eq(surveyExternalResult.partnershipId, partnershipId),
            eq(surveyExternalResult.indicator, indicator),
          ),
    )
    .orderBy(
      asc(surveyExternalResult.indicator),
      asc(surveyExternalResult.year),
      asc(surveyExternalResult.area),
    );
}
