import type { Env } from "~/config/env.server";
import type { DbOrTx } from "~/db/client.server";
import { systemActor, type Actor } from "~/domain/access/actor";
import { createPartnershipForImport } from "~/domain/imports/create-partnership-for-import.server";
import {
  matchPartnership,
  type PartnershipMatch,
  type PartnershipRef,
} from "~/domain/imports/match-partnership.server";
import { storeImportedDocument } from "~/domain/imports/store-imported-document.server";
import { getPartnership } from "~/domain/partnerships/partnership.queries.server";
import { isAppError, type AppError } from "~/errors/app-error";
import { isImportFailure, type ImportOutcome, type ImportResult } from "~/import/import-v1";
import { prepareDatabase } from "./database";
import { readInOrder } from "./import";
import { formatTable, startProgress, truncate, type Progress } from "./progress";

export interface StoreOptions {
  asSigned: boolean;
  /** Every file into this partnership; otherwise each is matched by municipalities and LPO. */
  partnershipId: string | null;
  createPartnerships: boolean;
}

const KIND_LABELS: Record<ImportResult["kind"], string> = {
  agreement: "överenskommelse",
  promise: "medborgarlöfte",
  "agreement+promise": "överenskommelse med löften",
};

const SIGNED_DATE_NOTES = {
  document: "",
  "document-year": ", dokumentet anger bara året",
  "period-start": ", periodens första dag: dokumentet anger inget datum",
} as const;

interface Row {
  file: string;
  kind: string;
  title: string;
  partnership: string;
  result: string;
  ok: boolean;
}

/**
 * Reads and stores the files one after the other (reading runs ahead), each in its own
 * transaction: a file that fails stops only itself. Prints progress on stderr and a summary
 * table on stdout; returns 1 when any file failed.
 */
export async function storeFiles(files: readonly string[], env: Env, options: StoreOptions): Promise<number> {
  const prepared = await prepareDatabase(env, { shareRunning: true });
  try {
    const ctx = { db: prepared.database.db, actor: systemActor("cli") };
    const fixed = options.partnershipId ? await getPartnership(ctx, options.partnershipId) : null;
    const progress = startProgress(files.length);
    const rows: Row[] = [];
    await readInOrder(files, async (outcome, index) => {
      const row = await storeOne(ctx, outcome, fixed, options, progress);
      rows.push(row);
      progress.advance(files[index]!, `${row.file}: ${row.result}${row.ok ? ` (${row.partnership})` : ""}`);
    });
    progress.done();
    process.stdout.write(
      formatTable(
        ["Fil", "Typ", "Rubrik", "Samverkan", "Resultat"],
        rows.map((r) => [r.file, r.kind, truncate(r.title, 60), truncate(r.partnership, 45), r.result]),
      ),
    );
    const failed = rows.filter((r) => !r.ok).length;
    process.stdout.write(
      `${rows.length - failed} av ${rows.length} ${rows.length === 1 ? "fil" : "filer"} sparade.\n`,
    );
    return failed ? 1 : 0;
  } finally {
    await prepared.close();
  }
}

async function storeOne(
  ctx: { db: DbOrTx; actor: Actor },
  outcome: ImportOutcome,
  fixed: PartnershipRef | null,
  options: StoreOptions,
  progress: Progress,
): Promise<Row> {
  if (isImportFailure(outcome)) {
    // The message names the file ("x.docx: filen finns inte."): the table's first column already does.
    const reason = outcome.error.message.replace(`${outcome.source}: `, "");
    return { file: outcome.source, kind: "–", title: "–", partnership: "–", result: reason, ok: false };
  }
  const row = {
    file: outcome.source,
    kind: KIND_LABELS[outcome.kind],
    title: outcome.title ?? "(utan rubrik)",
    partnership: "–",
  };
  const fail = (result: string, error?: AppError): Row => {
    if (error) progress.note(explain(outcome.source, error));
    return { ...row, result, ok: false };
  };
  try {
    let partnership = fixed;
    let created = false;
    if (!partnership) {
      const match = await matchPartnership(ctx.db, outcome);
      if (match.status === "matched") partnership = match.partnership;
      else if (match.status === "missing" && options.createPartnerships) {
        const made = await createPartnershipForImport(ctx, outcome);
        if (made.note) progress.note(`${outcome.source}: ${made.note}`);
        partnership = made;
        created = true;
      } else return fail(describeUnmatched(outcome, match));
    }
    row.partnership = partnership.name;
    const stored = await storeImportedDocument(ctx, partnership.id, outcome, { asSigned: options.asSigned });
    const how = stored.signedOn
      ? `undertecknad ${stored.signedOn}${SIGNED_DATE_NOTES[stored.signedDateSource!]}`
      : "utkast";
    return { ...row, result: `sparad (${how})${created ? ", ny samverkan" : ""}`, ok: true };
  } catch (error) {
    if (!isAppError(error)) throw error;
    return fail(`ej sparad: ${error.message}`, error);
  }
}

/** The message and, for each field, what is wrong with it. */
function explain(source: string, error: AppError): string {
  const fields = Object.entries(error.fields).map(([field, messages]) => `  ${field}: ${messages.join(" ")}`);
  return [`${source}: ${error.message}`, ...fields].join("\n");
}

function describeUnmatched(result: ImportResult, match: Exclude<PartnershipMatch, { status: "matched" }>) {
  const municipalities = result.municipalities.map((m) => m.name).join(", ");
  const lpo = result.policeArea.lpo ? `LPO ${result.policeArea.lpo}` : "okänt lokalpolisområde";
  switch (match.status) {
    case "no-municipality":
      return "ej sparad: dokumentet nämner ingen kommun, så det går inte att koppla till en samverkan (ange --partnership ID)";
    case "missing":
      return `ej sparad: ingen samverkan för ${municipalities} och ${lpo} (ange --create-partnerships eller --partnership ID)`;
    case "ambiguous":
      return `ej sparad: flera samverkan passar: ${match.partnerships.map((p) => `${p.name} (${p.id})`).join(", ")} (ange --partnership ID)`;
  }
}
