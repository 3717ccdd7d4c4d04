import { readFileSync } from "node:fs";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/db/client.server";
import { survey, surveyWave } from "~/db/schema";
import { swedishDate } from "~/domain/agreements/document-lifecycle";
import { submitSurveyResponse } from "~/domain/surveys/submit-survey-response.server";
import { insertPartnership } from "../factories/partnerships";
import { insertUserActor } from "../factories/users";
import { startTestServer, type TestServer } from "../support/server";
import { cookies, fetchCsrf, formBody, sessionCookieFor } from "../support/web-client";

/**
 * A coordinator builds a survey from the bank in the browser's forms (without JavaScript), opens a
 * wave with codes, and reads the results; a council member sees them only as published; the raw
 * answers are for coordinators and police.
 */
describe("building a safety survey and reading its results, on the web", () => {
  let server: TestServer;
  let database: Database;
  beforeAll(async () => {
    server = await startTestServer();
    database = server.openDatabase();
  });
  afterAll(async () => {
    await database?.close();
    await server?.stop();
  });

  it("builds from the bank with two areas, opens a wave with codes shown once, and shows an answer in the results", async () => {
    const db = database.db;
    const partnershipId = await insertPartnership(db);
    const coordinator = await insertUserActor(db, { partnerships: { [partnershipId]: "coordinator" } });
    const member = await insertUserActor(db, { partnerships: { [partnershipId]: "member" } });
    const session = await sessionCookieFor(db, coordinator.id);
    const csrf = await fetchCsrf(server.url);
    const post = (path: string, fields: Record<string, string | string[]>) =>
      fetch(server.url + path, {
        method: "POST",
        redirect: "manual",
        headers: {
          Cookie: cookies(session, csrf.cookie),
          "Content-Type": "application/x-www-form-urlencoded",
        },
        body: formBody({ csrf: csrf.token, ...fields }),
      });

    // A form with an error keeps what was typed and says what to fix.
    const refused = await post(`/samverkan/${partnershipId}/enkater/ny`, {
      title: "Trygghetsenkät <b>2026</b>",
      bankItems: ["otrygg_kvall"],
      areas: "",
    });
    expect(refused.status).toBe(400);
    const refusedHtml = await refused.text();
    expect(refusedHtml).toContain("Ange minst ett område, ett per rad.");
    expect(refusedHtml).toContain("Trygghetsenkät &lt;b&gt;2026&lt;/b&gt;");
    expect((await db.select().from(survey).where(eq(survey.partnershipId, partnershipId))).length).toBe(0);

    const created = await post(`/samverkan/${partnershipId}/enkater/ny`, {
      title: "Trygghetsenkät",
      bankItems: ["otrygg_kvall", "problem_omradet"],
      areas: "Centrum\r\nNorra",
      places: "Resecentrum",
      english: "on",
      "ownQuestions[0].kind": "text",
      "ownQuestions[0].text": "Vad vill du säga till polisen?",
    });
    expect(created.status).toBe(302);
    const surveyPath = created.headers.get("location")!;
    expect(surveyPath).toMatch(/^\/enkater\/[0-9a-f-]{36}$/);

    const today = swedishDate(new Date());
    const opened = await post(surveyPath, { name: "2026", opensOn: today, closesOn: today, codes: "3" });
    expect(opened.status).toBe(200);
    const openedHtml = await opened.text();
    const codes = /<textarea[^>]*>([^<]*)<\/textarea>/.exec(openedHtml)?.[1]?.split("\n") ?? [];
    expect(codes).toHaveLength(3);
    for (const code of codes) expect(code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    const [wave] = await db
      .select()
      .from(surveyWave)
      .where(sql`${surveyWave.surveyId} = ${surveyPath.split("/")[2]}`);
    expect(openedHtml).toContain(`/enkat/${wave!.linkKey}`);
    // The codes are not on the page again.
    const page = await (await fetch(server.url + surveyPath, { headers: { Cookie: session } })).text();
    expect(page).toContain("Centrum, Norra");
    for (const code of codes) expect(page).not.toContain(code);

    await submitSurveyResponse({ db }, wave!.linkKey, {
      submissionKey: `web-test-${Date.now()}-abcdef`,
      code: codes[0],
      area: "norra",
      gender: "woman",
      answers: {
        otrygg_kvall: 3,
        "egen-vad-vill-du-saga-till-polisen": "Ring mig på 070-123 45 67 <script>x</script>",
      },
    });

    const resultsPath = `${surveyPath}/omgangar/${wave!.id}`;
    const results = await (await fetch(server.url + resultsPath, { headers: { Cookie: session } })).text();
    expect(results).toContain("Antal svarande: 1.");
    expect(results).toContain("Innehåller telefonnummer");
    expect(results).toContain("&lt;script&gt;x&lt;/script&gt;");
    expect(results).not.toContain("<script>x</script>");

    // A council member reads the published view: one answer is below the minimum group.
    const memberResults = await (
      await fetch(server.url + resultsPath, { headers: { Cookie: await sessionCookieFor(db, member.id) } })
    ).text();
    expect(memberResults).toContain("För få svar för att visa resultat.");
    expect(memberResults).not.toContain("070-123 45 67");
    const memberCsv = await fetch(`${server.url}${resultsPath}/svar.csv`, {
      headers: { Cookie: await sessionCookieFor(db, member.id) },
    });
    expect(memberCsv.status).toBe(403);

    const csv = await fetch(`${server.url}${resultsPath}/svar.csv`, { headers: { Cookie: session } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const lines = (await csv.text()).split("\r\n");
    expect(lines[0]).toContain("otrygg_kvall;problem_omradet.nedskrapning");
    expect(lines[1]).toContain(";Norra;woman;;Mycket otrygg;");

    // The police's and BRÅ's results: a file with an error stores nothing, a good one shows in the table.
    const upload = (content: string) => {
      const body = new FormData();
      body.set("csrf", csrf.token);
      body.set("file", new Blob([content], { type: "text/csv" }), "resultat.csv");
      return fetch(`${server.url}/samverkan/${partnershipId}/enkater`, {
        method: "POST",
        headers: { Cookie: cookies(session, csrf.cookie) },
        body,
      });
    };
    const example = readFileSync(
      new URL("../fixtures/surveys/externa-resultat.csv", import.meta.url),
      "utf8",
    );
    const broken = await upload(`${example.trimEnd()}\r\nCentrum;2024;otrygg_kvall;abc;;;polisen;;\r\n`);
    expect(broken.status).toBe(400);
    expect(await broken.text()).toContain("”abc” är inget tal");
    const listPage = await (
      await fetch(`${server.url}/samverkan/${partnershipId}/enkater`, { headers: { Cookie: session } })
    ).text();
    expect(listPage).toContain("Inga resultat är inlästa.");
    const stored = await upload(example);
    expect(stored.status).toBe(200);
    const storedHtml = await stored.text();
    expect(storedHtml).toContain("28 rader lästes in.");
    expect(storedHtml).toContain("31,4\u00a0%");
    // The smallest group the partnership publishes: refused outside 5–100, saved within.
    const tooSmall = await post(`/samverkan/${partnershipId}/enkater`, {
      intent: "minimum-group",
      minimumGroup: "3",
    });
    expect(tooSmall.status).toBe(400);
    expect(await tooSmall.text()).toContain("Minst 5.");
    const saved = await post(`/samverkan/${partnershipId}/enkater`, {
      intent: "minimum-group",
      minimumGroup: "12",
    });
    expect(await saved.text()).toMatch(/Sparat\.[\s\S]*value="12"|value="12"[\s\S]*Sparat\./);
    // …and beside the wave's own figures for the same question.
    const withExternal = await (
      await fetch(server.url + resultsPath, { headers: { Cookie: session } })
    ).text();
    expect(withExternal).toContain("Polisens och BRÅ:s resultat för samma fråga");
    expect(withExternal).toContain("31,4\u00a0%");
  });
});
