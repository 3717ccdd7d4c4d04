import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvent, policeArea } from "~/db/schema";
import { anonymous } from "~/domain/access/actor";
import { findAuditEvents } from "~/domain/audit/audit.queries.server";
import { insertPoliceArea, makePoliceArea, policeRegionId } from "../../../tests/factories/police-areas";
import { insertUserActor } from "../../../tests/factories/users";
import { withTestDatabase } from "../../../tests/support/test-database";
import { addMunicipalityToPoliceArea } from "./add-municipality-to-police-area.server";
import { addPoliceArea } from "./add-police-area.server";
import { correctPoliceArea } from "./correct-police-area.server";
import { findPoliceAreas, getPoliceArea } from "./police-area.queries.server";
import { removeMunicipalityFromPoliceArea } from "./remove-municipality-from-police-area.server";

const t = withTestDatabase();

const stockholm = { municipalityCode: "0180", coverage: "part", status: "verified", source: null } as const;
const solna = {
  municipalityCode: "0184",
  coverage: "whole",
  status: "probable",
  source: "https://polisen.se/x",
} as const;

const countAreas = async () => (await t.db.select({ n: sql<number>`count(*)::int` }).from(policeArea))[0]!.n;
const countEvents = async () => (await t.db.select({ n: sql<number>`count(*)::int` }).from(auditEvent))[0]!.n;

