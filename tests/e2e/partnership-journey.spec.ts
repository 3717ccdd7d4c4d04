import type { Browser, Page } from "playwright-core";
import { afterEach, beforeEach, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/server";
import { describeInBrowser, expectAccessible, newContext, withBrowser } from "../support/browser";

const ADMIN_PASSWORD = "administratörens långa lösenord";
const COORDINATOR_PASSWORD = "samordnarens långa lösenord";
const PARTNERSHIP = "Ånge kommun och LPO Medelpad";

/**
 * Clicks a submit button. Without JavaScript that loads a new document: wait for it. With
 * JavaScript React Router navigates in place; the callers wait for what they expect to see.
 */
async function submit(page: Page, name: string) {
  const button = page.getByRole("button", { name });
  if (page.context().browser() && !(await isScripted(page))) {
    await Promise.all([page.waitForEvent("framenavigated"), button.click()]);
    await page.waitForLoadState("load");
  } else {
    await button.click();
  }
}

const scripted = new WeakMap<Page, boolean>();
const isScripted = async (page: Page) => scripted.get(page) ?? true;

async function journey(browser: Browser, server: TestServer, javaScript: boolean) {
  const admin = await newContext(browser, { javaScript });
  const page = await admin.newPage();
  scripted.set(page, javaScript);
  const visited: string[] = [];
  const check = async () => {
    visited.push(new URL(page.url()).pathname);
    expect(await page.locator("h1").count(), `one h1 on ${page.url()}`).toBe(1);
    await expectAccessible(page);
  };

  // 1. The first visitor sets up the administrator.
  await page.goto(`${server.url}/`);
  expect(new URL(page.url()).pathname).toBe("/forsta-start");
  await check();
  await page.getByLabel("Ditt namn").fill("Anna Admin");
  await page.getByLabel("E-postadress").fill("anna.admin@ange.se");
  await page.getByLabel(/^Lösenord/).fill(ADMIN_PASSWORD);
  await page.getByLabel("Upprepa lösenordet").fill(ADMIN_PASSWORD);
  await submit(page, "Skapa administratör");
  await page.waitForURL((url) => url.pathname === "/samverkan");
  await check();

  // 2. The administrator creates the partnership: Ånge, LPO Medelpad, a Trygghetsråd.
  await page.getByRole("link", { name: "Skapa ny samverkan" }).click();
  await page.waitForURL((url) => url.pathname === "/samverkan/ny");
  await check();
  await page.getByLabel("Namn på samverkan").fill(PARTNERSHIP);
  await page.getByLabel("Lokalpolisområde").selectOption({ label: "Medelpad" });
  await page.locator("summary", { hasText: "Västernorrlands län" }).click();
  await page.getByLabel("Ånge", { exact: true }).check();
  await page.getByLabel("Rådets namn").fill("Trygghetsrådet i Ånge");
  await page.getByLabel("Typ av råd").selectOption({ label: "Trygghetsråd" });
  await submit(page, "Skapa samverkan");
  await page.waitForURL((url) => /^\/samverkan\/[0-9a-f-]{36}$/.test(url.pathname));
  const partnershipPath = new URL(page.url()).pathname;
  await expect.poll(() => page.locator("h1").textContent()).toBe(PARTNERSHIP);
  const main = page.locator("main");
  expect(await main.textContent()).toContain("Medelpad");
  expect(await main.textContent()).toContain("Trygghetsrådet i Ånge");
  expect(await main.textContent()).toContain("Ånge");
  await check();

  // 3. … and invites the coordinator.
  const invite = page.locator("form#invite");
  await invite.getByLabel("E-postadress").fill("kim.samordnare@ange.se");
  await invite.getByLabel("Roll").selectOption({ label: "Samordnare" });
  await submit(page, "Skicka inbjudan");
  await expect.poll(() => main.textContent()).toContain("Inbjudan är skickad till kim.samordnare@ange.se");
  await check();

  // The partnership's history names who created it.
  await page.getByRole("link", { name: "Visa ändringshistorik" }).click();
  await page.waitForURL((url) => url.pathname === `/historik/partnership/${partnershipPath.split("/")[2]}`);
  await expect.poll(() => page.locator("main table").textContent()).toContain("Anna Admin");
  expect(await page.locator("main table").textContent()).toContain(PARTNERSHIP);
  await check();

  // 4. With no SMTP server, the mail waits in the outbox.
  await page.goto(`${server.url}/admin/utkorg`);
  await check();
  const message = page.locator("article, li, tr").filter({ hasText: "kim.samordnare@ange.se" }).first();
  const link = await message.getByRole("link", { name: /\/inbjudan\// }).getAttribute("href");
  expect(link).toMatch(/\/inbjudan\/[A-Za-z0-9_-]{20,}$/);
  await admin.close();

  // 5. The coordinator follows the link in a browser of their own, chooses a password …
  const coordinator = await newContext(browser, { javaScript });
  const their = await coordinator.newPage();
  scripted.set(their, javaScript);
  await their.goto(new URL(new URL(link!).pathname, server.url).href);
  const ownPage = async () => {
    visited.push(new URL(their.url()).pathname);
    expect(await their.locator("h1").count()).toBe(1);
    await expectAccessible(their);
  };
  await ownPage();
  expect(await their.locator("main").textContent()).toContain(PARTNERSHIP);
  await their.getByLabel("Ditt namn").fill("Kim Samordnare");
  await their.getByLabel(/^Lösenord/).fill(COORDINATOR_PASSWORD);
  await their.getByLabel("Upprepa lösenordet").fill(COORDINATOR_PASSWORD);
  await submit(their, "Skapa konto och gå med");
  await their.waitForURL((url) => url.pathname === partnershipPath);
  await ownPage();

  // 6. … logs out, logs in again and lands on the partnership.
  await submit(their, "Logga ut");
  await their.goto(`${server.url}/logga-in`);
  await ownPage();
  await their.getByLabel("E-postadress").fill("kim.samordnare@ange.se");
  await their.getByLabel("Lösenord").fill(COORDINATOR_PASSWORD);
  await submit(their, "Logga in");
  await their.waitForURL((url) => url.pathname === "/samverkan");
  await their.getByRole("link", { name: PARTNERSHIP }).click();
  await their.waitForURL((url) => url.pathname === partnershipPath);
  await expect.poll(() => their.locator("h1").textContent()).toBe(PARTNERSHIP);
  expect(await their.locator("main").textContent()).toContain("Kim Samordnare");
  await ownPage();

  // The link worked once.
  const reused = await their.goto(new URL(new URL(link!).pathname, server.url).href);
  expect(reused?.status()).toBe(410);
  await coordinator.close();
  return visited;
}

for (const javaScript of [true, false]) {
  describeInBrowser(`setting up a partnership ${javaScript ? "with" : "without"} JavaScript`, () => {
    const chromium = withBrowser();
    let server: TestServer;
    beforeEach(async () => {
      server = await startTestServer();
    });
    afterEach(async () => {
      await server?.stop();
    });

    it("admin → partnership Ånge + LPO Medelpad + Trygghetsråd → invite → accept → log in → the partnership", async () => {
      const visited = await journey(chromium.browser, server, javaScript);
      expect(visited).toEqual(
        expect.arrayContaining([
          "/forsta-start",
          "/samverkan",
          "/samverkan/ny",
          "/admin/utkorg",
          "/logga-in",
        ]),
      );
    });
  });
}
