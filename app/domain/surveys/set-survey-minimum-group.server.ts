import { eq } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "~/db/client.server";
import { raisePublicationVersion } from "~/db/publication-version.server";
import { partnership } from "~/db/schema";
import type { Actor } from "~/domain/access/actor";
import { requirePartnershipPermission } from "~/domain/access/permissions";
import { recordAuditEvent } from "~/domain/audit/record-audit-event.server";
import { notFound } from "~/errors/app-error";
import { parseInput } from "~/lib/validation";
import { MAX_MINIMUM_GROUP, MIN_MINIMUM_GROUP } from "./survey.schemas";

export const surveyMinimumGroupSchema = z.object({
  minimumGroup: z.coerce
    .number({ error: "Skriv ett heltal." })
    .int({ error: "Skriv ett heltal." })
    .min(MIN_MINIMUM_GROUP, { error: `Minst ${MIN_MINIMUM_GROUP}.` })
    .max(MAX_MINIMUM_GROUP, { error: `Högst ${MAX_MINIMUM_GROUP}.` }),
});

/** The partnership's smallest group that survey results may show outside the coordinator's screen. */
export async function findSurveyMinimumGroup(
  ctx: { db: DbOrTx; actor: Actor },
  partnershipId: string,
): Promise<number> {
  requirePartnershipPermission(ctx.actor, "survey.read", partnershipId);
  const [row] = await ctx.db
    .select({ minimumGroup: partnership.surveyMinimumGroup })
    .from(partnership)
    .where(eq(partnership.id, partnershipId));
  if (!row) throw notFound("Samverkan");
  return row.minimumGroup;
}

/**
 * Sets the minimum group size of a partnership's survey results. Published results change with it
 * at once (the public cache is dropped). Throws UNAUTHENTICATED, NOT_FOUND, FORBIDDEN, VALIDATION.
 */
export async function setSurveyMinimumGroup(
  ctx: { db: DbOrTx; actor: Actor },
  partnershipId: string,
  input: z.input<typeof surveyMinimumGroupSchema>,
): Promise<void> {
  requirePartnershipPermission(ctx.actor, "survey.manage", partnershipId);
  const { minimumGroup } = parseInput(surveyMinimumGroupSchema, input);
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select({ minimumGroup: partnership.surveyMinimumGroup })
      .from(partnership)
      .where(eq(partnership.id, partnershipId))
      .for("update");
    if (!before) throw notFound("Samverkan");
    if (before.minimumGroup === minimumGroup) return;
    await tx
      .update(partnership)
      .set({ surveyMinimumGroup: minimumGroup, updatedAt: new Date() })
      .where(eq(partnership.id, partnershipId));
    await raisePublicationVersion(tx);
    await recordAuditEvent(tx, ctx.actor, {
      entityType: "partnership",
      entityId: partnershipId,
      partnershipId,
      action: "set-survey-minimum-group",
      before,
      after: { minimumGroup },
    });
  });
}
