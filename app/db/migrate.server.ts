import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import type { Db } from "./client.server";

export const MIGRATIONS_FOLDER = fileURLToPath(new URL("./migrations", import.meta.url));
// Any constant will do; it only has to be the same for every instance.
const MIGRATION_LOCK = 726_372_001;

/** Applies the migrations not yet applied; instances starting together take turns. */
export async function migrateDatabase(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await migrate(tx as unknown as Db, { migrationsFolder: MIGRATIONS_FOLDER });
  });
}
