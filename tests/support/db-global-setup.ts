import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../../app/db/client.server";
import { startEmbeddedDatabase } from "../../app/db/embedded.server";
import { migrateDatabase } from "../../app/db/migrate.server";
import { loadReferenceData } from "../../app/db/reference-data.server";

declare module "vitest" {
  export interface ProvidedContext {
    /** A migrated embedded database with reference data, dumped once per run; each test file loads it. */
    templateFile: string | null;
    /** Set when the tests run on PostgreSQL (TEST_DATABASE_URL). */
    databaseUrl: string | null;
  }
}

export default async function setup(project: TestProject) {
  const databaseUrl = process.env.TEST_DATABASE_URL || null;
  if (databaseUrl) {
    const database = openDatabase({ databaseUrl });
    await migrateDatabase(database.db);
    await database.db.transaction((tx) => loadReferenceData(tx));
    await database.close();
    project.provide("databaseUrl", databaseUrl);
    project.provide("templateFile", null);
    return;
  }
  const folder = mkdtempSync(join(tmpdir(), "tryggsam-template-"));
  const embedded = await startEmbeddedDatabase({ dataDir: null, socketDir: join(folder, "run") });
  const database = openDatabase({ socketDir: embedded.socketDir });
  await migrateDatabase(database.db);
  await database.db.transaction((tx) => loadReferenceData(tx));
  await database.close();
  const templateFile = join(folder, "template.tar");
  await embedded.dump(templateFile);
  await embedded.stop();
  project.provide("databaseUrl", null);
  project.provide("templateFile", templateFile);
  return () => rmSync(folder, { recursive: true, force: true });
}
