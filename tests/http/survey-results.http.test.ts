import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "~/db/client.server";
import { municipality } from "~/db/schema";
import type { UserActor } from "~/domain/access/actor";
import { createSurvey } from "~/domain/surveys/create-survey.server";
import { openSurveyWave } from "~/domain/surveys/open-survey-wave.server";
import { publishSurveyResults, withdrawSurveyResults } from "~/domain/surveys/publish-survey-results.server";
import { submitSurveyResponse } from "~/domain/surveys/submit-survey-response.server";
import { remainderIsSafe } from "~/domain/surveys/suppression";
import { getSurvey } from "~/domain/surveys/survey.queries.server";
import { localeCookie } from "~/lib/cookies.server";
import { insertPartnership } from "../factories/partnerships";
import { insertUserActor } from "../factories/users";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
let database: Database;
let db: Db;
let coordinator: UserActor;
let partnershipId: string;

// A municipality no other test uses, so a shared PostgreSQL run does not mix their data in.
const MALA_CODE = "2418";
let malaSlug = "";

const PHONE = "070-123 45 67";
const FREE_TEXT = `Ring mig på ${PHONE}`;
const SCRIPT_AREA = '<script>alert("x")</script>Söder';
const MINIMUM = 10;

const waves = { earlier: "", unpublished: "", suppressed: "", small: "", open: "" };

let counter = 0;
const submissionKey = () => `results-test-${Date.now()}-${++counter}-${Math.random().toString(36).slice(2)}`;

interface Respondent {
  area?: string;
  gender?: string;
  ageBand?: string;
  unsafe: number;
  text?: string;
  places?: { placeKey?: string; description?: string; reasons: string[] }[];
}

/** A survey of the partnership with the standard questions, a free-text and a place question. */
async function buildSurvey(title: string) {
  const { id } = await createSurvey({ db, actor: coordinator }, partnershipId, {
    title,
    bankItems: ["otrygg_kvall", "problem_omradet"],
    areas: `Norra\n${SCRIPT_AREA}`,
    places: "Stationen\nParken",
    english: "on",
    ownQuestions: [
      { kind: "text", text: "Vad vill du säga till polisen?" },
      { kind: "place", text: "Var känner du dig otrygg?" },
    ],
  });
  const view = await getSurvey({ db, actor: coordinator }, id);
  const keyOf = (kind: string) => view.definition.questions.find((q) => q.kind === kind)!.key;
  const areaKeys = view.definition.areas.map((a) => a.key);
  return { id, textKey: keyOf("text"), placeKey: keyOf("place"), areaKeys };
}

/** Opens a wave with the given dates and answers it with the respondents, on a day inside it. */
async function waveWith(
  survey: Awaited<ReturnType<typeof buildSurvey>>,
  name: string,
  opensOn: string,
  closesOn: string,
  respondents: Respondent[],
) {
  const wave = await openSurveyWave({ db, actor: coordinator }, survey.id, { name, opensOn, closesOn });
  for (const [i, r] of respondents.entries()) {
    await submitSurveyResponse(
      { db },
      wave.linkKey,
      {
        submissionKey: submissionKey(),
        area: r.area,
        gender: r.gender,
        ageBand: r.ageBand,
        answers: {
          otrygg_kvall: r.unsafe,
          problem_omradet: { nedskrapning: i % 5, klotter: (i + 1) % 4 },
          ...(r.text ? { [survey.textKey]: r.text } : {}),
        },
        places: (r.places ?? []).map((p) => ({ questionKey: survey.placeKey, times: [], days: [], ...p })),
      },
      opensOn,
    );
  }
  return wave.id;
}

const repeat = <T>(n: number, make: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => make(i));

