import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { partnership, survey, surveyWave } from "~/db/schema";
import type { Actor } from "~/domain/access/actor";
import { readablePartnerships, requirePartnershipPermission } from "~/domain/access/permissions";
import { notFound } from "~/errors/app-error";
import { surveyDefinitionSchema, type SurveyDefinition } from "./survey.schemas";

export interface WaveSummary {
  id: string;
  surveyId: string;
  name: string;
  opensOn: string;
  closesOn: string;
  linkKey: string;
  requiresCode: boolean;
  resultsPublishedAt: Date | null;
  responses: number;
}

export interface SurveyView {
  id: string;
  partnershipId: string;
  partnershipName: string;
  title: string;
  definition: SurveyDefinition;
  minimumGroup: number;
  waves: WaveSummary[];
  /** Answers exist: the questions can no longer change, so waves compare. */
  frozen: boolean;
}

export { isWaveOpen } from "./survey-wave.schemas";

/** "3 mars 2026": a wave's dates as respondents read them. */
export function longSwedishDate(isoDate: string): string {
  return new Date(`${isoDate}T00:00:00Z`).toLocaleDateString("sv-SE", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
}

async function findWaves(db: DbOrTx, surveyIds: string[]): Promise<WaveSummary[]> {
  if (surveyIds.length === 0) return [];
  return db
    .select({
      id: surveyWave.id,
      surveyId: surveyWave.surveyId,
      name: surveyWave.name,
      opensOn: surveyWave.opensOn,
      closesOn: surveyWave.closesOn,
      linkKey: surveyWave.linkKey,
      requiresCode: surveyWave.requiresCode,
      resultsPublishedAt: surveyWave.resultsPublishedAt,
      responses: sql<number>`(select count(*)::int from survey_response r where r.wave_id = ${surveyWave.id})`,
    })
    .from(surveyWave)
    .where(inArray(surveyWave.surveyId, surveyIds))
    .orderBy(asc(surveyWave.opensOn), asc(surveyWave.createdAt));
}

/** The surveys of a partnership, newest first, with their waves. Throws NOT_FOUND / FORBIDDEN. */
export async function findSurveys(
  ctx: { db: DbOrTx; actor: Actor },
  partnershipId: string,
): Promise<{ id: string; title: string; waves: WaveSummary[] }[]> {
  requirePartnershipPermission(ctx.actor, "survey.read", partnershipId);
  const rows = await ctx.db
    .select({ id: survey.id, title: survey.title })
    .from(survey)
    .where(eq(survey.partnershipId, partnershipId))
    .orderBy(desc(survey.createdAt));
  const waves = await findWaves(
    ctx.db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => ({ ...row, waves: waves.filter((w) => w.surveyId === row.id) }));
}

/** One survey with its waves. Throws NOT_FOUND (also for another partnership's), FORBIDDEN. */
export async function getSurvey(ctx: { db: DbOrTx; actor: Actor }, surveyId: string): Promise<SurveyView> {
  const readable = readablePartnerships(ctx.actor);
  const [row] = await ctx.db
    .select({
      id: survey.id,
      partnershipId: survey.partnershipId,
      partnershipName: partnership.name,
      title: survey.title,
      definition: survey.definition,
      minimumGroup: partnership.surveyMinimumGroup,
    })
    .from(survey)
    .innerJoin(partnership, eq(partnership.id, survey.partnershipId))
    .where(
      readable === "all"
        ? eq(survey.id, surveyId)
        : and(
            eq(survey.id, surveyId),
            inArray(survey.partnershipId, readable.length ? readable : [surveyId]),
          ),
    );
  if (!row) throw notFound("Enkäten");
  requirePartnershipPermission(ctx.actor, "survey.read", row.partnershipId);
  const waves = await findWaves(ctx.db, [row.id]);
  return {
    ...row,
    definition: surveyDefinitionSchema.parse(row.definition),
    waves,
    frozen: waves.some((w) => w.responses > 0),
  };
}

export interface PublicWave {
  id: string;
  surveyId: string;
  partnershipId: string;
  title: string;
  name: string;
  opensOn: string;
  closesOn: string;
  requiresCode: boolean;
  definition: SurveyDefinition;
}

/**
 * Survey definitions as last read and checked, by survey id and the survey's updated_at: a
 * definition is tens of kilobytes (200 areas are allowed), and every answer needs it, while it
 * changes rarely (never once a wave has answers). A write to a survey's definition must bump
 * updated_at, as every write in Tryggsam does.
 */
const definitions = new Map<string, { updatedAt: number; definition: SurveyDefinition }>();
const MAX_CACHED_DEFINITIONS = 500;

async function surveyDefinition(db: DbOrTx, surveyId: string, updatedAt: Date): Promise<SurveyDefinition> {
  const cached = definitions.get(surveyId);
  if (cached && cached.updatedAt === updatedAt.getTime()) return cached.definition;
  const [row] = await db
    .select({ definition: survey.definition })
    .from(survey)
    .where(eq(survey.id, surveyId));
  const definition = surveyDefinitionSchema.parse(row!.definition);
  if (definitions.size >= MAX_CACHED_DEFINITIONS) definitions.delete(definitions.keys().next().value!);
  definitions.set(surveyId, { updatedAt: updatedAt.getTime(), definition });
  return definition;
}

/** A wave by its public link, for respondents; null when the link is unknown. */
export async function findWaveByLink(db: DbOrTx, linkKey: string): Promise<PublicWave | null> {
  if (!/^[A-Za-z0-9_-]{8,64}$/.test(linkKey)) return null;
  const [row] = await db
    .select({
      id: surveyWave.id,
      surveyId: surveyWave.surveyId,
      partnershipId: surveyWave.partnershipId,
      title: survey.title,
      name: surveyWave.name,
      opensOn: surveyWave.opensOn,
      closesOn: surveyWave.closesOn,
      requiresCode: surveyWave.requiresCode,
      surveyUpdatedAt: survey.updatedAt,
    })
    .from(surveyWave)
    .innerJoin(survey, eq(survey.id, surveyWave.surveyId))
    .where(eq(surveyWave.linkKey, linkKey));
  if (!row) return null;
  const { surveyUpdatedAt, ...wave } = row;
  return { ...wave, definition: await surveyDefinition(db, wave.surveyId, surveyUpdatedAt) };
}
