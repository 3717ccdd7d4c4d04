import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/db/client.server";
import { loginAttempt } from "~/db/schema";
import type { UserActor } from "~/domain/access/actor";
import { createApiToken } from "~/domain/users/create-api-token.server";
import { endpointList, routePath } from "~/lib/api-endpoints";
import { insertUserActor, TEST_PASSWORD } from "../factories/users";
import { startTestServer, type TestServer } from "../support/server";
import { cookies, fetchCsrf, formBody, sessionCookieFor } from "../support/web-client";

let server: TestServer;
let database: Database;
let user: UserActor;
let bearer: string;
let session: string;
let csrf: { cookie: string; token: string };

beforeAll(async () => {
  server = await startTestServer();
  database = server.openDatabase();
  user = await insertUserActor(database.db, { name: "Kim Koordinator" });
  bearer = (await createApiToken({ db: database.db, actor: user }, { name: "Test" })).token;
  session = await sessionCookieFor(database.db, user.id);
  csrf = await fetchCsrf(server.url);
});

afterAll(async () => {
  await database?.close();
  await server?.stop();
});

const api = (path: string, init: RequestInit = {}) => fetch(`${server.url}/api/v1${path}`, init);
const withBearer = (headers: Record<string, string> = {}) => ({
  Authorization: `Bearer ${bearer}`,
  ...headers,
});

async function expectProblem(response: Response, status: number) {
  expect(response.status).toBe(status);
  expect(response.headers.get("Content-Type")).toMatch(/^application\/problem\+json/);
  const body = (await response.json()) as {
    status: number;
    title: string;
    detail: string;
    code?: string;
    errors?: Record<string, string[]>;
  };
  expect(body).toMatchObject({ type: "about:blank", status });
  expect(body.detail.length).toBeGreaterThan(5);
  return body;
}