beforeAll(async () => {
  server = await startTestServer();
  database = server.openDatabase();
  db = database.db;
  partnershipId = await insertPartnership(db, { municipalities: [MALA_CODE] });
  coordinator = await insertUserActor(db, { partnerships: { [partnershipId]: "coordinator" } });
  malaSlug = (
    await db.select({ slug: municipality.slug }).from(municipality).where(eq(municipality.code, MALA_CODE))
  )[0]!.slug;

  const survey = await buildSurvey("Trygghetsundersökning Malå");
  const [north, scriptArea] = survey.areaKeys as [string, string];
  waves.unpublished = await waveWith(
    survey,
    "2023",
    "2023-03-01",
    "2023-03-31",
    repeat(12, (i) => ({ area: north, gender: "woman", ageBand: "25-44", unsafe: i % 2 })),
  );
  waves.earlier = await waveWith(
    survey,
    "2024",
    "2024-03-01",
    "2024-03-31",
    repeat(30, (i) => ({
      area: i < 15 ? north : scriptArea,
      gender: i < 15 ? "woman" : "man",
      ageBand: i < 10 ? "16-24" : i < 20 ? "25-44" : "45-64",
      unsafe: i < 18 ? 2 : 0,
    })),
  );
  // 25 answers: women 12, other 8, men 3, gender not stated 2; minimum 10 → men and "not stated"
  // are hidden, and "other" with them, since 3 + 2 could be worked out from the total.
  const genders = [...repeat(12, () => "woman"), ...repeat(8, () => "other"), "man", "man", "man"];
  const ages = [...repeat(10, () => "16-24"), ...repeat(10, () => "25-44"), ...repeat(5, () => "45-64")];
  waves.suppressed = await waveWith(
    survey,
    "2025",
    "2025-03-01",
    "2025-03-31",
    repeat(25, (i) => ({
      area: i < 15 ? north : scriptArea,
      gender: genders[i],
      ageBand: ages[i],
      unsafe: i % 4,
      text: i === 3 ? FREE_TEXT : "Mer belysning tack",
      places: [
        { placeKey: "stationen", reasons: i % 2 ? ["lighting"] : ["people", "lighting"] },
        ...(i < 3 ? [{ placeKey: "parken", reasons: ["vegetation"] }] : []),
        ...(i === 5 ? [{ description: `Bakom affären, ${FREE_TEXT}`, reasons: ["other"] }] : []),
      ],
    })),
  );
  waves.open = await waveWith(survey, "2026", "2026-03-01", "2099-12-31", []);
  for (const id of [waves.earlier, waves.suppressed])
    await publishSurveyResults({ db, actor: coordinator }, id);

  const small = await buildSurvey("Liten enkät Malå");
  waves.small = await waveWith(
    small,
    "2025",
    "2025-05-01",
    "2025-05-31",
    repeat(9, (i) => ({ area: small.areaKeys[0], gender: "woman", ageBand: "25-44", unsafe: i % 4 })),
  );
  await publishSurveyResults({ db, actor: coordinator }, waves.small);
});

afterAll(async () => {
  await database?.close();
  await server?.stop();
});

