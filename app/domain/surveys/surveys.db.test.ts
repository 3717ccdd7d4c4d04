import { readFileSync } from "node:fs";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { partnership, surveyCode, surveyResponse } from "~/db/schema";
import { anonymous } from "~/domain/access/actor";
import { insertPartnership } from "../../../tests/factories/partnerships";
import { insertUserActor } from "../../../tests/factories/users";
import { withTestDatabase } from "../../../tests/support/test-database";
import { createSurvey } from "./create-survey.server";
import { findExternalResults, importExternalResults } from "./import-external-results.server";
import { openSurveyWave } from "./open-survey-wave.server";
import { findSurveyMinimumGroup, setSurveyMinimumGroup } from "./set-survey-minimum-group.server";
import { shareOf } from "./statistics";
import { submitSurveyResponse } from "./submit-survey-response.server";
import { remainderIsSafe } from "./suppression";
import { computeWaveResults, dimensionKeys, DIMENSIONS } from "./survey-results.server";
import { getSurvey } from "./survey.queries.server";
import { answerSlots } from "./survey.schemas";

const t = withTestDatabase();
const TODAY = "2026-03-10";
let counter = 0;
const key = () => `test-submission-${Date.now()}-${++counter}-${Math.random().toString(36).slice(2)}`;

async function surveyWithWave(options: { codes?: number; minimumGroup?: number } = {}) {
  const partnershipId = await insertPartnership(t.db);
  if (options.minimumGroup)
    await t.db
      .update(partnership)
      .set({ surveyMinimumGroup: options.minimumGroup })
      .where(eq(partnership.id, partnershipId));
  const coordinator = await insertUserActor(t.db, { partnerships: { [partnershipId]: "coordinator" } });
  const { id: surveyId } = await createSurvey({ db: t.db, actor: coordinator }, partnershipId, {
    title: "Trygghetsenkät",
    bankItems: ["otrygg_kvall", "problem_omradet"],
    areas: "Centrum\nNorra",
    places: "Stationen",
    english: "on",
    ownQuestions: [{ kind: "text", text: "Vad vill du säga till polisen?" }],
  });
  const first = await openSurveyWave({ db: t.db, actor: coordinator }, surveyId, {
    name: "2025",
    opensOn: "2025-03-01",
    closesOn: "2025-03-31",
  });
  const wave = await openSurveyWave({ db: t.db, actor: coordinator }, surveyId, {
    name: "2026",
    opensOn: "2026-03-01",
    closesOn: "2026-03-31",
    codes: options.codes ?? 0,
  });
  return { partnershipId, coordinator, surveyId, first, wave };
}

const times = (n: number, value: number): number[] => Array.from({ length: n }, () => value);

const responses = async (waveId: string) =>
  (
    await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(surveyResponse)
      .where(eq(surveyResponse.waveId, waveId))
  )[0]!.n;

