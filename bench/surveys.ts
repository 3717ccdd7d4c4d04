import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { sql } from "drizzle-orm";
import { openDatabase, type Database, type Db } from "~/db/client.server";
import { embeddedSocketDir } from "~/db/embedded-paths.server";
import { systemActor } from "~/domain/access/actor";
import { swedishDate } from "~/domain/agreements/document-lifecycle";
import { createSurvey } from "~/domain/surveys/create-survey.server";
import { openSurveyWave } from "~/domain/surveys/open-survey-wave.server";
import { computeWaveResults } from "~/domain/surveys/survey-results.server";
import { getSurvey } from "~/domain/surveys/survey.queries.server";
import { answerSlots, type SurveyDefinition } from "~/domain/surveys/survey.schemas";
import {
  buildForBench,
  CONNECTIONS,
  DURATION_S,
  log,
  measure,
  measureBaseline,
  startServer,
  withFreshPgDatabase,
} from "./harness";

/**
 * Safety surveys under load, on the production server with a fresh database:
 * - 1,000,000 generated answers (200 areas × 5 yearly waves × 1,000, with realistic spreads:
 *   most feel safe, some areas and years less so, a few skip questions);
 * - (a) answers posted to the JSON endpoint, as a ratio to the hello-world rate of the same run;
 * - (b) the complete results of one wave and one area (every question, every breakdown, the trend,
 *   the places, the free text) as the results page computes them, against the same aggregates
 *   from one hand-written SQL statement in the same run; on the embedded database also how
 *   /healthz answers while they run (the database works off the request thread).
 */

const AREAS = 200;
const WAVES = ["2021", "2022", "2023", "2024", "2025"];
const PER_AREA_AND_WAVE = 1_000;
const BANK = [
  "otrygg_kvall",
  "avstatt_aktivitet",
  "oro_bostadsinbrott",
  "oro_misshandel",
  "fortroende_polis",
  "utsatt_brott",
  "problem_omradet",
];
const TIMED_RUNS = 10;

export type SurveyResult = Record<string, number | string | boolean>;

interface Setup {
  surveyId: string;
  waveIds: string[];
  openLinkKey: string;
  definition: SurveyDefinition;
}

async function setUp(db: Db): Promise<Setup> {
  const actor = systemActor("bench");
  const [row] = (
    await db.execute<{ id: string }>(
      sql`insert into partnership (name, police_area_id) select 'Mätning', id from police_area order by name limit 1 returning id`,
    )
  ).rows;
  const areas = Array.from({ length: AREAS }, (_, i) => `Område ${i + 1}`).join("\n");
  const { id: surveyId } = await createSurvey({ db, actor }, row!.id, {
    title: "Trygghetsenkät",
    bankItems: BANK,
    areas,
    places: "Resecentrum\nStadsparken\nTorget",
    english: "on",
    ownQuestions: [{ kind: "text", text: "Något mer du vill säga?" }],
  });
  const waveIds: string[] = [];
  for (const year of WAVES) {
    const wave = await openSurveyWave({ db, actor }, surveyId, {
      name: year,
      opensOn: `${year}-03-01`,
      closesOn: `${year}-03-31`,
    });
    waveIds.push(wave.id);
  }
  const today = swedishDate(new Date());
  const open = await openSurveyWave({ db, actor }, surveyId, {
    name: "Pågående",
    opensOn: today,
    closesOn: today,
  });
  const survey = await getSurvey({ db, actor }, surveyId);
  return { surveyId, waveIds, openLinkKey: open.linkKey, definition: survey.definition };
}

/**
 * One SQL expression per slot that draws an option index from a spread that leans on the first
 * options (most feel safe, worry seldom), shifted by the area and the year, with 3 % unanswered.
 */
function choiceExpression(options: number, excluded: number[]): string {
  const weights = Array.from({ length: options }, (_, i) =>
    excluded.includes(i) ? 0.3 : Math.max(0.4, 4 - i),
  );
  const total = weights.reduce((a, b) => a + b, 0);
  let cumulative = 0;
  const cases = weights.slice(0, -1).map((w, i) => {
    cumulative += w / total;
    // Areas with a higher number and later waves lean a little towards the later options.
    return `when t < ${cumulative.toFixed(4)} - shift then ${i}`;
  });
  return `(select case when random() < 0.03 then null else (case ${cases.join(" ")} else ${options - 1} end) end from (select random() as t) as draw)`;
}

