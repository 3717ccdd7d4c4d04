import { pino } from "pino";
import type { Env } from "~/config/env.server";
import type { Db } from "~/db/client.server";
import { ensureSessionSecret } from "~/auth/secret.server";
import { seedDemoOnFirstStart } from "~/demo/seed-demo.server";
import { systemActor } from "~/domain/access/actor";
import { closeImportPool, getImportPool } from "~/import/import-pool.server";
import { buildWebApp, createHttpServer, loadBuild } from "./http-server";
import { parseCommandArgs } from "./main";
import { prepareDatabase } from "./database";

const HELP = `Användning: tryggsam serve [--build]

  --build   Bygg webbdelen först (npm start gör så); datamappen låses innan bygget,
            så en andra start på samma DATA_DIR avbryts utan att röra den som kör.

Startar Tryggsam. Utan DATABASE_URL används den inbyggda databasen i DATA_DIR (standard ./data);
bara en process åt gången kan använda samma datamapp. Med DATABASE_URL används PostgreSQL,
och flera instanser kan köras samtidigt mot samma databas.
Schemat uppdateras vid start. Första starten av den inbyggda databasen lägger in fem
exempeldokument (stäng av med TRYGGSAM_DEMO=0). Konfiguration: se README.md.
`;

export async function serve(argv: string[], env: Env): Promise<number> {
  const args = parseCommandArgs(argv, { build: { type: "boolean" } }, HELP);
  if (!args) return 0;
  // Server rendering is several times slower in development mode.
  process.env.NODE_ENV ??= "production";
  const prepared = await prepareDatabase(env);
  // The import workers are started from here, where their file lies beside the source: the web
  // bundle's copy of the importer finds this pool (its own path to the worker would not resolve).
  getImportPool();
  let build;
  try {
    if (args.values.build) await buildWebApp();
    build = await loadBuild();
  } catch (error) {
    await prepared.close();
    throw error;
  }
  // The bundle reads its configuration from the environment: hand it the resolved secret.
  process.env.SESSION_SECRET = await ensureSessionSecret(env, prepared.database.db);
  const server = createHttpServer(env, build);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(env.PORT, env.HOST, () => resolve());
  });
  const shownHost = env.HOST === "0.0.0.0" || env.HOST === "::" ? "localhost" : env.HOST;
  // PORT=0 picks a free port (tests): say the one actually taken.
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : env.PORT;
  process.stdout.write(
    `Tryggsam kör på ${env.PUBLIC_URL ?? `http://${shownHost}:${port}`} ` +
      `(${env.DATABASE_URL ? "PostgreSQL" : `inbyggd databas i ${env.DATA_DIR}`}).\n`,
  );

  // After listening: the import workers' first start takes seconds, the server need not wait.
  const demo = seedDemo(env, prepared.database.db);

  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  await new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeAllConnections();
  await demo;
  await closeImportPool();
  await prepared.close();
  return 0;
}

/**
 * The demo content on the first start of an empty embedded database (seedDemoOnFirstStart), with
 * one JSON log line saying what was stored. Never rejects: the server runs on without it.
 */
async function seedDemo(env: Env, db: Db): Promise<void> {
  const log = pino({ level: env.LOG_LEVEL, base: undefined });
  const started = performance.now();
  try {
    const report = await seedDemoOnFirstStart({ db, actor: systemActor("demo") }, env);
    if (!report) {
      log.debug({ demo: null }, "Inga exempeldokument: inte första starten av en tom inbyggd databas.");
      return;
    }
    log.info(
      {
        demo: { seeded: report.seeded, failed: report.failed, notes: report.notes },
        ms: Math.round(performance.now() - started),
      },
      `Exempeldokument inlagda: ${report.seeded.length} av ${report.seeded.length + report.failed.length}.`,
    );
  } catch (error) {
    // A background task: its failure is logged, not thrown into the running server.
    log.error({ err: error }, "Exempeldokumenten kunde inte läggas in.");
  }
}
