import { availableParallelism } from "node:os";
import { z } from "zod";
import type { Env } from "~/config/env.server";
import { isImportFailure, type ImportOutcome } from "~/import/import-v1";
import { closeImportPool, importPath } from "~/import/importer.server";
import { parseCommandArgs } from "./main";

const HELP = `Användning: tryggsam import --json FIL...
       tryggsam import [--as-signed] [--partnership ID | --create-partnerships] FIL...

Läser samverkansöverenskommelser och medborgarlöften (text, Markdown, Word eller PDF).

Med --json skrivs för varje fil ett JSON-objekt på en egen rad (formatet tryggsam-import/1), i
filernas ordning. Ingenting sparas och ingen databas behövs.

Utan --json sparas dokumenten, som utkast om inte --as-signed anges. Varje fil kopplas till den
samverkan som har dokumentets kommuner och lokalpolisområde; finns ingen, eller flera, hoppas
filen över med ett meddelande och de andra sparas ändå.

  --json                 Skriv ut vad som lästs ur filerna; spara ingenting
  --as-signed            Spara som undertecknade dokument, med dokumentets egna undertecknare
                         och datum (saknas datum används periodens första dag)
  --partnership ID       Lägg alla filerna i samverkan med detta id
  --create-partnerships  Lägg upp en samverkan för kommunerna och lokalpolisområdet när ingen finns

Slutkod 0 när alla filer lästs (och sparats), 1 när någon inte gick, 2 vid felaktiga flaggor.
`;

/** `tryggsam import`: reads documents, prints them (--json) or stores them. */
export async function importCommand(argv: string[], env: () => Env): Promise<number> {
  const args = parseCommandArgs(
    argv,
    {
      json: { type: "boolean" },
      "as-signed": { type: "boolean" },
      partnership: { type: "string" },
      "create-partnerships": { type: "boolean" },
    },
    HELP,
    { positionals: true },
  );
  if (!args) return 0;
  const values = args.values as Record<string, string | boolean | undefined>;
  const files = args.positionals;
  const problems: string[] = [];
  if (files.length === 0) problems.push("Ange minst en fil.");
  const storing = ["as-signed", "partnership", "create-partnerships"].filter(
    (flag) => values[flag] !== undefined,
  );
  if (values.json && storing.length)
    problems.push(
      `--json sparar ingenting och går inte ihop med ${storing.map((f) => `--${f}`).join(", ")}.`,
    );
  if (values.partnership !== undefined && values["create-partnerships"])
    problems.push("Välj antingen --partnership eller --create-partnerships.");
  const partnershipId =
    typeof values.partnership === "string"
      ? z.guid().safeParse(values.partnership.trim().toLowerCase())
      : null;
  if (partnershipId && !partnershipId.success)
    problems.push("--partnership ska vara en samverkans id (ett uuid).");
  if (problems.length) {
    process.stderr.write(`${problems.join("\n")}\n\n${HELP}`);
    return 2;
  }

  try {
    if (values.json) {
      let failed = false;
      await readInOrder(files, (outcome) => {
        failed ||= isImportFailure(outcome);
        process.stdout.write(`${JSON.stringify(outcome)}\n`);
      });
      return failed ? 1 : 0;
    }
    // Only storing needs the database: --json works in a fresh checkout with nothing set up.
    const { storeFiles } = await import("./import-store");
    return await storeFiles(files, env(), {
      asSigned: Boolean(values["as-signed"]),
      partnershipId: partnershipId?.data ?? null,
      createPartnerships: Boolean(values["create-partnerships"]),
    });
  } finally {
    // The import workers would keep the process alive.
    await closeImportPool();
  }
}

/**
 * Reads the files, several at a time, and hands each outcome over in the order the files were
 * given, as soon as it and all before it are read.
 */
export async function readInOrder(
  files: readonly string[],
  onOutcome: (outcome: ImportOutcome, index: number) => void | Promise<void>,
): Promise<void> {
  const limit = Math.max(1, Math.min(availableParallelism(), files.length));
  const outcomes: Promise<ImportOutcome>[] = [];
  // Each read that ends starts the next, so `limit` run at once; by the time the outcomes before
  // one are handed over, that one has been started.
  const startNext = () => {
    const path = files[outcomes.length];
    if (path !== undefined) outcomes.push(importPath(path).finally(startNext));
  };
  for (let i = 0; i < limit; i++) startNext();
  for (let i = 0; i < files.length; i++) await onOutcome(await outcomes[i]!, i);
}
