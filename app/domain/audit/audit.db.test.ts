import { randomUUID } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvent, partnership } from "~/db/schema";
import { anonymous, systemActor } from "~/domain/access/actor";
import { addMunicipalityToPoliceArea } from "~/domain/police-areas/add-municipality-to-police-area.server";
import { correctPoliceArea } from "~/domain/police-areas/correct-police-area.server";
import { insertPoliceArea } from "../../../tests/factories/police-areas";
import { insertUserActor } from "../../../tests/factories/users";
import { withTestDatabase } from "../../../tests/support/test-database";
import { findAuditEvents } from "./audit.queries.server";
import { recordAuditEvent } from "./record-audit-event.server";

const t = withTestDatabase();

/** A partnership with one audited record in it (its own "create" event). */
async function partnershipWithHistory() {
  const area = await insertPoliceArea(t.db);
  const [row] = await t.db
    .insert(partnership)
    .values({ name: `Samverkan ${randomUUID()}`, policeAreaId: area.id })
    .returning();
  await recordAuditEvent(t.db, systemActor("test"), {
    entityType: "partnership",
    entityId: row!.id,
    partnershipId: row!.id,
    action: "create",
    after: { name: row!.name },
  });
  return { partnershipId: row!.id, query: { entityType: "partnership", entityId: row!.id } };
}

describe("the history of a record", () => {
  it("shows a partnership's history to those with audit.read in it, and hides it from others", async () => {
    const own = await partnershipWithHistory();
    const other = await partnershipWithHistory();
    const read = async (actor: Parameters<typeof findAuditEvents>[0]["actor"]) =>
      findAuditEvents({ db: t.db, actor }, own.query);

    for (const role of ["coordinator", "police"] as const) {
      const actor = await insertUserActor(t.db, { partnerships: { [own.partnershipId]: role } });
      expect((await read(actor)).map((e) => e.action)).toEqual(["create"]);
    }
    for (const globalRole of ["admin", "analyst"] as const) {
      expect(await read(await insertUserActor(t.db, { globalRole }))).toHaveLength(1);
    }
    const member = await insertUserActor(t.db, { partnerships: { [own.partnershipId]: "member" } });
    await expect(read(member)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const otherCoordinator = await insertUserActor(t.db, {
      partnerships: { [other.partnershipId]: "coordinator" },
    });
    await expect(read(otherCoordinator)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(read(anonymous)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("shows a police area's history to administrators and analysts only", async () => {
    const area = await insertPoliceArea(t.db);
    const query = { entityType: "policeArea", entityId: area.id };
    const analyst = await insertUserActor(t.db, { globalRole: "analyst" });
    expect((await findAuditEvents({ db: t.db, actor: analyst }, query)).map((e) => e.action)).toEqual([
      "create",
    ]);
    const { partnershipId } = await partnershipWithHistory();
    const coordinator = await insertUserActor(t.db, { partnerships: { [partnershipId]: "coordinator" } });
    await expect(findAuditEvents({ db: t.db, actor: coordinator }, query)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(findAuditEvents({ db: t.db, actor: anonymous }, query)).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
  });

  it("answers an empty history to administrators and not found to others for an unknown record", async () => {
    const query = { entityType: "partnership", entityId: randomUUID() };
    const admin = await insertUserActor(t.db, { globalRole: "admin" });
    expect(await findAuditEvents({ db: t.db, actor: admin }, query)).toEqual([]);
    const { partnershipId } = await partnershipWithHistory();
    const coordinator = await insertUserActor(t.db, { partnerships: { [partnershipId]: "coordinator" } });
    await expect(findAuditEvents({ db: t.db, actor: coordinator }, query)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("is append-only: a later write adds an event and leaves the earlier ones as they were", async () => {
    const admin = await insertUserActor(t.db, { globalRole: "admin" });
    const ctx = { db: t.db, actor: admin };
    const area = await insertPoliceArea(t.db);
    const events = () =>
      t.db
        .select()
        .from(auditEvent)
        .where(eq(auditEvent.entityId, area.id))
        .orderBy(asc(auditEvent.createdAt));
    await correctPoliceArea(ctx, area.id, {
      name: `${area.name} ett`,
      policeDistrict: null,
      policeRegionId: area.policeRegion.id,
    });
    const afterFirst = await events();
    await addMunicipalityToPoliceArea(ctx, area.id, {
      municipalityCode: "0180",
      coverage: "whole",
      status: "verified",
      source: null,
    });
    await correctPoliceArea(ctx, area.id, {
      name: `${area.name} två`,
      policeDistrict: null,
      policeRegionId: area.policeRegion.id,
    });
    const afterAll = await events();
    expect(afterFirst.map((e) => e.action)).toEqual(["create", "update"]);
    expect(afterAll.map((e) => e.action)).toEqual(["create", "update", "add-municipality", "update"]);
    expect(afterAll.slice(0, 2)).toEqual(afterFirst);
    expect(afterAll[1]?.changes.name).toEqual({ before: area.name, after: `${area.name} ett` });
    expect(afterAll[3]?.changes.name).toEqual({ before: `${area.name} ett`, after: `${area.name} två` });
  });
});
