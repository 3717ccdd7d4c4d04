import type { Env } from "~/config/env.server";
import { ensureSessionSecret } from "~/auth/secret.server";
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
Schemat uppdateras vid start. Konfiguration: se README.md.
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

  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  await new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeAllConnections();
  await closeImportPool();
  await prepared.close();
  return 0;
}
