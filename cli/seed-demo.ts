import type { Env } from "~/config/env.server";
import { DEMO_DOCUMENTS, seedDemoContent } from "~/demo/seed-demo.server";
import { systemActor } from "~/domain/access/actor";
import { closeImportPool } from "~/import/importer.server";
import { prepareDatabase } from "./database";
import { parseCommandArgs } from "./main";
import { formatTable, truncate } from "./progress";

const HELP = `Användning: tryggsam seed-demo

Lägger in exempeldokumenten: fem verkliga samverkansöverenskommelser och medborgarlöften
(Ånge, Bräcke, Vindeln, Umeå och Sollefteå), som undertecknade dokument, var och en i samverkan
för sin kommun och sitt lokalpolisområde (som läggs upp om den saknas). Dokument som redan finns
läggs inte in igen.

Den inbyggda databasen får dem av sig själv vid första starten (utom med TRYGGSAM_DEMO=0).
`;

/** `tryggsam seed-demo`: the demo content, on any database; idempotent. */
export async function seedDemoCommand(argv: string[], env: Env): Promise<number> {
  const args = parseCommandArgs(argv, {}, HELP);
  if (!args) return 0;
  const prepared = await prepareDatabase(env, { shareRunning: true });
  try {
    const report = await seedDemoContent({ db: prepared.database.db, actor: systemActor("cli") });
    const result = new Map<string, [string, string, string]>();
    for (const s of report.seeded)
      result.set(s.file, [
        s.partnership,
        truncate(s.title, 60),
        s.partnershipCreated ? "inlagt, ny samverkan" : "inlagt",
      ]);
    for (const p of report.present) result.set(p.file, [p.partnership, "", "fanns redan"]);
    for (const f of report.failed) result.set(f.file, ["", "", `ej inlagt: ${f.message}`]);
    process.stdout.write(
      formatTable(
        ["Fil", "Samverkan", "Rubrik", "Resultat"],
        DEMO_DOCUMENTS.map((d) => [d.file, ...(result.get(d.file) ?? ["", "", ""])]),
      ),
    );
    for (const note of report.notes) process.stderr.write(`${note}\n`);
    return report.failed.length ? 1 : 0;
  } finally {
    await prepared.close();
    await closeImportPool();
  }
}
