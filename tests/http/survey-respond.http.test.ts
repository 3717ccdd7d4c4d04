import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/db/client.server";
import { surveyDraft, surveyResponse } from "~/db/schema";
import { MAX_FREE_TEXT_ANSWER } from "~/domain/surveys/survey.schemas";
import { isPublicPath } from "~/lib/public-cache.server";
import { insertSurvey, type InsertedSurvey } from "../factories/surveys";
import { startTestServer, type TestServer } from "../support/server";
import { csrfField, formBody, setCookie } from "../support/web-client";

/**
 * A resident answers a survey wave without an account: the web form without JavaScript, the JSON
 * endpoint, codes, drafts, and everything that must store nothing.
 */

// High enough for 500 answers from one address in the concurrency test; the limit's own test
// sends from an address of its own until it is refused.
const LIMIT = 520;

let server: TestServer;
let database: Database;
let survey: InsertedSurvey;
let open: { id: string; linkKey: string };
let coded: { id: string; linkKey: string; codes: string[] };
let closed: { id: string; linkKey: string };

beforeAll(async () => {
  server = await startTestServer({ env: { SURVEY_SUBMISSIONS_PER_MINUTE: String(LIMIT) } });
  database = server.openDatabase();
  survey = await insertSurvey(database.db);
  open = await survey.openWave();
  coded = await survey.openWave({ codes: 3 });
  closed = await survey.openWave({ opensOn: "2020-03-01", closesOn: "2020-03-31" });
});

afterAll(async () => {
  await database?.close();
  await server?.stop();
});

// Every test sends from an address of its own (the server trusts X-Forwarded-For from loopback),
// so the rate limit of one never refuses another's.
let addressCount = 0;
const newAddress = () => `198.51.100.${++addressCount}`;

const countResponses = async (waveId: string) => {
  const [row] = await database.db
    .select({ n: sql<number>`count(*)::int` })
    .from(surveyResponse)
    .where(eq(surveyResponse.waveId, waveId));
  return row!.n;
};

const keys = () => {
  const [otrygg, oro, problem, text, place] = survey.definition.questions;
  return {
    otrygg: otrygg!.key,
    oro: oro!.key,
    problem: problem!.key,
    items: problem!.items.map((i) => i.key),
    text: text!.key,
    place: place!.key,
    area: survey.definition.areas[0]!.key,
    namedPlace: survey.definition.places[0]!.key,
  };
};

interface Visit {
  address: string;
  cookie: string;
  csrf: string;
  submissionKey: string;
  html: string;
}

/** A resident's phone opens the form: its CSRF cookie and token and the page's submission key. */
async function visit(path: string, address = newAddress(), status = 200): Promise<Visit> {
  const response = await fetch(`${server.url}${path}`, {
    redirect: "manual",
    headers: { "X-Forwarded-For": address },
  });
  const html = await response.text();
  expect(response.status, html.slice(0, 400)).toBe(status);
  const cookie = setCookie(response, "tryggsam_csrf")!;
  const submissionKey = /name="submissionKey" value="([^"]+)"/.exec(html)?.[1] ?? "";
  return { address, cookie, csrf: csrfField(html) ?? "", submissionKey, html };
}

/** Posts the form as a browser without JavaScript does. */
function post(
  linkKey: string,
  from: Visit,
  fields: Record<string, string | readonly string[]>,
): Promise<Response> {
  return fetch(`${server.url}/enkat/${linkKey}`, {
    method: "POST",
    redirect: "manual",
    headers: {
      Cookie: from.cookie,
      "Content-Type": "application/x-www-form-urlencoded",
      "X-Forwarded-For": from.address,
    },
    body: formBody({ csrf: from.csrf, submissionKey: from.submissionKey, language: "sv", ...fields }),
  });
}

/** A whole set of answers, as the form names them. */
function answers(): Record<string, string | string[]> {
  const k = keys();
  return {
    area: k.area,
    gender: "woman",
    age: "25-44",
    [`q-${k.otrygg}`]: "2",
    [`q-${k.oro}`]: "1",
    [`q-${k.problem}-${k.items[0]}`]: "0",
    [`q-${k.problem}-${k.items[1]}`]: "3",
    [`q-${k.text}`]: "Bättre belysning vid stationen.",
    [`p-${k.place}-1-place`]: k.namedPlace,
    [`p-${k.place}-1-reason`]: ["lighting", "people"],
    [`p-${k.place}-1-time`]: ["evening", "night"],
    [`p-${k.place}-1-day`]: "weekend",
    [`p-${k.place}-2-description`]: "Gångtunneln under Storgatan",
    [`p-${k.place}-2-reason`]: "vegetation",
    intent: "submit",
  };
}

