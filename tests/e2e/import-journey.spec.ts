import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Database } from "~/db/client.server";
import { insertPartnership, policeAreaId } from "../factories/partnerships";
import { insertUserActor, TEST_PASSWORD } from "../factories/users";
import { describeInBrowser, expectAccessible, newContext, withBrowser } from "../support/browser";
import { startTestServer, type TestServer } from "../support/server";

const TITLE = "Samverkansöverenskommelse mellan Polisen och Ånge kommun 2025–2028";
const FILE = {
  name: "ange-2025.txt",
  mimeType: "text/plain",
  buffer: Buffer.from(
    [
      TITLE,
      "",
      "Överenskommelsen gäller 2025-01-01 till 2028-12-31.",
      "",
      "Fokusområde: Trygghet i centrum",
    ].join("\n"),
  ),
};

/**
 * Clicks a submit button and waits for what it leads to. Without JavaScript, and for the upload
 * (a plain form, with or without it), that is a new document; with JavaScript React Router
 * navigates in place, and `until` says when it is done.
 */
async function submit(page: Page, name: string, until: () => Promise<unknown>, document: boolean) {
  const button = page.getByRole("button", { name, exact: true });
  if (document) {
    await Promise.all([page.waitForEvent("framenavigated"), button.click()]);
    await page.waitForLoadState("load");
  } else {
    await button.click();
  }
  await until();
}

async function check(page: Page) {
  expect(await page.locator("h1").count(), `one h1 on ${page.url()}`).toBe(1);
  await expectAccessible(page);
}

async function logIn(browser: Browser, server: TestServer, email: string, javaScript: boolean) {
  const context = await newContext(browser, { javaScript });
  const page = await context.newPage();
  await page.goto(`${server.url}/logga-in`);
  await page.getByLabel("E-postadress").fill(email);
  await page.getByLabel("Lösenord").fill(TEST_PASSWORD);
  await submit(page, "Logga in", () => page.waitForURL((url) => url.pathname !== "/logga-in"), !javaScript);
  return page;
}

for (const javaScript of [true, false]) {
  describeInBrowser(
    `importing an agreement from a file ${javaScript ? "with" : "without"} JavaScript`,
    () => {
      const chromium = withBrowser();
      let server: TestServer;
      let database: Database;
      let partnershipId: string;
      let coordinator: string;

      beforeAll(async () => {
        server = await startTestServer();
        database = server.openDatabase();
        partnershipId = await insertPartnership(database.db, {
          name: "Ånge kommun och LPO Medelpad",
          policeAreaId: await policeAreaId(database.db, "Medelpad"),
          municipalities: ["2260"],
        });
        coordinator = (
          await insertUserActor(database.db, { partnerships: { [partnershipId]: "coordinator" } })
        ).email;
      });
      afterAll(async () => {
        await database?.close();
        await server?.stop();
      });

      it("uploads a text file, reviews it in the editor, saves it and finds the draft on the partnership page", async () => {
        const page = await logIn(chromium.browser, server, coordinator, javaScript);
        const partnershipPath = `/samverkan/${partnershipId}`;
        await page.goto(`${server.url}${partnershipPath}`);
        await page
          .getByRole("link", { name: "Importera befintliga dokument (text, Word eller PDF)" })
          .click();
        await page.waitForURL((url) => url.pathname === `${partnershipPath}/importera`);
        await expect.poll(() => page.locator("h1").textContent()).toBe("Importera dokument");
        expect(await page.locator("main").textContent()).toContain(
          "Högst 10 filer åt gången, högst 20 MB per fil.",
        );
        await check(page);

        // The upload: a plain form, so the browser sends the file itself, with or without scripts.
        await page.getByLabel("Filer").setInputFiles(FILE);
        await submit(page, "Läs in filerna", async () => undefined, true);
        const main = page.locator("main");
        expect(await main.textContent()).toContain("Inlästa filer – inget är sparat ännu");
        const section = page.getByRole("region", { name: FILE.name });
        expect(await section.textContent()).toContain(TITLE);
        expect(await section.textContent()).toContain("Samverkansöverenskommelse");
        await check(page);

        await submit(
          page,
          "Granska i redigeraren",
          () =>
            expect
              .poll(() => page.locator("h1").textContent())
              .toBe("Granska den importerade överenskommelsen"),
          !javaScript,
        );
        expect(await main.textContent()).toContain(
          `Importerat från ${FILE.name} – inget är sparat ännu. Kontrollera fälten och spara.`,
        );
        const title = page.getByRole("textbox", { name: /^Rubrik/ }).first();
        expect(await title.inputValue()).toBe(TITLE);
        await check(page);

        await submit(
          page,
          "Spara som utkast",
          () => page.waitForURL((url) => /^\/overenskommelser\/[0-9a-f-]{36}$/.test(url.pathname)),
          !javaScript,
        );
        await expect.poll(() => page.locator("h1").textContent()).toBe(TITLE);

        await page.goto(`${server.url}${partnershipPath}`);
        await expect.poll(() => page.getByRole("link", { name: TITLE }).count()).toBe(1);
        await page.context().close();
      });
    },
  );
}
