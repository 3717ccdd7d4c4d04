import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, inject } from "vitest";
import { openDatabase, type Database, type Db } from "~/db/client.server";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "~/db/embedded.server";

export const onPostgres = () => inject("databaseUrl") !== null;

/**
 * One database per test file: a copy of the migrated template on the embedded engine, or the
 * run's PostgreSQL database (tests make unique data, so they do not step on each other).
 */
export function withTestDatabase(): { readonly db: Db; readonly database: Database } {
  let database: Database | undefined;
  let embedded: EmbeddedDatabase | undefined;
  let folder: string | undefined;
  beforeAll(async () => {
    const databaseUrl = inject("databaseUrl");
    if (databaseUrl) {
      database = openDatabase({ databaseUrl, max: 4 });
      return;
    }
    folder = mkdtempSync(join(tmpdir(), "tryggsam-test-"));
    embedded = await startEmbeddedDatabase({
      dataDir: null,
      socketDir: join(folder, "run"),
      templateFile: inject("templateFile")!,
    });
    database = openDatabase({ socketDir: embedded.socketDir });
  });
  afterAll(async () => {
    await database?.close();
    await embedded?.stop();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });
  return {
    get db() {
      if (!database) throw new Error("withTestDatabase: the database is not open yet (use it inside a test)");
      return database.db;
    },
    get database() {
      if (!database) throw new Error("withTestDatabase: the database is not open yet");
      return database;
    },
  };
}
