import { and, eq, gt } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { surveyDraft } from "~/db/schema";
import { swedishDate } from "~/domain/agreements/document-lifecycle";
import { AppError, notFound } from "~/errors/app-error";
import { SUBMISSION_KEY } from "./response-input";
import { MAX_FREE_TEXT_ANSWER } from "./survey.schemas";
import { findWaveByLink, isWaveOpen } from "./survey.queries.server";

/** How long answers saved to finish later are kept. */
export const DRAFT_DAYS = 30;
const MAX_DRAFT_FIELDS = 400;
const MAX_VALUES_PER_FIELD = 25;

/**
 * Fields never kept in a draft: the form's own plumbing, and the sampled wave's code — kept in
 * plain text beside the answers it would tie them to the letter it came in.
 */
const NOT_KEPT = new Set(["csrf", "intent", "code", "submissionKey", "website"]);
const FIELD = /^[A-Za-z0-9_-]{1,120}$/;

/** The form's fields worth keeping: known shapes only, bounded in number and length. */
export function draftValues(form: Record<string, string[]>): Record<string, string[]> {
  const kept: Record<string, string[]> = {};
  for (const [name, values] of Object.entries(form)) {
    if (NOT_KEPT.has(name) || !FIELD.test(name)) continue;
    if (Object.keys(kept).length >= MAX_DRAFT_FIELDS) break;
    const nonEmpty = values.filter((v) => v.trim() !== "").slice(0, MAX_VALUES_PER_FIELD);
    // The form's own limit is maxlength; only a client that ignores it sends more, and loses the rest.
    if (nonEmpty.length) kept[name] = nonEmpty.map((v) => v.slice(0, MAX_FREE_TEXT_ANSWER));
  }
  return kept;
}

/**
 * Keeps a respondent's answers so far, to finish later through a link with the draft's key (the
 * form's submission key, so the finished answer still counts once). Saving again replaces them.
 * Throws NOT_FOUND (unknown link), SURVEY_CLOSED, VALIDATION (a missing or malformed key).
 */
export async function saveSurveyDraft(
  ctx: { db: DbOrTx },
  linkKey: string,
  key: string,
  form: Record<string, string[]>,
  now = new Date(),
): Promise<{ key: string; expiresAt: Date }> {
  const wave = await findWaveByLink(ctx.db, linkKey);
  if (!wave) throw notFound("Enkäten");
  if (!isWaveOpen(wave, swedishDate(now)))
    throw new AppError("SURVEY_CLOSED", "Enkäten är stängd och tar inte emot svar.");
  if (!SUBMISSION_KEY.test(key))
    throw new AppError("VALIDATION", "Svarets nyckel saknas eller är felaktig.", {
      submissionKey: ["Ladda om sidan och försök igen."],
    });
  const values = draftValues(form);
  const expiresAt = new Date(now.getTime() + DRAFT_DAYS * 24 * 3600 * 1000);
  const [row] = await ctx.db
    .insert(surveyDraft)
    .values({ key, waveId: wave.id, values, expiresAt })
    .onConflictDoUpdate({
      target: surveyDraft.key,
      set: { values, expiresAt, updatedAt: now },
      // A key is the wave's: the same key posted to another wave's link replaces nothing.
      setWhere: eq(surveyDraft.waveId, wave.id),
    })
    .returning({ key: surveyDraft.key });
  if (!row)
    throw new AppError("VALIDATION", "Svarets nyckel saknas eller är felaktig.", {
      submissionKey: ["Ladda om sidan och försök igen."],
    });
  return { key, expiresAt };
}

/** The answers saved under a key for a wave, or null when there are none (or they have expired). */
export async function findSurveyDraft(
  db: DbOrTx,
  waveId: string,
  key: string,
  now = new Date(),
): Promise<Record<string, string[]> | null> {
  if (!SUBMISSION_KEY.test(key)) return null;
  const [row] = await db
    .select({ values: surveyDraft.values })
    .from(surveyDraft)
    .where(and(eq(surveyDraft.key, key), eq(surveyDraft.waveId, waveId), gt(surveyDraft.expiresAt, now)));
  return row ? row.values : null;
}
