import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/db/client.server";
import { insertAgreement, makeAgreementContent } from "../factories/agreements";
import { startTestServer, type TestServer } from "../support/server";

const bin = new URL("../../bin/tryggsam.js", import.meta.url).pathname;

// The CLI shares the running server's embedded database through its socket; on PostgreSQL it
// connects by DATABASE_URL. Either way it sees what the server stores.
describe("tryggsam list-documents and export", () => {
  let server: TestServer;
  let database: Database;
  let agreementId: string;
  const folder = mkdtempSync(join(tmpdir(), "tryggsam-cli-export-"));
  const title = `Samverkansöverenskommelse för CLI-testet ${Date.now()}`;

  const tryggsam = (args: string[]) => {
    const result = spawnSync(process.execPath, [bin, ...args], {
      encoding: "utf8",
      timeout: 60_000,
      env: {
        PATH: process.env.PATH,
        TZ: "Europe/Stockholm",
        ...(server.dataDir
          ? { DATA_DIR: server.dataDir }
          : { DATABASE_URL: process.env.TEST_DATABASE_URL ?? "" }),
      },
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  beforeAll(async () => {
    server = await startTestServer();
    database = server.openDatabase();
    agreementId = (await insertAgreement(database.db, { content: makeAgreementContent({ title }) })).id;
  });
  afterAll(async () => {
    await database?.close();
    await server?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it("lists the agreement with the id that export takes, as a table and as JSON lines", () => {
    const table = tryggsam(["list-documents"]);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(new RegExp(`${agreementId}\\s+överenskommelse\\s+Utkast\\s+.*${title}`));
    const json = tryggsam(["list-documents", "--json"]);
    const lines = json.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { id: string; title: string });
    expect(lines).toContainEqual(expect.objectContaining({ id: agreementId, title, kind: "agreement" }));
  });

  it("writes the agreement as PDF and as DOCX", () => {
    for (const format of ["pdf", "docx"] as const) {
      const out = join(folder, `avtal.${format}`);
      const result = tryggsam(["export", "--format", format, "--out", out, agreementId]);
      expect(result.code, result.stderr).toBe(0);
      const start = readFileSync(out).subarray(0, 4).toString("latin1");
      expect(start).toBe(format === "pdf" ? "%PDF" : "PK\u0003\u0004");
    }
  });

  it("explains a bad call in Swedish and writes nothing", () => {
    const out = join(folder, "inget.pdf");
    const badFormat = tryggsam(["export", "--format", "odt", "--out", out, agreementId]);
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toContain("--format ska vara docx eller pdf.");
    const unknown = tryggsam([
      "export",
      "--format",
      "pdf",
      "--out",
      out,
      "00000000-0000-4000-8000-000000000000",
    ]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("Dokumentet finns inte.");
    const noId = tryggsam(["export", "--format", "pdf", "--out", out, "../../etc/passwd"]);
    expect(noId.code).toBe(2);
    expect(() => readFileSync(out)).toThrow();
  });
});