describe("the JSON API", () => {
  it("answers who is signed in, by API token, and is never cached", async () => {
    const response = await api("/me", { headers: withBearer() });
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(await response.json()).toEqual({
      id: user.id,
      email: user.email,
      name: "Kim Koordinator",
      globalRole: null,
      memberships: [],
    });
  });

  it("refuses anonymous callers and unknown tokens with 401 problems", async () => {
    expect((await expectProblem(await api("/me"), 401)).code).toBe("UNAUTHENTICATED");
    const unknown = await expectProblem(
      await api("/me", { headers: { Authorization: "Bearer tsk_fel" } }),
      401,
    );
    expect(unknown.detail).toBe("API-nyckeln är okänd eller återkallad.");
  });

  it("answers 415 for a body that is not JSON, 400 for malformed JSON", async () => {
    const notJson = await api("/api-tokens", {
      method: "POST",
      headers: withBearer({ "Content-Type": "text/plain" }),
      body: "name=Skript",
    });
    expect((await expectProblem(notJson, 415)).detail).toContain("JSON");
    const malformed = await api("/api-tokens", {
      method: "POST",
      headers: withBearer({ "Content-Type": "application/json" }),
      body: '{"name": "Skript"',
    });
    expect((await expectProblem(malformed, 400)).detail).toBe("Innehållet är inte giltig JSON.");
  });

  it("answers 422 with a Swedish message per field, and saves nothing", async () => {
    const post = (body: unknown) =>
      api("/api-tokens", {
        method: "POST",
        headers: withBearer({ "Content-Type": "application/json; charset=utf-8" }),
        body: JSON.stringify(body),
      });
    const before = (await (await api("/api-tokens", { headers: withBearer() })).json()) as unknown[];

    const empty = await expectProblem(await post({ name: "  " }), 422);
    expect(empty.errors).toEqual({ name: ["Ge nyckeln ett namn."] });
    const tooLong = await expectProblem(await post({ name: "x".repeat(101) }), 422);
    expect(tooLong.errors).toEqual({ name: ["Namnet får vara högst 100 tecken."] });
    const wrongType = await expectProblem(await post({ name: 42 }), 422);
    expect(wrongType.errors?.name?.[0]).toBe("Ge nyckeln ett namn.");
    const notAnObject = await expectProblem(await post(["Skript"]), 422);
    expect(notAnObject.errors?.[""]?.[0]).toMatch(/^Ogiltig inmatning/);

    const after = (await (await api("/api-tokens", { headers: withBearer() })).json()) as unknown[];
    expect(after).toHaveLength(before.length);
  });

  it("answers 413 for a body over 1 MiB", async () => {
    const response = await api("/api-tokens", {
      method: "POST",
      headers: withBearer({ "Content-Type": "application/json" }),
      body: JSON.stringify({ name: "x".repeat(1024 * 1024) }),
    });
    expect((await expectProblem(response, 413)).code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("answers 404 for an id that is not a uuid and for an unknown path, 405 for a wrong method", async () => {
    await expectProblem(
      await api("/api-tokens/inte-ett-id", { method: "DELETE", headers: withBearer() }),
      404,
    );
    await expectProblem(await api("/finns-inte", { headers: withBearer() }), 404);
    const wrongMethod = await api("/me", { method: "PUT", headers: withBearer() });
    await expectProblem(wrongMethod, 405);
    expect(wrongMethod.headers.get("Allow")).toBe("GET");
  });

  it("takes a session cookie, but a write needs the X-CSRF-Token header", async () => {
    const write = (headers: Record<string, string>) =>
      api("/api-tokens", {
        method: "POST",
        headers: { Cookie: cookies(session, csrf.cookie), "Content-Type": "application/json", ...headers },
        body: JSON.stringify({ name: "Från webbläsaren" }),
      });
    expect((await expectProblem(await write({}), 403)).code).toBe("CSRF");
    expect((await expectProblem(await write({ "X-CSRF-Token": "fel" }), 403)).code).toBe("CSRF");
    const ok = await write({ "X-CSRF-Token": csrf.token });
    expect(ok.status).toBe(201);
    expect(((await ok.json()) as { token: string }).token).toMatch(/^tsk_/);

    const read = await api("/me", { headers: { Cookie: session } });
    expect(read.status).toBe(200);
  });

  it("creates a token once, lets it work as Bearer, and stops it when revoked", async () => {
    const created = await api("/api-tokens", {
      method: "POST",
      headers: withBearer({ "Content-Type": "application/json" }),
      body: JSON.stringify({ name: "Uppföljningsskript" }),
    });
    expect(created.status).toBe(201);
    const { id, token, name } = (await created.json()) as { id: string; token: string; name: string };
    expect(name).toBe("Uppföljningsskript");

    const listed = (await (await api("/api-tokens", { headers: withBearer() })).json()) as { id: string }[];
    expect(listed.map((t) => t.id)).toContain(id);
    expect(JSON.stringify(listed)).not.toContain(token);

    expect((await api("/me", { headers: { Authorization: `Bearer ${token}` } })).status).toBe(200);
    const revoked = await api(`/api-tokens/${id}`, { method: "DELETE", headers: withBearer() });
    expect(revoked.status).toBe(204);
    await expectProblem(await api("/me", { headers: { Authorization: `Bearer ${token}` } }), 401);
    await expectProblem(await api(`/api-tokens/${id}`, { method: "DELETE", headers: withBearer() }), 404);
  });

  it("describes every endpoint of the list in its OpenAPI 3.1 document", async () => {
    const response = await api("/openapi.json");
    expect(response.status).toBe(200);
    const document = (await response.json()) as {
      openapi: string;
      paths: Record<string, Record<string, { summary: string; responses: Record<string, unknown> }>>;
    };
    expect(document.openapi).toBe("3.1.0");
    for (const endpoint of endpointList) {
      const operation = document.paths[endpoint.path]?.[endpoint.method.toLowerCase()];
      expect(operation, `${endpoint.method} ${routePath(endpoint)}`).toBeDefined();
      expect(Object.keys(operation!.responses)).toContain(String(endpoint.status));
    }
  });
});

describe("API tokens on Mitt konto, without JavaScript", () => {
  it("shows a new token once, lists it, and revokes it so it no longer works", async () => {
    const owner = await insertUserActor(database.db);
    const cookie = cookies(await sessionCookieFor(database.db, owner.id), csrf.cookie);
    const post = (fields: Record<string, string>) =>
      fetch(`${server.url}/konto`, {
        method: "POST",
        redirect: "manual",
        headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
        body: formBody({ csrf: csrf.token, ...fields }),
      });

    const invalid = await post({ intent: "create-token", name: "" });
    expect(invalid.status).toBe(400);
    expect(await invalid.text()).toContain("Ge nyckeln ett namn.");

    const created = await post({ intent: "create-token", name: "Kvartalsrapport" });
    expect(created.status).toBe(200);
    expect(created.headers.get("Cache-Control")).toBe("no-store");
    const page = await created.text();
    expect(page).toContain("API-nyckeln ”Kvartalsrapport” är skapad. Kopiera den nu – den visas inte igen.");
    const token = /id="new-api-token"[^>]*value="(tsk_[^"]+)"/.exec(page)?.[1];
    expect(token).toBeDefined();

    const me = await fetch(`${server.url}/api/v1/me`, { headers: { Authorization: `Bearer ${token}` } });
    expect(((await me.json()) as { id: string }).id).toBe(owner.id);

    const again = await (await fetch(`${server.url}/konto`, { headers: { Cookie: cookie } })).text();
    expect(again).toContain("Kvartalsrapport");
    expect(again).not.toContain(token);
    const id = /name="id" value="([^"]+)"/.exec(again)?.[1];

    const revoked = await post({ intent: "revoke-token", id: id! });
    expect(revoked.status).toBe(302);
    expect(revoked.headers.get("Location")).toBe("/konto?aterkallad=1#api-nycklar");
    const after = await (
      await fetch(`${server.url}/konto?aterkallad=1`, { headers: { Cookie: cookie } })
    ).text();
    expect(after).toContain("API-nyckeln är återkallad och fungerar inte längre.");
    expect(after).toContain("Du har inga API-nycklar.");
    const refused = await fetch(`${server.url}/api/v1/me`, { headers: { Authorization: `Bearer ${token}` } });
    expect(refused.status).toBe(401);
  });
});

