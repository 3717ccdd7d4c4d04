import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { surveyCode, surveyDraft, surveyResponse } from "~/db/schema";
import { swedishDate } from "~/domain/agreements/document-lifecycle";
import { AppError, notFound } from "~/errors/app-error";
import { hashSurveyCode } from "./open-survey-wave.server";
import { checkResponse } from "./response-input";
import { findWaveByLink, isWaveOpen, longSwedishDate } from "./survey.queries.server";

/**
 * A resident's answers to a wave, anonymous. Idempotent: a retried post with the same submission
 * key counts once (and answers as the first did); a sampled wave's code answers once. Throws
 * NOT_FOUND (unknown link), SURVEY_CLOSED, SURVEY_CODE_INVALID, VALIDATION (by form field);
 * nothing is stored unless all of it is valid.
 */
export async function submitSurveyResponse(
  ctx: { db: DbOrTx },
  linkKey: string,
  input: unknown,
  today = swedishDate(new Date()),
): Promise<{ responseId: string; duplicate: boolean }> {
  const wave = await findWaveByLink(ctx.db, linkKey);
  if (!wave) throw notFound("Enkäten");
  if (!isWaveOpen(wave, today)) throw closed(wave, today);
  const check = checkResponse(wave.definition, input);
  if (!check.ok) throw new AppError("VALIDATION", "Svaren innehåller fel.", check.fields);
  const response = check.response;
  if (wave.requiresCode && !response.code)
    throw new AppError("SURVEY_CODE_INVALID", "Skriv koden från brevet du fick.", { code: ["Skriv koden."] });

  return ctx.db.transaction(async (tx) => {
    const earlier = async () => {
      const [row] = await tx
        .select({ id: surveyResponse.id })
        .from(surveyResponse)
        .where(
          and(eq(surveyResponse.waveId, wave.id), eq(surveyResponse.submissionKey, response.submissionKey)),
        );
      return row ?? null;
    };
    const before = await earlier();
    if (before) return { responseId: before.id, duplicate: true };
    if (wave.requiresCode) {
      const used = await tx
        .update(surveyCode)
        .set({ usedAt: new Date() })
        .where(
          and(
            eq(surveyCode.waveId, wave.id),
            eq(surveyCode.codeHash, hashSurveyCode(response.code!)),
            isNull(surveyCode.usedAt),
          ),
        )
        .returning({ waveId: surveyCode.waveId });
      if (used.length === 0) {
        // The same submission, retried while its first post committed, took the code.
        const retried = await earlier();
        if (retried) return { responseId: retried.id, duplicate: true };
        throw new AppError(
          "SURVEY_CODE_INVALID",
          "Koden är fel eller har redan använts. Varje kod kan användas en gång.",
          { code: ["Koden är fel eller har redan använts."] },
        );
      }
    }
    const [inserted] = await tx
      .insert(surveyResponse)
      .values({
        waveId: wave.id,
        submissionKey: response.submissionKey,
        areaKey: response.areaKey,
        gender: response.gender,
        ageBand: response.ageBand,
        language: response.language,
        choices: response.choices as number[],
        texts: response.texts,
        places: response.places,
      })
      .onConflictDoNothing()
      .returning({ id: surveyResponse.id });
    if (!inserted) {
      const retried = await earlier();
      return { responseId: retried!.id, duplicate: true };
    }
    await tx
      .delete(surveyDraft)
      .where(and(eq(surveyDraft.waveId, wave.id), eq(surveyDraft.key, response.submissionKey)));
    return { responseId: inserted.id, duplicate: false };
  });
}

function closed(wave: { opensOn: string; closesOn: string }, today: string): AppError {
  const period = `${longSwedishDate(wave.opensOn)} – ${longSwedishDate(wave.closesOn)}`;
  return new AppError(
    "SURVEY_CLOSED",
    today < wave.opensOn
      ? `Enkäten har inte öppnat än. Den går att besvara ${period}.`
      : `Enkäten är stängd. Den gick att besvara ${period}.`,
  );
}
