import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Database } from "~/db/client.server";
import { swedishDate } from "~/domain/agreements/document-lifecycle";
import { insertPartnership } from "../factories/partnerships";
import { insertUserActor, TEST_PASSWORD } from "../factories/users";
import { describeInBrowser, expectAccessible, newContext, withBrowser } from "../support/browser";
import { startTestServer, type TestServer } from "../support/server";

const PLACE_QUESTION = "Finns det platser där du känner dig otrygg?";
const TYPED_PLACE = "Gångtunneln under Storgatan";

async function check(page: Page) {
  expect(await page.locator("h1").count(), `one h1 on ${page.url()}`).toBe(1);
  await expectAccessible(page);
}

/** A submit without JavaScript loads a new document: wait for it. */
async function submitDocument(page: Page, name: string) {
  await Promise.all([
    page.waitForEvent("framenavigated"),
    page.getByRole("button", { name, exact: true }).click(),
  ]);
  await page.waitForLoadState("load");
}

/**
 * The safety survey from end to end: a coordinator builds it from the question bank with two
 * areas and opens a wave; a resident answers on a 375 px wide phone without JavaScript, naming an
 * unsafe place by typing it; the coordinator sees the answer in the results.
 */
describeInBrowser("a safety survey: built, answered on a phone without JavaScript, read", () => {
  const chromium = withBrowser();
  let server: TestServer;
  let database: Database;
  let partnershipId: string;
  let coordinator: string;

  beforeAll(async () => {
    server = await startTestServer();
    database = server.openDatabase();
    partnershipId = await insertPartnership(database.db, { name: "Trygga Ånge" });
    coordinator = (await insertUserActor(database.db, { partnerships: { [partnershipId]: "coordinator" } }))
      .email;
  });
  afterAll(async () => {
    await database?.close();
    await server?.stop();
  });

  it("from the bank to the resident's answer to the results", async () => {
    // The coordinator, at a desk, with JavaScript.
    const office = await newContext(chromium.browser);
    const page = await office.newPage();
    await page.goto(`${server.url}/logga-in`);
    await page.getByLabel("E-postadress").fill(coordinator);
    await page.getByLabel("Lösenord").fill(TEST_PASSWORD);
    await page.getByRole("button", { name: "Logga in" }).click();
    await page.waitForURL((url) => url.pathname !== "/logga-in");

    await page.goto(`${server.url}/samverkan/${partnershipId}/enkater`);
    await check(page);
    await page.getByRole("link", { name: "Bygg en ny enkät" }).click();
    await page.waitForURL(/\/enkater\/ny$/);
    await check(page);
    await page.getByLabel("Enkätens namn").fill("Trygghetsenkät Ånge");
    await page.locator("summary", { hasText: "Standardfrågor" }).click();
    await page.getByLabel(/^Hur trygg skulle du känna dig om du gick ut ensam sent en kväll/).check();
    await page.getByLabel(/^Hur stort problem är följande i området där du bor/).check();
    await page.getByLabel("Områden (delområden)").fill("Centrum\nNorra");
    await page.getByLabel("Namngivna platser (valfritt)").fill("Resecentrum");
    const own = page.locator("fieldset", { has: page.getByText("Egen fråga 1 (valfri)") });
    await own.getByLabel("Frågetyp").selectOption({ label: "Plats" });
    await own.getByLabel("Frågan", { exact: true }).fill(PLACE_QUESTION);
    await page.getByRole("button", { name: "Skapa enkäten" }).click();
    await page.waitForURL(/\/enkater\/[0-9a-f-]{36}$/);
    await check(page);
    const surveyUrl = page.url();

    const today = swedishDate(new Date());
    await page.getByLabel("Omgångens namn").fill("2026");
    await page.getByLabel("Första svarsdag").fill(today);
    await page.getByLabel("Sista svarsdag").fill(today);
    await page.getByRole("button", { name: "Öppna omgången" }).click();
    const link = (await page.locator('[role="status"] code').textContent())!;
    expect(link).toMatch(/\/enkat\/[A-Za-z0-9_-]+$/);
    await check(page);

    // The resident, on a phone, without JavaScript.
    const phone = await newContext(chromium.browser, { javaScript: false, width: 375 });
    const resident = await phone.newPage();
    await resident.goto(link);
    await check(resident);
    const width = await resident.evaluate(() => document.documentElement.scrollWidth);
    expect(width, "no sideways scrolling at 375 px").toBeLessThanOrEqual(375);
    expect(await resident.locator("legend", { hasText: /^Fråga 1 av 3:/ }).count()).toBe(1);
    await resident.getByRole("group", { name: "Var bor du?" }).getByLabel("Centrum").check();
    const unsafe = resident.locator("fieldset", {
      has: resident.locator("legend", { hasText: "Fråga 1 av 3:" }),
    });
    await unsafe.getByLabel("Ganska otrygg").check();
    const place = resident.getByRole("group", { name: "Plats 1", exact: true });
    await place.getByLabel("eller beskriv platsen/adressen").fill(TYPED_PLACE);
    await place.getByLabel("Dålig belysning").check();
    await place.getByLabel("Kväll").check();
    await submitDocument(resident, "Skicka svaren");
    expect(new URL(resident.url()).pathname).toMatch(/\/tack$/);
    await check(resident);
    await phone.close();

    // Back at the desk: the answer is in the results.
    await page.goto(surveyUrl);
    await page.getByRole("link", { name: /^2026/ }).click();
    await page.waitForURL(/\/omgangar\/[0-9a-f-]{36}$/);
    await check(page);
    expect(await page.getByText("Antal svarande: 1.").count()).toBe(1);
    const places = page.locator("section", { has: page.getByRole("heading", { name: "Otrygga platser" }) });
    expect(await places.getByRole("row", { name: new RegExp(TYPED_PLACE) }).textContent()).toContain(
      "Dålig belysning",
    );
    await office.close();
  });
});
