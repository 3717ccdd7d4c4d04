import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Database } from "~/db/client.server";
import { angeAgreement } from "../fixtures/seed-documents";
import { insertPartnership, policeAreaId } from "../factories/partnerships";
import { insertUserActor, TEST_PASSWORD } from "../factories/users";
import { describeInBrowser, expectAccessible, newContext, withBrowser } from "../support/browser";
import { startTestServer, type TestServer } from "../support/server";

const hasReaders = ["soffice", "pdftotext"].every(
  (tool) => spawnSync("sh", ["-c", `command -v ${tool}`]).status === 0,
);
if (!hasReaders && process.env.TRYGGSAM_REQUIRE_READERS === "1") {
  throw new Error(
    "LibreOffice (soffice) och pdftotext saknas: installera libreoffice-writer och poppler-utils.",
  );
}

/** Clicks a submit button of a page without JavaScript and waits for the page it leads to. */
async function submit(page: Page, name: string, scope = page.locator("body")) {
  await Promise.all([page.waitForEvent("framenavigated"), scope.getByRole("button", { name }).click()]);
  await page.waitForLoadState("load");
}

async function check(page: Page) {
  expect(await page.locator("h1").count(), `one h1 on ${page.url()}`).toBe(1);
  await expectAccessible(page);
}

async function logIn(browser: Browser, server: TestServer, email: string) {
  const context = await newContext(browser, { javaScript: false });
  const page = await context.newPage();
  await page.goto(`${server.url}/logga-in`);
  await page.getByLabel("E-postadress").fill(email);
  await page.getByLabel("Lösenord").fill(TEST_PASSWORD);
  await submit(page, "Logga in");
  return page;
}

/** pdftotext in page order, white space folded. */
function pdfText(file: string) {
  return execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"], { encoding: "utf8" }).replace(
    /\s+/g,
    " ",
  );
}

function expectInOrder(text: string, phrases: string[]) {
  let from = 0;
  for (const phrase of phrases) {
    const at = text.indexOf(phrase, from);
    expect(at, `"${phrase}" after position ${from}`).toBeGreaterThanOrEqual(0);
    from = at + phrase.length;
  }
}

