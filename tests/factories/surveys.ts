import { randomUUID } from "node:crypto";
import type { DbOrTx } from "~/db/client.server";
import { swedishDate } from "~/domain/agreements/document-lifecycle";
import { createSurvey } from "~/domain/surveys/create-survey.server";
import { openSurveyWave } from "~/domain/surveys/open-survey-wave.server";
import { getSurvey } from "~/domain/surveys/survey.queries.server";
import type { SurveyDefinition } from "~/domain/surveys/survey.schemas";
import { insertPartnership } from "./partnerships";
import { insertUserActor } from "./users";

/** The builder's input: three bank items, two areas, one named place, English, two own questions. */
export function makeSurvey(overrides: Partial<Parameters<typeof createSurvey>[2]> = {}) {
  return {
    title: `Trygghetsenkät ${randomUUID().slice(0, 8)}`,
    bankItems: ["otrygg_kvall", "oro_bostadsinbrott", "problem_omradet"],
    areas: "Centrum\nNorra staden",
    places: "Stationsparken",
    english: true,
    ownQuestions: [
      {
        kind: "text" as const,
        text: "Vad skulle göra området tryggare?",
        textEn: "What would make the area safer?",
      },
      { kind: "place" as const, text: "Var känner du dig otrygg?", textEn: "Where do you feel unsafe?" },
    ],
    ...overrides,
  };
}

export interface InsertedSurvey {
  partnershipId: string;
  surveyId: string;
  definition: SurveyDefinition;
  /** Opens another wave of the same survey. */
  openWave(input?: {
    opensOn?: string;
    closesOn?: string;
    codes?: number;
  }): Promise<{ id: string; linkKey: string; codes: string[] }>;
}

/**
 * A partnership with a coordinator and a survey built from the bank (see makeSurvey), ready for
 * waves; by default none is open. `openWave()` opens one from today (Europe/Stockholm) for a month.
 */
export async function insertSurvey(
  db: DbOrTx,
  overrides: Partial<Parameters<typeof createSurvey>[2]> = {},
): Promise<InsertedSurvey> {
  const partnershipId = await insertPartnership(db);
  const coordinator = await insertUserActor(db, { partnerships: { [partnershipId]: "coordinator" } });
  const ctx = { db, actor: coordinator };
  const { id: surveyId } = await createSurvey(ctx, partnershipId, makeSurvey(overrides));
  const { definition } = await getSurvey(ctx, surveyId);
  const today = swedishDate(new Date());
  const inAMonth = swedishDate(new Date(Date.now() + 30 * 24 * 3600 * 1000));
  return {
    partnershipId,
    surveyId,
    definition,
    openWave: (input = {}) =>
      openSurveyWave(ctx, surveyId, {
        name: `Omgång ${randomUUID().slice(0, 6)}`,
        opensOn: input.opensOn ?? today,
        closesOn: input.closesOn ?? inAMonth,
        codes: input.codes ?? 0,
      }),
  };
}