async function generateAnswers(db: Db, setup: Setup): Promise<number> {
  const slots = answerSlots(setup.definition);
  const questions = new Map(setup.definition.questions.map((q) => [q.key, q]));
  const choices = slots.map((slot) => {
    const question = questions.get(slot.questionKey)!;
    return choiceExpression(question.options.length, question.excluded);
  });
  const started = performance.now();
  let stored = 0;
  for (const [w, waveId] of setup.waveIds.entries()) {
    // 20 areas per statement: 20,000 rows, so progress shows and no statement runs for long.
    for (let first = 1; first <= AREAS; first += 20) {
      await db.execute(
        sql.raw(`
        insert into survey_response (wave_id, submission_key, area_key, gender, age_band, language, choices, texts)
        select '${waveId}', 'gen-${w}-' || area || '-' || n, 'omrade-' || area,
          (case when random() < 0.03 then null when random() < 0.5 then 'woman' when random() < 0.96 then 'man' else 'other' end),
          (array['16-24', '25-44', '45-64', '65+', null])[1 + floor(random() * 5)::int],
          case when random() < 0.9 then 'sv' else 'en' end,
          array[${choices.join(", ")}]::smallint[],
          case when random() < 0.05 then '{"egen-nagot-mer-du-vill-saga":"Mer belysning vid gångtunneln."}'::jsonb else '{}'::jsonb end
        from generate_series(${first}, ${Math.min(AREAS, first + 19)}) as area,
             generate_series(1, ${PER_AREA_AND_WAVE}) as n,
             lateral (select (area % 10) * 0.01 + ${w} * 0.01 as shift) as s`),
      );
      stored += Math.min(20, AREAS - first + 1) * PER_AREA_AND_WAVE;
    }
    log(`  ${stored.toLocaleString("sv-SE")} svar (${Math.round((performance.now() - started) / 1000)} s)`);
  }
  await db.execute(sql`analyze survey_response`);
  return stored;
}

/** The same aggregates as computeWaveResults in "internal" mode, by one hand-written statement. */
function handWrittenResults(setup: Setup, waveId: string, areaKey: string) {
  const slots = answerSlots(setup.definition);
  const indicatorSlots = setup.definition.questions
    .filter((q) => (q.kind === "single" || q.kind === "scale") && q.indicator.length > 0)
    .map((q) => slots.find((s) => s.questionKey === q.key)!.slot + 1);
  return sql`
    with r as (select * from survey_response where wave_id = ${waveId} and area_key = ${areaKey})
    select 'choice' as part, grouping(r.area_key) as ga, grouping(r.gender) as gg, grouping(r.age_band) as gb,
           coalesce(r.area_key, r.gender, r.age_band) as grp, null::uuid as wave, c.slot::int as slot, c.value::int as value,
           count(*)::int as n, null::text as text
      from r cross join lateral unnest(r.choices) with ordinality as c(value, slot)
      where c.value is not null
      group by grouping sets ((c.slot, c.value), (r.area_key, c.slot, c.value), (r.gender, c.slot, c.value), (r.age_band, c.slot, c.value))
    union all
    select 'respondents', grouping(area_key), grouping(gender), grouping(age_band), coalesce(area_key, gender, age_band),
           null, null, null, count(*)::int, null
      from r group by grouping sets ((), (area_key), (gender), (age_band))
    union all
    select 'trend', 0, 0, 0, null, t.wave_id, c.slot::int, c.value::int, count(*)::int, null
      from survey_response t
      join survey_wave w on w.id = t.wave_id and w.survey_id = ${setup.surveyId}
      cross join lateral unnest(t.choices) with ordinality as c(value, slot)
      where t.area_key = ${areaKey} and c.value is not null
        and c.slot = any(${sql.raw(`array[${indicatorSlots.join(",")}]`)}::bigint[])
      group by t.wave_id, c.slot, c.value
    union all
    select 'place', 0, 0, 0, p->>'placeKey', null, null, null, count(*)::int, p->>'description'
      from r cross join lateral jsonb_array_elements(r.places) p group by 5, 10
    union all
    select 'text', 0, 0, 0, t.key, null, null, null, null, t.value
      from r cross join lateral jsonb_each_text(r.texts) t`;
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 3; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < TIMED_RUNS; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(times.length / 2)]! * 10) / 10;
}

async function measureResults(db: Db, setup: Setup) {
  const waveId = setup.waveIds.at(-1)!;
  const areaKey = "omrade-17";
  const check = await computeWaveResults(db, waveId, { mode: "internal", areaKey });
  if (check?.respondents !== PER_AREA_AND_WAVE) throw new Error(`Fel antal svarande: ${check?.respondents}`);
  const ours = await timed(() => computeWaveResults(db, waveId, { mode: "internal", areaKey }));
  const handWritten = await timed(() => db.execute(handWrittenResults(setup, waveId, areaKey)));
  return { ms: ours, sql_ms: handWritten, ratio_to_sql: Math.round((ours / handWritten) * 100) / 100 };
}