describe("building a survey and opening waves", () => {
  it("builds a survey from the bank with two areas: the problem list as a matrix, waves with their own links", async () => {
    const { coordinator, surveyId, first, wave } = await surveyWithWave();
    const view = await getSurvey({ db: t.db, actor: coordinator }, surveyId);
    expect(view.definition.areas.map((a) => a.name)).toEqual(["Centrum", "Norra"]);
    expect(view.definition.languages).toEqual(["sv", "en"]);
    const problems = view.definition.questions.find((q) => q.key === "problem_omradet")!;
    expect(problems.kind).toBe("matrix");
    expect(problems.items).toHaveLength(12);
    expect(problems.problemIndex).toBe(true);
    expect(view.waves.map((w) => w.name)).toEqual(["2025", "2026"]);
    expect(first.linkKey).not.toBe(wave.linkKey);
  });

  it("lets only the partnership's coordinator build; another partnership's survey is not found", async () => {
    const { partnershipId, surveyId } = await surveyWithWave();
    const member = await insertUserActor(t.db, { partnerships: { [partnershipId]: "member" } });
    const outsider = await insertUserActor(t.db, {
      partnerships: { [await insertPartnership(t.db)]: "coordinator" },
    });
    const input = { title: "X", bankItems: ["otrygg_kvall"], areas: "A", english: "" };
    await expect(createSurvey({ db: t.db, actor: member }, partnershipId, input)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(createSurvey({ db: t.db, actor: anonymous }, partnershipId, input)).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
    await expect(getSurvey({ db: t.db, actor: outsider }, surveyId)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("refuses a survey without areas or with an unknown bank item, and a wave that closes before it opens", async () => {
    const { partnershipId, coordinator, surveyId } = await surveyWithWave();
    await expect(
      createSurvey({ db: t.db, actor: coordinator }, partnershipId, {
        title: "X",
        bankItems: ["finns-inte"],
        areas: "",
        english: "",
      }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fields: { areas: ["Ange minst ett område, ett per rad."], "bankItems.0": ["Okänd fråga."] },
    });
    await expect(
      openSurveyWave({ db: t.db, actor: coordinator }, surveyId, {
        name: "X",
        opensOn: "2026-05-01",
        closesOn: "2026-04-01",
      }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fields: { closesOn: ["Sista svarsdagen kan inte vara före första."] },
    });
  });
});

describe("answering a wave", () => {
  it("stores an answer once however often the same submission is posted, also all at once", async () => {
    const { wave } = await surveyWithWave();
    const submissionKey = key();
    const body = {
      submissionKey,
      area: "centrum",
      gender: "woman",
      ageBand: "25-44",
      answers: { otrygg_kvall: 2 },
    };
    const first = await submitSurveyResponse({ db: t.db }, wave.linkKey, body, TODAY);
    expect(first.duplicate).toBe(false);
    const again = await Promise.all(
      Array.from({ length: 10 }, () => submitSurveyResponse({ db: t.db }, wave.linkKey, body, TODAY)),
    );
    expect(again.every((r) => r.duplicate && r.responseId === first.responseId)).toBe(true);
    expect(await responses(wave.id)).toBe(1);
  });

  it("takes a code once: a wrong or used code is refused and nothing is stored; a retry of the same answer is fine", async () => {
    const { wave } = await surveyWithWave({ codes: 3 });
    expect(wave.codes).toHaveLength(3);
    const [code] = wave.codes;
    const answer = (submissionKey: string, c?: string) => ({
      submissionKey,
      code: c,
      answers: { otrygg_kvall: 0 },
    });
    await expect(
      submitSurveyResponse({ db: t.db }, wave.linkKey, answer(key()), TODAY),
    ).rejects.toMatchObject({
      code: "SURVEY_CODE_INVALID",
    });
    await expect(
      submitSurveyResponse({ db: t.db }, wave.linkKey, answer(key(), "AAAAA-AAAAA"), TODAY),
    ).rejects.toMatchObject({
      code: "SURVEY_CODE_INVALID",
    });
    const submissionKey = key();
    // Typed in lower case with a space instead of the dash: the same code.
    const typed = code!.toLowerCase().replace("-", " ");
    expect(
      (await submitSurveyResponse({ db: t.db }, wave.linkKey, answer(submissionKey, typed), TODAY)).duplicate,
    ).toBe(false);
    expect(
      (await submitSurveyResponse({ db: t.db }, wave.linkKey, answer(submissionKey, code), TODAY)).duplicate,
    ).toBe(true);
    await expect(
      submitSurveyResponse({ db: t.db }, wave.linkKey, answer(key(), code), TODAY),
    ).rejects.toMatchObject({
      code: "SURVEY_CODE_INVALID",
      message: "Koden är fel eller har redan använts. Varje kod kan användas en gång.",
    });
    expect(await responses(wave.id)).toBe(1);
    const used = await t.db.select().from(surveyCode).where(eq(surveyCode.waveId, wave.id));
    expect(used.filter((c) => c.usedAt !== null)).toHaveLength(1);
    // Codes are kept as hashes only.
    expect(used.some((c) => c.codeHash.includes(code!.replace("-", "")))).toBe(false);
  });

  it("refuses bad input by field and stores nothing", async () => {
    const { wave } = await surveyWithWave();
    const refuse = async (input: unknown, today = TODAY) => {
      const before = await responses(wave.id);
      const error = await submitSurveyResponse({ db: t.db }, wave.linkKey, input, today).catch(
        (e: unknown) => e,
      );
      expect(await responses(wave.id)).toBe(before);
      return error;
    };
    expect(await refuse({ submissionKey: key(), answers: { finns_inte: 1 } })).toMatchObject({
      code: "VALIDATION",
      fields: { "q-finns_inte": ["Frågan finns inte i enkäten."] },
    });
    expect(await refuse({ submissionKey: key(), answers: { otrygg_kvall: 6 } })).toMatchObject({
      fields: { "q-otrygg_kvall": ["Välj ett av svarsalternativen."] },
    });
    expect(
      await refuse({ submissionKey: key(), answers: { problem_omradet: { klotter: 1, finns: 0 } } }),
    ).toMatchObject({
      fields: { "q-problem_omradet-finns": ["Delfrågan finns inte i enkäten."] },
    });
    const textKey = "egen-vad-vill-du-saga-till-polisen";
    expect(
      await refuse({ submissionKey: key(), answers: { [textKey]: "x".repeat(1024 * 1024) } }),
    ).toMatchObject({
      fields: { [`q-${textKey}`]: [expect.stringMatching(/^Svaret får vara högst 2000 tecken/)] },
    });
    expect(await refuse({ submissionKey: key(), area: "söder", answers: {} })).toMatchObject({
      fields: { area: ["Välj ett område i listan."] },
    });
    expect(await refuse({ submissionKey: key(), answers: {} })).toMatchObject({
      fields: { "": ["Svara på minst en fråga innan du skickar."] },
    });
    expect(await refuse({ submissionKey: "kort", answers: { otrygg_kvall: 1 } })).toMatchObject({
      code: "VALIDATION",
    });
    expect(await refuse({ submissionKey: key(), answers: { otrygg_kvall: 1 } }, "2026-04-01")).toMatchObject({
      code: "SURVEY_CLOSED",
      message: "Enkäten är stängd. Den gick att besvara 1 mars 2026 – 31 mars 2026.",
    });
    expect(await refuse({ submissionKey: key(), answers: { otrygg_kvall: 1 } }, "2026-02-28")).toMatchObject({
      code: "SURVEY_CLOSED",
    });
    await expect(submitSurveyResponse({ db: t.db }, "finnsintealls", {}, TODAY)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("keeps script in free text as text", async () => {
    const { wave } = await surveyWithWave();
    const textKey = "egen-vad-vill-du-saga-till-polisen";
    const hostile = `<script>alert(1)</script>'; drop table survey_response; --`;
    await submitSurveyResponse(
      { db: t.db },
      wave.linkKey,
      { submissionKey: key(), answers: { [textKey]: hostile } },
      TODAY,
    );
    const [row] = await t.db
      .select({ texts: surveyResponse.texts })
      .from(surveyResponse)
      .where(eq(surveyResponse.waveId, wave.id));
    expect(row!.texts[textKey]).toBe(hostile);
  });
});

describe("the results of a wave", () => {
  /** Answers in a known pattern: otrygg_kvall option by respondent, gender and area. */
  async function answer(
    linkKey: string,
    rows: { option: number | null; gender?: string; area?: string; klotter?: number }[],
  ) {
    for (const row of rows)
      await submitSurveyResponse(
        { db: t.db },
        linkKey,
        {
          submissionKey: key(),
          gender: row.gender ?? null,
          area: row.area ?? null,
          answers: {
            ...(row.option === null ? {} : { otrygg_kvall: row.option }),
            ...(row.klotter === undefined ? {} : { problem_omradet: { klotter: row.klotter } }),
          },
        },
        row.option === null ? TODAY : TODAY,
      );
  }

  it("gives shares with Wilson intervals, the 0–6 index and the change from the earlier wave", async () => {
    const { wave, first } = await surveyWithWave();
    // This wave: 40 answers — 4 very safe, 20 fairly safe, 10 fairly unsafe, 4 very unsafe, 2 "don't know".
    const pattern = [...times(4, 0), ...times(20, 1), ...times(10, 2), ...times(4, 3), 5, 5];
    await answer(
      wave.linkKey,
      pattern.map((option, i) => ({
        option,
        gender: i % 2 ? "woman" : "man",
        area: i % 4 ? "centrum" : "norra",
        klotter: i % 4,
      })),
    );
    // The earlier wave, 2025: 30 answers, 6 of them unsafe (options 2 and 3).
    const earlier = [...times(24, 1), ...times(6, 2)];
    for (const option of earlier)
      await submitSurveyResponse(
        { db: t.db },
        first.linkKey,
        { submissionKey: key(), answers: { otrygg_kvall: option } },
        "2025-03-10",
      );

    const results = (await computeWaveResults(t.db, wave.id, { mode: "internal" }))!;
    expect(results.respondents).toBe(40);
    const unsafe = results.questions.find((q) => q.key === "otrygg_kvall")!;
    // Indicator: (10 + 4) unsafe of 38 (the 2 "don't know" left out of the base).
    expect(unsafe.indicator).toEqual(shareOf(14, 38));
    expect(unsafe.indicator!.share).toBeCloseTo(0.3684, 4);
    expect(unsafe.options[0]!.share!.share).toBeCloseTo(4 / 40, 10);
    expect(unsafe.trend.map((p) => [p.name, p.indicator?.count, p.indicator?.n])).toEqual([
      ["2025", 6, 30],
      ["2026", 14, 38],
    ]);
    // 6/30 = 0.20 → 14/38 ≈ 0.368: pooled p = 20/68, z ≈ 1.53, not significant at 5 %.
    expect(unsafe.change!.difference).toBeCloseTo(14 / 38 - 0.2, 10);
    expect(unsafe.change!.significant).toBe(false);
    // Klotter answered 0,1,2,3 in turn: 10 each of "very big" (6), "fairly big" (4), "fairly small" (2), "none" (0) → 3.0.
    const problems = results.questions.find((q) => q.key === "problem_omradet")!;
    expect(problems.items.find((i) => i.key === "klotter")!.problemIndex).toBeCloseTo(3, 10);
    expect(problems.problemIndex).toBeCloseTo(3, 10);
    // Internal: every group is shown, however small.
    const byArea = Object.fromEntries(results.groups.area.map((g) => [g.key, g.n]));
    expect(byArea).toMatchObject({ centrum: 30, norra: 10, "-": 0 });
  });

  it("never publishes a group below the minimum, not even by subtraction from the total", async () => {
    const { wave } = await surveyWithWave({ minimumGroup: 10 });
    // 25 answers: 20 women, 3 men, 2 without gender; areas 22 / 3.
    const rows = [
      ...Array.from({ length: 20 }, (_, i) => ({ option: i % 4, gender: "woman", area: "centrum" })),
      ...Array.from({ length: 3 }, () => ({ option: 3, gender: "man", area: "norra" })),
      { option: 1, area: "centrum" },
      { option: 2, area: "centrum" },
    ];
    await answer(wave.linkKey, rows);
    const published = (await computeWaveResults(t.db, wave.id, { mode: "published" }))!;
    expect(published.respondents).toBe(25);
    for (const dimension of DIMENSIONS) {
      const shown = published.groups[dimension]
        .filter((g) => !g.hidden)
        .map((g) => ({ key: g.key, n: g.n! }));
      for (const cell of shown) expect(cell.n === 0 || cell.n >= 10, `${dimension} ${cell.key}`).toBe(true);
      expect(remainderIsSafe(25, shown, 10), dimension).toBe(true);
      expect(published.groups[dimension].map((g) => g.key)).toEqual(
        dimensionKeys(published.survey.definition, dimension),
      );
    }
    // Men (3) and "not stated" (2) are hidden, and so is women (20): else 25 − 20 = 5 would show.
    expect(published.groups.gender.filter((g) => g.hidden).map((g) => g.key)).toEqual(["woman", "man", "-"]);
    const question = published.questions.find((q) => q.key === "otrygg_kvall")!;
    for (const dimension of DIMENSIONS) {
      const shown = question.groups[dimension].filter((g) => !g.hidden).map((g) => ({ key: g.key, n: g.n! }));
      expect(remainderIsSafe(question.n, shown, 10), dimension).toBe(true);
      for (const group of question.groups[dimension]) if (group.hidden) expect(group.indicator).toBeNull();
    }
    // The coordinator's own screen shows them.
    const internal = (await computeWaveResults(t.db, wave.id, { mode: "internal" }))!;
    expect(internal.groups.gender.find((g) => g.key === "man")!.n).toBe(3);
    // Published results are for the whole wave: an area filter is ignored.
    expect(
      (await computeWaveResults(t.db, wave.id, { mode: "published", areaKey: "norra" }))!.respondents,
    ).toBe(25);
  });

  it("publishes nothing of a wave with fewer respondents than the minimum, and no free text ever", async () => {
    const { wave } = await surveyWithWave({ minimumGroup: 10 });
    const textKey = "egen-vad-vill-du-saga-till-polisen";
    for (let i = 0; i < 9; i++)
      await submitSurveyResponse(
        { db: t.db },
        wave.linkKey,
        { submissionKey: key(), answers: { otrygg_kvall: 1, [textKey]: "Ring mig på 070-123 45 67" } },
        TODAY,
      );
    const published = (await computeWaveResults(t.db, wave.id, { mode: "published" }))!;
    expect(published.hidden).toBe(true);
    expect(published.respondents).toBeNull();
    expect(published.questions.every((q) => q.hidden && q.indicator === null && q.options.length === 0)).toBe(
      true,
    );
    expect(published.texts).toEqual([]);
    const internal = (await computeWaveResults(t.db, wave.id, { mode: "internal" }))!;
    expect(internal.texts).toHaveLength(9);
    expect(internal.texts[0]!.flags).toEqual([{ kind: "phone", text: "070-123 45 67" }]);
  });

  it("counts the slots of each question kind in the definition's order", async () => {
    const { coordinator, surveyId } = await surveyWithWave();
    const view = await getSurvey({ db: t.db, actor: coordinator }, surveyId);
    const slots = answerSlots(view.definition);
    // otrygg_kvall (1) + the 12 problems; the text question has none.
    expect(slots).toHaveLength(13);
    expect(slots[0]).toEqual({ slot: 0, questionKey: "otrygg_kvall" });
  });
});

describe("external results", () => {
  const example = readFileSync(
    new URL("../../../tests/fixtures/surveys/externa-resultat.csv", import.meta.url),
  );

  it("takes in the police's and BRÅ's results; a second import of the same lines replaces them", async () => {
    const { partnershipId, coordinator } = await surveyWithWave();
    const ctx = { db: t.db, actor: coordinator };
    const first = await importExternalResults(ctx, partnershipId, example);
    expect(first.stored).toBe(28);
    await importExternalResults(ctx, partnershipId, example);
    const all = await findExternalResults(ctx, partnershipId);
    expect(all).toHaveLength(28);
    const unsafe = await findExternalResults(ctx, partnershipId, "otrygg_kvall");
    expect(unsafe.length).toBeGreaterThan(0);
    expect(unsafe.every((r) => r.unit === "percent")).toBe(true);
  });

  it("stores nothing from a file with an error, and only a coordinator may import", async () => {
    const { partnershipId, coordinator } = await surveyWithWave();
    const member = await insertUserActor(t.db, { partnerships: { [partnershipId]: "member" } });
    const bad = `${example.toString("utf8").trimEnd()}\r\nCentrum;2024;otrygg_kvall;abc;;;polisen;;\r\n`;
    await expect(
      importExternalResults({ db: t.db, actor: coordinator }, partnershipId, bad),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fields: { file: [expect.stringContaining("är inget tal")] },
    });
    expect(await findExternalResults({ db: t.db, actor: coordinator }, partnershipId)).toEqual([]);
    await expect(
      importExternalResults({ db: t.db, actor: member }, partnershipId, example),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});

describe("the minimum group size", () => {
  it("is the partnership's to set, within 5–100, and published results follow it at once", async () => {
    const { partnershipId, coordinator, wave } = await surveyWithWave();
    const ctx = { db: t.db, actor: coordinator };
    for (let i = 0; i < 12; i++)
      await submitSurveyResponse(
        { db: t.db },
        wave.linkKey,
        { submissionKey: key(), answers: { otrygg_kvall: 1 } },
        TODAY,
      );
    expect((await computeWaveResults(t.db, wave.id, { mode: "published" }))!.respondents).toBe(12);
    await setSurveyMinimumGroup(ctx, partnershipId, { minimumGroup: "15" });
    expect(await findSurveyMinimumGroup(ctx, partnershipId)).toBe(15);
    expect((await computeWaveResults(t.db, wave.id, { mode: "published" }))!.hidden).toBe(true);
    await expect(setSurveyMinimumGroup(ctx, partnershipId, { minimumGroup: "3" })).rejects.toMatchObject({
      code: "VALIDATION",
      fields: { minimumGroup: ["Minst 5."] },
    });
    const member = await insertUserActor(t.db, { partnerships: { [partnershipId]: "member" } });
    await expect(
      setSurveyMinimumGroup({ db: t.db, actor: member }, partnershipId, { minimumGroup: "20" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await findSurveyMinimumGroup(ctx, partnershipId)).toBe(15);
  });
});
