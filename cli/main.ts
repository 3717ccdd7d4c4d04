import { parseArgs, type ParseArgsConfig } from "node:util";
import { ConfigError, parseEnv } from "~/config/env.server";
import { DataDirLockedError } from "~/db/embedded.server";
import { isAppError } from "~/errors/app-error";

const HELP = `tryggsam – samverkan mellan polis och kommun

Användning: tryggsam <kommando> [flaggor]

Kommandon:
  serve          Startar webbservern (standard: http://localhost:3000)
  migrate        Uppdaterar databasens schema och referensdata
  user create    Skapar ett konto (--admin för administratör)
  list-documents Listar överenskommelser och medborgarlöften med deras id
  export         Skriver ett dokument som Word (docx) eller PDF
  import         Läser in överenskommelser och medborgarlöften (--json: skriver bara ut dem)
  seed-demo      Lägger in exempeldokumenten (Ånge, Bräcke, Vindeln, Umeå, Sollefteå)

Skriv tryggsam <kommando> --help för kommandots flaggor.
Konfiguration läses från miljövariabler: PORT, HOST, DATABASE_URL, DATA_DIR,
PUBLIC_URL, SMTP_URL, SESSION_SECRET, LOG_LEVEL, TRYGGSAM_DEMO, SURVEY_SUBMISSIONS_PER_MINUTE,
MAP_TILE_URL, MAP_TILE_ATTRIBUTION (se README.md).
`;

/**
 * Runs one CLI command; returns the exit code. Each command's module is loaded when it runs, so
 * a quick command (--help, import --json) does not wait for the web server's and the exports'.
 */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "serve":
        return await (await import("./serve")).serve(rest, parseEnvOrExit());
      case "migrate":
        return await (await import("./migrate")).migrate(rest, parseEnvOrExit());
      case "list-documents":
        return await (await import("./documents")).listDocuments(rest, parseEnvOrExit());
      case "export":
        return await (await import("./documents")).exportCommand(rest, parseEnvOrExit());
      case "import":
        return await (await import("./import")).importCommand(rest, parseEnvOrExit);
      case "seed-demo":
        return await (await import("./seed-demo")).seedDemoCommand(rest, parseEnvOrExit());
      case "user":
        if (rest[0] === "create")
          return await (await import("./user-create")).userCreate(rest.slice(1), parseEnvOrExit());
        process.stderr.write(
          `Okänt användarkommando: ${rest[0] ?? "(inget)"}. Menade du "tryggsam user create"?\n`,
        );
        return 2;
      case undefined:
      case "help":
      case "--help":
      case "-h":
        process.stdout.write(HELP);
        return command === undefined ? 2 : 0;
      default:
        process.stderr.write(`Okänt kommando: ${command}\n\n${HELP}`);
        return 2;
    }
  } catch (error) {
    if (error instanceof ConfigError || error instanceof DataDirLockedError || isAppError(error)) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    if (error instanceof TypeError && (error as NodeJS.ErrnoException).code?.startsWith("ERR_PARSE_ARGS")) {
      process.stderr.write(`${error.message}\nSkriv tryggsam ${command} --help för hjälp.\n`);
      return 2;
    }
    throw error;
  }
}

function parseEnvOrExit() {
  return parseEnv(process.env);
}

/** parseArgs with Swedish help: returns null after printing help. Arguments besides flags only with `positionals`. */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig["options"]>>(
  argv: string[],
  options: T,
  help: string,
  { positionals = false }: { positionals?: boolean } = {},
) {
  const parsed = parseArgs({
    args: argv,
    options: { ...options, help: { type: "boolean", short: "h" } },
    strict: true,
    allowPositionals: positionals,
  });
  if ((parsed.values as { help?: boolean }).help) {
    process.stdout.write(help);
    return null;
  }
  return parsed;
}
