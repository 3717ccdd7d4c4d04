import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/db/client.server";
import { partnership } from "~/db/schema";
import type { UserActor } from "~/domain/access/actor";
import { insertPartnership } from "../factories/partnerships";
import { createApiToken } from "~/domain/users/create-api-token.server";
import { insertUserActor, makeUser } from "../factories/users";
import { startTestServer, type TestServer } from "../support/server";
import { cookies, fetchCsrf, formBody, sessionCookieFor, setCookie } from "../support/web-client";

let server: TestServer;
let database: Database;
let admin: UserActor;
let adminSession: string;
let csrf: { cookie: string; token: string };

beforeAll(async () => {
  server = await startTestServer();
  database = server.openDatabase();
  admin = await insertUserActor(database.db, { globalRole: "admin", name: "Alva Admin" });
  adminSession = await sessionCookieFor(database.db, admin.id);
  csrf = await fetchCsrf(server.url);
});

afterAll(async () => {
  await database?.close();
  await server?.stop();
});

const get = (path: string, session?: string | null) =>
  fetch(`${server.url}${path}`, { redirect: "manual", headers: { Cookie: cookies(session, csrf.cookie) } });

const post = (path: string, fields: Record<string, string | string[]>, session?: string | null) =>
  fetch(`${server.url}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: {
      Cookie: cookies(session, csrf.cookie),
      "Content-Type": "application/x-www-form-urlencoded",
    },
    body: formBody({ csrf: csrf.token, ...fields }),
  });

const countPartnerships = async () =>
  (await database.db.select({ n: sql<number>`count(*)::int` }).from(partnership))[0]!.n;

/** React escapes text; compare with what the page shows. */
const html = (text: string) => text.replace(/&/g, "&amp;");

describe("the partnership journey, without JavaScript", () => {
  it("admin creates a partnership, invites a coordinator, who accepts from the outbox link and lands on it", async () => {
    const form = await get("/samverkan/ny", adminSession);
    expect(form.status).toBe(200);
    const page = await form.text();
    expect(page).toContain("<h1");
    const medelpad = /<option value="([0-9a-f-]{36})">Medelpad<\/option>/.exec(page)?.[1];
    expect(medelpad, "LPO Medelpad is offered").toBeDefined();
    expect(page).toMatch(/id="[^"]+" name="municipalities" value="2260"/);
    expect(page).toContain("Trygghetsråd");

    const name = `Ånge kommun och LPO Medelpad ${Date.now()}`;
    const created = await post(
      "/samverkan/ny",
      {
        name,
        policeAreaId: medelpad!,
        municipalities: ["2260"],
        otherActors: "Mitthem\nRäddningstjänsten",
        councilName: "Trygghetsrådet i Ånge",
        councilType: "trygghetsrad",
      },
      adminSession,
    );
    expect(created.status).toBe(302);
    const location = created.headers.get("Location")!;
    const id = /^\/samverkan\/([0-9a-f-]{36})\?skapad=1$/.exec(location)?.[1];
    expect(id, location).toBeDefined();

    const list = await (await get("/samverkan", adminSession)).text();
    expect(list).toContain(html(name));
    expect(list).toContain('href="/samverkan/ny"');

    const email = makeUser().email;
    const invited = await post(
      `/samverkan/${id}`,
      { intent: "invite", email, role: "coordinator" },
      adminSession,
    );
    expect(invited.status).toBe(302);
    const afterInvite = await (await get(invited.headers.get("Location")!, adminSession)).text();
    expect(afterInvite).toContain(`Inbjudan är skickad till ${email}.`);

    const outbox = await get("/admin/utkorg", adminSession);
    expect(outbox.status).toBe(200);
    const outboxPage = await outbox.text();
    const link = new RegExp(
      `<dd>${email}</dd>[\\s\\S]*?<a class="ds-link" href="([^"]+/inbjudan/[\\w-]+)"`,
    ).exec(outboxPage)?.[1];
    expect(link, "the outbox shows a clickable accept link").toBeDefined();
    const acceptPath = new URL(link!).pathname;

    const accept = await get(acceptPath);
    expect(accept.status).toBe(200);
    const acceptPage = await accept.text();
    expect(acceptPage).toContain(html(name));
    expect(acceptPage).toContain("som samordnare");

    const accepted = await post(acceptPath, {
      name: "Kim Koordinator",
      password: "ett långt lösenord för Ånge",
      passwordConfirm: "ett långt lösenord för Ånge",
    });
    expect(accepted.status).toBe(302);
    expect(accepted.headers.get("Location")).toBe(`/samverkan/${id}`);
    const session = setCookie(accepted, "tryggsam_session");
    expect(session).not.toBeNull();

    const landing = await get(`/samverkan/${id}`, session);
    expect(landing.status).toBe(200);
    const landingPage = await landing.text();
    expect(landingPage).toContain(html(name));
    expect(landingPage).toContain("Trygghetsrådet i Ånge");
    expect(landingPage).toContain("Kim Koordinator");
    // A coordinator may invite and change the partnership.
    expect(landingPage).toContain("Bjud in en person");

    const reused = await get(acceptPath);
    expect(reused.status).toBe(410);
    expect(await reused.text()).toContain("Inbjudan gäller inte längre");
    const reusedPost = await post(acceptPath, {
      name: "Någon annan",
      password: "ett annat långt lösenord",
      passwordConfirm: "ett annat långt lösenord",
    });
    expect(reusedPost.status).toBe(410);
  });

  it("answers an invalid create form with 400 and Swedish messages by the fields, and saves nothing", async () => {
    const before = await countPartnerships();
    const response = await post(
      "/samverkan/ny",
      { name: "", policeAreaId: "", otherActors: "", councilName: "" },
      adminSession,
    );
    expect(response.status).toBe(400);
    const page = await response.text();
    expect(page).toContain("Ange ett namn på samverkan.");
    expect(page).toContain("Välj ett lokalpolisområde.");
    expect(page).toContain("Välj minst en kommun.");
    expect(page).toContain("Rätta följande fel:");
    expect(page).toMatch(/aria-describedby="[^"]*municipalities[^"]*"/);
    expect(await countPartnerships()).toBe(before);
  });

  it("answers an already-member invitation with a Swedish conflict message by the e-mail field", async () => {
    const id = await insertPartnership(database.db);
    const member = await insertUserActor(database.db, { partnerships: { [id]: "member" } });
    const response = await post(
      `/samverkan/${id}`,
      { intent: "invite", email: member.email, role: "police" },
      adminSession,
    );
    expect(response.status).toBe(409);
    expect(await response.text()).toContain("Personen med den e-postadressen är redan med i samverkan.");
  });

  it("sends visitors to log in, and hides another partnership as not found", async () => {
    const id = await insertPartnership(database.db);
    const other = await insertPartnership(database.db);
    const anonymous = await get(`/samverkan/${id}`);
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toBe(
      `/logga-in?tillbaka=${encodeURIComponent(`/samverkan/${id}`)}`,
    );
    const coordinator = await insertUserActor(database.db, { partnerships: { [id]: "coordinator" } });
    const session = await sessionCookieFor(database.db, coordinator.id);
    expect((await get(`/samverkan/${id}`, session)).status).toBe(200);
    const hidden = await get(`/samverkan/${other}`, session);
    expect(hidden.status).toBe(404);
    expect((await get("/samverkan/inte-ett-id", session)).status).toBe(404);
    const list = await (await get("/samverkan", session)).text();
    expect(list).toContain(`/samverkan/${id}`);
    expect(list).not.toContain(`/samverkan/${other}`);
    expect((await get("/admin/utkorg", session)).status).toBe(403);
  });

  it("shows an unknown invitation link as no longer valid, with 410", async () => {
    const response = await get("/inbjudan/finns-inte");
    expect(response.status).toBe(410);
    expect(await response.text()).toContain("Be den som bjöd in dig att skicka en ny inbjudan.");
  });
});

