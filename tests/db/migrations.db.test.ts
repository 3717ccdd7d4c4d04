import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openDatabase } from "~/db/client.server";
import { startEmbeddedDatabase } from "~/db/embedded.server";
import { migrateDatabase } from "~/db/migrate.server";
import { migrationStatus } from "~/db/migration-status.server";
import { loadReferenceData } from "~/db/reference-data.server";
import journal from "~/db/migrations/meta/_journal.json";
import { onPostgres, withTestDatabase } from "../support/test-database";

const known = journal.entries.length;

describe("migrations", () => {
  const test = withTestDatabase();

  it(`are all applied to this run's database (${onPostgres() ? "PostgreSQL" : "embedded"}), and a restart applies nothing twice`, async () => {
    expect(await migrationStatus(test.db)).toEqual({ applied: known, known });
    await migrateDatabase(test.db);
    await test.db.transaction((tx) => loadReferenceData(tx));
    expect(await migrationStatus(test.db)).toEqual({ applied: known, known });
    const [municipalities] = (
      await test.db.execute<{ n: number }>(sql`select count(*)::int as n from municipality`)
    ).rows;
    expect(municipalities?.n).toBe(290);
  });

  it("apply cleanly to an empty embedded database, and once only when run again", async () => {
    const folder = mkdtempSync(join(tmpdir(), "tryggsam-migrate-"));
    const embedded = await startEmbeddedDatabase({ dataDir: join(folder, "data") });
    const database = openDatabase({ socketDir: embedded.socketDir });
    try {
      expect(await migrationStatus(database.db)).toEqual({ applied: 0, known });
      await migrateDatabase(database.db);
      await migrateDatabase(database.db);
      expect(await migrationStatus(database.db)).toEqual({ applied: known, known });
      const tables = await database.db.execute<{ name: string }>(
        sql`select table_name as name from information_schema.tables where table_schema = 'public'`,
      );
      expect(tables.rows.map((r) => r.name)).toEqual(
        expect.arrayContaining(["partnership", "app_user", "session", "audit_event", "municipality"]),
      );
    } finally {
      await database.close();
      await embedded.stop();
      rmSync(folder, { recursive: true, force: true });
    }
  }, 60_000);
});
