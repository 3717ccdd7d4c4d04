import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvent, council, partnership, partnershipMunicipality } from "~/db/schema";
import { anonymous } from "~/domain/access/actor";
import { insertPartnership, insertPoliceArea, policeAreaId } from "../../../tests/factories/partnerships";
import { insertUserActor } from "../../../tests/factories/users";
import { withTestDatabase } from "../../../tests/support/test-database";
import { addCouncil } from "./add-council.server";
import { createPartnership } from "./create-partnership.server";
import { findPartnerships, getPartnership } from "./partnership.queries.server";
import { newPartnershipFormSchema, newPartnershipSchema } from "./partnership.schemas";
import { removeCouncil } from "./remove-council.server";
import { updateCouncil } from "./update-council.server";
import { updatePartnership } from "./update-partnership.server";

const t = withTestDatabase();

const countRows = async () => ({
  partnerships: (await t.db.select({ id: partnership.id }).from(partnership)).length,
  municipalities: (await t.db.select().from(partnershipMunicipality)).length,
  councils: (await t.db.select({ id: council.id }).from(council)).length,
  events: (await t.db.select({ id: auditEvent.id }).from(auditEvent)).length,
});

describe("partnerships", () => {
  it("creates a partnership of LPO Medelpad with two municipalities and a council, with audit events", async () => {
    const admin = await insertUserActor(t.db, { globalRole: "admin" });
    const medelpad = await policeAreaId(t.db, "Medelpad");
    const input = newPartnershipSchema.parse({
      name: "Ånge och Sundsvall med LPO Medelpad",
      policeAreaId: medelpad,
      municipalities: ["2260", "2281"],
      otherActors: ["Mitthem", "Räddningstjänsten Medelpad"],
      council: { name: "Trygghetsrådet", type: "trygghetsrad" },
    });
    const { id } = await createPartnership({ db: t.db, actor: admin }, input);

    const view = await getPartnership({ db: t.db, actor: admin }, id);
    expect(view).toMatchObject({
      name: "Ånge och Sundsvall med LPO Medelpad",
      policeArea: { id: medelpad, name: "Medelpad" },
      municipalities: [
        { code: "2281", name: "Sundsvall" },
        { code: "2260", name: "Ånge" },
      ],
      otherActors: ["Mitthem", "Räddningstjänsten Medelpad"],
      councils: [{ name: "Trygghetsrådet", type: "trygghetsrad", members: [] }],
      people: [],
    });

    const events = await t.db.select().from(auditEvent).where(eq(auditEvent.partnershipId, id));
    expect(events.map((e) => `${e.entityType} ${e.action}`).sort()).toEqual([
      "council create",
      "partnership create",
    ]);
    const created = events.find((e) => e.entityType === "partnership")!;
    expect(created.actorId).toBe(admin.id);
    expect(created.changes.municipalities).toEqual({ before: null, after: ["2260", "2281"] });
    expect(created.changes.name).toEqual({ before: null, after: "Ånge och Sundsvall med LPO Medelpad" });
  });

  it("saves nothing for an unknown municipality code or an unknown police area", async () => {
    const admin = await insertUserActor(t.db, { globalRole: "admin" });
    const area = await insertPoliceArea(t.db);
    const before = await countRows();
    await expect(
      createPartnership(
        { db: t.db, actor: admin },
        newPartnershipSchema.parse({
          name: "Fel kod",
          policeAreaId: area,
          municipalities: ["2260", "9999"],
          council: { name: "Rådet", type: "styrgrupp" },
        }),
      ),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fields: { municipalities: ["Kommunkoden 9999 finns inte."] },
    });
    await expect(
      createPartnership(
        { db: t.db, actor: admin },
        newPartnershipSchema.parse({
          name: "Fel LPO",
          policeAreaId: "00000000-0000-4000-8000-000000000000",
          municipalities: ["2260"],
        }),
      ),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fields: { policeAreaId: ["Lokalpolisområdet finns inte. Välj ett i listan."] },
    });
    expect(await countRows()).toEqual(before);
  });

  it("refuses an empty or a 10 000-character name and no municipality, in Swedish, by field", () => {
    const errors = (value: Record<string, unknown>) => {
      const result = newPartnershipFormSchema.safeParse(value);
      expect(result.success).toBe(false);
      return Object.fromEntries(result.error!.issues.map((i) => [i.path.join("."), i.message]));
    };
    const valid = {
      name: "Ånge",
      policeAreaId: "00000000-0000-4000-8000-000000000000",
      municipalities: ["2260"],
    };
    expect(errors({ ...valid, name: "   " })).toEqual({ name: "Ange ett namn på samverkan." });
    expect(errors({ ...valid, name: "x".repeat(10_000) })).toEqual({
      name: "Namnet får vara högst 200 tecken.",
    });
    expect(errors({ ...valid, municipalities: [] })).toEqual({ municipalities: "Välj minst en kommun." });
    expect(errors({ ...valid, municipalities: ["Ånge"] })).toEqual({
      municipalities: "Välj kommunerna i listan.",
    });
    expect(errors({ ...valid, councilName: "Trygghetsrådet" })).toEqual({
      councilType: "Välj vilken sorts råd det är.",
    });
  });

  it("lets only administrators create partnerships", async () => {
    const analyst = await insertUserActor(t.db, { globalRole: "analyst" });
    const input = newPartnershipSchema.parse({
      name: "Inte tillåten",
      policeAreaId: await insertPoliceArea(t.db),
      municipalities: ["2260"],
    });
    await expect(createPartnership({ db: t.db, actor: analyst }, input)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(createPartnership({ db: t.db, actor: anonymous }, input)).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
  });

  it("lists only the partnerships an actor belongs to, and hides another's as not found", async () => {
    const own = await insertPartnership(t.db, { municipalities: ["2260"] });
    const other = await insertPartnership(t.db, { municipalities: ["0180"] });
    const coordinator = await insertUserActor(t.db, { partnerships: { [own]: "coordinator" } });
    expect((await findPartnerships({ db: t.db, actor: coordinator })).map((p) => p.id)).toEqual([own]);
    await expect(getPartnership({ db: t.db, actor: coordinator }, other)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const area = await insertPoliceArea(t.db);
    await expect(
      updatePartnership({ db: t.db, actor: coordinator }, other, {
        name: "Kapad",
        policeAreaId: area,
        municipalities: ["0180"],
        otherActors: [],
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const [unchanged] = await t.db.select().from(partnership).where(eq(partnership.id, other));
    expect(unchanged?.name).not.toBe("Kapad");

    const analyst = await insertUserActor(t.db, { globalRole: "analyst" });
    const all = (await findPartnerships({ db: t.db, actor: analyst })).map((p) => p.id);
    expect(all).toEqual(expect.arrayContaining([own, other]));
  });

  it("updates a partnership's municipalities and records before and after", async () => {
    const id = await insertPartnership(t.db, { municipalities: ["2260", "2281"] });
    const coordinator = await insertUserActor(t.db, { partnerships: { [id]: "coordinator" } });
    const area = await insertPoliceArea(t.db);
    await updatePartnership({ db: t.db, actor: coordinator }, id, {
      name: "Nytt namn",
      policeAreaId: area,
      municipalities: ["2281", "2262"],
      otherActors: ["Länsstyrelsen"],
    });
    const view = await getPartnership({ db: t.db, actor: coordinator }, id);
    expect(view.municipalities.map((m) => m.code).sort()).toEqual(["2262", "2281"]);
    expect(view).toMatchObject({ name: "Nytt namn", otherActors: ["Länsstyrelsen"] });
    const [event] = await t.db
      .select()
      .from(auditEvent)
      .where(eq(auditEvent.entityId, id))
      .then((rows) => rows.filter((e) => e.action === "update"));
    expect(event?.changes.municipalities).toEqual({ before: ["2260", "2281"], after: ["2262", "2281"] });
    expect(event?.partnershipId).toBe(id);

    const member = await insertUserActor(t.db, { partnerships: { [id]: "member" } });
    await expect(
      updatePartnership({ db: t.db, actor: member }, id, {
        name: "Medlem",
        policeAreaId: area,
        municipalities: ["2281"],
        otherActors: [],
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("adds, changes and removes a council for the police, not for a member", async () => {
    const id = await insertPartnership(t.db);
    const police = await insertUserActor(t.db, { partnerships: { [id]: "police" } });
    const member = await insertUserActor(t.db, { partnerships: { [id]: "member" } });
    const ctx = { db: t.db, actor: police };
    const { id: councilId } = await addCouncil(ctx, id, {
      name: "Lokalt BRÅ",
      type: "lokalt-bra",
      members: [{ name: "Anna Andersson", role: "KSO" }],
    });
    await updateCouncil(ctx, id, councilId, {
      name: "Lokala brottsförebyggande rådet",
      type: "lokalt-bra",
      members: [
        { name: "Anna Andersson", role: "KSO" },
        { name: "Per Persson", role: "LPO-chef" },
      ],
    });
    expect((await getPartnership(ctx, id)).councils).toEqual([
      {
        id: councilId,
        name: "Lokala brottsförebyggande rådet",
        type: "lokalt-bra",
        members: [
          { name: "Anna Andersson", role: "KSO" },
          { name: "Per Persson", role: "LPO-chef" },
        ],
      },
    ]);
    await expect(removeCouncil({ db: t.db, actor: member }, id, councilId)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const other = await insertPartnership(t.db);
    await expect(removeCouncil(ctx, other, councilId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await removeCouncil(ctx, id, councilId);
    expect((await getPartnership(ctx, id)).councils).toEqual([]);
    const events = await t.db
      .select()
      .from(auditEvent)
      .where(inArray(auditEvent.entityId, [councilId]));
    expect(events.map((e) => e.action).sort()).toEqual(["create", "remove", "update"]);
    const update = events.find((e) => e.action === "update")!;
    expect(update.changes.name).toEqual({ before: "Lokalt BRÅ", after: "Lokala brottsförebyggande rådet" });
  });
});