/** The JSON API's body for the same kind of answers. */
function apiBody(submissionKey: string, overrides: Record<string, unknown> = {}) {
  const k = keys();
  return {
    submissionKey,
    area: k.area,
    gender: "man",
    ageBand: "65+",
    answers: { [k.otrygg]: 0, [k.problem]: { [k.items[0]!]: 1 }, [k.text]: "Fler vuxna ute på kvällarna." },
    places: [{ questionKey: k.place, placeKey: k.namedPlace, reasons: ["traffic"], times: ["day"] }],
    ...overrides,
  };
}

function postJson(linkKey: string, body: unknown, address = newAddress()): Promise<Response> {
  return fetch(`${server.url}/api/v1/public/surveys/${linkKey}/responses`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Forwarded-For": address },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

const uniqueKey = () => `test-${crypto.randomUUID()}`;

describe("the web form, without JavaScript", () => {
  it("shows every question in a fieldset with its legend and the progress in words, and no script", async () => {
    const page = await visit(`/enkat/${open.linkKey}`);
    const total = survey.definition.questions.length;
    expect(total).toBe(5);
    for (let n = 1; n <= total; n++) expect(page.html).toContain(`Fråga ${n} av ${total}:`);
    expect(page.html).toMatch(/<fieldset[^>]*id="q-otrygg_kvall"[^>]*>\s*<legend[^>]*>/);
    expect(page.html).not.toMatch(/<script|rel="modulepreload"/);
    expect(page.html).toMatch(new RegExp(`<textarea[^>]*maxlength="${MAX_FREE_TEXT_ANSWER}"`, "i"));
    expect(page.html).toContain("Vill inte svara");
    expect(page.html).toContain("eller beskriv platsen/adressen");
    expect(page.html).toContain('<label for="website">Lämna tomt</label>');
    expect(page.html).toMatch(
      /<input type="text" id="website" tabindex="-1" autocomplete="off" name="website"/i,
    );
    expect(page.html).toContain("anonym");
    expect(page.html).toContain('href="/enkat/' + open.linkKey + '?sprak=en"');
    expect(page.submissionKey).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(page.csrf).not.toBe("");

    // Never from the public cache: each visit needs its own key, and answers are on the page.
    expect(isPublicPath(`/enkat/${open.linkKey}`)).toBe(false);
    expect(isPublicPath(`/enkat/${open.linkKey}/tack`)).toBe(false);
    const response = await fetch(`${server.url}/enkat/${open.linkKey}`, { redirect: "manual" });
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    // A second visit gets another key: two residents on one phone are two answers.
    expect((await visit(`/enkat/${open.linkKey}`)).submissionKey).not.toBe(page.submissionKey);
  });

  it("asks the questions in English with ?sprak=en", async () => {
    const page = await visit(`/enkat/${open.linkKey}?sprak=en`);
    expect(page.html).toContain("Question 1 of 5:");
    expect(page.html).toContain("How safe would you feel walking alone late in the evening");
    expect(page.html).toContain("What would make the area safer?");
    expect(page.html).toContain('name="language" value="en"');
  });

  it("stores one response per post, and a retried post lands on the thank-you page without a second", async () => {
    const before = await countResponses(open.id);
    const page = await visit(`/enkat/${open.linkKey}`);
    const first = await post(open.linkKey, page, answers());
    expect(first.status, await first.text()).toBe(303);
    expect(first.headers.get("Location")).toBe(`/enkat/${open.linkKey}/tack`);
    expect(await countResponses(open.id)).toBe(before + 1);

    const again = await post(open.linkKey, page, answers());
    expect(again.status).toBe(303);
    expect(again.headers.get("Location")).toBe(`/enkat/${open.linkKey}/tack`);
    expect(await countResponses(open.id)).toBe(before + 1);

    const [row] = await database.db
      .select()
      .from(surveyResponse)
      .where(and(eq(surveyResponse.waveId, open.id), eq(surveyResponse.submissionKey, page.submissionKey)));
    const k = keys();
    expect(row).toMatchObject({ areaKey: k.area, gender: "woman", ageBand: "25-44", language: "sv" });
    expect(row!.texts).toEqual({ [k.text]: "Bättre belysning vid stationen." });
    expect(row!.places).toHaveLength(2);
    expect(row!.places[0]).toMatchObject({ placeKey: k.namedPlace, reasons: ["lighting", "people"] });

    const thanks = await fetch(`${server.url}/enkat/${open.linkKey}/tack`);
    expect(thanks.status).toBe(200);
    expect(thanks.headers.get("Cache-Control")).toBe("no-store");
    expect(await thanks.text()).toContain("Tack för dina svar!");
  });

  it("re-renders with an error summary linking to each field, the messages by the fields, all answers kept", async () => {
    const before = await countResponses(open.id);
    const page = await visit(`/enkat/${open.linkKey}`);
    const k = keys();
    const response = await post(open.linkKey, page, {
      ...answers(),
      [`q-${k.otrygg}`]: "17",
      [`q-${k.text}`]: "x".repeat(MAX_FREE_TEXT_ANSWER + 1),
    });
    const html = await response.text();
    expect(response.status).toBe(400);
    // Focused on load without JavaScript: the summary is the first thing a screen reader reads.
    expect(html).toMatch(/<div[^>]*tabindex="-1" autofocus=""[^>]*id="fel"/);
    expect(html).toContain("Rätta följande:");
    expect(html).toContain(`<a href="#q-${k.otrygg}">Välj ett av svarsalternativen.</a>`);
    expect(html).toContain(`<a href="#q-${k.text}">Svaret får vara högst ${MAX_FREE_TEXT_ANSWER} tecken`);
    expect(html).toContain(`id="q-${k.otrygg}-error"`);
    // Kept: the other answers are still chosen, the same submission key is still in the form.
    expect(html).toMatch(new RegExp(`name="gender" checked="" value="woman"`));
    expect(html).toContain(`value="${page.submissionKey}"`);
    expect(html).toContain("Gångtunneln under Storgatan");
    expect(await countResponses(open.id)).toBe(before);
  });
});

describe("the JSON endpoint", () => {
  it("answers 201 for a new response and 200 with duplicate: true for a retry, without cookies", async () => {
    const key = uniqueKey();
    const first = await postJson(open.linkKey, apiBody(key));
    expect(first.status).toBe(201);
    const created = (await first.json()) as { id: string; duplicate: boolean };
    expect(created.duplicate).toBe(false);
    const retry = await postJson(open.linkKey, apiBody(key));
    expect(retry.status).toBe(200);
    expect(await retry.json()).toEqual({ id: created.id, duplicate: true });
    expect(first.headers.get("Set-Cookie") ?? "").not.toContain("tryggsam_session");
  });

  it("stores exactly 500 of 500 concurrent responses with their own keys", { timeout: 120_000 }, async () => {
    const before = await countResponses(open.id);
    const address = newAddress();
    // 500 answers, all posted at the same time.
    const IN_FLIGHT = 500;
    const statuses: number[] = [];
    let next = 0;
    const client = async () => {
      while (next < 500) {
        next++;
        const response = await postJson(open.linkKey, apiBody(uniqueKey()), address);
        await response.text();
        statuses.push(response.status);
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, client));
    expect(statuses.filter((s) => s === 201)).toHaveLength(500);
    expect(await countResponses(open.id)).toBe(before + 500);
  });

  it("stores one of 20 concurrent posts of one key", async () => {
    const before = await countResponses(open.id);
    const key = uniqueKey();
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => postJson(open.linkKey, apiBody(key))),
    );
    const bodies = (await Promise.all(responses.map((r) => r.json()))) as {
      id: string;
      duplicate: boolean;
    }[];
    expect(responses.map((r) => r.status).sort()).toEqual([201, ...Array<number>(19).fill(200)].sort());
    expect(new Set(bodies.map((b) => b.id)).size).toBe(1);
    expect(await countResponses(open.id)).toBe(before + 1);
  });

  it("is in the OpenAPI document", async () => {
    const document = (await (await fetch(`${server.url}/api/v1/openapi.json`)).json()) as {
      paths: Record<string, { post?: { responses: Record<string, unknown>; security: unknown[] } }>;
    };
    const operation = document.paths["/public/surveys/{linkKey}/responses"]?.post;
    expect(operation?.security).toEqual([]);
    expect(Object.keys(operation?.responses ?? {})).toEqual(
      expect.arrayContaining(["201", "403", "404", "410", "413", "422", "429"]),
    );
  });
});

