import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/db/client.server";
import type { UserActor } from "~/domain/access/actor";
import { policeRegionId } from "../factories/police-areas";
import { insertUserActor } from "../factories/users";
import { startTestServer, type TestServer } from "../support/server";
import { cookies, fetchCsrf, formBody, sessionCookieFor } from "../support/web-client";

let server: TestServer;
let database: Database;
let admin: UserActor;
let cookie: string;
let csrf: { cookie: string; token: string };
let stockholm: string;
let syd: string;

beforeAll(async () => {
  server = await startTestServer();
  database = server.openDatabase();
  admin = await insertUserActor(database.db, { globalRole: "admin", name: "Alva Admin" });
  csrf = await fetchCsrf(server.url);
  cookie = cookies(await sessionCookieFor(database.db, admin.id), csrf.cookie);
  stockholm = await policeRegionId(database.db, "Stockholm");
  syd = await policeRegionId(database.db, "Syd");
});

afterAll(async () => {
  await database?.close();
  await server?.stop();
});

/** A form post as a browser without JavaScript sends it. */
const post = (path: string, fields: Record<string, string>) =>
  fetch(`${server.url}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body: formBody({ csrf: csrf.token, ...fields }),
  });

/** The page's HTML without React's markers between text parts, as a reader sees the text. */
async function page(path: string): Promise<{ status: number; html: string }> {
  const response = await fetch(`${server.url}${path}`, { headers: { Cookie: cookie }, redirect: "manual" });
  return { status: response.status, html: (await response.text()).replaceAll("<!-- -->", "") };
}

const name = () => `LPO Webbtest ${Math.random().toString(36).slice(2, 8)}`;

describe("police areas in the administration, without JavaScript", () => {
  it("adds an LPO serving two municipalities, lists it by region and shows its history", async () => {
    const lpo = name();
    const created = await post("/admin/lokalpolisomraden/ny", {
      name: lpo,
      policeDistrict: "Storstockholm",
      policeRegionId: stockholm,
    });
    expect(created.status).toBe(302);
    const location = created.headers.get("Location")!;
    const id = /^\/admin\/lokalpolisomraden\/([0-9a-f-]{36})\?tillagt=1$/.exec(location)?.[1];
    expect(id, location).toBeDefined();
    const areaPath = `/admin/lokalpolisomraden/${id}`;
    expect((await page(location)).html).toContain("Lokalpolisområdet är tillagt.");

    const first = await post(areaPath, {
      intent: "add-municipality",
      municipalityCode: "0180",
      coverage: "part",
      status: "verified",
      source: "https://polisen.se/exempel",
    });
    expect(first.status).toBe(302);
    const second = await post(areaPath, {
      intent: "add-municipality",
      municipalityCode: "0184",
      coverage: "whole",
      status: "probable",
    });
    expect(second.status).toBe(302);

    const inRegion = await page(`/admin/lokalpolisomraden?polisregion=${stockholm}`);
    expect(inRegion.status).toBe(200);
    const row = inRegion.html.slice(inRegion.html.indexOf(lpo));
    expect(row.slice(0, row.indexOf("</tr>"))).toMatch(
      /Storstockholm.*Stockholm.*Solna \(hela, trolig\).*Stockholm \(del av, bekräftad\)/s,
    );
    expect((await page(`/admin/lokalpolisomraden?polisregion=${syd}`)).html).not.toContain(lpo);

    const areaPage = await page(areaPath);
    expect(areaPage.html).toContain(`href="/historik/policeArea/${id}"`);
    const history = await page(`/historik/policeArea/${id}`);
    expect(history.status).toBe(200);
    expect(history.html).toContain("<h1");
    expect(history.html).toContain("Ändringshistorik");
    const rows = history.html.split("<tr").slice(2);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toContain("Skapade");
    expect(rows[0]).toMatch(/Namn:.*–.*→.*LPO Webbtest/s);
    expect(rows[1]).toContain("Lade till kommun");
    expect(rows[1]).toMatch(
      /Kommun 0180:.*–.*→.*Stockholm \(del av, bekräftad, källa: https:\/\/polisen.se\/exempel\)/s,
    );
    expect(rows[2]).toMatch(/Kommun 0184:.*→.*Solna \(hela, trolig\)/s);
    for (const r of rows) expect(r).toContain("Alva Admin");
  });

  it("shows Swedish messages by the fields for invalid input, with 400, and saves nothing", async () => {
    const invalid = await post("/admin/lokalpolisomraden/ny", { name: " ", policeRegionId: "" });
    expect(invalid.status).toBe(400);
    const html = await invalid.text();
    expect(html).toContain("Ange lokalpolisområdets namn.");
    expect(html).toContain("Välj en polisregion.");
    expect(html).toContain("Rätta följande fel:");

    const lpo = name();
    const created = await post("/admin/lokalpolisomraden/ny", { name: lpo, policeRegionId: stockholm });
    expect(created.status).toBe(302);
    const duplicate = await post("/admin/lokalpolisomraden/ny", {
      name: lpo.toUpperCase(),
      policeRegionId: syd,
    });
    expect(duplicate.status).toBe(409);
    expect(await duplicate.text()).toContain("Det finns redan ett lokalpolisområde med det namnet.");
    expect((await page(`/admin/lokalpolisomraden?polisregion=${syd}`)).html).not.toContain(lpo.toUpperCase());

    const areaPath = created.headers.get("Location")!.split("?")[0]!;
    const unknown = await post(areaPath, {
      intent: "add-municipality",
      municipalityCode: "9999",
      coverage: "whole",
      status: "verified",
    });
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain("Det finns ingen kommun med koden 9999.");
    expect((await page(areaPath)).html).toContain("Inga kommuner är angivna ännu.");
  });

  it("sends visitors to the login page and refuses signed-in non-administrators", async () => {
    const anonymous = await fetch(`${server.url}/admin/lokalpolisomraden`, { redirect: "manual" });
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toMatch(/^\/logga-in\?tillbaka=/);
    const member = await insertUserActor(database.db);
    const refused = await fetch(`${server.url}/admin/lokalpolisomraden`, {
      headers: { Cookie: await sessionCookieFor(database.db, member.id) },
    });
    expect(refused.status).toBe(403);
  });
});

describe("police areas in the JSON API", () => {
  it("creates an area with its municipalities, replaces the list with PUT, and shows the history", async () => {
    const api = (path: string, init: RequestInit = {}) =>
      fetch(`${server.url}/api/v1${path}`, {
        ...init,
        headers: { Cookie: cookie, "X-CSRF-Token": csrf.token, "Content-Type": "application/json" },
      });
    const lpo = name();
    const created = await api("/police-areas", {
      method: "POST",
      body: JSON.stringify({
        name: lpo,
        policeRegionId: stockholm,
        municipalities: [{ municipalityCode: "0180", coverage: "part", status: "verified" }],
      }),
    });
    expect(created.status).toBe(201);
    const area = (await created.json()) as { id: string; municipalities: { code: string }[] };
    expect(area.municipalities.map((m) => m.code)).toEqual(["0180"]);

    const replaced = await api(`/police-areas/${area.id}`, {
      method: "PUT",
      body: JSON.stringify({
        name: lpo,
        policeRegionId: stockholm,
        municipalities: [{ municipalityCode: "0186", coverage: "whole", status: "probable", source: "x" }],
      }),
    });
    expect(replaced.status).toBe(200);
    expect(await replaced.json()).toMatchObject({
      municipalities: [{ code: "0186", name: "Lidingö", coverage: "whole", status: "probable", source: "x" }],
    });

    const unknown = await api(`/police-areas/${area.id}`, {
      method: "PUT",
      body: JSON.stringify({
        name: lpo,
        policeRegionId: stockholm,
        municipalities: [{ municipalityCode: "9999", coverage: "whole", status: "probable" }],
      }),
    });
    expect(unknown.status).toBe(422);
    expect(await unknown.json()).toMatchObject({
      errors: { "municipalities[0].municipalityCode": ["Det finns ingen kommun med koden 9999."] },
    });

    const history = await api(`/audit-events?entityType=policeArea&entityId=${area.id}`);
    expect(history.status).toBe(200);
    const events = (await history.json()) as { action: string; actor: string }[];
    expect(events.map((e) => e.action)).toEqual([
      "create",
      "add-municipality",
      "remove-municipality",
      "add-municipality",
    ]);
    expect(events.every((e) => e.actor === "Alva Admin")).toBe(true);

    const missing = await api("/audit-events?entityType=policeArea");
    expect(missing.status).toBe(422);
    expect(await missing.json()).toMatchObject({ errors: { entityId: [expect.any(String)] } });
  });
});