describe("police areas", () => {
  it("adds a police area and lists it, with the municipalities it serves, to everyone signed in", async () => {
    const admin = await insertUserActor(t.db, { globalRole: "admin" });
    const region = await policeRegionId(t.db);
    const created = await addPoliceArea(
      { db: t.db, actor: admin },
      { ...makePoliceArea(region, { name: "LPO Norrort Test" }), municipalities: [solna, stockholm] },
    );
    const member = await insertUserActor(t.db);
    const listed = await findPoliceAreas({ db: t.db, actor: member }, { policeRegionId: region });
    const found = listed.find((a) => a.id === created.id);
    expect(found).toMatchObject({
      name: "LPO Norrort Test",
      policeRegion: { id: region, name: "Stockholm" },
      municipalities: [
        {
          code: "0184",
          name: "Solna",
          coverage: "whole",
          status: "probable",
          source: "https://polisen.se/x",
        },
        { code: "0180", name: "Stockholm", coverage: "part", status: "verified", source: null },
      ],
    });
    const other = await findPoliceAreas(
      { db: t.db, actor: member },
      { policeRegionId: await policeRegionId(t.db, "Syd") },
    );
    expect(other.map((a) => a.id)).not.toContain(created.id);
    expect(other.length).toBeGreaterThan(0);
    await expect(findPoliceAreas({ db: t.db, actor: anonymous })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
  });

  it("corrects a police area, and adds and removes the municipalities it serves", async () => {
    const admin = await insertUserActor(t.db, { globalRole: "admin" });
    const ctx = { db: t.db, actor: admin };
    const area = await insertPoliceArea(t.db);
    const syd = await policeRegionId(t.db, "Syd");
    await correctPoliceArea(ctx, area.id, {
      name: `${area.name} rättad`,
      policeDistrict: "Malmö",
      policeRegionId: syd,
    });
    await addMunicipalityToPoliceArea(ctx, area.id, { ...stockholm, municipalityCode: "1280" });
    await addMunicipalityToPoliceArea(ctx, area.id, { ...solna, municipalityCode: "1281" });
    await removeMunicipalityFromPoliceArea(ctx, area.id, "1280");
    expect(await getPoliceArea(ctx, area.id)).toMatchObject({
      name: `${area.name} rättad`,
      policeDistrict: "Malmö",
      policeRegion: { name: "Syd" },
      municipalities: [{ code: "1281", name: "Lund", coverage: "whole", status: "probable" }],
    });
    await expect(removeMunicipalityFromPoliceArea(ctx, area.id, "1280")).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("replaces the served municipalities with a full list (the API's PUT)", async () => {
    const admin = await insertUserActor(t.db, { globalRole: "admin" });
    const area = await insertPoliceArea(t.db, { municipalities: [stockholm, solna] });
    const corrected = await correctPoliceArea({ db: t.db, actor: admin }, area.id, {
      name: area.name,
      policeDistrict: null,
      policeRegionId: area.policeRegion.id,
      municipalities: [
        { ...stockholm, coverage: "whole" },
        { ...solna, municipalityCode: "0186" },
      ],
    });
    expect(corrected.municipalities.map((m) => [m.name, m.coverage])).toEqual([
      ["Lidingö", "whole"],
      ["Stockholm", "whole"],
    ]);
    const history = await findAuditEvents(
      { db: t.db, actor: admin },
      { entityType: "policeArea", entityId: area.id },
    );
    expect(history.map((e) => e.action)).toEqual([
      "create",
      "add-municipality",
      "add-municipality",
      "remove-municipality",
      "correct-municipality",
      "add-municipality",
    ]);
    expect(history[4]?.changes).toEqual([
      {
        field: "municipality:0180",
        before: { name: "Stockholm", coverage: "part", status: "verified", source: null },
        after: { name: "Stockholm", coverage: "whole", status: "verified", source: null },
      },
    ]);
  });

  it("refuses a duplicate name in any case with a message by the name field, and saves nothing", async () => {
    const admin = await insertUserActor(t.db, { globalRole: "admin" });
    const ctx = { db: t.db, actor: admin };
    const first = await insertPoliceArea(t.db, { name: "LPO Dubblett" });
    const second = await insertPoliceArea(t.db);
    const [areas, events] = [await countAreas(), await countEvents()];

    await expect(
      addPoliceArea(ctx, {
        ...makePoliceArea(first.policeRegion.id, { name: "lpo dubblett" }),
        municipalities: [stockholm],
      }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      fields: { name: ["Det finns redan ett lokalpolisområde med det namnet."] },
    });
    await expect(
      correctPoliceArea(ctx, second.id, { ...makePoliceArea(second.policeRegion.id), name: "LPO DUBBLETT" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect([await countAreas(), await countEvents()]).toEqual([areas, events]);
    expect((await getPoliceArea(ctx, second.id)).name).toBe(second.name);
  });

  it("refuses an unknown municipality code or region and saves nothing, not even the area", async () => {
    const admin = await insertUserActor(t.db, { globalRole: "admin" });
    const ctx = { db: t.db, actor: admin };
    const region = await policeRegionId(t.db);
    const [areas, events] = [await countAreas(), await countEvents()];
    await expect(
      addPoliceArea(ctx, {
        ...makePoliceArea(region),
        municipalities: [stockholm, { ...solna, municipalityCode: "9999" }],
      }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fields: { "municipalities[1].municipalityCode": ["Det finns ingen kommun med koden 9999."] },
    });
    await expect(
      addPoliceArea(ctx, makePoliceArea("00000000-0000-4000-8000-000000000000")),
    ).rejects.toMatchObject({ code: "VALIDATION", fields: { policeRegionId: [expect.any(String)] } });
    const area = await insertPoliceArea(t.db);
    const afterInsert = await countEvents();
    await expect(
      addMunicipalityToPoliceArea(ctx, area.id, { ...stockholm, municipalityCode: "0000" }),
    ).rejects.toMatchObject({ code: "VALIDATION", fields: { municipalityCode: [expect.any(String)] } });
    expect(await countAreas()).toBe(areas + 1);
    expect(await countEvents()).toBe(afterInsert);
    expect(afterInsert).toBe(events + 1);
    expect((await getPoliceArea(ctx, area.id)).municipalities).toEqual([]);
  });

  it("lets only administrators write", async () => {
    const area = await insertPoliceArea(t.db);
    const region = area.policeRegion.id;
    for (const actor of [
      await insertUserActor(t.db, { globalRole: "analyst" }),
      await insertUserActor(t.db),
    ]) {
      const ctx = { db: t.db, actor };
      await expect(addPoliceArea(ctx, makePoliceArea(region))).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(correctPoliceArea(ctx, area.id, makePoliceArea(region))).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      await expect(addMunicipalityToPoliceArea(ctx, area.id, stockholm)).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
    await expect(
      removeMunicipalityFromPoliceArea({ db: t.db, actor: anonymous }, area.id, "0180"),
    ).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect((await getPoliceArea({ db: t.db, actor: await insertUserActor(t.db) }, area.id)).name).toBe(
      area.name,
    );
  });

  it("records every write with before → after, in the same transaction", async () => {
    const admin = await insertUserActor(t.db, { globalRole: "admin", name: "Ada Admin" });
    const ctx = { db: t.db, actor: admin };
    const region = await policeRegionId(t.db);
    const area = await addPoliceArea(ctx, makePoliceArea(region, { name: "LPO Historik" }));
    await correctPoliceArea(ctx, area.id, {
      name: "LPO Historik",
      policeDistrict: "Nord",
      policeRegionId: region,
    });
    // Correcting without a change writes nothing.
    await correctPoliceArea(ctx, area.id, {
      name: "LPO Historik",
      policeDistrict: "Nord",
      policeRegionId: region,
    });
    await addMunicipalityToPoliceArea(ctx, area.id, stockholm);
    await addMunicipalityToPoliceArea(ctx, area.id, stockholm);
    await removeMunicipalityFromPoliceArea(ctx, area.id, "0180");

    const history = await findAuditEvents(ctx, { entityType: "policeArea", entityId: area.id });
    expect(history.map((e) => [e.action, e.actor])).toEqual([
      ["create", "Ada Admin"],
      ["update", "Ada Admin"],
      ["add-municipality", "Ada Admin"],
      ["remove-municipality", "Ada Admin"],
    ]);
    expect(history[0]?.changes).toEqual([
      { field: "name", before: null, after: "LPO Historik" },
      { field: "policeRegion", before: null, after: "Stockholm" },
    ]);
    expect(history[1]?.changes).toEqual([{ field: "policeDistrict", before: null, after: "Nord" }]);
    expect(history[3]?.changes).toEqual([
      {
        field: "municipality:0180",
        before: { name: "Stockholm", coverage: "part", status: "verified", source: null },
        after: null,
      },
    ]);
  });
});
