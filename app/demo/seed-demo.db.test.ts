import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { agreement, appSetting, citizenPromise, partnership, policeArea } from "~/db/schema";
import { systemActor } from "~/domain/access/actor";
import type { ImportOutcome } from "~/import/import-v1";
import { expectedSeedResult } from "../../tests/factories/imports";
import { insertPartnership } from "../../tests/factories/partnerships";
import { insertPoliceArea } from "../../tests/factories/police-areas";
import { onPostgres, withTestDatabase } from "../../tests/support/test-database";
import {
  DEMO_DOCUMENTS,
  DEMO_MARKER_KEY,
  seedDemoContent,
  seedDemoOnFirstStart,
  type DemoDocument,
} from "./seed-demo.server";

const t = withTestDatabase();
const system = systemActor("demo");

// The mechanism, not the importer: each demo file reads as its seed's expected import result.
const EXPECTED: Record<string, string> = {
  "ange-2023-2026.txt": "000_7e17c7c06217a12c.json",
  "bracke-2023-2026.txt": "001_bee810fb721d12b5.json",
  "vindeln-2023-2025.txt": "002_784097a4d4d2bf5e.json",
  "umea-2017-2020.txt": "003_bf24039c6809ed1c.json",
  "solleftea-2017.txt": "004_05198947a7b27357.json",
};
const readExpected = async (file: string): Promise<ImportOutcome> => ({
  ...expectedSeedResult(EXPECTED[file]!),
  source: file,
});

/** The demo documents with police areas of the test's own, so other tests' partnerships do not match. */
async function demoDocumentsInOwnAreas(): Promise<DemoDocument[]> {
  const areas = new Map<string, string>();
  for (const lpo of new Set(DEMO_DOCUMENTS.map((d) => d.lpo))) {
    areas.set(
      lpo,
      (await insertPoliceArea(t.db, { name: `${lpo} demo ${Math.random().toString(36).slice(2, 8)}` })).name,
    );
  }
  return DEMO_DOCUMENTS.map((d) => ({ ...d, lpo: areas.get(d.lpo)! }));
}

async function partnershipsOfAreas(names: string[]) {
  return t.db
    .select({ id: partnership.id, name: partnership.name, lpo: policeArea.name })
    .from(partnership)
    .innerJoin(policeArea, eq(policeArea.id, partnership.policeAreaId))
    .where(inArray(policeArea.name, names))
    .orderBy(partnership.name);
}

