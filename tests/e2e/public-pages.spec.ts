import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Database } from "~/db/client.server";
import { insertUserActor } from "../factories/users";
import { describeInBrowser, expectAccessible, newContext, withBrowser } from "../support/browser";
import { startTestServer, type TestServer } from "../support/server";

/**
 * A resident's journey on the demo content (the five real documents, published on the first
 * start), without logging in: with and without JavaScript, axe on every page.
 */
describeInBrowser("public pages: a resident finds out how it is going", () => {
  const chromium = withBrowser();
  let server: TestServer;
  let database: Database;

  beforeAll(async () => {
    server = await startTestServer({
      // The demo content comes with the embedded database only: TRYGGSAM_DEMO unset, as in
      // production (the harness turns it off for other tests), and no PostgreSQL.
      env: { TRYGGSAM_DEMO: "", DATABASE_URL: "" },
    });
    database = server.openDatabase();
    // The server seeds in the background after it listens: wait until Ånge's agreement is there.
    const deadline = Date.now() + 120_000;
    while (!(await (await fetch(`${server.url}/kommun/ange`)).text()).includes("Fokusområden")) {
      if (Date.now() > deadline) throw new Error(`The demo content did not appear:\n${server.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    // With a user, `/` is the start page rather than the first start.
    await insertUserActor(database.db);
  }, 180_000);

  afterAll(async () => {
    await database?.close();
    await server?.stop();
  });

  const modes = [
    { name: "without JavaScript", javaScript: false },
    { name: "with JavaScript", javaScript: true },
  ] as const;

  async function open(context: BrowserContext, path: string): Promise<Page> {
    const page = await context.newPage();
    const response = await page.goto(`${server.url}${path}`);
    expect(response?.status(), path).toBe(200);
    expect(await page.locator("h1").count()).toBe(1);
    return page;
  }

  for (const mode of modes) {
    it(`${mode.name}: Ånge's agreement with its four focus areas, Sollefteå's 2017 promise by owner, Vindeln's continued agreement`, async () => {
      const context = await newContext(chromium.browser, { javaScript: mode.javaScript });
      const ange = await open(context, "/kommun/ange");
      expect(await ange.locator("h1").textContent()).toBe("Ånge");
      expect(await ange.title()).toBe("Ånge – Tryggsam");
      const agreement = ange.locator("section", {
        has: ange.getByRole("heading", { name: "Samverkansöverenskommelse", exact: true }),
      });
      expect(await agreement.getByRole("heading", { level: 3 }).textContent()).toContain("Ånge");
      expect(await agreement.locator(".focus-areas > li").count()).toBe(4);
      expect(await agreement.locator(".status-badge").first().textContent()).toBe("Gäller");
      expect(await ange.getByRole("link", { name: "PDF" }).first().getAttribute("href")).toMatch(
        /^\/overenskommelser\/[0-9a-f-]{36}\/export\/pdf$/,
      );
      await expectAccessible(ange);

      const solleftea = await open(context, "/kommun/solleftea");
      const promise = solleftea.locator("article", {
        has: solleftea.getByRole("heading", { name: "Medborgarlöfte 2017 Polis och Sollefteå kommun" }),
      });
      expect(await promise.locator(".commitments > li").count()).toBe(6);
      const owners = await promise
        .locator(".commitment-group > h5, .commitment-group > h4")
        .allTextContents();
      expect(owners.length).toBeGreaterThanOrEqual(2);
      for (const owner of owners) expect(owner).toMatch(/^(Polisen|Kommunen|Tillsammans) lovar/);
      await expectAccessible(solleftea);

      const vindeln = await open(context, "/kommun/vindeln");
      const current = vindeln.locator("section", {
        has: vindeln.getByRole("heading", { name: "Samverkansöverenskommelse", exact: true }),
      });
      // 2023–2025, continuing until replaced: after 2025-12-31 it is "Förlängd".
      expect(await current.locator(".status-badge").first().textContent()).toBe("Förlängd");
      await expectAccessible(vindeln);

      const missing = await context.newPage();
      expect((await missing.goto(`${server.url}/kommun/finns-inte`))?.status()).toBe(404);
      await context.close();
    });

    it(`${mode.name}: the overview lists 290 municipalities and the region filter narrows it`, async () => {
      const context = await newContext(chromium.browser, { javaScript: mode.javaScript });
      const page = await open(context, "/oversikt");
      const rows = page.locator("table tbody tr");
      expect(await rows.count()).toBe(290);
      await expectAccessible(page);

      await page.getByLabel("Polisregion").selectOption("Nord");
      await page.getByRole("button", { name: "Visa" }).click();
      await page.waitForURL(/polisregion=Nord/);
      await expect.poll(() => rows.count()).toBeLessThan(290);
      const north = await rows.count();
      expect(north).toBeGreaterThan(0);
      for (const region of await page.locator("table tbody tr td:nth-child(3)").allTextContents())
        expect(region).toBe("Nord");
      // Ånge (Nord) has a published agreement in force.
      expect(await page.getByRole("row", { name: /Ånge/ }).textContent()).toContain("Gäller");

      await page.getByRole("link", { name: /^Kommun/ }).click();
      await page.waitForURL(/sortera=kommun/);
      await expect.poll(() => page.locator('th[aria-sort="descending"]').count()).toBe(1);
      expect(await rows.count()).toBe(north);
      await expectAccessible(page);
      await context.close();
    });

    it(`${mode.name}: the start page's search finds a municipality by part of its name`, async () => {
      const context = await newContext(chromium.browser, { javaScript: mode.javaScript });
      const page = await open(context, "/");
      const search = page.getByLabel("Sök kommun");
      if (mode.javaScript) {
        // As you type: the list follows, and the polite live region says how many.
        await page.waitForLoadState("networkidle");
        await search.pressSequentially("sollef");
        await expect.poll(() => page.getByRole("status").textContent()).toBe("1 kommun hittades.");
        expect(new URL(page.url()).search).toBe("");
        await expectAccessible(page);
        await page.getByRole("link", { name: "Sollefteå" }).click();
        await page.waitForURL(/\/kommun\/solleftea$/);
      } else {
        await search.fill("sollef");
        await page.getByRole("button", { name: "Sök" }).click();
        await page.waitForURL(/\?q=sollef/);
        expect(await page.getByRole("status").textContent()).toBe("1 kommun hittades.");
        await expectAccessible(page);
        await page.getByRole("link", { name: "Sollefteå" }).click();
        await page.waitForURL(/\/kommun\/solleftea$/);
      }
      await expect.poll(() => page.locator("h1").textContent()).toBe("Sollefteå");
      await context.close();
    });
  }
});
