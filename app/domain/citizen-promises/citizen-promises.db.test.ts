import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvent, citizenPromise, citizenPromiseRevision, commitmentProgress } from "~/db/schema";
import { anonymous } from "~/domain/access/actor";
import {
  bothSignatures,
  insertAgreement,
  insertCitizenPromise,
  makeCitizenPromiseContent,
} from "../../../tests/factories/agreements";
import { insertPartnership } from "../../../tests/factories/partnerships";
import { insertUserActor } from "../../../tests/factories/users";
import { withTestDatabase } from "../../../tests/support/test-database";
import { findCitizenPromises, getCitizenPromise } from "./citizen-promise.queries.server";
import type { CitizenPromiseContent } from "./citizen-promise.schemas";
import { createCitizenPromiseDraft } from "./create-citizen-promise-draft.server";
import { markCitizenPromiseReadyForSigning } from "./mark-citizen-promise-ready-for-signing.server";
import { publishCitizenPromise } from "./publish-citizen-promise.server";
import { recordCitizenPromiseSignature } from "./record-citizen-promise-signature.server";
import { recordCommitmentProgress } from "./record-commitment-progress.server";
import { saveCitizenPromiseRevision } from "./save-citizen-promise-revision.server";
import { terminateCitizenPromise } from "./terminate-citizen-promise.server";

const t = withTestDatabase();

async function partnershipWithRoles() {
  const partnershipId = await insertPartnership(t.db);
  const coordinator = await insertUserActor(t.db, {
    name: "Kim Samordnare",
    partnerships: { [partnershipId]: "coordinator" },
  });
  const police = await insertUserActor(t.db, {
    name: "Pia Polis",
    partnerships: { [partnershipId]: "police" },
  });
  const member = await insertUserActor(t.db, { partnerships: { [partnershipId]: "member" } });
  return { partnershipId, coordinator, police, member };
}

const countRows = async () => ({
  promises: (await t.db.select({ n: sql<number>`count(*)::int` }).from(citizenPromise))[0]!.n,
  revisions: (await t.db.select({ n: sql<number>`count(*)::int` }).from(citizenPromiseRevision))[0]!.n,
  progress: (await t.db.select({ n: sql<number>`count(*)::int` }).from(commitmentProgress))[0]!.n,
  events: (await t.db.select({ n: sql<number>`count(*)::int` }).from(auditEvent))[0]!.n,
});

