import { describe, expect, it } from "vitest";
import { insertSurvey } from "../../../tests/factories/surveys";
import { withTestDatabase } from "../../../tests/support/test-database";
import { DRAFT_DAYS, draftValues, findSurveyDraft, saveSurveyDraft } from "./save-survey-draft.server";

const t = withTestDatabase();
const DAY = 24 * 3600 * 1000;
let counter = 0;
const newKey = () => `draft-test-key-${++counter}-${Math.random().toString(36).slice(2)}`;

describe("saveSurveyDraft and findSurveyDraft", () => {
  it("keeps the answers for 30 days under the key, for that wave only; saving again replaces them", async () => {
    const survey = await insertSurvey(t.db);
    const wave = await survey.openWave();
    const other = await survey.openWave();
    const key = newKey();
    const now = new Date();
    const saved = await saveSurveyDraft({ db: t.db }, wave.linkKey, key, { "q-otrygg_kvall": ["2"] }, now);
    expect(saved.expiresAt.getTime() - now.getTime()).toBe(DRAFT_DAYS * DAY);
    expect(await findSurveyDraft(t.db, wave.id, key)).toEqual({ "q-otrygg_kvall": ["2"] });
    expect(await findSurveyDraft(t.db, other.id, key)).toBeNull();
    expect(await findSurveyDraft(t.db, wave.id, key, new Date(now.getTime() + 31 * DAY))).toBeNull();

    await saveSurveyDraft({ db: t.db }, wave.linkKey, key, { gender: ["man"] });
    expect(await findSurveyDraft(t.db, wave.id, key)).toEqual({ gender: ["man"] });
    // The same key posted to another wave's link takes nothing over.
    await expect(
      saveSurveyDraft({ db: t.db }, other.linkKey, key, { gender: ["woman"] }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
    });
    expect(await findSurveyDraft(t.db, wave.id, key)).toEqual({ gender: ["man"] });
  });

  it("refuses an unknown link, a closed wave and a malformed key", async () => {
    const survey = await insertSurvey(t.db);
    const closed = await survey.openWave({ opensOn: "2020-01-01", closesOn: "2020-01-31" });
    const open = await survey.openWave();
    await expect(saveSurveyDraft({ db: t.db }, "finnsinte1", newKey(), {})).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(saveSurveyDraft({ db: t.db }, closed.linkKey, newKey(), {})).rejects.toMatchObject({
      code: "SURVEY_CLOSED",
    });
    await expect(saveSurveyDraft({ db: t.db }, open.linkKey, "kort", {})).rejects.toMatchObject({
      code: "VALIDATION",
    });
  });
});

describe("draftValues", () => {
  it("keeps the answers, never the code, the CSRF token or the honeypot, and cuts what the form would not send", () => {
    expect(
      draftValues({
        csrf: ["token"],
        code: ["K7PXM-2QDHA"],
        website: ["spam"],
        intent: ["later"],
        submissionKey: ["x".repeat(32)],
        "q-a": ["1", ""],
        "q-text": ["y".repeat(5000)],
        "bad name!": ["1"],
        "q-empty": [" "],
      }),
    ).toEqual({ "q-a": ["1"], "q-text": ["y".repeat(2000)] });
  });
});
