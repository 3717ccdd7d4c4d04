import { eq } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { raisePublicationVersion } from "~/db/publication-version.server";
import { surveyWave } from "~/db/schema";
import type { Actor } from "~/domain/access/actor";
import { requirePartnershipPermission } from "~/domain/access/permissions";
import { swedishDate } from "~/domain/agreements/document-lifecycle";
import { recordAuditEvent } from "~/domain/audit/record-audit-event.server";
import { AppError, notFound } from "~/errors/app-error";

/** The wave, locked for the write; NOT_FOUND also for another partnership's (not leaked). */
async function lockWave(tx: DbOrTx, actor: Actor, waveId: string) {
  if (actor.kind === "anonymous") throw new AppError("UNAUTHENTICATED", "Du behöver logga in.");
  const [wave] = await tx
    .select({
      id: surveyWave.id,
      partnershipId: surveyWave.partnershipId,
      name: surveyWave.name,
      closesOn: surveyWave.closesOn,
      resultsPublishedAt: surveyWave.resultsPublishedAt,
    })
    .from(surveyWave)
    .where(eq(surveyWave.id, waveId))
    .for("update");
  if (!wave) throw notFound("Omgången");
  requirePartnershipPermission(actor, "survey.manage", wave.partnershipId);
  return wave;
}

/**
 * Publishes a closed wave's results: from now on the suppressed aggregates are public (the page
 * /trygghetsundersokningar/:waveId, its CSV, the open-data API). A wave still taking answers is
 * refused, so a published figure never changes afterwards. `today` is YYYY-MM-DD in Sweden.
 * Throws UNAUTHENTICATED, NOT_FOUND, FORBIDDEN, CONFLICT (still open, already published).
 */
export async function publishSurveyResults(
  ctx: { db: DbOrTx; actor: Actor; now?: Date },
  waveId: string,
  today = swedishDate(ctx.now ?? new Date()),
): Promise<void> {
  const { actor } = ctx;
  const now = ctx.now ?? new Date();
  await ctx.db.transaction(async (tx) => {
    const wave = await lockWave(tx, actor, waveId);
    if (!(today > wave.closesOn))
      throw new AppError("CONFLICT", "Resultaten kan publiceras när omgången har stängt.");
    if (wave.resultsPublishedAt) throw new AppError("CONFLICT", "Resultaten är redan publicerade.");
    await tx
      .update(surveyWave)
      .set({ resultsPublishedAt: now, updatedAt: now })
      .where(eq(surveyWave.id, waveId));
    // Residents see it: cached public pages are dropped at commit.
    await raisePublicationVersion(tx);
    await recordAuditEvent(tx, actor, {
      entityType: "surveyWave",
      entityId: waveId,
      partnershipId: wave.partnershipId,
      action: "publish",
      before: { resultsPublished: false },
      after: { resultsPublished: true, name: wave.name },
    });
  });
}

/**
 * Takes a wave's results off the public pages and the open data again (e.g. after a mistake in
 * the survey). Throws UNAUTHENTICATED, NOT_FOUND, FORBIDDEN, CONFLICT (not published).
 */
export async function withdrawSurveyResults(
  ctx: { db: DbOrTx; actor: Actor; now?: Date },
  waveId: string,
): Promise<void> {
  const { actor } = ctx;
  const now = ctx.now ?? new Date();
  await ctx.db.transaction(async (tx) => {
    const wave = await lockWave(tx, actor, waveId);
    if (!wave.resultsPublishedAt) throw new AppError("CONFLICT", "Resultaten är inte publicerade.");
    await tx
      .update(surveyWave)
      .set({ resultsPublishedAt: null, updatedAt: now })
      .where(eq(surveyWave.id, waveId));
    await raisePublicationVersion(tx);
    await recordAuditEvent(tx, actor, {
      entityType: "surveyWave",
      entityId: waveId,
      partnershipId: wave.partnershipId,
      action: "withdraw",
      before: { resultsPublished: true, name: wave.name },
      after: { resultsPublished: false },
    });
  });
}
