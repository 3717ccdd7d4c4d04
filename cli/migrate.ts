import type { Env } from "~/config/env.server";
import { migrationStatus } from "~/db/migration-status.server";
import { parseCommandArgs } from "./main";
import { prepareDatabase } from "./database";

const HELP = `Användning: tryggsam migrate

Uppdaterar databasens schema till den här versionen och lägger in referensdata
(kommuner, län, polisregioner, kända lokalpolisområden). Det som redan finns lämnas orört,
så det är säkert att köra flera gånger. \`tryggsam serve\` gör detta vid start.
`;

export async function migrate(argv: string[], env: Env): Promise<number> {
  if (!parseCommandArgs(argv, {}, HELP)) return 0;
  const prepared = await prepareDatabase(env);
  try {
    const status = await migrationStatus(prepared.database.db);
    process.stdout.write(`Databasen är uppdaterad (${status.applied} av ${status.known} migreringar).\n`);
    return 0;
  } finally {
    await prepared.close();
  }
}
