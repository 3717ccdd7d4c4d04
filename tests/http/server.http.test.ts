import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { Database } from "~/db/client.server";
import { insertUserActor, TEST_PASSWORD } from "../factories/users";
import { startTestServer, type TestServer } from "../support/server";
import { cookies, fetchCsrf, formBody, setCookie } from "../support/web-client";

const bin = new URL("../../bin/tryggsam.js", import.meta.url).pathname;
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

describe.skipIf(onPostgres)("the embedded database (skipped on PostgreSQL: it has no data folder)", () => {
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

  it("offers the first visitor to create the administrator on a fresh data folder", async () => {
    const response = await fetch(`${server.url}/`);
    expect(response.status).toBe(200);
    expect(new URL(response.url).pathname).toBe("/forsta-start");
    expect(await response.text()).toContain("Skapa administratör");
  });

  it("refuses a second start on the same DATA_DIR, naming the running process; the first keeps serving", () => {
    // `npm start` is `serve --build`: the lock is taken before the build, so this fails fast.
    const second = spawnSync(process.execPath, [bin, "serve", "--build"], {
      env: { PATH: process.env.PATH, DATA_DIR: server.dataDir, PORT: "0", HOST: "127.0.0.1" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(second.status).toBe(1);
    expect(second.stderr).toContain(`används redan av en annan Tryggsam-process (PID ${server.pid})`);
    expect(second.stdout).not.toContain("built in");
    return expect(fetch(`${server.url}/readyz`).then((r) => r.status)).resolves.toBe(200);
  });

  it("keeps answering /healthz within 100 ms while a slow query runs on the database", async () => {
    const started = performance.now();
    const slow = database.db.execute(sql`select pg_sleep(1.5)`).then(() => performance.now() - started);
    const pauses: number[] = [];
    // Probe while the query runs (it takes the embedded database for 1.5 s).
    await new Promise((resolve) => setTimeout(resolve, 100));
    while (performance.now() - started < 1200) {
      const t0 = performance.now();
      const response = await fetch(`${server.url}/healthz`);
      expect(response.status).toBe(200);
      pauses.push(performance.now() - t0);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await slow).toBeGreaterThanOrEqual(1400);
    expect(pauses.length).toBeGreaterThan(5);
    expect(Math.max(...pauses)).toBeLessThan(100);
  });
});

describe.skipIf(onPostgres)(
  "npm start on a fresh machine (skipped on PostgreSQL: it is about the embedded default)",
  () => {
    it("builds, starts the embedded database and serves the first-start page at /", async () => {
      const packageJson = JSON.parse(
        readFileSync(new URL("../../package.json", import.meta.url), "utf8"),
      ) as {
        scripts: Record<string, string>;
      };
      expect(packageJson.scripts.start).toBe("node ./bin/tryggsam.js serve --build");
      const buildDir = "build-npm-start-test";
      const server = await startTestServer({ build: true, buildDir, timeoutMs: 180_000 });
      try {
        const response = await fetch(`${server.url}/`);
        expect(response.status).toBe(200);
        expect(await response.text()).toContain("Kom igång med Tryggsam");
        expect(existsSync(`${server.dataDir}/pgdata`)).toBe(true);
      } finally {
        await server.stop();
        rmSync(new URL(`../../${buildDir}`, import.meta.url), { recursive: true, force: true });
      }
    }, 240_000);
  },
);

describe.skipIf(!onPostgres)(
  "several instances on one PostgreSQL (needs TEST_DATABASE_URL; .ci/run sets it)",
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

    it("share sessions and data: a login on one is valid on the other, a write on one is read on the other", async () => {
      const user = await insertUserActor(database.db, { name: "Två Instanser" });
      const csrf = await fetchCsrf(first.url);
      const login = await fetch(`${first.url}/logga-in`, {
        method: "POST",
        headers: { Cookie: csrf.cookie, "Content-Type": "application/x-www-form-urlencoded" },
        body: formBody({ csrf: csrf.token, email: user.email, password: TEST_PASSWORD }),
        redirect: "manual",
      });
      expect(login.status).toBe(302);
      const session = setCookie(login, "tryggsam_session");
      expect(session).not.toBeNull();

      const me = await fetch(`${second.url}/api/v1/me`, { headers: { Cookie: session! } });
      expect(me.status).toBe(200);
      expect(await me.json()).toMatchObject({ email: user.email, name: "Två Instanser" });

      // A CSRF token made by one instance is accepted by the other: the secret is shared.
      const created = await fetch(`${second.url}/api/v1/api-tokens`, {
        method: "POST",
        headers: {
          Cookie: cookies(session, csrf.cookie),
          "X-CSRF-Token": csrf.token,
          "Content-Type": "application/json",
        },
        body: JSON.stringify({ name: "Skapad på instans två" }),
      });
      expect(created.status).toBe(201);
      const listed = await fetch(`${first.url}/api/v1/api-tokens`, { headers: { Cookie: session! } });
      expect(((await listed.json()) as { name: string }[]).map((t) => t.name)).toContain(
        "Skapad på instans två",
      );
    });
  },
);
