import { fileURLToPath } from "node:url";
import { and, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { Env } from "~/config/env.server";
import type { DbOrTx } from "~/db/client.server";
import { agreement, appSetting, auditEvent, citizenPromise, partnership } from "~/db/schema";
import type { Actor } from "~/domain/access/actor";
import { publishAgreement } from "~/domain/agreements/publish-agreement.server";
import { publishCitizenPromise } from "~/domain/citizen-promises/publish-citizen-promise.server";
import { createPartnershipForImport } from "~/domain/imports/create-partnership-for-import.server";
import { hasDocumentImportedFrom } from "~/domain/imports/imported-document.queries.server";
import { matchPartnership, type PartnershipRef } from "~/domain/imports/match-partnership.server";
import { storeImportedDocument } from "~/domain/imports/store-imported-document.server";
import { isAppError } from "~/errors/app-error";
import { isImportFailure, type ImportOutcome, type ImportResult } from "~/import/import-v1";
import { importPath } from "~/import/importer.server";

/**
 * The demo content: five real, public documents (app/demo/documents/), imported through the real
 * importer as the signed historical documents they are, published (they are public documents),
 * each in the partnership of its municipality and LPO (set up when missing).
 */

export interface DemoDocument {
  file: string;
  municipality: { code: string; name: string };
  /** The local police area's name, as in the reference data. */
  lpo: string;
}

export const DEMO_DOCUMENTS: readonly DemoDocument[] = [
  { file: "ange-2023-2026.txt", municipality: { code: "2260", name: "Ånge" }, lpo: "Medelpad" },
  { file: "bracke-2023-2026.txt", municipality: { code: "2305", name: "Bräcke" }, lpo: "Östersund" },
  { file: "vindeln-2023-2025.txt", municipality: { code: "2404", name: "Vindeln" }, lpo: "Umeå" },
  { file: "umea-2017-2020.txt", municipality: { code: "2480", name: "Umeå" }, lpo: "Umeå" },
  {
    file: "solleftea-2017.txt",
    municipality: { code: "2283", name: "Sollefteå" },
    lpo: "Södra Ångermanland",
  },
];

const DOCUMENTS_FOLDER = fileURLToPath(new URL("./documents/", import.meta.url));

/** The app_setting row saying the first start's automatic seeding has been decided. */
export const DEMO_MARKER_KEY = "demo_content";

export interface DemoSeedReport {
  /** Stored now. */
  seeded: { file: string; title: string; partnership: string; partnershipCreated: boolean }[];
  /** Already there (imported from the same file into the same partnership). */
  present: { file: string; partnership: string }[];
  failed: { file: string; message: string }[];
  /** Things worth knowing, e.g. a partnership set up with another LPO than the document's. */
  notes: string[];
}

export interface DemoSeedOptions {
  documents?: readonly DemoDocument[];
  read?: (file: string) => Promise<ImportOutcome>;
}

/** Reads one demo document through the real importer. */
export function readDemoDocument(file: string): Promise<ImportOutcome> {
  return importPath(`${DOCUMENTS_FOLDER}${file}`);
}

/**
 * Imports the demo documents that are not there yet, signed and published, each in its own
 * transaction; idempotent.
 * `read` and `documents` are for tests (the importer's quality is not what they test).
 * Throws nothing expected: a document that cannot be stored is reported as failed.
 */
export async function seedDemoContent(
  ctx: { db: DbOrTx; actor: Actor },
  options: DemoSeedOptions = {},
): Promise<DemoSeedReport> {
  const read = options.read ?? readDemoDocument;
  const report: DemoSeedReport = { seeded: [], present: [], failed: [], notes: [] };
  const outcomes = await Promise.all(
    (options.documents ?? DEMO_DOCUMENTS).map(async (d) => [d, await read(d.file)] as const),
  );
  for (const [demo, outcome] of outcomes) {
    if (isImportFailure(outcome)) {
      report.failed.push({ file: demo.file, message: outcome.error.message });
      continue;
    }
    // The demo knows each document's parties: the partnership does not depend on the reading.
    const locator: ImportResult = {
      ...outcome,
      municipalities: [demo.municipality],
      policeArea: { ...outcome.policeArea, lpo: demo.lpo },
    };
    try {
      const match = await matchPartnership(ctx.db, locator);
      let target: PartnershipRef;
      let created = false;
      if (match.status === "matched") target = match.partnership;
      else if (match.status === "missing") {
        const made = await createPartnershipForImport(ctx, locator);
        if (made.note) report.notes.push(`${demo.file}: ${made.note}`);
        target = made;
        created = true;
      } else {
        const names = match.status === "ambiguous" ? match.partnerships.map((p) => p.name).join("; ") : "";
        report.failed.push({ file: demo.file, message: `Flera samverkan passar (${names}).` });
        continue;
      }
      if (!created && (await hasDocumentImportedFrom(ctx.db, target.id, outcome.source))) {
        report.present.push({ file: demo.file, partnership: target.name });
        // Earlier versions stored the demo documents signed only: publish them now.
        if ((await publishSignedDemoDocuments(ctx, target.id, outcome.source)) > 0) {
          report.notes.push(`${demo.file}: publicerat nu (sparades tidigare som undertecknat).`);
        }
        continue;
      }
      // Stored as signed and published in one transaction: the public pages show it at once.
      await ctx.db.transaction(async (tx) => {
        const inner = { db: tx, actor: ctx.actor };
        const stored = await storeImportedDocument(inner, target.id, outcome, { asSigned: true });
        if (stored.agreementId) await publishAgreement(inner, stored.agreementId);
        if (stored.citizenPromiseId) await publishCitizenPromise(inner, stored.citizenPromiseId);
      });
      report.seeded.push({
        file: demo.file,
        title: outcome.title ?? demo.file,
        partnership: target.name,
        partnershipCreated: created,
      });
    } catch (error) {
      if (!isAppError(error)) throw error;
      const fields = Object.entries(error.fields).map(
        ([field, messages]) => `${field}: ${messages.join(" ")}`,
      );
      report.failed.push({ file: demo.file, message: [error.message, ...fields].join(" ") });
    }
  }
  return report;
}

/**
 * Publishes the documents imported from this demo file into the partnership that are signed but
 * neither published nor terminated; returns how many. Throws nothing expected.
 */
async function publishSignedDemoDocuments(
  ctx: { db: DbOrTx; actor: Actor },
  partnershipId: string,
  source: string,
): Promise<number> {
  const imported = await ctx.db
    .select({ entityType: auditEvent.entityType, entityId: auditEvent.entityId })
    .from(auditEvent)
    .where(
      and(
        eq(auditEvent.partnershipId, partnershipId),
        eq(auditEvent.action, "import"),
        sql`${auditEvent.changes} -> 'source' ->> 'after' = ${source}`,
      ),
    );
  const idsOf = (type: string) => imported.filter((e) => e.entityType === type).map((e) => e.entityId);
  const [agreements, promises] = await Promise.all([
    idsOf("agreement").length
      ? ctx.db
          .select({ id: agreement.id })
          .from(agreement)
          .where(
            and(
              inArray(sql`${agreement.id}::text`, idsOf("agreement")),
              isNotNull(agreement.signedOn),
              isNull(agreement.publishedAt),
              isNull(agreement.terminatedOn),
            ),
          )
      : [],
    idsOf("citizenPromise").length
      ? ctx.db
          .select({ id: citizenPromise.id })
          .from(citizenPromise)
          .where(
            and(
              inArray(sql`${citizenPromise.id}::text`, idsOf("citizenPromise")),
              isNotNull(citizenPromise.signedOn),
              isNull(citizenPromise.publishedAt),
              isNull(citizenPromise.terminatedOn),
            ),
          )
      : [],
  ]);
  await ctx.db.transaction(async (tx) => {
    const inner = { db: tx, actor: ctx.actor };
    for (const { id } of agreements) await publishAgreement(inner, id);
    for (const { id } of promises) await publishCitizenPromise(inner, id);
  });
  return agreements.length + promises.length;
}

/**
 * The first start of the embedded default database seeds the demo content, once: only when
 * TRYGGSAM_DEMO is not 0, no DATABASE_URL is set, the database has no partnership and no
 * document, and it has never been decided before (a marker in app_setting, so demo content
 * deleted later does not come back). Returns null when it did not seed.
 */
export async function seedDemoOnFirstStart(
  ctx: { db: DbOrTx; actor: Actor },
  env: Pick<Env, "DATABASE_URL" | "TRYGGSAM_DEMO">,
  options: DemoSeedOptions & { now?: Date } = {},
): Promise<DemoSeedReport | null> {
  if (env.DATABASE_URL || !env.TRYGGSAM_DEMO) return null;
  const [marker] = await ctx.db.select().from(appSetting).where(eq(appSetting.key, DEMO_MARKER_KEY));
  if (marker) return null;
  const [counts] = await ctx.db
    .select({
      partnerships: sql<number>`(select count(*) from ${partnership})::int`,
      documents: sql<number>`((select count(*) from ${agreement}) + (select count(*) from ${citizenPromise}))::int`,
    })
    .from(sql`(select 1) as one`);
  const empty = counts!.partnerships === 0 && counts!.documents === 0;
  const report = empty ? await seedDemoContent(ctx, options) : null;
  await ctx.db
    .insert(appSetting)
    .values({
      key: DEMO_MARKER_KEY,
      value: JSON.stringify({
        decidedAt: (options.now ?? new Date()).toISOString(),
        seeded: report?.seeded.length ?? 0,
      }),
    })
    .onConflictDoNothing();
  return report;
}