async function measureSubmissions(url: string, setup: Setup, baselineRps: number): Promise<SurveyResult> {
  const body = JSON.stringify({
    submissionKey: "bench-submission-[<id>]",
    area: "omrade-3",
    gender: "woman",
    ageBand: "45-64",
    answers: {
      otrygg_kvall: 1,
      oro_bostadsinbrott: 2,
      fortroende_polis: 1,
      problem_omradet: { klotter: 2, nedskrapning: 1 },
    },
  });
  const target = `${url}/api/v1/public/surveys/${setup.openLinkKey}/responses`;
  const options = {
    method: "POST" as const,
    headers: { "content-type": "application/json" },
    body,
    idReplacement: true,
  };
  await measure(target, CONNECTIONS, 2, options);
  const m = await measure(target, CONNECTIONS, DURATION_S, options);
  const ratio = Math.round((m.rps / baselineRps) * 1000) / 1000;
  log(`  svar till API:t: ${m.rps} per s (${ratio} av hello world), p99 ${m.p99_ms} ms, ${m.non_2xx} ej 2xx`);
  return {
    rps: m.rps,
    p50_ms: m.p50_ms,
    p99_ms: m.p99_ms,
    baseline_rps: baselineRps,
    ratio,
    errors: m.errors + m.timeouts,
    non_2xx: m.non_2xx,
  };
}

/** /healthz while the results are computed over and over: the server keeps answering. */
async function healthDuring(
  url: string,
  work: () => Promise<unknown>,
): Promise<{ p99_ms: number; max_ms: number }> {
  let running = true;
  const loop = (async () => {
    while (running) await work();
  })();
  const result = await autocannon({ url: `${url}/healthz`, connections: 5, duration: 5 });
  running = false;
  await loop;
  return { p99_ms: result.latency.p99, max_ms: result.latency.max };
}

async function runOn(
  engine: "embedded" | "pg",
  url: string,
  database: Database,
  dir: string,
): Promise<Record<string, SurveyResult>> {
  const setup = await setUp(database.db);
  log(`  genererar ${(AREAS * WAVES.length * PER_AREA_AND_WAVE).toLocaleString("sv-SE")} svar …`);
  const stored = await generateAnswers(database.db, setup);
  const baseline = await measureBaseline(dir);
  const submit = await measureSubmissions(url, setup, baseline);
  const results = await measureResults(database.db, setup);
  log(
    `  resultat för en omgång och ett område: ${results.ms} ms, handskriven SQL ${results.sql_ms} ms (${results.ratio_to_sql}×)`,
  );
  const entry: SurveyResult = { answers: stored, ...results };
  if (engine === "embedded") {
    const health = await healthDuring(url, () =>
      computeWaveResults(database.db, setup.waveIds.at(-1)!, { mode: "internal", areaKey: "omrade-17" }),
    );
    log(`  /healthz under tiden: p99 ${health.p99_ms} ms, max ${health.max_ms} ms`);
    entry.healthz_p99_ms_during = health.p99_ms;
    entry.healthz_max_ms_during = health.max_ms;
  }
  // The embedded figure is `survey_submit`, PostgreSQL's `survey_submit_pg`.
  return {
    [engine === "embedded" ? "survey_submit" : "survey_submit_pg"]: submit,
    [`survey_results_${engine}`]: entry,
  };
}

export async function surveyBenchmarks(): Promise<Record<string, SurveyResult>> {
  await buildForBench();
  const dir = mkdtempSync(join(tmpdir(), "tryggsam-bench-surveys-"));
  const results: Record<string, SurveyResult> = {};
  const env = { LOG_LEVEL: "warn", TRYGGSAM_DEMO: "0", SURVEY_SUBMISSIONS_PER_MINUTE: "100000000" };
  try {
    {
      log("enkäter, inbyggd databas …");
      const dataDir = join(dir, "data");
      const server = await startServer({ ...env, DATA_DIR: dataDir }, join(dir, "embedded.log"));
      // One connection: the bench's own queries run one at a time beside the server's.
      const database = openDatabase({ socketDir: embeddedSocketDir(dataDir), max: 1 });
      try {
        Object.assign(results, await runOn("embedded", server.url, database, dir));
      } finally {
        await database.close();
        await server.stop();
      }
    }
    const adminUrl = process.env.DATABASE_URL;
    if (adminUrl) {
      await withFreshPgDatabase(adminUrl, "tryggsam_bench_surveys", async (databaseUrl, name) => {
        log(`enkäter, PostgreSQL (${name}) …`);
        const server = await startServer({ ...env, DATABASE_URL: databaseUrl }, join(dir, "pg.log"));
        const database = openDatabase({ databaseUrl, max: 4 });
        try {
          Object.assign(results, await runOn("pg", server.url, database, dir));
        } finally {
          await database.close();
          await server.stop();
        }
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}