describe("bad input: a clear Swedish message and nothing stored", () => {
  async function refusedByApi(linkKey: string, waveId: string, body: unknown, status: number) {
    const before = await countResponses(waveId);
    const response = await postJson(linkKey, body);
    const problem = (await response.json()) as { detail: string; errors?: Record<string, string[]> };
    expect(response.status, JSON.stringify(problem)).toBe(status);
    expect(response.headers.get("Content-Type")).toContain("application/problem+json");
    expect(await countResponses(waveId)).toBe(before);
    return problem;
  }

  it("an unknown question id", async () => {
    const problem = await refusedByApi(
      open.linkKey,
      open.id,
      apiBody(uniqueKey(), { answers: { [keys().otrygg]: 1, finns_inte: 1 } }),
      422,
    );
    expect(problem.errors).toEqual({ "q-finns_inte": ["Frågan finns inte i enkäten."] });

    // The web form: a field the form does not have is a question the survey does not have.
    const before = await countResponses(open.id);
    const page = await visit(`/enkat/${open.linkKey}`);
    const response = await post(open.linkKey, page, { ...answers(), "q-finns_inte": "1" });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Frågan finns inte i enkäten.");
    expect(await countResponses(open.id)).toBe(before);
  });

  it("an option out of range, also in a matrix item", async () => {
    const k = keys();
    const problem = await refusedByApi(
      open.linkKey,
      open.id,
      apiBody(uniqueKey(), { answers: { [k.otrygg]: 6, [k.problem]: { [k.items[0]!]: -1 } } }),
      422,
    );
    expect(problem.errors).toEqual({
      [`q-${k.otrygg}`]: ["Välj ett av svarsalternativen."],
      [`q-${k.problem}-${k.items[0]}`]: ["Välj ett av svarsalternativen."],
    });
  });

  it("1 MB of free text: under the 1 MiB body limit the field's limit answers 422, over it the server 413", async () => {
    const k = keys();
    // 1,000,000 characters fit in the 1 MiB (1,048,576 bytes) body limit, so the request reaches
    // the check by field, which allows MAX_FREE_TEXT_ANSWER characters.
    const oneMegabyte = "a".repeat(1_000_000);
    const problem = await refusedByApi(
      open.linkKey,
      open.id,
      apiBody(uniqueKey(), { answers: { [k.text]: oneMegabyte } }),
      422,
    );
    expect(problem.errors?.[`q-${k.text}`]).toEqual([
      `Svaret får vara högst ${MAX_FREE_TEXT_ANSWER} tecken (nu 1000000).`,
    ]);
    // 1 MiB of text and more is refused by the server before the app reads a byte of it.
    const tooLarge = await refusedByApi(
      open.linkKey,
      open.id,
      apiBody(uniqueKey(), { answers: { [k.text]: "a".repeat(1024 * 1024) } }),
      413,
    );
    expect(tooLarge.detail).toContain("högst 1 MiB");

    // The web form: the same two answers.
    const before = await countResponses(open.id);
    const page = await visit(`/enkat/${open.linkKey}`);
    const fieldLimit = await post(open.linkKey, page, { ...answers(), [`q-${k.text}`]: oneMegabyte });
    expect(fieldLimit.status).toBe(400);
    expect(await fieldLimit.text()).toContain(`Svaret får vara högst ${MAX_FREE_TEXT_ANSWER} tecken`);
    const bodyLimit = await post(open.linkKey, page, {
      ...answers(),
      [`q-${k.text}`]: "a".repeat(1024 * 1024),
    });
    expect(bodyLimit.status).toBe(413);
    expect(await bodyLimit.text()).toContain("För mycket data");
    expect(await countResponses(open.id)).toBe(before);
  });

  it("<script> in free text is stored as text and never shown back on a public page", async () => {
    const k = keys();
    const script = '<script>alert("x")</script>';
    const page = await visit(`/enkat/${open.linkKey}`);
    const response = await post(open.linkKey, page, { ...answers(), [`q-${k.text}`]: script });
    expect(response.status).toBe(303);
    const [row] = await database.db
      .select({ texts: surveyResponse.texts })
      .from(surveyResponse)
      .where(and(eq(surveyResponse.waveId, open.id), eq(surveyResponse.submissionKey, page.submissionKey)));
    expect(row!.texts[k.text]).toBe(script);
    const thanks = await (await fetch(`${server.url}${response.headers.get("Location")}`)).text();
    expect(thanks).not.toContain("alert(");
    // Shown back in the form after another field's error, it is escaped text in the textarea.
    const other = await visit(`/enkat/${open.linkKey}`);
    const rerendered = await post(open.linkKey, other, {
      ...answers(),
      [`q-${k.text}`]: script,
      gender: "x",
    });
    const html = await rerendered.text();
    expect(rerendered.status).toBe(400);
    expect(html).not.toContain(script);
    expect(html).toContain("&lt;script&gt;");
  });

  it("a closed wave: 410 with its dates, on the page, the form and the API", async () => {
    const page = await visit(`/enkat/${closed.linkKey}`, newAddress(), 410);
    expect(page.html).toContain("Enkäten är stängd");
    expect(page.html).toContain("1 mars 2020");
    expect(page.html).not.toContain('name="submissionKey"');
    // The closed page has no form; the CSRF pair of any page will do (it depends on the cookie only).
    const form = await visit(`/enkat/${open.linkKey}`);
    const response = await post(closed.linkKey, form, answers());
    expect(response.status).toBe(410);
    expect(await response.text()).toContain("Enkäten är stängd");
    const problem = await refusedByApi(closed.linkKey, closed.id, apiBody(uniqueKey()), 410);
    expect(problem.detail).toMatch(/^Enkäten är stängd\. Den gick att besvara 1 mars 2020 – 31 mars 2020\.$/);
  });

  it("a wave with codes: a missing or wrong code 403, a code once, a used code 403 with a clear page", async () => {
    const page = await visit(`/enkat/${coded.linkKey}`);
    expect(page.html).toContain('<label class="ds-label" for="code">Kod från brevet</label>');

    const wrong = await post(coded.linkKey, page, { ...answers(), code: "AAAAA-AAAAA" });
    const wrongHtml = await wrong.text();
    expect(wrong.status).toBe(403);
    expect(wrongHtml).toContain("Koden är fel eller har redan använts.");
    expect(wrongHtml).toContain("Gångtunneln under Storgatan"); // the answers are kept
    expect(await countResponses(coded.id)).toBe(0);
    await refusedByApi(coded.linkKey, coded.id, apiBody(uniqueKey()), 403);
    await refusedByApi(coded.linkKey, coded.id, apiBody(uniqueKey(), { code: "AAAAA-AAAAA" }), 403);

    // Typed in lower case without the dash, as from paper: the same code.
    const code = coded.codes[0]!;
    const right = await post(coded.linkKey, page, {
      ...answers(),
      code: code.toLowerCase().replace("-", ""),
    });
    expect(right.status).toBe(303);
    expect(await countResponses(coded.id)).toBe(1);

    const someoneElse = await visit(`/enkat/${coded.linkKey}`);
    const used = await post(coded.linkKey, someoneElse, { ...answers(), code });
    const usedHtml = await used.text();
    expect(used.status).toBe(403);
    expect(usedHtml).toContain("Koden är fel eller har redan använts. Varje kod kan användas en gång.");
    expect(usedHtml).toContain(`<a href="#code">`);
    await refusedByApi(coded.linkKey, coded.id, apiBody(uniqueKey(), { code }), 403);
    expect(await countResponses(coded.id)).toBe(1);
  });

  it("an unknown link: 404 on the page, the form and the API", async () => {
    const page = await visit("/enkat/finnsintealls", newAddress(), 404);
    expect(page.html).toContain("Enkäten finns inte");
    const form = await visit(`/enkat/${open.linkKey}`);
    const response = await post("finnsintealls", form, answers());
    expect(response.status).toBe(404);
    const problem = await refusedByApi("finnsintealls", open.id, apiBody(uniqueKey()), 404);
    expect(problem.detail).toBe("Enkäten finns inte.");
  });

  it("the honeypot filled: told all went well, nothing stored", async () => {
    const before = await countResponses(open.id);
    const page = await visit(`/enkat/${open.linkKey}`);
    const response = await post(open.linkKey, page, { ...answers(), website: "http://spam.example" });
    expect(response.status).toBe(303);
    expect(response.headers.get("Location")).toBe(`/enkat/${open.linkKey}/tack`);
    expect(await countResponses(open.id)).toBe(before);
  });

  it(
    "over the rate limit: 429 from the API and the form, with the Swedish message",
    { timeout: 60_000 },
    async () => {
      const before = await countResponses(open.id);
      const address = newAddress();
      // Cheap requests (refused as not JSON) count as well. The window is a fixed minute, so at most
      // one turn falls within this burst: 2 × LIMIT + 1 requests must meet a refusal.
      let refused: Response | null = null;
      for (let sent = 0; !refused && sent < 2 * LIMIT + 1; sent += 50) {
        const batch = await Promise.all(
          Array.from({ length: 50 }, () =>
            fetch(`${server.url}/api/v1/public/surveys/${open.linkKey}/responses`, {
              method: "POST",
              headers: { "Content-Type": "text/plain", "X-Forwarded-For": address },
              body: "x",
            }),
          ),
        );
        refused = batch.find((r) => r.status === 429) ?? null;
        await Promise.all(
          batch
            .filter((r) => r !== refused)
            .map(async (r) => {
              await r.body?.cancel();
            }),
        );
      }
      expect(refused, "no 429").not.toBeNull();
      const problem = (await refused!.json()) as { detail: string; code: string };
      expect(problem).toMatchObject({
        detail: "För många svar från din adress på kort tid. Vänta en minut.",
        code: "RATE_LIMITED",
      });
      const page = await visit(`/enkat/${open.linkKey}`, address);
      const response = await post(open.linkKey, page, answers());
      expect(response.status).toBe(429);
      expect(await response.text()).toContain("För många svar från din adress på kort tid. Vänta en minut.");
      expect(await countResponses(open.id)).toBe(before);
    },
  );
});

