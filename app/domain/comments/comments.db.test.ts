import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvent, documentComment } from "~/db/schema";
import { anonymous } from "~/domain/access/actor";
import { insertAgreement, insertCitizenPromise } from "../../../tests/factories/agreements";
import { insertPartnership } from "../../../tests/factories/partnerships";
import { insertUserActor } from "../../../tests/factories/users";
import { withTestDatabase } from "../../../tests/support/test-database";
import { addComment } from "./add-comment.server";
import { findComments } from "./comment.queries.server";

const t = withTestDatabase();

const countFor = async (documentId: string) =>
  (await t.db.select().from(documentComment).where(eq(documentComment.documentId, documentId))).length;

describe("comments on agreements and citizen promises", () => {
  it("lets a council member comment on a draft, on its current version, with the author shown", async () => {
    const { id, partnershipId } = await insertAgreement(t.db);
    const member = await insertUserActor(t.db, {
      name: "Rut Rådsmedlem",
      partnerships: { [partnershipId]: "member" },
    });
    const police = await insertUserActor(t.db, { partnerships: { [partnershipId]: "police" } });
    await addComment({ db: t.db, actor: member }, "agreement", id, { body: "Saknas inte trafiken?" });
    await addComment({ db: t.db, actor: police }, "agreement", id, { body: "<b>Jo</b>, den läggs till." });
    const comments = await findComments({ db: t.db, actor: member }, "agreement", id);
    expect(comments.map((c) => [c.authorName, c.revisionNumber, c.body])).toEqual([
      ["Rut Rådsmedlem", 1, "Saknas inte trafiken?"],
      [police.name, 1, "<b>Jo</b>, den läggs till."],
    ]);
    const [event] = await t.db.select().from(auditEvent).where(eq(auditEvent.entityType, "comment")).limit(1);
    expect(event?.partnershipId).toBeTruthy();
  });

  it("refuses analysts (read only), other partnerships (not found), anonymous visitors and empty text, saving nothing", async () => {
    const { id, partnershipId } = await insertCitizenPromise(t.db);
    const analyst = await insertUserActor(t.db, { globalRole: "analyst" });
    const stranger = await insertUserActor(t.db, {
      partnerships: { [await insertPartnership(t.db)]: "coordinator" },
    });
    const coordinator = await insertUserActor(t.db, { partnerships: { [partnershipId]: "coordinator" } });
    const attempt = (actor: Parameters<typeof addComment>[0]["actor"], body: string) =>
      addComment({ db: t.db, actor }, "citizen-promise", id, { body });
    await expect(attempt(analyst, "Hej")).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(attempt(stranger, "Hej")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(attempt(anonymous, "Hej")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(attempt(coordinator, "   ")).rejects.toMatchObject({
      code: "VALIDATION",
      fields: { body: ["Skriv en kommentar."] },
    });
    await expect(attempt(coordinator, "x".repeat(5_001))).rejects.toMatchObject({ code: "VALIDATION" });
    expect(await countFor(id)).toBe(0);
    await expect(findComments({ db: t.db, actor: stranger }, "citizen-promise", id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    // An agreement's id is not a citizen promise.
    const agreement = await insertAgreement(t.db, { partnershipId });
    await expect(
      addComment({ db: t.db, actor: coordinator }, "citizen-promise", agreement.id, { body: "Hej" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