async function get(path: string, status = 200, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}${path}`, { redirect: "manual", headers });
  const text = await response.text();
  expect(response.status, `${path}: ${text.slice(0, 300)}`).toBe(status);
  return { response, text };
}
const page = (waveId: string) => `/trygghetsundersokningar/${waveId}`;
const csv = (waveId: string) => `/trygghetsundersokningar/${waveId}.csv`;
const api = (waveId: string) => `/api/v1/public/survey-results/${waveId}`;

interface Group {
  key: string;
  hidden: boolean;
  n: number | null;
}
type Groups = Record<"area" | "gender" | "age", Group[]>;
interface ResultsJson {
  respondents: number | null;
  hidden: boolean;
  groups: Groups;
  questions: {
    key: string;
    n: number | null;
    options: { share: number | null }[];
    groups: Groups;
    trend: { waveId: string; name: string; share: number | null }[];
    change: { previousWaveName: string; significant: boolean } | null;
    items: { problemIndex: number | null; problemBand: string | null }[];
  }[];
  places: { key: string; mentions: number }[];
}

/** Every `n` anywhere in the answer. */
function allCounts(value: unknown, found: number[] = []): number[] {
  if (Array.isArray(value)) for (const v of value) allCounts(v, found);
  else if (value && typeof value === "object")
    for (const [key, v] of Object.entries(value)) {
      if (key === "n" && typeof v === "number") found.push(v);
      else allCounts(v, found);
    }
  return found;
}

const shown = (groups: Group[]) => groups.filter((g) => !g.hidden).map((g) => ({ key: g.key, n: g.n! }));

describe("published survey results", () => {
  it("answer 404 on the page, the CSV and the API for an unpublished, an unknown or a malformed wave", async () => {
    for (const id of [waves.unpublished, waves.open, "7d0c6c36-2d5e-4a43-9a55-5f0d7a0f9b21", "inte-ett-id"]) {
      expect((await get(page(id), 404)).text).toContain("Sidan finns inte");
      await get(csv(id), 404);
      await get(api(id), 404);
    }
  });

  it("show the published wave: title, dates, respondents, the charts, the change in words, the index", async () => {
    const { text: html } = await get(page(waves.suppressed));
    expect(html).toContain("Trygghetsundersökning Malå 2025</h1>");
    expect(html).toContain("1 mars 2025");
    expect(html).toContain("<dd>25</dd>");
    expect(html).toContain("Grupper med färre än 10 svarande visas inte");
    expect(html).toContain('class="survey-chart" data-kind="bars"');
    expect(html).toContain('class="survey-chart" data-kind="trend"');
    expect(html).toMatch(/Jämfört med 2024: från 60\s%.*Förändringen är (inte )?statistiskt säkerställd\./);
    expect(html).toMatch(/inga eller små problem|vissa problem|stora problem/);
    expect(html).toContain("Stationen");
    // Named by 3, fewer than the minimum: only counted among the others.
    expect(html).not.toContain("Parken");
    expect(html).toMatch(/<meta property="og:title" content="Trygghetsundersökning Malå 2025 – Tryggsam"\/>/);

    const json = JSON.parse((await get(api(waves.suppressed))).text) as ResultsJson;
    expect(json.respondents).toBe(25);
    const unsafe = json.questions.find((q) => q.key === "otrygg_kvall")!;
    expect(unsafe.n).toBe(25);
    // The unpublished 2023 wave is no point on the line.
    expect(unsafe.trend.map((p) => p.name)).toEqual(["2024", "2025"]);
    expect(unsafe.change?.previousWaveName).toBe("2024");
    expect(json.places.map((p) => p.key)).toEqual(["stationen"]);
    const problems = json.questions.find((q) => q.key === "problem_omradet")!;
    // Two items were answered by all 25, the others by nobody (hidden, no index).
    const indexed = problems.items.filter((i) => i.problemIndex !== null);
    expect(indexed).toHaveLength(2);
    expect(indexed.every((i) => ["small", "some", "large"].includes(i.problemBand!))).toBe(true);

    const { response, text: file } = await get(csv(waves.suppressed));
    expect(response.headers.get("content-type")).toContain("text/csv");
    expect(file.startsWith("Fråga;Delfråga;Indelning;Grupp;Svarsalternativ;Andel %")).toBe(true);
    // UTF-8 with a byte order mark, for Swedish Excel (fetch's text() drops it).
    const bytes = Buffer.from(await (await fetch(`${server.url}${csv(waves.suppressed)}`)).arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(file).toContain("\r\n");
  });

  it("never show a group below the minimum, nor one that the total gives away, nor a free-text answer", async () => {
    const { text: html } = await get(page(waves.suppressed));
    const { text: file } = await get(csv(waves.suppressed));
    const { text: body } = await get(api(waves.suppressed));
    const json = JSON.parse(body) as ResultsJson;
    const { text: csvFromApi } = await get(`${api(waves.suppressed)}?format=csv`);

    for (const [what, text] of [
      ["page", html],
      ["csv", file],
      ["json", body],
      ["api csv", csvFromApi],
    ] as const) {
      expect(text, what).not.toContain(PHONE);
      expect(text, what).not.toContain("Ring mig");
      expect(text, what).not.toContain("Bakom affären");
    }

    // JSON: every n is 0 or at least the minimum; every partition leaves 0 or ≥ minimum unshown.
    for (const n of allCounts(json)) expect(n === 0 || n >= MINIMUM, `n = ${n}`).toBe(true);
    for (const dimension of ["area", "gender", "age"] as const) {
      expect(remainderIsSafe(json.respondents!, shown(json.groups[dimension]), MINIMUM), dimension).toBe(
        true,
      );
      for (const question of json.questions)
        if (question.groups[dimension].length)
          expect(remainderIsSafe(question.n!, shown(question.groups[dimension]), MINIMUM)).toBe(true);
    }
    const gender = Object.fromEntries(json.groups.gender.map((g) => [g.key, g]));
    expect(gender.woman).toMatchObject({ hidden: false, n: 12 });
    expect(gender.man).toMatchObject({ hidden: true, n: null });
    expect(gender["-"]).toMatchObject({ hidden: true, n: null });
    expect(gender.other).toMatchObject({ hidden: true, n: null });

    // The page: every group size shown is 0 or ≥ minimum, every table leaves a safe remainder.
    const tables = html.split("<table").filter((t) => t.includes("data-dimension="));
    expect(tables.length).toBeGreaterThanOrEqual(6);
    for (const table of tables) {
      const cells = [
        ...table.matchAll(/<tr><th scope="row">([^<]*)<\/th><td class="numeric survey-group-n">(\d+)</g),
      ];
      const counts = cells.map((m, i) => ({ key: `${i}`, n: Number(m[2]) }));
      for (const { n } of counts) expect(n === 0 || n >= MINIMUM).toBe(true);
      // Every respondent answered the question, so every table divides the 25.
      expect(remainderIsSafe(25, counts, MINIMUM), table.slice(0, 200)).toBe(true);
    }
    expect(html).toMatch(
      /<th scope="row">Man<\/th><td[^>]*class="survey-chart-hidden-cell"[^>]*>för få svar</,
    );

    // The CSV: numbers only for shown groups; hidden ones say so with empty numbers.
    const rows = file
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n")
      .slice(1)
      .map((line) => line.split(";"));
    for (const row of rows) {
      const n = row[8]!;
      if (n !== "") expect(Number(n) === 0 || Number(n) >= MINIMUM, row.join(";")).toBe(true);
      if (row[9] === "för få svar") expect(row.slice(5, 9)).toEqual(["", "", "", ""]);
    }
    const byGender = rows.filter((r) => r[2] === "Kön");
    expect(byGender.find((r) => r[3] === "Man")?.[9]).toBe("för få svar");
    expect(byGender.find((r) => r[3] === "Kvinna")?.[8]).toBe("12");
    const total = Number(rows.find((r) => r[2] === "Alla" && r[4]?.includes("otrygg"))![8]);
    for (const dimension of ["Område", "Kön", "Ålder"]) {
      const counts = rows
        .filter((r) => r[0]!.startsWith("Hur trygg") && r[2] === dimension && r[8] !== "")
        .map((r) => ({ key: r[3]!, n: Number(r[8]) }));
      expect(remainderIsSafe(total, counts, MINIMUM), dimension).toBe(true);
    }
  });

  it("show only 'för få svar' for a wave of fewer answers than the minimum", async () => {
    const { text: html } = await get(page(waves.small));
    expect(html).toContain("För få svar för att visa resultat");
    expect(html).not.toContain("\u00a0%");
    expect(html).not.toContain("survey-chart");
    const json = JSON.parse((await get(api(waves.small))).text) as ResultsJson;
    expect(json).toMatchObject({ respondents: null, hidden: true, questions: [], places: [] });
    expect(allCounts(json).every((n) => n === 0)).toBe(true);
    const { text: file } = await get(csv(waves.small));
    expect(file.trim().split("\r\n")).toHaveLength(2);
    expect(file).toContain("för få svar");
  });

  it("escape an area's name and send the page without scripts", async () => {
    const { text: html } = await get(page(waves.suppressed));
    expect(html).not.toMatch(/<script|rel="modulepreload"/);
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;Söder");
    expect(html).toMatch(/<link rel="stylesheet"/);
  });

  it("are in English with the language cookie, and listed on the municipality's page and in the sitemap", async () => {
    const cookie = (await localeCookie.serialize("en")).split(";")[0]!;
    const { text: english } = await get(page(waves.suppressed), 200, { cookie });
    expect(english).toContain("Safety survey");
    expect(english).toMatch(/The change is (not )?statistically significant\./);

    const { text: municipalityPage } = await get(`/kommun/${malaSlug}`);
    expect(municipalityPage).toContain("Trygghetsundersökningar");
    expect(municipalityPage).toContain(`href="${page(waves.suppressed)}"`);
    expect(municipalityPage).toContain(`href="${page(waves.earlier)}"`);
    expect(municipalityPage).not.toContain(waves.unpublished);

    // The sitemap lists the published waves' pages, never an unpublished one.
    const { text: sitemap } = await get("/sitemap.xml");
    expect(sitemap).toContain(`${page(waves.suppressed)}</loc>`);
    expect(sitemap).not.toContain(waves.unpublished);
  });

  it("are published only after the wave has closed, by the partnership's coordinator, and can be withdrawn", async () => {
    await expect(
      publishSurveyResults({ db, actor: coordinator }, waves.unpublished, "2023-03-31"),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Resultaten kan publiceras när omgången har stängt.",
    });
    await expect(publishSurveyResults({ db, actor: coordinator }, waves.open)).rejects.toMatchObject({
      code: "CONFLICT",
    });
    const outsider = await insertUserActor(db, {
      partnerships: { [await insertPartnership(db)]: "coordinator" },
    });
    await expect(publishSurveyResults({ db, actor: outsider }, waves.unpublished)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(withdrawSurveyResults({ db, actor: outsider }, waves.earlier)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });

    await get(page(waves.small)); // now in the public cache
    await withdrawSurveyResults({ db, actor: coordinator }, waves.small);
    // The server learns of the new publication version within a second (decision 009).
    const deadline = Date.now() + 5_000;
    let status = 200;
    while (status === 200 && Date.now() < deadline) {
      status = (await fetch(`${server.url}${page(waves.small)}`)).status;
      if (status === 200) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(status).toBe(404);
    await get(api(waves.small), 404);
  });
});
