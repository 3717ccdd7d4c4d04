import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";
import { getEnv } from "~/config/env.server";
import { EMBEDDED_PORT, embeddedSocketDir } from "./embedded-paths.server";
import * as schema from "./schema";

// int8 (count(*), sums) comes back as text from PostgreSQL; all counts here fit in a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10));

export type Db = NodePgDatabase<typeof schema>;
/** A database handle or an open transaction: writes take either. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  pool: pg.Pool;
  close(): Promise<void>;
}

export interface ConnectionOptions {
  databaseUrl?: string | undefined;
  /** Folder holding the embedded database's socket; used when databaseUrl is unset. */
  socketDir?: string;
  max?: number;
}

/** Opens a pool to PostgreSQL, or to the embedded database over its Unix socket. */
export function openDatabase(options: ConnectionOptions): Database {
  const pool = options.databaseUrl
    ? new pg.Pool({ connectionString: options.databaseUrl, max: options.max ?? 10 })
    : new pg.Pool({
        host: options.socketDir,
        port: EMBEDDED_PORT,
        user: "postgres",
        database: "postgres",
        max: options.max ?? 4,
      });
  // An idle client losing its connection must not take the process down.
  pool.on("error", () => undefined);
  const db = drizzle(pool, { schema });
  return { db, pool, close: () => pool.end() };
}

let shared: Database | undefined;

/** The process's database, from the environment. */
export function getDatabase(): Database {
  if (!shared) {
    const env = getEnv();
    shared = openDatabase({
      databaseUrl: env.DATABASE_URL,
      socketDir: env.DATABASE_URL ? undefined : embeddedSocketDir(env.DATA_DIR),
    });
  }
  return shared;
}

export function getDb(): Db {
  return getDatabase().db;
}
