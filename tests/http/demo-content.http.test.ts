import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { partnership } from "~/db/schema";
import { makeUser } from "../factories/users";
import { startTestServer, type TestServer } from "../support/server";
import { fetchCsrf, formBody, setCookie } from "../support/web-client";

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

interface PartnershipItem {
  id: string;
  name: string;
  policeArea: { name: string };
  municipalities: { code: string; name: string }[];
}
interface DocumentItem {
  title: string;
  stage: string;
  signedOn: string | null;
}

/** Creates the first administrator through /forsta-start, as the first visitor does; returns the session cookie. */
async function createAdministrator(url: string): Promise<string> {
  const csrf = await fetchCsrf(url, "/forsta-start");
  const admin = makeUser();
  const response = await fetch(`${url}/forsta-start`, {
    method: "POST",
    headers: { Cookie: csrf.cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body: formBody({
      csrf: csrf.token,
      name: admin.name,
      email: admin.email,
      password: admin.password,
      passwordConfirm: admin.password,
    }),
    redirect: "manual",
  });
  expect(response.status).toBe(302);
  return setCookie(response, "tryggsam_session")!;
}

async function demoLogLine(server: TestServer, timeoutMs = 90_000): Promise<string> {
  const started = Date.now();
  for (;;) {
    const line = server
      .output()
      .split("\n")
      .find((l) => l.includes('"demo"'));
    if (line) return line;
    if (Date.now() - started > timeoutMs) throw new Error(`No demo log line:\n${server.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function getJson<T>(url: string, session: string): Promise<T> {
  const response = await fetch(url, { headers: { Cookie: session } });
  expect(response.status, url).toBe(200);
  return (await response.json()) as T;
}

// The demo content comes with the embedded default database only.
describe.skipIf(onPostgres)("the demo content on the first start (skipped on PostgreSQL)", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "tryggsam-demo-"));
  const buildDir = "build-demo-test";
  let server: TestServer | undefined;
  afterAll(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(new URL(`../../${buildDir}`, import.meta.url), { recursive: true, force: true });
  });

  // Depends on the extractor: titles, periods, signatories and dates are read from the documents.
  it("shows the administrator the five documents, signed and published, in partnerships of their municipalities and LPOs", async () => {
    // `npm start` is `serve --build`, on an empty data folder.
    server = await startTestServer({
      build: true,
      buildDir,
      timeoutMs: 240_000,
      // TRYGGSAM_DEMO unset, as in production (the test harness turns it off for other tests).
      env: { DATA_DIR: dataDir, LOG_LEVEL: "info", TRYGGSAM_DEMO: "" },
    });
    // The server listens first and seeds in the background: its log line says when it is done.
    const logLine = await demoLogLine(server);
    expect((JSON.parse(logLine) as { demo: { seeded: unknown[] } }).demo.seeded).toHaveLength(5);

    const session = await createAdministrator(server.url);
    const partnerships = await getJson<PartnershipItem[]>(`${server.url}/api/v1/partnerships`, session);
    const seen = partnerships.map((p) => [p.municipalities.map((m) => m.name).join(", "), p.policeArea.name]);
    expect(seen.sort()).toEqual(
      [
        ["Bräcke", "Östersund"],
        ["Sollefteå", "Södra Ångermanland"],
        ["Umeå", "Umeå"],
        ["Vindeln", "Umeå"],
        ["Ånge", "Medelpad"],
      ].sort(),
    );

    const documents: Record<string, { agreements: DocumentItem[]; promises: DocumentItem[] }> = {};
    for (const p of partnerships) {
      documents[p.municipalities[0]!.name] = {
        agreements: await getJson(`${server.url}/api/v1/partnerships/${p.id}/agreements`, session),
        promises: await getJson(`${server.url}/api/v1/partnerships/${p.id}/citizen-promises`, session),
      };
    }
    const signed = (title: string, signedOn: string): unknown[] => [
      expect.objectContaining({ title, stage: "published", signedOn }) as unknown,
    ];
    expect(documents["Ånge"]).toEqual({
      agreements: signed(
        "Samverkansöverenskommelse mellan Polisen och Ånge kommun 2023 - 2026",
        "2023-01-01",
      ),
      promises: [],
    });
    expect(documents["Bräcke"]).toEqual({
      agreements: signed("Samverkansöverenskommelse Polisen och Bräcke kommun 2023 - 2026", "2023-01-01"),
      promises: [],
    });
    expect(documents["Vindeln"]).toEqual({
      agreements: signed(
        "Samverkansöverenskommelse i brottsförebyggande och trygghetsskapande arbete mellan Polismyndigheten och Vindelns kommun 2023-2025",
        "2023-03-03",
      ),
      promises: [expect.objectContaining({ stage: "published", signedOn: "2023-03-03" })],
    });
    expect(documents["Umeå"]).toEqual({
      agreements: signed(
        "Överenskommelse om samverkan och prioriteringar 2017-2020 mellan Polismyndigheten och Umeå kommun",
        "2016-11-08",
      ),
      promises: [],
    });
    expect(documents["Sollefteå"]).toEqual({
      agreements: [],
      promises: signed("Medborgarlöfte 2017 Polis och Sollefteå kommun", "2017-01-01"),
    });
  }, 300_000);

  it("does not bring the demo content back after it was removed, on the next start", async () => {
    const database = server!.openDatabase();
    try {
      await database.db.delete(partnership);
    } finally {
      await database.close();
    }
    await server!.stop();
    server = await startTestServer({
      buildDir,
      env: { DATA_DIR: dataDir, TRYGGSAM_DEMO: "", LOG_LEVEL: "debug" },
    });
    expect(JSON.parse(await demoLogLine(server))).toMatchObject({ demo: null });
    const check = server.openDatabase();
    try {
      expect(await check.db.select().from(partnership)).toEqual([]);
    } finally {
      await check.close();
    }
  }, 120_000);
});

describe.skipIf(onPostgres)("TRYGGSAM_DEMO=0 (skipped on PostgreSQL)", () => {
  let server: TestServer | undefined;
  afterAll(() => server?.stop());

  it("starts an empty embedded database without the demo content", async () => {
    server = await startTestServer({ env: { TRYGGSAM_DEMO: "0", LOG_LEVEL: "debug" } });
    expect(JSON.parse(await demoLogLine(server))).toMatchObject({ demo: null });
    const database = server.openDatabase();
    try {
      expect(await database.db.select().from(partnership)).toEqual([]);
    } finally {
      await database.close();
    }
  }, 120_000);
});
