import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { z } from "zod";
import type { Env } from "~/config/env.server";
import { systemActor } from "~/domain/access/actor";
import { DATE_STATUS_LABELS } from "~/domain/agreements/document-parts.schemas";
import { EXPORT_FORMATS, exportDocument, findDocuments } from "~/documents/export/export-document.server";
import { parseCommandArgs } from "./main";
import { prepareDatabase } from "./database";

const LIST_HELP = `Användning: tryggsam list-documents [--json]

Listar alla samverkansöverenskommelser och medborgarlöften med id, samverkan, rubrik och status.
Id:t är det som \`tryggsam export\`, webbsidorna och API:t använder.

  --json   En rad JSON per dokument i stället för en tabell
`;

const EXPORT_HELP = `Användning: tryggsam export --format docx|pdf --out FIL DOKUMENT-ID

Skriver en samverkansöverenskommelse eller ett medborgarlöfte (den senaste versionen) som
Word (docx) eller PDF. DOKUMENT-ID visas av \`tryggsam list-documents\`, på dokumentets sida och i API:t.

  --format   docx eller pdf
  --out      filen som skrivs
`;

const KIND_LABELS = { agreement: "överenskommelse", "citizen-promise": "medborgarlöfte" } as const;

/** `tryggsam list-documents`: every document, as a table or JSON lines. */
export async function listDocuments(argv: string[], env: Env): Promise<number> {
  const args = parseCommandArgs(argv, { json: { type: "boolean" } }, LIST_HELP);
  if (!args) return 0;
  const prepared = await prepareDatabase(env, { shareRunning: true });
  try {
    const documents = await findDocuments({ db: prepared.database.db, actor: systemActor("cli") });
    if (args.values.json) {
      for (const d of documents) process.stdout.write(`${JSON.stringify(d)}\n`);
      return 0;
    }
    if (documents.length === 0) {
      process.stdout.write("Det finns inga dokument ännu.\n");
      return 0;
    }
    const rows = documents.map((d) => [
      d.id,
      KIND_LABELS[d.kind],
      DATE_STATUS_LABELS.sv[d.status],
      d.partnership,
      d.title,
    ]);
    const header = ["Id", "Typ", "Status", "Samverkan", "Rubrik"];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    for (const row of [header, ...rows]) {
      process.stdout.write(
        `${row.map((cell, i) => (i < row.length - 1 ? cell.padEnd(widths[i]!) : cell)).join("  ")}\n`,
      );
    }
    return 0;
  } finally {
    await prepared.close();
  }
}

const exportArgs = z.object({
  format: z.enum(EXPORT_FORMATS, { message: "--format ska vara docx eller pdf." }),
  out: z
    .string({ message: "Ange filen som ska skrivas med --out." })
    .min(1, "Ange filen som ska skrivas med --out."),
  id: z.guid("Ange dokumentets id (visas av tryggsam list-documents)."),
});

/** `tryggsam export`: one document as DOCX or PDF. */
export async function exportCommand(argv: string[], env: Env): Promise<number> {
  const args = parseCommandArgs(argv, { format: { type: "string" }, out: { type: "string" } }, EXPORT_HELP, {
    positionals: true,
  });
  if (!args) return 0;
  const parsed = exportArgs.safeParse({ ...args.values, id: args.positionals[0] });
  if (!parsed.success || args.positionals.length > 1) {
    const messages = parsed.success
      ? ["Ange ett enda dokument-id."]
      : parsed.error.issues.map((i) => i.message);
    process.stderr.write(`${messages.join("\n")}\n\n${EXPORT_HELP}`);
    return 2;
  }
  const prepared = await prepareDatabase(env, { shareRunning: true });
  try {
    const file = await exportDocument(
      { db: prepared.database.db, actor: systemActor("cli") },
      parsed.data.id.toLowerCase(),
      parsed.data.format,
    );
    const out = resolve(parsed.data.out);
    writeFileSync(out, file.body);
    process.stdout.write(`Skrev ${out} (${file.fileName}).\n`);
    return 0;
  } finally {
    await prepared.close();
  }
}
