import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Env } from "~/config/env.server";
import { openDatabase, type Database } from "~/db/client.server";
import { EMBEDDED_PORT, embeddedSocketDir } from "~/db/embedded-paths.server";
import {
  DataDirLockedError,
  lockDataDir,
  startEmbeddedDatabase,
  type EmbeddedDatabase,
} from "~/db/embedded.server";
import { migrateDatabase } from "~/db/migrate.server";
import { loadReferenceData } from "~/db/reference-data.server";

export interface Prepared {
  database: Database;
  close(): Promise<void>;
}

/**
 * Connects to the configured database, migrated and with reference data, for a command.
 * Embedded: takes the data folder (throws DataDirLockedError when another process serves it,
 * unless `shareRunning` lets a short command use the running server's socket).
 */
export async function prepareDatabase(env: Env, options: { shareRunning?: boolean } = {}): Promise<Prepared> {
  if (env.DATABASE_URL) {
    const database = openDatabase({ databaseUrl: env.DATABASE_URL });
    await migrateAndLoad(database);
    return { database, close: () => database.close() };
  }
  let release: () => void;
  try {
    release = lockDataDir(env.DATA_DIR);
  } catch (error) {
    const socketDir = embeddedSocketDir(env.DATA_DIR);
    if (
      options.shareRunning &&
      error instanceof DataDirLockedError &&
      existsSync(join(socketDir, `.s.PGSQL.${EMBEDDED_PORT}`))
    ) {
      const database = openDatabase({ socketDir, max: 1 });
      return { database, close: () => database.close() };
    }
    throw error;
  }
  let embedded: EmbeddedDatabase | undefined;
  try {
    embedded = await startEmbeddedDatabase({ dataDir: env.DATA_DIR });
    const database = openDatabase({ socketDir: embedded.socketDir });
    await migrateAndLoad(database);
    const running = embedded;
    return {
      database,
      async close() {
        await database.close();
        await running.stop();
        release();
      },
    };
  } catch (error) {
    await embedded?.stop();
    release();
    throw error;
  }
}

async function migrateAndLoad(database: Database): Promise<void> {
  await migrateDatabase(database.db);
  await database.db.transaction((tx) => loadReferenceData(tx));
}