describe("web forms", () => {
  it("refuse a post without the CSRF field with 403 and the Swedish page", async () => {
    const response = await fetch(`${server.url}/konto`, {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: cookies(session, csrf.cookie), "Content-Type": "application/x-www-form-urlencoded" },
      body: formBody({ intent: "create-token", name: "Utan token" }),
    });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain("Formuläret har gått ut");
    const tokens = await fetch(`${server.url}/api/v1/api-tokens`, { headers: { Cookie: session } });
    expect(JSON.stringify(await tokens.json())).not.toContain("Utan token");
  });

  it("answer 413 for a form over 1 MiB", async () => {
    const response = await fetch(`${server.url}/konto`, {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: cookies(session, csrf.cookie), "Content-Type": "application/x-www-form-urlencoded" },
      body: formBody({ csrf: csrf.token, intent: "create-token", name: "x".repeat(1024 * 1024) }),
    });
    expect(response.status).toBe(413);
    expect(await response.text()).toContain("För mycket data");
  });

  it("throttle the 6th failed login in a minute with 429", async () => {
    const address = `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    const login = (password: string) =>
      fetch(`${server.url}/logga-in`, {
        method: "POST",
        redirect: "manual",
        headers: {
          Cookie: csrf.cookie,
          "Content-Type": "application/x-www-form-urlencoded",
          "X-Forwarded-For": address,
        },
        body: formBody({ csrf: csrf.token, email: user.email, password }),
      });
    for (let i = 1; i <= 5; i++) {
      const failed = await login("fel lösenord");
      expect(failed.status, `försök ${i}`).toBe(401);
      expect(await failed.text()).toContain("Fel e-postadress eller lösenord.");
    }
    const sixth = await login(TEST_PASSWORD);
    expect(sixth.status).toBe(429);
    expect(await sixth.text()).toContain("För många misslyckade inloggningar.");
    // The attempts are counted for the address they came from, not for one shared "unknown".
    const attempts = await database.db
      .select({ address: loginAttempt.address })
      .from(loginAttempt)
      .where(eq(loginAttempt.email, user.email));
    expect(attempts.map((a) => a.address)).toContain(address);
    expect(attempts.map((a) => a.address)).not.toContain("unknown");
  });
});
