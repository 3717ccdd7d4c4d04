import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { survey, surveyResponse, surveyWave } from "~/db/schema";
import type { Actor } from "~/domain/access/actor";
import { requirePartnershipPermission } from "~/domain/access/permissions";
import { recordAuditEvent } from "~/domain/audit/record-audit-event.server";
import { notFound } from "~/errors/app-error";
import { answerSlots, localized, surveyDefinitionSchema } from "./survey.schemas";

/**
 * Every answer of a wave as rows for a CSV file: the raw material, for the partnership's
 * coordinators and police only ("survey.export-raw"; free text unredacted). The download is
 * recorded in the audit log. Throws UNAUTHENTICATED, NOT_FOUND, FORBIDDEN.
 */
export async function exportRawResponses(
  ctx: { db: DbOrTx; actor: Actor },
  waveId: string,
): Promise<{ fileName: string; header: string[]; rows: (string | number | null)[][] }> {
  const [wave] = await ctx.db
    .select({
      name: surveyWave.name,
      partnershipId: surveyWave.partnershipId,
      title: survey.title,
      definition: survey.definition,
    })
    .from(surveyWave)
    .innerJoin(survey, eq(survey.id, surveyWave.surveyId))
    .where(eq(surveyWave.id, waveId));
  if (!wave) throw notFound("Omgången");
  requirePartnershipPermission(ctx.actor, "survey.export-raw", wave.partnershipId);
  const definition = surveyDefinitionSchema.parse(wave.definition);
  const slots = answerSlots(definition);
  const questions = new Map(definition.questions.map((q) => [q.key, q]));
  const textQuestions = definition.questions.filter((q) => q.kind === "text");
  const responses = await ctx.db
    .select()
    .from(surveyResponse)
    .where(eq(surveyResponse.waveId, waveId))
    .orderBy(asc(surveyResponse.createdAt), asc(surveyResponse.id));
  const header = [
    "svar",
    "datum",
    "språk",
    "område",
    "kön",
    "ålder",
    ...slots.map((s) => (s.itemKey === undefined ? s.questionKey : `${s.questionKey}.${s.itemKey}`)),
    ...textQuestions.map((q) => q.key),
    "platser",
  ];
  const rows = responses.map((response, index) => [
    index + 1,
    response.createdAt.toLocaleDateString("sv-SE", { timeZone: "Europe/Stockholm" }),
    response.language,
    definition.areas.find((a) => a.key === response.areaKey)?.name ?? "",
    response.gender ?? "",
    response.ageBand ?? "",
    ...slots.map((slot) => {
      const value = response.choices[slot.slot];
      if (value === null || value === undefined) return "";
      const question = questions.get(slot.questionKey)!;
      if (question.kind === "multiple") return value === 1 ? "ja" : "nej";
      return localized(question.options[value]!, "sv");
    }),
    ...textQuestions.map((q) => response.texts[q.key] ?? ""),
    response.places
      .map((p) =>
        [
          p.placeKey
            ? (definition.places.find((d) => d.key === p.placeKey)?.name ?? p.placeKey)
            : p.description,
          p.reasons.join("+"),
          [...p.times, ...p.days].join("+"),
        ]
          .filter(Boolean)
          .join(" / "),
      )
      .join(" | "),
  ]);
  await recordAuditEvent(ctx.db, ctx.actor, {
    entityType: "surveyWave",
    entityId: waveId,
    partnershipId: wave.partnershipId,
    action: "export-raw",
    after: { responses: rows.length },
  });
  const safeName = `${wave.title}-${wave.name}`.replace(/[^\p{L}\p{N}]+/gu, "-").slice(0, 80);
  return { fileName: `svar-${safeName}.csv`, header, rows };
}
