import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/db/client.server";
import {
  insertAgreement,
  insertCitizenPromise,
  makeAgreementContent,
  makeCitizenPromiseContent,
} from "../factories/agreements";
import { insertPartnership } from "../factories/partnerships";
import { insertUserActor } from "../factories/users";
import { localeCookie } from "~/lib/cookies.server";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
let database: Database;

// Municipalities no other test uses, so a shared PostgreSQL run does not mix their data in.
const HARJEDALEN = { code: "2361", slug: "harjedalen", name: "Härjedalen" };
const BERG = { code: "2326", slug: "berg", name: "Berg" };

const titles = {
  published: "Publicerad överenskommelse Härjedalen",
  draft: "Hemligt utkast Härjedalen",
  signed: "Undertecknad men opublicerad Härjedalen",
  onlyDraft: "Bergs utkast som ingen får se",
  onlySigned: "Bergs undertecknade som inte är publicerad",
  promise: "Publicerat medborgarlöfte Härjedalen",
  draftPromise: "Utkast till medborgarlöfte Härjedalen",
};
const ids: Record<keyof typeof titles, string> = {} as never;

beforeAll(async () => {
  server = await startTestServer();
  database = server.openDatabase();
  const db = database.db;
  await insertUserActor(db); // so `/` is the start page, not the first start
  const harjedalen = await insertPartnership(db, { municipalities: [HARJEDALEN.code] });
  const berg = await insertPartnership(db, { municipalities: [BERG.code] });
  const agreementAt = async (
    key: keyof typeof titles,
    partnershipId: string,
    stage: "draft" | "signed" | "published",
  ) => {
    ids[key] = (
      await insertAgreement(db, {
        partnershipId,
        stage,
        content: makeAgreementContent({
          title: titles[key],
          period: { from: "2025", to: "2028", continuesUntilReplaced: false },
        }),
      })
    ).id;
  };
  await agreementAt("published", harjedalen, "published");
  await agreementAt("draft", harjedalen, "draft");
  await agreementAt("signed", harjedalen, "signed");
  await agreementAt("onlyDraft", berg, "draft");
  await agreementAt("onlySigned", berg, "signed");
  const promiseAt = async (key: keyof typeof titles, stage: "draft" | "published") => {
    ids[key] = (
      await insertCitizenPromise(db, {
        partnershipId: harjedalen,
        stage,
        content: makeCitizenPromiseContent({
          title: titles[key],
          period: { from: "2026", to: "2027", continuesUntilReplaced: false },
        }),
      })
    ).id;
  };
  await promiseAt("promise", "published");
  await promiseAt("draftPromise", "draft");
});

afterAll(async () => {
  await database?.close();
  await server?.stop();
});

const get = (path: string) => fetch(`${server.url}${path}`, { redirect: "manual" });

async function text(path: string, status = 200): Promise<string> {
  const response = await get(path);
  const body = await response.text();
  expect(response.status, `${path}: ${body.slice(0, 300)}`).toBe(status);
  return body;
}

/** The overview's table row of a municipality, as HTML. */
function rowOf(html: string, name: string): string {
  const row = html.split("<tr").find((r) => r.includes(`>${name}</a>`));
  expect(row, name).toBeDefined();
  return row!;
}

