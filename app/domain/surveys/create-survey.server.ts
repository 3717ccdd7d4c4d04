import { eq } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { partnership, survey } from "~/db/schema";
import type { Actor } from "~/domain/access/actor";
import { requirePartnershipPermission } from "~/domain/access/permissions";
import { recordAuditEvent } from "~/domain/audit/record-audit-event.server";
import { notFound } from "~/errors/app-error";
import { parseInput } from "~/lib/validation";
import { createSurveySchema, definitionFromForm, type CreateSurveyInput } from "./create-survey.schemas";
import { surveyDefinitionSchema } from "./survey.schemas";

/**
 * A coordinator builds a partnership's safety survey: standard items from the question bank, own
 * questions, the partnership's areas and named places. Throws UNAUTHENTICATED, NOT_FOUND,
 * FORBIDDEN, VALIDATION (by field).
 */
export async function createSurvey(
  ctx: { db: DbOrTx; actor: Actor },
  partnershipId: string,
  input: CreateSurveyInput,
): Promise<{ id: string }> {
  const { actor } = ctx;
  requirePartnershipPermission(actor, "survey.manage", partnershipId);
  const form = parseInput(createSurveySchema, input);
  const definition = parseInput(surveyDefinitionSchema, definitionFromForm(form));
  return ctx.db.transaction(async (tx) => {
    const [owner] = await tx
      .select({ id: partnership.id })
      .from(partnership)
      .where(eq(partnership.id, partnershipId));
    if (!owner) throw notFound("Samverkan");
    const [row] = await tx
      .insert(survey)
      .values({ partnershipId, title: form.title, definition })
      .returning({ id: survey.id });
    await recordAuditEvent(tx, actor, {
      entityType: "survey",
      entityId: row!.id,
      partnershipId,
      action: "create",
      after: {
        title: form.title,
        questions: definition.questions.map((q) => q.key),
        areas: definition.areas.length,
      },
    });
    return { id: row!.id };
  });
}
