import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Page } from "playwright-core";
import type { Database } from "~/db/client.server";
import { surveyResponse } from "~/db/schema";
import { submitSurveyResponse } from "~/domain/surveys/submit-survey-response.server";
import { insertSurvey, type InsertedSurvey } from "../factories/surveys";
import { insertUserActor, TEST_PASSWORD } from "../factories/users";
import { describeInBrowser, expectAccessible, newContext, withBrowser } from "../support/browser";
import { startTestServer, type TestServer } from "../support/server";

/**
 * A resident sets an unsafe place's point on the map: with JavaScript and no tile server
 * configured the map still works (a blank background, the named place drawn, a click sets the
 * point); without JavaScript the same survey is the typed form alone and still submits.
 */
describeInBrowser("survey: the optional map for unsafe places", () => {
  const chromium = withBrowser();
  let server: TestServer;
  let database: Database;
  let wave: { id: string; linkKey: string };
  let survey: InsertedSurvey;

  beforeAll(async () => {
    server = await startTestServer();
    database = server.openDatabase();
    survey = await insertSurvey(database.db, {
      places: "Resecentrum | 62.3908, 17.3069\nStadsparken",
    });
    wave = await survey.openWave();
  }, 120_000);

  afterAll(async () => {
    await database?.close();
    await server?.stop();
  });

  const answers = async () =>
    database.db
      .select({ places: surveyResponse.places })
      .from(surveyResponse)
      .where(eq(surveyResponse.waveId, wave.id));

  /** Errors in the page (a failed hydration, an exception in the map) fail the test. */
  const watchErrors = (page: Page) => {
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    return errors;
  };

  it("with JavaScript: a click on the map sets the point, and the answer keeps it", async () => {
    const context = await newContext(chromium.browser, { width: 1024 });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${server.url}/enkat/${wave.linkKey}`);
    const entry = page.getByRole("group", { name: "Plats 1" });
    const map = entry.getByRole("group", { name: "Karta för att välja plats (valfritt)" });
    await map.locator(".leaflet-map-pane").waitFor({ state: "attached" });
    expect(await entry.getByText("Du kan också välja platsen på en karta.").count()).toBe(1);
    expect(await entry.getByText("Ingen bakgrundskarta är inställd").count()).toBe(1);
    // The named place with coordinates is drawn; no tiles are asked for.
    expect(await map.locator("path.leaflet-interactive").count()).toBe(1);
    expect(await page.locator(".leaflet-tile").count()).toBe(0);
    await expectAccessible(page);

    const lat = entry.locator('input[type="hidden"][name$="-1-lat"]');
    const lng = entry.locator('input[type="hidden"][name$="-1-lng"]');
    expect(await lat.inputValue()).toBe("");
    await map.scrollIntoViewIfNeeded();
    const box = (await map.boundingBox())!;
    const southEast = { x: box.width / 2 + 40, y: box.height / 2 + 30 };
    await map.click({ position: southEast });
    await entry.getByText(/^Vald punkt: \d+,\d{3} N, \d+,\d{3} E$/).waitFor();
    const chosen = { lat: Number(await lat.inputValue()), lng: Number(await lng.inputValue()) };
    // Near the named place the map was fitted to, a little south-east of it.
    expect(chosen.lat).toBeLessThan(62.3908);
    expect(chosen.lat).toBeGreaterThan(62.3);
    expect(chosen.lng).toBeGreaterThan(17.3069);
    expect(chosen.lng).toBeLessThan(17.4);
    await expectAccessible(page);

    // Removing the point empties the fields; a second click sets it again.
    await entry.getByRole("button", { name: "Ta bort punkten" }).click();
    expect(await lat.inputValue()).toBe("");
    await map.click({ position: southEast });
    await entry.getByRole("button", { name: "Ta bort punkten" }).waitFor();

    await entry.getByLabel("eller beskriv platsen/adressen").fill("Busshållplatsen bakom resecentrum");
    await entry.getByLabel("Dålig belysning").check();
    await page.getByRole("button", { name: "Skicka svaren" }).click();
    expect(await page.locator("h1").textContent()).toBe("Tack för dina svar!");

    const stored = (await answers())
      .flatMap((row) => row.places)
      .find((p) => p.description === "Busshållplatsen bakom resecentrum")!;
    expect(stored).toBeDefined();
    expect(stored.lat).toBeCloseTo(chosen.lat, 5);
    expect(stored.lng).toBeCloseTo(chosen.lng, 5);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("without JavaScript: no map, and the typed place still submits", async () => {
    const context = await newContext(chromium.browser, { javaScript: false, width: 375 });
    const page = await context.newPage();
    await page.goto(`${server.url}/enkat/${wave.linkKey}`);
    const entry = page.getByRole("group", { name: "Plats 1" });
    expect(await page.getByText("Du kan också välja platsen på en karta.").count()).toBe(0);
    expect(await page.locator(".leaflet-container").count()).toBe(0);
    expect(await entry.locator('input[type="hidden"][name$="-1-lat"]').count()).toBe(1);
    await expectAccessible(page);

    await entry.getByLabel("Välj en plats").selectOption({ label: "Resecentrum" });
    await entry.getByLabel("Dålig belysning").check();
    await page.getByRole("button", { name: "Skicka svaren" }).click();
    expect(await page.locator("h1").textContent()).toBe("Tack för dina svar!");
    const typed = (await answers()).flatMap((row) => row.places).filter((p) => p.placeKey === "resecentrum");
    expect(typed).toHaveLength(1);
    expect(typed[0]).toMatchObject({ placeKey: "resecentrum", lat: null, lng: null });
    await context.close();
  });

  it("the coordinator's results: the ranked table, and a map with a circle per place", async () => {
    const other = await survey.openWave();
    const placeKey = survey.definition.questions.find((q) => q.kind === "place")!.key;
    const answer = (n: number, place: Record<string, unknown>) =>
      submitSurveyResponse({ db: database.db }, other.linkKey, {
        submissionKey: `karta-resultat-${n}-${other.id}`,
        answers: {},
        places: [{ questionKey: placeKey, ...place }],
      });
    await answer(1, { placeKey: "resecentrum" });
    await answer(2, { placeKey: "resecentrum" });
    await answer(3, { lat: 62.395, lng: 17.31 });
    await answer(4, { placeKey: "stadsparken" });
    const coordinator = await insertUserActor(database.db, {
      partnerships: { [survey.partnershipId]: "coordinator" },
    });

    const context = await newContext(chromium.browser);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${server.url}/logga-in`);
    await page.getByLabel("E-postadress").fill(coordinator.email);
    await page.getByLabel("Lösenord").fill(TEST_PASSWORD);
    await page.getByRole("button", { name: "Logga in" }).click();
    await page.waitForURL((url) => url.pathname !== "/logga-in");
    await page.goto(`${server.url}/enkater/${survey.surveyId}/omgangar/${other.id}`);

    const rows = page.locator("#places-heading + .table-wrap tbody th");
    expect(await rows.allTextContents()).toEqual([
      "Resecentrum",
      "Punkt på kartan (62,395 N, 17,310 E)",
      "Stadsparken",
    ]);
    const map = page.getByRole("group", { name: "Karta över de otrygga platserna i tabellen" });
    await map.locator(".leaflet-map-pane").waitFor({ state: "attached" });
    // Resecentrum by its own point, the clicked point; Stadsparken has none.
    await expect.poll(() => map.locator("path.leaflet-interactive").count()).toBe(2);
    await expectAccessible(page);
    expect(errors).toEqual([]);
    await context.close();
  });
});