describe("citizen promises", () => {
  it("keeps revisions, refuses a stale save with the other person's revision, and lets one of two concurrent saves win", async () => {
    const { partnershipId, coordinator, police } = await partnershipWithRoles();
    const { id: agreementId } = await insertAgreement(t.db, { partnershipId });
    const content = makeCitizenPromiseContent();
    const { id } = await createCitizenPromiseDraft({ db: t.db, actor: coordinator }, partnershipId, content, {
      agreementId,
    });
    const theirs = { ...content, background: "Polisens ändring." };
    await saveCitizenPromiseRevision({ db: t.db, actor: police }, id, { baseRevision: 1, content: theirs });

    const before = await countRows();
    await expect(
      saveCitizenPromiseRevision({ db: t.db, actor: coordinator }, id, { baseRevision: 1, content }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      details: { current: { number: 2, authorName: "Pia Polis", content: theirs } },
    });
    expect(await countRows()).toEqual(before);

    const results = await Promise.allSettled([
      saveCitizenPromiseRevision({ db: t.db, actor: coordinator }, id, { baseRevision: 2, content }),
      saveCitizenPromiseRevision({ db: t.db, actor: police }, id, { baseRevision: 2, content: theirs }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "CONFLICT" } });

    const view = await getCitizenPromise({ db: t.db, actor: coordinator }, id);
    expect(view).toMatchObject({ agreementId, currentRevision: 3, stage: "draft", status: "draft" });
    expect(view.revisions.map((r) => r.number)).toEqual([3, 2, 1]);
    expect((await findCitizenPromises({ db: t.db, actor: police }, partnershipId)).map((p) => p.id)).toEqual([
      id,
    ]);
    const actions = (await t.db.select().from(auditEvent).where(eq(auditEvent.entityId, id))).map(
      (e) => e.action,
    );
    expect(actions.sort()).toEqual(["create", "save-revision", "save-revision"]);
  });

  it("is signed when both parties have signed, frozen after that, then published", async () => {
    const { partnershipId, coordinator, police } = await partnershipWithRoles();
    const { id } = await insertCitizenPromise(t.db, { partnershipId, stage: "ready" });
    const ctx = { db: t.db, actor: police, now: new Date("2025-06-01T08:00:00Z") };
    await expect(publishCitizenPromise(ctx, id)).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Medborgarlöftet kan publiceras först när båda parter undertecknat.",
    });
    expect(await recordCitizenPromiseSignature(ctx, id, bothSignatures[0])).toEqual({ signed: false });
    expect(await recordCitizenPromiseSignature(ctx, id, bothSignatures[1])).toEqual({ signed: true });
    expect(await getCitizenPromise(ctx, id)).toMatchObject({
      stage: "signed",
      status: "active",
      signedOn: "2023-03-03",
    });

    await expect(
      saveCitizenPromiseRevision({ db: t.db, actor: coordinator }, id, {
        baseRevision: 1,
        content: makeCitizenPromiseContent(),
      }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fields: { amendmentReason: ["Ange varför dokumentet ändras efter att det undertecknats."] },
    });
    await saveCitizenPromiseRevision({ db: t.db, actor: coordinator }, id, {
      baseRevision: 1,
      content: makeCitizenPromiseContent(),
      amendmentReason: "Nytt löfte om Ramsele.",
    });
    expect((await getCitizenPromise(ctx, id)).revisions[0]).toMatchObject({
      number: 2,
      amendmentReason: "Nytt löfte om Ramsele.",
    });
    await publishCitizenPromise(ctx, id);
    await expect(markCitizenPromiseReadyForSigning(ctx, id)).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Medborgarlöftet är redan undertecknat.",
    });
    await terminateCitizenPromise(ctx, id, {
      terminatedOn: "2025-05-31",
      reason: "Ersätts av ett nytt löfte.",
    });
    expect((await getCitizenPromise(ctx, id)).status).toBe("terminated");
  });

  it("refuses bad input by field and saves nothing; keeps script text verbatim", async () => {
    const { partnershipId, coordinator } = await partnershipWithRoles();
    const ctx = { db: t.db, actor: coordinator };
    const { id: othersAgreement } = await insertAgreement(t.db);
    const before = await countRows();
    const bad = (content: Record<string, unknown>, options = {}) =>
      createCitizenPromiseDraft(
        ctx,
        partnershipId,
        { ...makeCitizenPromiseContent(), ...(content as Partial<CitizenPromiseContent>) },
        options,
      );
    await expect(bad({ commitments: [{ key: "a", owner: "kyrkan", text: "" }] })).rejects.toMatchObject({
      code: "VALIDATION",
      fields: {
        "commitments.0.owner": ["Välj vem som lovar."],
        "commitments.0.text": ["Skriv vad som lovas."],
      },
    });
    await expect(bad({ period: { from: "2025-06-01", to: "2025-01-31" } })).rejects.toMatchObject({
      fields: { "period.to": ["Slutet kan inte ligga före början."] },
    });
    await expect(bad({ title: "x".repeat(1024 * 1024) })).rejects.toMatchObject({
      fields: { title: ["Rubriken får vara högst 300 tecken."] },
    });
    await expect(bad({}, { agreementId: othersAgreement })).rejects.toMatchObject({
      code: "VALIDATION",
      fields: { agreementId: ["Överenskommelsen finns inte i den här samverkan."] },
    });
    expect(await countRows()).toEqual(before);

    const script = `<img src=x onerror="alert(1)"> & <script>"lovar"</script>`;
    const content = makeCitizenPromiseContent();
    const { id } = await createCitizenPromiseDraft(ctx, partnershipId, {
      ...content,
      title: script,
      commitments: [{ ...content.commitments[0]!, text: script }],
    });
    const view = await getCitizenPromise(ctx, id);
    expect([view.title, view.content.commitments[0]!.text]).toEqual([script, script]);
  });

  it("hides another partnership's promise; members and analysts read but do not write", async () => {
    const { partnershipId, member } = await partnershipWithRoles();
    const { id } = await insertCitizenPromise(t.db, { partnershipId });
    const other = await insertPartnership(t.db);
    const otherCoordinator = await insertUserActor(t.db, { partnerships: { [other]: "coordinator" } });
    const analyst = await insertUserActor(t.db, { globalRole: "analyst" });
    const input = { baseRevision: 1, content: makeCitizenPromiseContent() };
    for (const actor of [otherCoordinator, anonymous]) {
      await expect(getCitizenPromise({ db: t.db, actor }, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    await expect(
      saveCitizenPromiseRevision({ db: t.db, actor: otherCoordinator }, id, input),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    for (const actor of [member, analyst]) {
      expect((await getCitizenPromise({ db: t.db, actor }, id)).stage).toBe("draft");
      await expect(saveCitizenPromiseRevision({ db: t.db, actor }, id, input)).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      await expect(
        recordCommitmentProgress({ db: t.db, actor }, id, {
          commitmentKey: "ramsele",
          status: "done",
          note: "",
          occurredOn: "2025-03-01",
        }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });

  it("records dated progress notes per commitment; the newest gives the status", async () => {
    const { partnershipId, coordinator, police } = await partnershipWithRoles();
    const { id } = await insertCitizenPromise(t.db, { partnershipId, stage: "published" });
    await recordCommitmentProgress({ db: t.db, actor: police }, id, {
      commitmentKey: "ramsele",
      status: "in-progress",
      note: "Besök i Ramsele i januari och februari.",
      occurredOn: "2025-02-28",
    });
    await recordCommitmentProgress({ db: t.db, actor: coordinator }, id, {
      commitmentKey: "ramsele",
      status: "done",
      note: "Alla besök genomförda utom sommaren.",
      occurredOn: "2025-12-15",
    });
    // Written later, about an earlier day: it does not become the status.
    await recordCommitmentProgress({ db: t.db, actor: police }, id, {
      commitmentKey: "ramsele",
      status: "planned",
      note: "Planering i december året innan.",
      occurredOn: "2024-12-10",
    });
    await recordCommitmentProgress({ db: t.db, actor: coordinator }, id, {
      commitmentKey: "grannsamverkan",
      status: "partly-done",
      note: "",
      occurredOn: "2025-11-01",
    });
    const before = await countRows();
    await expect(
      recordCommitmentProgress({ db: t.db, actor: police }, id, {
        commitmentKey: "finns-inte",
        status: "done",
        note: "",
        occurredOn: "2025-11-01",
      }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fields: { commitmentKey: ["Löftet finns inte i medborgarlöftet. Välj ett i listan."] },
    });
    await expect(
      recordCommitmentProgress({ db: t.db, actor: police }, id, {
        commitmentKey: "ramsele",
        status: "klar" as "done",
        note: "",
        occurredOn: "2025-13-01",
      }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fields: { status: ["Välj hur det går med löftet."], occurredOn: ["Datumet finns inte i kalendern."] },
    });
    expect(await countRows()).toEqual(before);

    const { progress } = await getCitizenPromise({ db: t.db, actor: police }, id);
    expect(progress.map((p) => [p.commitmentKey, p.status, p.notes.length])).toEqual([
      ["ramsele", "done", 3],
      ["grannsamverkan", "partly-done", 1],
      ["dialog", null, 0],
    ]);
    expect(progress[0]!.notes.map((n) => [n.occurredOn, n.authorName])).toEqual([
      ["2025-12-15", "Kim Samordnare"],
      ["2025-02-28", "Pia Polis"],
      ["2024-12-10", "Pia Polis"],
    ]);
    const events = await t.db.select().from(auditEvent).where(eq(auditEvent.entityId, id));
    expect(events.filter((e) => e.action === "record-progress")).toHaveLength(4);
  });
});
