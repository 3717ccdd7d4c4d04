import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "~/db/client.server";
import type { UserActor } from "~/domain/access/actor";
import { createApiToken } from "~/domain/users/create-api-token.server";
import { insertAgreement, makeAgreementContent } from "../factories/agreements";
import { insertPartnership } from "../factories/partnerships";
import { insertUserActor } from "../factories/users";
import { startTestServer, type TestServer } from "../support/server";
import { sessionCookieFor } from "../support/web-client";

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

/** A municipality no other test is likely to use, with a coordinator and a signed agreement. */
async function signedAgreementSomewhere(db: Db, title: string) {
  const rows = await db.execute<{ code: string; slug: string }>(
    sql`select code, slug from municipality order by random() limit 1`,
  );
  const { code, slug } = rows.rows[0]!;
  const partnershipId = await insertPartnership(db, { municipalities: [code] });
  const coordinator = await insertUserActor(db, { partnerships: { [partnershipId]: "coordinator" } });
  const { id } = await insertAgreement(db, {
    partnershipId,
    stage: "signed",
    content: makeAgreementContent({ title }),
  });
  return { slug, agreementId: id, coordinator };
}

async function api(server: TestServer, db: Db, actor: UserActor) {
  const bearer = (await createApiToken({ db, actor }, { name: "Publicering" })).token;
  return (path: string, method = "GET", body?: unknown) =>
    fetch(`${server.url}/api/v1${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${bearer}`,
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
}

async function page(server: TestServer, path: string, headers: Record<string, string> = {}) {
  const response = await fetch(server.url + path, { headers });
  return { response, html: await response.text() };
}

describe("the public cache on one instance", () => {
  let server: TestServer;
  let database: Database;
  beforeAll(async () => {
    server = await startTestServer();
    database = server.openDatabase();
  });
  afterAll(async () => {
    await database?.close();
    await server?.stop();
  });

  it("serves a public page once rendered with an ETag, 304 when the browser has it; no token, no cookie", async () => {
    const { slug } = await signedAgreementSomewhere(database.db, `Otryckt ${Date.now()}`);
    const first = await page(server, `/kommun/${slug}`);
    expect(first.response.status).toBe(200);
    expect(first.response.headers.get("set-cookie")).toBeNull();
    expect(first.html).not.toMatch(/"csrfToken":"[^"]/);
    const second = await page(server, `/kommun/${slug}`);
    const etag = second.response.headers.get("etag");
    expect(etag).toMatch(/^".+"$/);
    expect(second.response.headers.get("cache-control")).toBe("public, max-age=0, must-revalidate");
    expect(second.html).toBe(first.html);
    const revalidated = await fetch(`${server.url}/kommun/${slug}`, { headers: { "If-None-Match": etag! } });
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe("");
  });

  it("logs the answers it gave from memory as one counted line per path, and any other request on its own", async () => {
    const own = await startTestServer({ env: { LOG_LEVEL: "info" } });
    let slug = "";
    try {
      const db = own.openDatabase();
      ({ slug } = await signedAgreementSomewhere(db.db, `Räknad ${Date.now()}`));
      await db.close();
      for (let i = 0; i < 5; i++)
        expect((await page(own, `/kommun/${slug}?i=${i % 2}`)).response.status).toBe(200);
    } finally {
      await own.stop();
    }
    const lines = own
      .output()
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map(
        (line) =>
          JSON.parse(line) as { path?: string; cached?: { path: string; status: number; count: number }[] },
      );
    // Two renders (one per query string), then three answers from memory, counted under the path.
    expect(lines.filter((line) => line.path === `/kommun/${slug}`)).toHaveLength(2);
    const counted = lines
      .flatMap((line) => line.cached ?? [])
      .filter((hit) => hit.path === `/kommun/${slug}`);
    expect(counted).toEqual([{ path: `/kommun/${slug}`, status: 200, count: 3 }]);
  });

  it("shows a publication on the next request, and a signed-in person's page is never from the cache", async () => {
    const title = `Publicerad ${Date.now()}`;
    const { slug, agreementId, coordinator } = await signedAgreementSomewhere(database.db, title);
    expect((await page(server, `/kommun/${slug}`)).html).not.toContain(title);
    expect((await page(server, `/kommun/${slug}`)).html).not.toContain(title);

    const asCoordinator = await api(server, database.db, coordinator);
    expect((await asCoordinator(`/agreements/${agreementId}/publish`, "POST")).status).toBe(200);
    expect((await page(server, `/kommun/${slug}`)).html).toContain(title);

    const signedIn = await page(server, `/kommun/${slug}`, {
      Cookie: await sessionCookieFor(database.db, coordinator.id),
    });
    expect(signedIn.response.headers.get("etag")).toBeNull();
    expect(signedIn.html).toContain(`action="/logga-ut"`);
  });
});

describe.skipIf(!onPostgres)(
  "the public cache on two instances sharing one PostgreSQL (needs TEST_DATABASE_URL)",
  () => {
    let first: TestServer;
    let second: TestServer;
    let database: Database;
    beforeAll(async () => {
      [first, second] = await Promise.all([startTestServer(), startTestServer()]);
      database = first.openDatabase();
    });
    afterAll(async () => {
      await database?.close();
      await Promise.all([first?.stop(), second?.stop()]);
    });

    it("a publication and an amendment through one instance show on the other's next request", async () => {
      const title = `Tvåinstans ${Date.now()}`;
      const { slug, agreementId, coordinator } = await signedAgreementSomewhere(database.db, title);
      // Both have the page without the agreement in their caches.
      for (const server of [first, second, first, second]) {
        expect((await page(server, `/kommun/${slug}`)).html).not.toContain(title);
      }
      expect((await page(second, `/kommun/${slug}`)).response.headers.get("etag")).not.toBeNull();

      const throughFirst = await api(first, database.db, coordinator);
      expect((await throughFirst(`/agreements/${agreementId}/publish`, "POST")).status).toBe(200);
      expect((await page(second, `/kommun/${slug}`)).html).toContain(title);
      expect((await page(first, `/kommun/${slug}`)).html).toContain(title);

      const amended = `${title} (ändrad)`;
      const throughSecond = await api(second, database.db, coordinator);
      const saved = await throughSecond(`/agreements/${agreementId}`, "PUT", {
        baseRevision: 1,
        content: makeAgreementContent({ title: amended }),
        amendmentReason: "Ny rubrik",
      });
      expect(saved.status).toBe(200);
      expect((await page(first, `/kommun/${slug}`)).html).toContain(amended);
      expect((await page(second, `/kommun/${slug}`)).html).toContain(amended);
    });
  },
);