describe("the demo content", () => {
  it.skipIf(onPostgres())(
    "is seeded by the first start of an empty embedded database, once, and not after it was removed",
    async () => {
      const read = async (file: string): Promise<ImportOutcome> => readExpected(file);
      const report = await seedDemoOnFirstStart(
        { db: t.db, actor: system },
        { DATABASE_URL: undefined, TRYGGSAM_DEMO: true },
        { read },
      );
      expect(report?.failed).toEqual([]);
      expect(report?.seeded.map((s) => [s.file, s.partnership])).toEqual([
        ["ange-2023-2026.txt", "Ånge kommun och LPO Medelpad"],
        ["bracke-2023-2026.txt", "Bräcke kommun och LPO Östersund"],
        ["vindeln-2023-2025.txt", "Vindeln kommun och LPO Umeå"],
        ["umea-2017-2020.txt", "Umeå kommun och LPO Umeå"],
        ["solleftea-2017.txt", "Sollefteå kommun och LPO Södra Ångermanland"],
      ]);
      const [marker] = await t.db.select().from(appSetting).where(eq(appSetting.key, DEMO_MARKER_KEY));
      expect(JSON.parse(marker!.value)).toMatchObject({ seeded: 5 });

      // Removed by its users: a restart does not bring it back.
      await t.db.delete(partnership);
      expect(
        await seedDemoOnFirstStart(
          { db: t.db, actor: system },
          { DATABASE_URL: undefined, TRYGGSAM_DEMO: true },
          { read },
        ),
      ).toBeNull();
      expect(await t.db.select().from(partnership)).toEqual([]);
    },
  );

  it("is not seeded automatically on PostgreSQL, with TRYGGSAM_DEMO=0, or into a database in use", async () => {
    const ctx = { db: t.db, actor: system };
    const read = async (file: string) => readExpected(file);
    expect(
      await seedDemoOnFirstStart(ctx, { DATABASE_URL: "postgres://x/y", TRYGGSAM_DEMO: true }, { read }),
    ).toBeNull();
    expect(
      await seedDemoOnFirstStart(ctx, { DATABASE_URL: undefined, TRYGGSAM_DEMO: false }, { read }),
    ).toBeNull();
    await t.db.delete(appSetting).where(eq(appSetting.key, DEMO_MARKER_KEY));
    await insertPartnership(t.db); // the database is in use
    expect(
      await seedDemoOnFirstStart(ctx, { DATABASE_URL: undefined, TRYGGSAM_DEMO: true }, { read }),
    ).toBeNull();
    expect(await t.db.select().from(appSetting).where(eq(appSetting.key, DEMO_MARKER_KEY))).toHaveLength(1);
  });

  it("stores each document signed and published, in the partnership of its municipality and LPO, and does not duplicate on a re-run", async () => {
    const documents = await demoDocumentsInOwnAreas();
    const ctx = { db: t.db, actor: system };
    const first = await seedDemoContent(ctx, { documents, read: readExpected });
    expect(first.failed).toEqual([]);
    expect(first.seeded).toHaveLength(5);
    expect(first.seeded.every((s) => s.partnershipCreated)).toBe(true);

    const areaNames = [...new Set(documents.map((d) => d.lpo))];
    const partnerships = await partnershipsOfAreas(areaNames);
    // Umeå and Vindeln share LPO Umeå, in partnerships of their own.
    expect(partnerships.map((p) => p.name).sort()).toEqual(
      documents.map((d) => `${d.municipality.name} kommun och LPO ${d.lpo}`).sort(),
    );
    const ids = partnerships.map((p) => p.id);
    const agreements = await t.db
      .select({ signedOn: agreement.signedOn, publishedAt: agreement.publishedAt })
      .from(agreement)
      .where(inArray(agreement.partnershipId, ids));
    const promises = await t.db
      .select({
        signedOn: citizenPromise.signedOn,
        agreementId: citizenPromise.agreementId,
        publishedAt: citizenPromise.publishedAt,
      })
      .from(citizenPromise)
      .where(inArray(citizenPromise.partnershipId, ids));
    // Ånge, Bräcke, Vindeln, Umeå: agreements; Vindeln's promises inside it; Sollefteå's on its own.
    expect(agreements.map((a) => a.signedOn).sort()).toEqual([
      "2016-11-08",
      "2023-01-01",
      "2023-01-01",
      "2023-03-03",
    ]);
    expect(promises.map((p) => p.signedOn).sort()).toEqual(["2017-01-01", "2023-03-03"]);
    // Public documents: the public pages show them.
    expect([...agreements, ...promises].every((d) => d.publishedAt instanceof Date)).toBe(true);

    const again = await seedDemoContent(ctx, { documents, read: readExpected });
    expect(again.seeded).toEqual([]);
    expect(again.present.map((p) => p.file)).toEqual(DEMO_DOCUMENTS.map((d) => d.file));
    expect(await partnershipsOfAreas(areaNames)).toHaveLength(5);
    expect(
      await t.db.select({ id: agreement.id }).from(agreement).where(inArray(agreement.partnershipId, ids)),
    ).toHaveLength(4);
  });

  it("publishes on a re-run the demo documents an earlier version stored signed only", async () => {
    const documents = await demoDocumentsInOwnAreas();
    const ctx = { db: t.db, actor: system };
    expect((await seedDemoContent(ctx, { documents, read: readExpected })).seeded).toHaveLength(5);
    const ids = (await partnershipsOfAreas([...new Set(documents.map((d) => d.lpo))])).map((p) => p.id);
    // As an earlier version left them: signed, not published.
    await t.db.update(agreement).set({ publishedAt: null }).where(inArray(agreement.partnershipId, ids));
    await t.db
      .update(citizenPromise)
      .set({ publishedAt: null })
      .where(inArray(citizenPromise.partnershipId, ids));

    const again = await seedDemoContent(ctx, { documents, read: readExpected });
    expect(again.present).toHaveLength(5);
    expect(again.notes.filter((n) => n.includes("publicerat nu"))).toHaveLength(5);
    const unpublished = [
      ...(await t.db
        .select({ publishedAt: agreement.publishedAt })
        .from(agreement)
        .where(inArray(agreement.partnershipId, ids))),
      ...(await t.db
        .select({ publishedAt: citizenPromise.publishedAt })
        .from(citizenPromise)
        .where(inArray(citizenPromise.partnershipId, ids))),
    ].filter((d) => d.publishedAt === null);
    expect(unpublished).toEqual([]);
    // Nothing left to publish the next time.
    expect((await seedDemoContent(ctx, { documents, read: readExpected })).notes).toEqual([]);
  });

  it("reports a document it cannot store, and stores the others", async () => {
    const documents = (await demoDocumentsInOwnAreas()).slice(0, 2);
    const report = await seedDemoContent(
      { db: t.db, actor: system },
      {
        documents,
        read: async (file) =>
          file === documents[0]!.file
            ? { source: file, error: { code: "UNREADABLE", message: `${file}: filen kan inte läsas.` } }
            : readExpected(file),
      },
    );
    expect(report.failed).toEqual([
      { file: documents[0]!.file, message: `${documents[0]!.file}: filen kan inte läsas.` },
    ]);
    expect(report.seeded.map((s) => s.file)).toEqual([documents[1]!.file]);
  });
});
