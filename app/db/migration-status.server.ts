import { sql } from "drizzle-orm";
import type { Db } from "./client.server";
import journal from "./migrations/meta/_journal.json";

/** How many of the project's migrations are recorded as applied, and how many there are. */
export async function migrationStatus(db: Db): Promise<{ applied: number; known: number }> {
  const known = journal.entries.length;
  const table = await db.execute<{ exists: boolean }>(
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as exists`,
  );
  if (!table.rows[0]?.exists) return { applied: 0, known };
  const applied = await db.execute<{ n: number }>(
    sql`select count(*) as n from drizzle.__drizzle_migrations`,
  );
  return { applied: Number(applied.rows[0]?.n ?? 0), known };
}