describe("finish later", () => {
  it("keeps the answers so far under the form's key; the link shows them again and the answer then counts once", async () => {
    const k = keys();
    const before = await countResponses(open.id);
    const page = await visit(`/enkat/${open.linkKey}`);
    const partial = {
      gender: "other",
      [`q-${k.oro}`]: "3",
      [`q-${k.text}`]: "Jag skriver klart sen.",
      [`p-${k.place}-1-description`]: "Busshållplatsen vid torget",
      [`p-${k.place}-1-reason`]: ["traffic", "other"],
      intent: "later",
    };
    const saved = await post(open.linkKey, page, partial);
    const savedHtml = await saved.text();
    expect(saved.status).toBe(200);
    expect(savedHtml).toContain("Dina svar är sparade");
    const link = `/enkat/${open.linkKey}?fortsatt=${page.submissionKey}`;
    expect(savedHtml).toContain(`${server.url}${link}`);
    expect(await countResponses(open.id)).toBe(before);

    const again = await visit(link, page.address);
    expect(again.submissionKey).toBe(page.submissionKey);
    expect(again.html).toContain('name="gender" checked="" value="other"');
    expect(again.html).toContain(`name="q-${k.oro}" checked="" value="3"`);
    expect(again.html).toContain("Jag skriver klart sen.</textarea>");
    expect(again.html).toContain('value="Busshållplatsen vid torget"');
    expect(again.html).toContain(`name="p-${k.place}-1-reason" checked="" value="traffic"`);
    expect(again.html).toContain(`name="p-${k.place}-1-reason" checked="" value="other"`);

    const done = await post(open.linkKey, again, { ...partial, intent: "submit" });
    expect(done.status).toBe(303);
    expect(await countResponses(open.id)).toBe(before + 1);
    const drafts = await database.db
      .select({ key: surveyDraft.key })
      .from(surveyDraft)
      .where(eq(surveyDraft.key, page.submissionKey));
    expect(drafts).toEqual([]);
  });

  it("a link whose draft is gone says so and starts a new answer", async () => {
    const page = await visit(`/enkat/${open.linkKey}?fortsatt=${uniqueKey()}`);
    expect(page.html).toContain("De sparade svaren finns inte längre");
  });
});
