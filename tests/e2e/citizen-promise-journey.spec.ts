import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Database } from "~/db/client.server";
import { solleftea } from "../fixtures/seed-documents";
import { insertAgreement } from "../factories/agreements";
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
  await Promise.all([
    page.waitForEvent("framenavigated"),
    scope.getByRole("button", { name, exact: true }).click(),
  ]);
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

/**
 * pdftotext in page order, white space folded, page footers ("Sida 1 av 2") left out: a long
 * commitment may run across a page break, with the footer between its halves.
 */
function pdfText(file: string) {
  return execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"], { encoding: "utf8" })
    .replace(/\s+/g, " ")
    .replace(/ ?Sida \d+ av \d+ ?/g, " ");
}

function expectInOrder(text: string, phrases: string[]) {
  let from = 0;
  for (const phrase of phrases) {
    const at = text.indexOf(phrase, from);
    expect(at, `"${phrase}" after position ${from}`).toBeGreaterThanOrEqual(0);
    from = at + phrase.length;
  }
}

const commitment = (page: Page, index: number) =>
  page.getByRole("group", { name: `Löfte ${index + 1}`, exact: true });

describeInBrowser(
  "the Sollefteå citizen promise, written, signed, published and exported without JavaScript",
  () => {
    const chromium = withBrowser();
    let server: TestServer;
    let database: Database;
    let partnershipId: string;
    let coordinator: string;
    let police: string;
    const folder = mkdtempSync(join(tmpdir(), "tryggsam-e2e-promise-"));

    beforeAll(async () => {
      server = await startTestServer();
      database = server.openDatabase();
      partnershipId = await insertPartnership(database.db, {
        name: "Sollefteå kommun och LPO Södra Ångermanland",
        policeAreaId: await policeAreaId(database.db, "Södra Ångermanland"),
        municipalities: ["2283"],
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

    it("goes from draft to a published promise with accepted measures, exported in order, with progress noted", async () => {
      const page = await logIn(chromium.browser, server, coordinator);
      await page.goto(`${server.url}/samverkan/${partnershipId}`);
      await page.getByRole("link", { name: "Skriv ett nytt medborgarlöfte" }).click();
      await check(page);
      await page.getByLabel(/^Rubrik/).fill(solleftea.title);
      await page.getByLabel("Gäller från").fill("2017");
      await page.getByLabel("Gäller till och med").fill("2017");
      await submit(page, "Skapa utkast");
      expect(new URL(page.url()).pathname).toMatch(/\/redigera$/);
      await check(page);

      // Lists grow one item per press, as a form without JavaScript does it.
      for (let i = 0; i < solleftea.commitments.length; i++) await submit(page, "Lägg till ett löfte");
      for (let i = 0; i < solleftea.signatories.length; i++) await submit(page, "Lägg till en undertecknare");
      await page.getByRole("textbox", { name: "Bakgrund", exact: true }).fill(solleftea.background);
      await page.getByRole("textbox", { name: /^Så togs löftet fram/ }).fill(solleftea.development);
      await page.getByRole("textbox", { name: "Problembild", exact: true }).fill(solleftea.problemPicture);
      for (const [index, c] of solleftea.commitments.entries()) {
        await commitment(page, index)
          .getByLabel(/^Vem lovar/)
          .selectOption(c.owner);
        await commitment(page, index)
          .getByLabel(/^Löftet/)
          .fill(c.text);
      }
      await page.getByRole("textbox", { name: "Uppföljning", exact: true }).fill(solleftea.followUp);
      for (const [index, person] of solleftea.signatories.entries()) {
        const group = page.getByRole("group", { name: `Undertecknare ${index + 1}` });
        await group.getByLabel(/^Namn/).fill(person.name);
        await group.getByLabel("Titel").fill(person.title);
        await group.getByLabel(/^Part/).selectOption(person.party);
        await group.getByLabel("Organisation").fill(person.organisation);
      }
      await submit(page, "Spara ny version");
      expect(new URL(page.url()).pathname).toMatch(/^\/medborgarloften\/[0-9a-f-]{36}$/);
      const promisePath = new URL(page.url()).pathname;
      await check(page);

      // The editor reads a schedule and a target out of the saved texts; the coordinator accepts both.
      await page.getByRole("link", { name: "Redigera" }).click();
      const ramsele = commitment(page, 1).getByRole("checkbox", {
        name: "Använd: Varje månad utom juni–augusti",
      });
      const grannsamverkan = commitment(page, 2).getByRole("checkbox", {
        name: "Använd: Mål: 10 samverkansgrupper vid periodens slut",
      });
      expect(await ramsele.isChecked()).toBe(false);
      await ramsele.check();
      await grannsamverkan.check();
      expect(
        await commitment(page, 0)
          .getByRole("checkbox", { name: /^Använd:/ })
          .count(),
      ).toBe(0);
      // Themes suggested from each commitment's text, ticked and said in words to be suggestions;
      // the coordinator adds one.
      const themes = (index: number) => commitment(page, index).getByRole("group", { name: "Teman" });
      expect(await themes(4).getByRole("checkbox", { name: "Otrygga platser" }).isChecked()).toBe(true);
      expect(await themes(4).textContent()).toContain("Föreslagna utifrån texten – ändra vid behov.");
      expect(await themes(0).getByRole("checkbox", { name: "Ungdomsbrottslighet" }).isChecked()).toBe(true);
      await themes(0).getByRole("checkbox", { name: "Polisnärvaro och tillgänglighet" }).check();
      await check(page);
      await submit(page, "Spara ny version");
      const document = page.locator(".document");
      expect(await document.locator(".document-themes").first().textContent()).toContain(
        "Ungdomsbrottslighet",
      );
      expect(await document.textContent()).toContain("Mäts som: Varje månad utom juni–augusti");
      expect(await document.textContent()).toContain(
        "Mäts som: Mål: 10 samverkansgrupper vid periodens slut",
      );
      // Accepted measures and chosen themes come back ticked, no longer marked as suggestions.
      await page.getByRole("link", { name: "Redigera" }).click();
      expect(await ramsele.isChecked()).toBe(true);
      expect(
        await themes(0).getByRole("checkbox", { name: "Polisnärvaro och tillgänglighet" }).isChecked(),
      ).toBe(true);
      expect(await themes(0).textContent()).not.toContain("Föreslagna utifrån texten");
      await page.goto(`${server.url}${promisePath}`);

      // Ready for signing; the police sign in their own browser, then the municipality.
      await submit(page, "Markera som klart för underskrift");
      const officer = await logIn(chromium.browser, server, police);
      await officer.goto(`${server.url}${promisePath}`);
      const sign = async (who: Page, person: (typeof solleftea.signatories)[number]) => {
        const form = who.locator("form#sign");
        await form.getByLabel(/^Namn/).fill(person.name);
        await form.getByLabel("Titel").fill(person.title);
        await form.getByLabel(/^Part/).selectOption(person.party);
        await form.getByLabel(/^Datum/).fill("2017-02-01");
        await form.getByLabel("Ort").fill("Sollefteå");
        await submit(who, "Registrera underskriften", form);
        expect(await who.getByRole("status").textContent()).toContain("Underskriften är registrerad");
      };
      await sign(officer, solleftea.signatories[0]!);
      await check(officer);
      await page.reload();
      await sign(page, solleftea.signatories[1]!);
      await submit(page, "Publicera");
      expect(await page.locator("dl.facts").first().textContent()).toContain("Publicerat");
      await check(page);

      // Both exports, read back as a reader would: grouped by who promises, in the document's order.
      const texts = (owner: string) =>
        solleftea.commitments.filter((c) => c.owner === owner).map((c) => c.text);
      const expected = [
        solleftea.title,
        "Polisen lovar att",
        ...texts("police"),
        "Tillsammans lovar vi att",
        ...texts("joint"),
        ...solleftea.signatories.map((s) => s.name),
      ];
      for (const format of ["docx", "pdf"] as const) {
        const [download] = await Promise.all([
          page.waitForEvent("download"),
          page.getByRole("link", { name: new RegExp(format === "docx" ? "DOCX" : "PDF") }).click(),
        ]);
        const file = join(folder, `solleftea.${format}`);
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
          pdf = join(folder, "from-docx", "solleftea.pdf");
        }
        expectInOrder(pdfText(pdf), expected);
      }

      // A progress note on the Ramsele commitment: its status and the dated note show by it.
      // New commitments get keys from their text; the Ramsele one is found by what it says.
      const ramseleItem = () =>
        page
          .locator(".commitments > li")
          .filter({ hasText: "medborgarkontoret i Ramsele" })
          .locator(".commitment-progress");
      const progress = ramseleItem();
      expect(await progress.textContent()).toContain("Ingen status ännu");
      await progress.locator("summary").click();
      const form = progress.locator("form");
      await form.getByLabel(/^Status/).selectOption({ label: "Pågår" });
      await form.getByLabel(/^Datum/).fill("2017-02-15");
      await form.getByLabel(/^Vad gjordes/).fill("Polis på medborgarkontoret i Ramsele den 15 februari.");
      await submit(page, "Spara anteckningen", form);
      expect(await page.getByRole("status").textContent()).toContain("Anteckningen om hur det går är sparad");
      const noted = ramseleItem();
      expect(await noted.textContent()).toContain("Pågår");
      expect(await noted.textContent()).toContain("2017-02-15");
      expect(await noted.textContent()).toContain("Polis på medborgarkontoret i Ramsele den 15 februari.");
      await check(page);
    });

    it("links commitments to the agreement's focus areas, and refuses a stale save showing the other version and keeping the input", async () => {
      const agreement = await insertAgreement(database.db, { partnershipId });
      const first = await logIn(chromium.browser, server, coordinator);
      const second = await logIn(chromium.browser, server, police);
      await first.goto(`${server.url}/samverkan/${partnershipId}/medborgarloften/ny`);
      await first.getByLabel(/^Rubrik/).fill("Medborgarlöfte i överenskommelsen");
      await first.getByLabel(/^Hör till överenskommelsen/).selectOption(agreement.id);
      await submit(first, "Skapa utkast");
      await submit(first, "Lägg till ett löfte");
      await commitment(first, 0)
        .getByLabel(/^Vem lovar/)
        .selectOption("joint");
      await commitment(first, 0)
        .getByLabel(/^Löftet/)
        .fill("Genomföra trygghetsvandring i centrum 1 gång per termin.");
      await commitment(first, 0).getByRole("checkbox", { name: "Trygghet i centrum" }).check();
      // Suggestions are read from the text as last sent, also before saving.
      await submit(first, "Läs förslag ur texten", commitment(first, 0));
      await commitment(first, 0).getByRole("checkbox", { name: "Använd: Varje termin" }).check();
      expect(
        await commitment(first, 0).getByRole("checkbox", { name: "Trygghet i centrum" }).isChecked(),
      ).toBe(true);
      await check(first);
      await submit(first, "Spara ny version");
      const promisePath = new URL(first.url()).pathname;
      expect(await first.locator(".document").textContent()).toContain("Fokusområden: Trygghet i centrum");
      expect(await first.locator(".document").textContent()).toContain("Mäts som: Varje termin");
      const linked = first
        .getByRole("complementary")
        .getByRole("listitem")
        .filter({ hasText: /fokusområde i överenskommelsen/ });
      expect(await linked.getAttribute("data-ok")).toBe("true");
      await check(first);

      await first.goto(`${server.url}${promisePath}/redigera`);
      await second.goto(`${server.url}${promisePath}/redigera`);
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

      // Saved again knowingly, it becomes version 4; version 3 is kept.
      await submit(second, "Spara ny version");
      expect(await second.locator("dl.facts").first().textContent()).toContain("4");
      expect(await second.locator(".revisions").textContent()).toMatch(/Version 4[\s\S]*Version 3/);
    });
  },
);
