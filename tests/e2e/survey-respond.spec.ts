import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Database } from "~/db/client.server";
import { surveyResponse } from "~/db/schema";
import { insertSurvey, type InsertedSurvey } from "../factories/surveys";
import { describeInBrowser, expectAccessible, newContext, withBrowser } from "../support/browser";
import { startTestServer, type TestServer } from "../support/server";

/**
 * A resident answers a safety survey on a phone (375 px wide) without JavaScript: the form, a
 * mistake shown at the top, finishing later, the thank-you page — axe on every page.
 */
describeInBrowser("survey: a resident answers on a phone without JavaScript", () => {
  const chromium = withBrowser();
  let server: TestServer;
  let database: Database;
  let survey: InsertedSurvey;
  let wave: { id: string; linkKey: string };

  beforeAll(async () => {
    server = await startTestServer();
    database = server.openDatabase();
    survey = await insertSurvey(database.db);
    wave = await survey.openWave();
  }, 120_000);

  afterAll(async () => {
    await database?.close();
    await server?.stop();
  });

  const count = async () => {
    const [row] = await database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(surveyResponse)
      .where(and(eq(surveyResponse.waveId, wave.id)));
    return row!.n;
  };

  it("answers, fixes a mistake shown at the top, and lands on the thank-you page", async () => {
    const context = await newContext(chromium.browser, { javaScript: false, width: 375 });
    const page = await context.newPage();
    const response = await page.goto(`${server.url}/enkat/${wave.linkKey}`);
    expect(response?.status()).toBe(200);
    expect(await page.locator("h1").count()).toBe(1);
    expect(await page.locator("fieldset > legend", { hasText: /^Fråga 1 av 5:/ }).count()).toBe(1);
    // Nothing wider than the phone: no sideways scrolling.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await expectAccessible(page);

    await page.getByRole("group", { name: "Kön" }).getByLabel("Kvinna").check();
    const first = page.getByRole("group", { name: /^Fråga 1 av 5:/ });
    await first.getByLabel("Ganska otrygg").check();
    await page.getByLabel("Ditt svar (högst 2 000 tecken)").fill("Mer belysning vid stationen.");
    // A reason without a place: the one mistake.
    await page.getByRole("group", { name: "Plats 1" }).getByLabel("Trafiken").check();
    await page.getByRole("button", { name: "Skicka svaren" }).click();

    const summary = page.locator("#fel");
    expect(await summary.textContent()).toContain("Välj en plats i listan eller beskriv var den är.");
    // Focused on load, without a script: a screen reader starts at the list of mistakes.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("fel");
    expect(await first.getByLabel("Ganska otrygg").isChecked()).toBe(true);
    await expectAccessible(page);
    expect(await count()).toBe(0);

    await summary.getByRole("link").first().click();
    await page
      .getByRole("group", { name: "Plats 1" })
      .getByLabel("eller beskriv platsen/adressen")
      .fill("Gångtunneln vid skolan");
    await page.getByRole("button", { name: "Skicka svaren" }).click();
    expect(await page.locator("h1").textContent()).toBe("Tack för dina svar!");
    await expectAccessible(page);
    expect(await count()).toBe(1);
    await context.close();
  });

  it("saves the answers to finish later, and the link brings them back", async () => {
    const context = await newContext(chromium.browser, { javaScript: false, width: 375 });
    const page = await context.newPage();
    await page.goto(`${server.url}/enkat/${wave.linkKey}?sprak=en`);
    expect(await page.locator("fieldset > legend", { hasText: /^Question 1 of 5:/ }).count()).toBe(1);
    await page.getByRole("group", { name: "Gender" }).getByLabel("Prefer not to say").check();
    await page.getByLabel("Your answer (at most 2,000 characters)").fill("Later.");
    await page.getByRole("button", { name: "Continue later" }).click();
    expect(await page.locator("h1").textContent()).toBe("Your answers are saved");
    await expectAccessible(page);

    await page.getByRole("link", { name: "Continue with the survey" }).click();
    expect(await page.getByLabel("Your answer (at most 2,000 characters)").inputValue()).toBe("Later.");
    await expectAccessible(page);
    await context.close();
  });
});