describe("the partnership API", () => {
  it("creates a partnership, refuses unknown municipalities with 422 by field, and invites without showing the token", async () => {
    const bearer = (await createApiToken({ db: database.db, actor: admin }, { name: "Samverkans-API" }))
      .token;
    const call = (path: string, method = "GET", body?: unknown) =>
      fetch(`${server.url}/api/v1${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${bearer}`,
          ...(body === undefined ? {} : { "Content-Type": "application/json" }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    const areas = (await (await call("/police-areas")).json()) as { id: string; name: string }[];
    const medelpad = areas.find((a) => a.name === "Medelpad")!;
    const municipalities = (await (await call("/municipalities")).json()) as { code: string }[];
    expect(municipalities).toHaveLength(290);

    const before = await countPartnerships();
    const unknown = await call("/partnerships", "POST", {
      name: "Fel kommun",
      policeAreaId: medelpad.id,
      municipalities: ["9999"],
    });
    expect(unknown.status).toBe(422);
    expect(((await unknown.json()) as { errors: Record<string, string[]> }).errors).toEqual({
      municipalities: ["Kommunkoden 9999 finns inte."],
    });
    expect(await countPartnerships()).toBe(before);

    const created = await call("/partnerships", "POST", {
      name: "Ånge och Sundsvall",
      policeAreaId: medelpad.id,
      municipalities: ["2260", "2281"],
      council: { name: "Lokalt BRÅ", type: "lokalt-bra" },
    });
    expect(created.status).toBe(201);
    const body = (await created.json()) as {
      id: string;
      municipalities: { code: string }[];
      councils: unknown[];
    };
    expect(body.municipalities.map((m) => m.code).sort()).toEqual(["2260", "2281"]);
    expect(body.councils).toEqual([
      expect.objectContaining({ name: "Lokalt BRÅ", type: "lokalt-bra", members: [] }),
    ]);

    const email = makeUser().email;
    const invited = await call(`/partnerships/${body.id}/invitations`, "POST", { email, role: "police" });
    expect(invited.status).toBe(201);
    const invitation = (await invited.json()) as Record<string, unknown>;
    expect(Object.keys(invitation).sort()).toEqual(["createdAt", "email", "expiresAt", "id", "role"]);
    const outbox = (await (await call("/outbox")).json()) as { recipient: string; body: string }[];
    expect(outbox.find((m) => m.recipient === email)?.body).toMatch(/\/inbjudan\/[\w-]{40,}/);
  });
});