describeInBrowser("the Ånge agreement, written, signed, published and exported without JavaScript", () => {
  const chromium = withBrowser();
  let server: TestServer;
  let database: Database;
  let partnershipId: string;
  let coordinator: string;
  let police: string;
  const folder = mkdtempSync(join(tmpdir(), "tryggsam-e2e-export-"));

  beforeAll(async () => {
    server = await startTestServer();
    database = server.openDatabase();
    partnershipId = await insertPartnership(database.db, {
      name: "Ånge kommun och LPO Medelpad",
      policeAreaId: await policeAreaId(database.db, "Medelpad"),
      municipalities: ["2260"],
    });
    coordinator = (await insertUserActor(database.db, { partnerships: { [partnershipId]: "coordinator" } }))
      .email;
    police = (await insertUserActor(database.db, { partnerships: { [partnershipId]: "police" } })).email;
  });
  afterAll(async () => {
    await database?.close();
    await server?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it("goes from draft to a published document whose DOCX and PDF hold every part in order", async () => {
    const page = await logIn(chromium.browser, server, coordinator);
    await page.goto(`${server.url}/samverkan/${partnershipId}`);
    await page.getByRole("link", { name: "Skriv en ny samverkansöverenskommelse" }).click();
    await check(page);
    await page.getByLabel(/^Rubrik/).fill(angeAgreement.title);
    await page.getByLabel("Gäller från").fill("2023-01-01");
    await page.getByLabel("Gäller till och med").fill("2026-12-31");
    await submit(page, "Skapa utkast");
    expect(new URL(page.url()).pathname).toMatch(/\/redigera$/);
    await check(page);

    // Lists grow one item per press, as a form without JavaScript does it.
    for (let i = 0; i < angeAgreement.focusAreas.length; i++) await submit(page, "Lägg till ett fokusområde");
    for (let i = 0; i < angeAgreement.signatories.length; i++)
      await submit(page, "Lägg till en undertecknare");
    await page.getByRole("textbox", { name: "Bakgrund", exact: true }).fill(angeAgreement.background);
    await page
      .getByRole("textbox", { name: /^Övergripande mål/ })
      .fill(angeAgreement.goals.map((g) => g.text).join("\n"));
    for (const [index, area] of angeAgreement.focusAreas.entries()) {
      const group = page.getByRole("group", { name: new RegExp(`^Fokusområde ${index + 1}`) });
      await group.getByLabel(/^Rubrik/).fill(area.title);
      await group.getByLabel(/^Punkter/).fill(area.points.join("\n"));
    }
    await page.getByRole("textbox", { name: "Så dokumenteras arbetet" }).fill(angeAgreement.documentation);
    await page.getByLabel("Hur ofta").selectOption({ label: "En gång per år" });
    await page.getByLabel("Ansvarig").fill(angeAgreement.followUp.responsible);
    for (const [index, person] of angeAgreement.signatories.entries()) {
      const group = page.getByRole("group", { name: `Undertecknare ${index + 1}` });
      await group.getByLabel(/^Namn/).fill(person.name);
      await group.getByLabel("Titel").fill(person.title);
      await group.getByLabel(/^Part/).selectOption(person.party);
    }
    await submit(page, "Spara ny version");
    expect(new URL(page.url()).pathname).toMatch(/^\/overenskommelser\/[0-9a-f-]{36}$/);
    const agreementPath = new URL(page.url()).pathname;
    await check(page);

    // BRÅ's checklist flags what the Ånge agreement lacks: causes and measurable goals.
    const checklist = page.getByRole("complementary");
    const item = (label: RegExp) => checklist.getByRole("listitem").filter({ hasText: label });
    expect(await item(/trolig orsak/).getAttribute("data-ok")).toBe("false");
    expect(await item(/trolig orsak/).textContent()).toContain("Otrygghet");
    expect(await item(/mätbara/).getAttribute("data-ok")).toBe("false");
    expect(await item(/Perioden/).getAttribute("data-ok")).toBe("true");

    // Ready for signing; the police sign in their own browser, then the municipality.
    await submit(page, "Markera som klar för underskrift");
    const officer = await logIn(chromium.browser, server, police);
    await officer.goto(`${server.url}${agreementPath}`);
    const sign = async (who: Page, person: (typeof angeAgreement.signatories)[number]) => {
      const form = who.locator("form#sign");
      await form.getByLabel(/^Namn/).fill(person.name);
      await form.getByLabel("Titel").fill(person.title);
      await form.getByLabel(/^Part/).selectOption(person.party);
      await form.getByLabel(/^Datum/).fill("2023-03-03");
      await form.getByLabel("Ort").fill("Ånge");
      await submit(who, "Registrera underskriften", form);
      expect(await who.getByRole("status").textContent()).toContain("Underskriften är registrerad");
    };
    await sign(officer, angeAgreement.signatories[0]!);
    await check(officer);
    await page.reload();
    await sign(page, angeAgreement.signatories[1]!);
    await submit(page, "Publicera");
    expect(await page.locator("dl.facts").first().textContent()).toContain("Publicerad");
    await check(page);

    // Both exports, read back as a reader would.
    const expected = [
      angeAgreement.title,
      ...angeAgreement.focusAreas.flatMap((a) => [a.title, ...a.points]),
      ...angeAgreement.signatories.map((s) => s.name),
    ];
    for (const format of ["docx", "pdf"] as const) {
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("link", { name: new RegExp(format === "docx" ? "DOCX" : "PDF") }).click(),
      ]);
      const file = join(folder, `ange.${format}`);
      await download.saveAs(file);
      if (!hasReaders) continue;
      let pdf = file;
      if (format === "docx") {
        execFileSync("soffice", [
          "--headless",
          `-env:UserInstallation=file://${folder}/lo-profile`,
          "--convert-to",
          "pdf",
          "--outdir",
          join(folder, "from-docx"),
          file,
        ]);
        pdf = join(folder, "from-docx", "ange.pdf");
      }
      expectInOrder(pdfText(pdf), expected);
    }
  });

  it("refuses the second of two saves from the same version, showing the first person's change and keeping the second's", async () => {
    const first = await logIn(chromium.browser, server, coordinator);
    const second = await logIn(chromium.browser, server, police);
    await first.goto(`${server.url}/samverkan/${partnershipId}/overenskommelser/ny`);
    await first.getByLabel(/^Rubrik/).fill("Överenskommelse att redigera samtidigt");
    await submit(first, "Skapa utkast");
    const editor = first.url();
    await second.goto(editor);

    await first.getByRole("textbox", { name: "Bakgrund", exact: true }).fill("Samordnarens bakgrund.");
    await submit(first, "Spara ny version");
    await second.getByRole("textbox", { name: "Bakgrund", exact: true }).fill("Polisens bakgrund.");
    await submit(second, "Spara ny version");

    expect(new URL(second.url()).pathname).toMatch(/\/redigera$/);
    const alert = second.locator(".conflict");
    expect(await alert.textContent()).toContain("Någon annan har sparat under tiden");
    await alert.locator("summary").click();
    expect(await alert.textContent()).toContain("Samordnarens bakgrund.");
    expect(await second.getByRole("textbox", { name: "Bakgrund", exact: true }).inputValue()).toBe(
      "Polisens bakgrund.",
    );
    await check(second);

    // Saved again knowingly, it becomes version 3; version 2 is kept.
    await submit(second, "Spara ny version");
    expect(await second.locator("dl.facts").first().textContent()).toContain("3");
    expect(await second.locator(".revisions").textContent()).toMatch(/Version 2[\s\S]*Version 1/);
  });
});