describe("the public pages, without logging in", () => {
  it("answer 200: the start page, the overview, a municipality, the sitemap and robots.txt", async () => {
    const home = await text("/");
    expect(home).toContain('name="q"');
    expect(await text("/oversikt")).toContain("<table");
    const page = await text(`/kommun/${HARJEDALEN.slug}`);
    expect(page).toContain(`<h1 class="ds-heading" data-size="xl">${HARJEDALEN.name}</h1>`);
    expect(page).toMatch(/<meta property="og:title" content="Härjedalen – Tryggsam"\/>/);
    expect(page).toMatch(/<meta name="description" content="[^"]+"\/>/);
    const robots = await text("/robots.txt");
    expect(robots).toContain("Disallow: /admin");
    expect(robots).toContain("Allow: /api/v1/public");
    expect(robots).toMatch(/^Sitemap: http:\/\/127\.0\.0\.1:\d+\/sitemap\.xml$/m);
  });

  it("send the read-only pages without scripts, and the start page's search with them", async () => {
    // A phone loads the municipality page and the overview as HTML and CSS only.
    for (const path of [`/kommun/${HARJEDALEN.slug}`, "/oversikt"]) {
      const html = await text(path);
      expect(html, path).toMatch(/<link rel="stylesheet"/);
      expect(html, path).not.toMatch(/<script|rel="modulepreload"/);
    }
    expect(await text("/")).toMatch(/<script type="module"/);
  });

  it("answer 404 for an unknown municipality", async () => {
    const page = await text("/kommun/finns-inte", 404);
    expect(page).toContain("Sidan finns inte");
  });

  it("send an address typed with capitals or å, ä, ö on to the municipality's page", async () => {
    for (const [typed, slug] of [
      ["/kommun/Ange", "ange"],
      ["/kommun/%C3%A5nge", "ange"],
      ["/kommun/H%C3%A5bo", "habo-uppsala"],
      ["/kommun/Habo", "habo"],
    ] as const) {
      const response = await fetch(`${server.url}${typed}`, { redirect: "manual" });
      expect(response.status, typed).toBe(301);
      expect(new URL(response.headers.get("location")!, server.url).pathname, typed).toBe(`/kommun/${slug}`);
    }
  });

  it("show a published agreement and promise, never a draft or a signed but unpublished one", async () => {
    const page = await text(`/kommun/${HARJEDALEN.slug}`);
    expect(page).toContain(titles.published);
    expect(page).toContain(titles.promise);
    expect(page).toContain("Polisen lovar att");
    expect(page).toContain("Gäller");
    for (const hidden of [titles.draft, titles.signed, titles.draftPromise])
      expect(page).not.toContain(hidden);
    for (const hidden of [ids.draft, ids.signed, ids.draftPromise]) expect(page).not.toContain(hidden);

    // Berg has only a draft and a signed, unpublished agreement: nothing is shown.
    const berg = await text(`/kommun/${BERG.slug}`);
    expect(berg).toContain("Det finns inga publicerade");
    for (const hidden of [titles.onlyDraft, titles.onlySigned, ids.onlyDraft, ids.onlySigned])
      expect(berg).not.toContain(hidden);
  });

  it("leave drafts out of the overview, its CSV and the sitemap", async () => {
    const overview = await text("/oversikt");
    expect(rowOf(overview, HARJEDALEN.name)).toContain("Gäller");
    expect(rowOf(overview, BERG.name)).toContain("Ingen publicerad");

    const csv = await text("/oversikt.csv");
    const line = (name: string) => csv.split("\r\n").find((l) => l.startsWith(`${name};`));
    expect(line(HARJEDALEN.name)).toContain(";Gäller;2028;");
    expect(line(BERG.name)).toContain(";Ingen publicerad;;");

    const sitemap = await text("/sitemap.xml");
    expect(sitemap).toContain(`/kommun/${HARJEDALEN.slug}</loc>`);
    expect(sitemap).not.toContain(`/kommun/${BERG.slug}</loc>`);
    expect(sitemap).toContain("/oversikt</loc>");
  });

  it("export a published document to anyone, and answer 404 for one that is not published", async () => {
    for (const [path, status] of [
      [`/overenskommelser/${ids.published}/export/pdf`, 200],
      [`/overenskommelser/${ids.published}/export/docx`, 200],
      [`/medborgarloften/${ids.promise}/export/pdf`, 200],
      [`/overenskommelser/${ids.draft}/export/pdf`, 404],
      [`/overenskommelser/${ids.signed}/export/docx`, 404],
      [`/medborgarloften/${ids.draftPromise}/export/pdf`, 404],
      // The agreement URL does not answer for a citizen promise, nor the other way round.
      [`/overenskommelser/${ids.promise}/export/pdf`, 404],
      [`/medborgarloften/${ids.published}/export/pdf`, 404],
    ] as const) {
      const response = await get(path);
      await response.arrayBuffer();
      expect(response.status, path).toBe(status);
    }
  });
});

describe("in English", () => {
  it("the municipality page and the overview speak the visitor's language, titles and tags included", async () => {
    const cookie = (await localeCookie.serialize("en")).split(";")[0]!;
    const page = await (
      await fetch(`${server.url}/kommun/${HARJEDALEN.slug}`, { headers: { cookie } })
    ).text();
    expect(page).toContain('<html lang="en"');
    expect(page).toContain("Collaboration agreement");
    expect(page).toContain("The police promise to");
    expect(page).toContain("Active");
    expect(page).toContain('<meta property="og:locale" content="en_GB"/>');
    const overview = await (await fetch(`${server.url}/oversikt`, { headers: { cookie } })).text();
    expect(overview).toContain("<title>Overview: all municipalities – Tryggsam</title>");
    expect(overview).toContain("None published");
  });
});

describe("the search on the start page", () => {
  it("lists matches as links without JavaScript, and goes straight to an exact match", async () => {
    const results = await text("/?q=ume");
    expect(results).toContain('href="/kommun/umea"');
    expect(results).toMatch(/\d+ kommun(er)? hittades\./);
    const exact = await get("/?q=Ume%C3%A5");
    expect(exact.status).toBe(302);
    expect(exact.headers.get("location")).toBe("/kommun/umea");
  });
});

describe("the overview", () => {
  it("lists all 290 municipalities, filters by region and sorts by a column with aria-sort", async () => {
    const all = await text("/oversikt");
    expect(all.match(/<th scope="row">/g)).toHaveLength(290);
    const north = await text("/oversikt?polisregion=Nord");
    const rows = north.match(/<th scope="row">/g)?.length ?? 0;
    expect(rows).toBeGreaterThan(0);
    expect(rows).toBeLessThan(290);
    expect(north).toContain(`${rows} av 290 kommuner`);

    const sorted = await text("/oversikt?sortera=kommun&ordning=fallande");
    expect(sorted).toContain('aria-sort="descending"');
    expect(sorted.indexOf(">Överkalix</a>")).toBeLessThan(sorted.indexOf(">Ale</a>"));
  });

  it("downloads the filtered rows as CSV for Swedish Excel: BOM, semicolons, quoting", async () => {
    const response = await get("/oversikt.csv?polisregion=Nord");
    expect(response.headers.get("content-type")).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="tryggsam-oversikt-/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes.slice(3));
    const lines = csv.split("\r\n").filter(Boolean);
    expect(lines[0]).toBe(
      "Kommun;Kommunkod;Län;Polisregion;Status;Periodens slut;Förlängs tills vidare;Teman;Medborgarlöften;Löften;Sida",
    );
    const north = await text("/oversikt?polisregion=Nord");
    expect(lines).toHaveLength(1 + (north.match(/<th scope="row">/g)?.length ?? 0));
    for (const line of lines.slice(1)) {
      expect(line.split(";")).toHaveLength(11);
      expect(line).toContain(";Nord;");
    }
  });
});
