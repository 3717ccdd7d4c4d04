import type { Env } from "~/config/env.server";
import { ensureSessionSecret } from "~/auth/secret.server";
import { createHttpServer, loadBuild } from "./http-server";
import { parseCommandArgs } from "./main";
import { prepareDatabase } from "./database";

const HELP = `Användning: tryggsam serve

Startar Tryggsam. Utan DATABASE_URL används den inbyggda databasen i DATA_DIR (standard ./data);
bara en process åt gången kan använda samma datamapp. Med DATABASE_URL används PostgreSQL,
och flera instanser kan köras samtidigt mot samma databas.
Schemat uppdateras vid start. Konfiguration: se README.md.
`;

export async function serve(argv: string[], env: Env): Promise<number> {
  if (!parseCommandArgs(argv, {}, HELP)) return 0;
  const build = await loadBuild();
  const prepared = await prepareDatabase(env);
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
  await prepared.close();
  return 0;
}
