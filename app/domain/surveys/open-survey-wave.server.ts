import { createHash, randomBytes, randomInt } from "node:crypto";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { survey, surveyCode, surveyWave } from "~/db/schema";
import type { Actor } from "~/domain/access/actor";
import { requirePartnershipPermission } from "~/domain/access/permissions";
import { recordAuditEvent } from "~/domain/audit/record-audit-event.server";
import { AppError, notFound } from "~/errors/app-error";
import { parseInput } from "~/lib/validation";
import { openSurveyWaveSchema, type OpenSurveyWaveInput } from "./survey-wave.schemas";

/** Letters and digits that cannot be mistaken for one another when typed from paper. */
const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** A code to print on a letter: 10 characters in two groups, e.g. "K7PXM-2QDHA". */
export function newSurveyCode(): string {
  let code = "";
  for (let i = 0; i < 10; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** What a typed code is stored and looked up as: case, spaces and dashes do not matter. */
export function hashSurveyCode(code: string): string {
  const normalized = code.toUpperCase().replace(/[^A-Z0-9]/g, "");
  return createHash("sha256").update(normalized).digest("hex");
}

/**
 * Opens a new wave of a survey: the same questions, a new public link, optionally single-use
 * codes (returned once, in plain text, never stored so). Throws UNAUTHENTICATED, NOT_FOUND,
 * FORBIDDEN, VALIDATION.
 */
export async function openSurveyWave(
  ctx: { db: DbOrTx; actor: Actor },
  surveyId: string,
  input: OpenSurveyWaveInput,
): Promise<{ id: string; linkKey: string; codes: string[] }> {
  const { actor } = ctx;
  if (actor.kind === "anonymous") throw new AppError("UNAUTHENTICATED", "Du behöver logga in.");
  const valid = parseInput(openSurveyWaveSchema, input);
  return ctx.db.transaction(async (tx) => {
    const [owner] = await tx
      .select({ partnershipId: survey.partnershipId })
      .from(survey)
      .where(eq(survey.id, surveyId));
    if (!owner) throw notFound("Enkäten");
    requirePartnershipPermission(actor, "survey.manage", owner.partnershipId);
    const linkKey = randomBytes(12).toString("base64url");
    const [row] = await tx
      .insert(surveyWave)
      .values({
        surveyId,
        partnershipId: owner.partnershipId,
        name: valid.name,
        opensOn: valid.opensOn,
        closesOn: valid.closesOn,
        linkKey,
        requiresCode: valid.codes > 0,
      })
      .returning({ id: surveyWave.id });
    const codes = new Set<string>();
    while (codes.size < valid.codes) codes.add(newSurveyCode());
    const list = [...codes];
    for (let i = 0; i < list.length; i += 1000) {
      await tx
        .insert(surveyCode)
        .values(list.slice(i, i + 1000).map((code) => ({ waveId: row!.id, codeHash: hashSurveyCode(code) })));
    }
    await recordAuditEvent(tx, actor, {
      entityType: "surveyWave",
      entityId: row!.id,
      partnershipId: owner.partnershipId,
      action: "open",
      after: {
        surveyId,
        name: valid.name,
        opensOn: valid.opensOn,
        closesOn: valid.closesOn,
        codes: list.length,
      },
    });
    return { id: row!.id, linkKey, codes: list };
  });
}
