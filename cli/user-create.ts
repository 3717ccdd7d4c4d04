import { createInterface } from "node:readline/promises";
import type { Env } from "~/config/env.server";
import { systemActor } from "~/domain/access/actor";
import { createUser } from "~/domain/users/create-user.server";
import { emailSchema, nameSchema, passwordSchema } from "~/domain/users/user.schemas";
import { parseInput } from "~/lib/validation";
import { z } from "zod";
import { parseCommandArgs } from "./main";
import { prepareDatabase } from "./database";

const HELP = `Användning: tryggsam user create --email E-POST --name NAMN [--admin | --analyst] [--password-stdin]

Skapar ett konto. Lösenordet läses från standard in (--password-stdin, första raden)
eller frågas efter i terminalen. Minst 12 tecken.

  --admin            Kontot blir administratör
  --analyst          Kontot får läsa allt men inte ändra (t.ex. polisregion, länsstyrelse)
  --password-stdin   Läs lösenordet från standard in
`;

const inputSchema = z.object({ email: emailSchema, name: nameSchema, password: passwordSchema });

export async function userCreate(argv: string[], env: Env): Promise<number> {
  const args = parseCommandArgs(
    argv,
    {
      email: { type: "string" },
      name: { type: "string" },
      admin: { type: "boolean" },
      analyst: { type: "boolean" },
      "password-stdin": { type: "boolean" },
    },
    HELP,
  );
  if (!args) return 0;
  const values = args.values as Record<string, string | boolean | undefined>;
  if (values.admin && values.analyst) {
    process.stderr.write("Välj antingen --admin eller --analyst.\n");
    return 2;
  }
  const password = values["password-stdin"]
    ? await readFirstLine()
    : await prompt("Lösenord (minst 12 tecken): ");
  let input: z.output<typeof inputSchema>;
  try {
    input = parseInput(inputSchema, { email: values.email, name: values.name, password });
  } catch (error) {
    const fields = (error as { fields?: Record<string, string[]> }).fields ?? {};
    for (const [field, messages] of Object.entries(fields))
      process.stderr.write(`--${field}: ${messages.join(" ")}\n`);
    return 2;
  }
  const prepared = await prepareDatabase(env, { shareRunning: true });
  try {
    const user = await createUser(
      { db: prepared.database.db, actor: systemActor("cli") },
      { ...input, globalRole: values.admin ? "admin" : values.analyst ? "analyst" : null },
    );
    process.stdout.write(
      `Kontot ${user.email} är skapat${user.globalRole === "admin" ? " (administratör)" : ""}.\n`,
    );
    return 0;
  } finally {
    await prepared.close();
  }
}

async function readFirstLine(): Promise<string> {
  const rl = createInterface({ input: process.stdin });
  for await (const line of rl) {
    rl.close();
    return line;
  }
  return "";
}

async function prompt(question: string): Promise<string> {
  if (!process.stdin.isTTY) return readFirstLine();
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  // Hide what is typed: write the question, then mute the echo.
  const output = rl as unknown as { _writeToOutput: (s: string) => void };
  process.stdout.write(question);
  output._writeToOutput = () => undefined;
  const answer = await rl.question("");
  rl.close();
  process.stdout.write("\n");
  return answer;
}
