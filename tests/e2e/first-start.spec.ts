import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/server";
import { describeInBrowser, expectAccessible, newContext, withBrowser } from "../support/browser";

const PASSWORD = "ett långt lösenord för testet";

describeInBrowser("first start: the first visitor becomes the administrator", () => {
  const chromium = withBrowser();
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  async function fillSetup(page: Page, email: string) {
    await page.getByLabel("Ditt namn").fill("Anna Administratör");
    await page.getByLabel("E-postadress").fill(email);
    await page.getByLabel("Lösenord", { exact: false }).first().fill(PASSWORD);
    await page.getByLabel("Upprepa lösenordet").fill(PASSWORD);
  }

  it("without JavaScript: shows the errors by their fields, then creates the administrator", async () => {
    const context = await newContext(chromium.browser, { javaScript: false, width: 320 });
    const page = await context.newPage();
    const response = await page.goto(`${server.url}/`);
    expect(response?.status()).toBe(200);
    expect(new URL(page.url()).pathname).toBe("/forsta-start");
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("sv");
    expect(await page.locator("h1").count()).toBe(1);
    await expectAccessible(page);

    // Nothing filled in: the form comes back with Swedish messages, linked from a summary.
    await page.getByRole("button", { name: "Skapa administratör" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("Rätta följande fel");
    const nameInput = page.getByLabel("Ditt namn");
    expect(await nameInput.getAttribute("aria-invalid")).toBe("true");
    const errorId = (await nameInput.getAttribute("aria-describedby"))!;
    expect(await page.locator(`[id="${errorId}"]`).textContent()).toContain("Ange ett namn");
    await expectAccessible(page);

    await fillSetup(page, "anna@ange.se");
    await page.getByRole("button", { name: "Skapa administratör" }).click();
    await page.waitForURL((url) => url.pathname !== "/forsta-start");
    expect(await page.getByRole("navigation", { name: "Huvudmeny" }).textContent()).toContain("Logga ut");

    // Once an administrator exists, the setup page is gone for everyone else.
    const stranger = await newContext(chromium.browser, { javaScript: false });
    const other = await stranger.newPage();
    await other.goto(`${server.url}/forsta-start`);
    expect(new URL(other.url()).pathname).toBe("/logga-in");
    await stranger.close();
    await context.close();
  });

  it("with JavaScript: the keyboard reaches the main content by the skip link, and English is selectable", async () => {
    const context = await newContext(chromium.browser);
    const page = await context.newPage();
    await page.goto(`${server.url}/logga-in`);
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Hoppa till huvudinnehållet" });
    await expect.poll(() => skip.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("main");

    await page.getByRole("link", { name: "In English" }).click();
    await page.waitForURL(/\/logga-in/);
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    expect(await page.locator("h1").textContent()).toBe("Log in");
    await expectAccessible(page);

    const missing = await page.goto(`${server.url}/finns-inte`);
    expect(missing?.status()).toBe(404);
    expect(await page.locator("h1").textContent()).toBe("Page not found");
    await context.close();
  });
});
