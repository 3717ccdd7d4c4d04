import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { surveyResponse } from "~/db/schema";
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

  // One statement: the code taken (if the wave has codes), the answer stored unless its key is
  // already there, the draft saved under the same key dropped. A retry finds its first answer.
  const codeHash = wave.requiresCode ? hashSurveyCode(response.code!) : null;
  const stored = await ctx.db.execute<{ id: string }>(sql`
    with code as (
      update survey_code set used_at = now()
      where ${codeHash !== null} and wave_id = ${wave.id} and code_hash = ${codeHash} and used_at is null
        and not exists (
          select 1 from survey_response where wave_id = ${wave.id} and submission_key = ${response.submissionKey}
        )
      returning 1
    ),
    inserted as (
      insert into survey_response (wave_id, submission_key, area_key, gender, age_band, language, choices, texts, places)
      select ${wave.id}, ${response.submissionKey}, ${response.areaKey}, ${response.gender}, ${response.ageBand},
             ${response.language}, ${toArrayLiteral(response.choices)}::smallint[], ${JSON.stringify(response.texts)}::jsonb,
             ${JSON.stringify(response.places)}::jsonb
      where ${codeHash === null} or exists (select 1 from code)
      on conflict (wave_id, submission_key) do nothing
      returning id
    ),
    dropped as (
      delete from survey_draft
      where wave_id = ${wave.id} and key = ${response.submissionKey} and exists (select 1 from inserted)
    )
    select id from inserted`);
  const inserted = stored.rows[0];
  if (inserted) return { responseId: inserted.id, duplicate: false };
  const [earlier] = await ctx.db
    .select({ id: surveyResponse.id })
    .from(surveyResponse)
    .where(and(eq(surveyResponse.waveId, wave.id), eq(surveyResponse.submissionKey, response.submissionKey)));
  if (earlier) return { responseId: earlier.id, duplicate: true };
  throw new AppError(
    "SURVEY_CODE_INVALID",
    "Koden är fel eller har redan använts. Varje kod kan användas en gång.",
    {
      code: ["Koden är fel eller har redan använts."],
    },
  );
}

/** A PostgreSQL array literal of small integers and nulls: '{1,NULL,3}'. */
function toArrayLiteral(values: (number | null)[]): string {
  return `{${values.map((v) => (v === null ? "NULL" : String(v))).join(",")}}`;
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
