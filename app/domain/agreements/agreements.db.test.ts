import { eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { agreement, agreementRevision, auditEvent, signature } from "~/db/schema";
import { anonymous } from "~/domain/access/actor";
import { isAppError } from "~/errors/app-error";
import { bothSignatures, insertAgreement, makeAgreementContent } from "../../../tests/factories/agreements";
import { insertPartnership } from "../../../tests/factories/partnerships";
import { insertUserActor } from "../../../tests/factories/users";
import { withTestDatabase } from "../../../tests/support/test-database";
import {
  compareAgreementRevisions,
  findAgreements,
  getAgreement,
  getAgreementRevision,
} from "./agreement.queries.server";
import { emptyCause, type AgreementContent } from "./agreement.schemas";
import { createAgreementDraft } from "./create-agreement-draft.server";
import { markAgreementReadyForSigning } from "./mark-agreement-ready-for-signing.server";
import { publishAgreement } from "./publish-agreement.server";
import { recordAgreementSignature } from "./record-agreement-signature.server";
import { saveAgreementRevision } from "./save-agreement-revision.server";
import { terminateAgreement } from "./terminate-agreement.server";

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

const countRows = async (agreementId?: string) => ({
  agreements: (await t.db.select({ n: sql<number>`count(*)::int` }).from(agreement))[0]!.n,
  revisions: (
    await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(agreementRevision)
      .where(agreementId ? eq(agreementRevision.agreementId, agreementId) : undefined)
  )[0]!.n,
  signatures: (await t.db.select({ n: sql<number>`count(*)::int` }).from(signature))[0]!.n,
  events: (await t.db.select({ n: sql<number>`count(*)::int` }).from(auditEvent))[0]!.n,
});

describe("agreements", () => {
  it("keeps every save as a new revision, 1, 2, 3, and overwrites nothing", async () => {
    const { partnershipId, coordinator, police } = await partnershipWithRoles();
    const content = makeAgreementContent();
    const { id } = await createAgreementDraft({ db: t.db, actor: coordinator }, partnershipId, content);
    const second = { ...content, background: "Andra versionen." };
    expect(
      await saveAgreementRevision({ db: t.db, actor: police }, id, { baseRevision: 1, content: second }),
    ).toEqual({ number: 2 });
    const third = { ...content, title: `${content.title} (reviderad)` };
    await saveAgreementRevision({ db: t.db, actor: coordinator }, id, { baseRevision: 2, content: third });

    const view = await getAgreement({ db: t.db, actor: coordinator }, id);
    expect(view).toMatchObject({ currentRevision: 3, stage: "draft", status: "draft", title: third.title });
    expect(view.content).toEqual(third);
    expect(view.revisions.map((r) => [r.number, r.authorName])).toEqual([
      [3, "Kim Samordnare"],
      [2, "Pia Polis"],
      [1, "Kim Samordnare"],
    ]);
    expect((await getAgreementRevision({ db: t.db, actor: coordinator }, id, 1)).content).toEqual(content);
    const compared = await compareAgreementRevisions({ db: t.db, actor: police }, id, 1, 2);
    expect(compared.a.content.background).toBe(content.background);
    expect(compared.b.content.background).toBe("Andra versionen.");
    await expect(getAgreementRevision({ db: t.db, actor: coordinator }, id, 4)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });

    const events = await t.db.select().from(auditEvent).where(eq(auditEvent.entityId, id));
    expect(events.map((e) => e.action).sort()).toEqual(["create", "save-revision", "save-revision"]);
    expect(events.every((e) => e.partnershipId === partnershipId)).toBe(true);
    expect(events.find((e) => e.changes.title?.after === third.title)?.changes.revision).toEqual({
      before: 2,
      after: 3,
    });
  });

  it("refuses a save based on a stale revision with the other person's revision, writing nothing", async () => {
    const { partnershipId, coordinator, police } = await partnershipWithRoles();
    const { id } = await insertAgreement(t.db, { partnershipId });
    const theirs = makeAgreementContent({ background: "Polisens ändring." });
    await saveAgreementRevision({ db: t.db, actor: police }, id, { baseRevision: 1, content: theirs });
    const before = await countRows(id);

    const error = await saveAgreementRevision({ db: t.db, actor: coordinator }, id, {
      baseRevision: 1,
      content: makeAgreementContent({ background: "Samordnarens ändring." }),
    }).catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe("CONFLICT");
    if (!isAppError(error)) throw error;
    expect(error.message).toContain("Pia Polis");
    expect(error.details.current).toMatchObject({ number: 2, authorName: "Pia Polis", content: theirs });
    expect(await countRows(id)).toEqual(before);
    expect((await getAgreement({ db: t.db, actor: coordinator }, id)).content).toEqual(theirs);
  });

  it("lets exactly one of two concurrent saves from the same revision win; the other gets CONFLICT", async () => {
    const { partnershipId, coordinator, police } = await partnershipWithRoles();
    const { id } = await insertAgreement(t.db, { partnershipId });
    const results = await Promise.allSettled([
      saveAgreementRevision({ db: t.db, actor: coordinator }, id, {
        baseRevision: 1,
        content: makeAgreementContent({ background: "Samordnaren" }),
      }),
      saveAgreementRevision({ db: t.db, actor: police }, id, {
        baseRevision: 1,
        content: makeAgreementContent({ background: "Polisen" }),
      }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.filter((r) => r.status === "rejected");
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.reason).toMatchObject({ code: "CONFLICT" });
    const revisions = await t.db
      .select()
      .from(agreementRevision)
      .where(eq(agreementRevision.agreementId, id));
    expect(revisions.map((r) => r.number).sort()).toEqual([1, 2]);
  });

  it("is signed only once both the police and the municipality have signed, then published", async () => {
    const { partnershipId, coordinator, police } = await partnershipWithRoles();
    const { id } = await insertAgreement(t.db, { partnershipId });
    const ctx = { db: t.db, actor: police };
    await expect(recordAgreementSignature(ctx, id, bothSignatures[1])).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Överenskommelsen är inte klar för undertecknande än.",
    });
    await expect(publishAgreement(ctx, id)).rejects.toMatchObject({ code: "CONFLICT" });
    await markAgreementReadyForSigning({ db: t.db, actor: coordinator }, id);
    await expect(markAgreementReadyForSigning(ctx, id)).rejects.toMatchObject({ code: "CONFLICT" });

    expect(await recordAgreementSignature(ctx, id, bothSignatures[1])).toEqual({ signed: false });
    expect(
      await recordAgreementSignature(ctx, id, {
        ...bothSignatures[1],
        name: "Olle Polis",
        signedOn: "2023-03-05",
      }),
    ).toEqual({ signed: false });
    expect((await getAgreement(ctx, id)).stage).toBe("ready-for-signing");
    await expect(publishAgreement(ctx, id)).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await recordAgreementSignature(ctx, id, bothSignatures[0])).toEqual({ signed: true });

    const signed = await getAgreement({ ...ctx, now: new Date("2026-11-22T12:00:00Z") }, id);
    expect(signed).toMatchObject({
      stage: "signed",
      status: "active",
      signedOn: "2023-03-05",
      signedPlace: "Sundsvall",
    });
    expect(signed.signatures.map((s) => [s.name, s.party, s.revisionNumber])).toEqual([
      ["Anna Andersson", "municipality", 1],
      ["Per Persson", "police", 1],
      ["Olle Polis", "police", 1],
    ]);
    await publishAgreement(ctx, id);
    expect((await getAgreement(ctx, id)).stage).toBe("published");
    await expect(publishAgreement(ctx, id)).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Överenskommelsen är redan publicerad.",
    });
    const actions = (await t.db.select().from(auditEvent).where(eq(auditEvent.entityId, id))).map(
      (e) => e.action,
    );
    expect(actions).toEqual(
      expect.arrayContaining(["mark-ready-for-signing", "record-signature", "publish"]),
    );
  });

  it("freezes a signed agreement: a change needs a reason and becomes an amendment", async () => {
    const { partnershipId, coordinator } = await partnershipWithRoles();
    const { id } = await insertAgreement(t.db, { partnershipId, stage: "signed" });
    const ctx = { db: t.db, actor: coordinator };
    const content = makeAgreementContent({ purpose: "Nytt syfte efter halva perioden." });
    const before = await countRows(id);
    await expect(saveAgreementRevision(ctx, id, { baseRevision: 1, content })).rejects.toMatchObject({
      code: "VALIDATION",
      fields: { amendmentReason: ["Ange varför dokumentet ändras efter att det undertecknats."] },
    });
    expect(await countRows(id)).toEqual(before);

    await saveAgreementRevision(ctx, id, {
      baseRevision: 1,
      content,
      amendmentReason: "Trygghetsrådet beslutade om nytt fokus 2025-02-01.",
    });
    const view = await getAgreement(ctx, id);
    expect(view).toMatchObject({ stage: "signed", currentRevision: 2 });
    expect(view.revisions[0]).toMatchObject({
      number: 2,
      amendmentReason: "Trygghetsrådet beslutade om nytt fokus 2025-02-01.",
    });
    expect(view.revisions[1]).toMatchObject({ number: 1, amendmentReason: null });
    const [amend] = await t.db
      .select()
      .from(auditEvent)
      .where(eq(auditEvent.entityId, id))
      .then((rows) => rows.filter((e) => e.action === "amend"));
    expect(amend?.changes.amendmentReason?.after).toBe("Trygghetsrådet beslutade om nytt fokus 2025-02-01.");
  });

  it("sends a document marked ready back to draft when it is changed before signing", async () => {
    const { partnershipId, coordinator } = await partnershipWithRoles();
    const { id } = await insertAgreement(t.db, { partnershipId, stage: "ready" });
    const ctx = { db: t.db, actor: coordinator };
    await saveAgreementRevision(ctx, id, { baseRevision: 1, content: makeAgreementContent() });
    expect((await getAgreement(ctx, id)).stage).toBe("draft");
  });

  it("refuses bad input by field and saves nothing; stores HTML and script text verbatim", async () => {
    const { partnershipId, coordinator } = await partnershipWithRoles();
    const ctx = { db: t.db, actor: coordinator };
    const before = await countRows();
    const bad = (content: Record<string, unknown>) =>
      createAgreementDraft(ctx, partnershipId, {
        ...makeAgreementContent(),
        ...(content as Partial<AgreementContent>),
      });
    await expect(bad({ period: { from: "2026", to: "2023-01-01" } })).rejects.toMatchObject({
      code: "VALIDATION",
      fields: { "period.to": ["Slutet kan inte ligga före början."] },
    });
    await expect(bad({ signatories: [{ name: " ", party: "police" }] })).rejects.toMatchObject({
      code: "VALIDATION",
      fields: { "signatories.0.name": ["Ange undertecknarens namn."] },
    });
    await expect(bad({ title: "x".repeat(1024 * 1024) })).rejects.toMatchObject({
      code: "VALIDATION",
      fields: { title: ["Rubriken får vara högst 300 tecken."] },
    });
    await expect(bad({ signatories: [{ name: "Anna", party: "kyrkan" }] })).rejects.toMatchObject({
      code: "VALIDATION",
      fields: { "signatories.0.party": ["Välj polisen, kommunen eller annan part."] },
    });
    expect(await countRows()).toEqual(before);

    const { id } = await insertAgreement(t.db, { partnershipId, stage: "ready" });
    const signBefore = await countRows(id);
    await expect(
      recordAgreementSignature(ctx, id, { ...bothSignatures[0], party: "kyrkan" as "police", name: "" }),
    ).rejects.toMatchObject({ code: "VALIDATION", fields: { name: ["Ange undertecknarens namn."] } });
    expect(await countRows(id)).toEqual(signBefore);

    const script = `<script>alert("x")</script><b onmouseover="y">Trygghet & "säkerhet"</b>`;
    const { id: html } = await createAgreementDraft(
      ctx,
      partnershipId,
      makeAgreementContent({
        title: script,
        background: script,
        focusAreas: [{ ...makeAgreementContent().focusAreas[0]!, title: script }],
      }),
    );
    const view = await getAgreement(ctx, html);
    expect(view.title).toBe(script);
    expect(view.content.background).toBe(script);
    expect(view.content.focusAreas[0]!.title).toBe(script);
  });

  it("hides another partnership's agreement as not found; members read, analysts read, neither writes", async () => {
    const { partnershipId, member } = await partnershipWithRoles();
    const { id } = await insertAgreement(t.db, { partnershipId });
    const other = await insertPartnership(t.db);
    const otherCoordinator = await insertUserActor(t.db, { partnerships: { [other]: "coordinator" } });
    const analyst = await insertUserActor(t.db, { globalRole: "analyst" });
    const input = { baseRevision: 1, content: makeAgreementContent() };

    await expect(getAgreement({ db: t.db, actor: otherCoordinator }, id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      saveAgreementRevision({ db: t.db, actor: otherCoordinator }, id, input),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(findAgreements({ db: t.db, actor: otherCoordinator }, partnershipId)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      createAgreementDraft({ db: t.db, actor: otherCoordinator }, partnershipId, makeAgreementContent()),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getAgreement({ db: t.db, actor: anonymous }, id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });

    expect((await getAgreement({ db: t.db, actor: member }, id)).stage).toBe("draft");
    await expect(saveAgreementRevision({ db: t.db, actor: member }, id, input)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(markAgreementReadyForSigning({ db: t.db, actor: member }, id)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect((await findAgreements({ db: t.db, actor: analyst }, partnershipId)).map((a) => a.id)).toEqual([
      id,
    ]);
    await expect(saveAgreementRevision({ db: t.db, actor: analyst }, id, input)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      createAgreementDraft({ db: t.db, actor: analyst }, partnershipId, makeAgreementContent()),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await getAgreement({ db: t.db, actor: member }, id)).currentRevision).toBe(1);
  });

  it("derives the status by date: continued, replaced by a signed successor, terminated", async () => {
    const { partnershipId, coordinator } = await partnershipWithRoles();
    const ctx = { db: t.db, actor: coordinator, now: new Date("2026-01-15T10:00:00Z") };
    const { id: vindeln } = await insertAgreement(t.db, {
      partnershipId,
      stage: "published",
      content: makeAgreementContent({
        period: { from: "2024-01-01", to: "2025-12-31", continuesUntilReplaced: true },
      }),
    });
    expect((await getAgreement(ctx, vindeln)).status).toBe("continued");

    const { id: successor } = await createAgreementDraft(
      ctx,
      partnershipId,
      makeAgreementContent({
        period: { from: "2026", to: "2027", continuesUntilReplaced: false },
      }),
      { predecessorId: vindeln },
    );
    expect(await getAgreement(ctx, vindeln)).toMatchObject({ status: "continued", successorId: successor });
    await markAgreementReadyForSigning(ctx, successor);
    for (const s of bothSignatures)
      await recordAgreementSignature(ctx, successor, { ...s, signedOn: "2026-01-10" });
    expect((await getAgreement(ctx, vindeln)).status).toBe("replaced");
    const list = await findAgreements(ctx, partnershipId);
    expect(list.map((a) => [a.id, a.status])).toEqual([
      [successor, "active"],
      [vindeln, "replaced"],
    ]);

    await expect(
      createAgreementDraft(ctx, partnershipId, makeAgreementContent(), {
        predecessorId: (await insertAgreement(t.db)).id,
      }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fields: { predecessorId: ["Överenskommelsen som ersätts finns inte i den här samverkan."] },
    });

    await expect(
      terminateAgreement(ctx, (await insertAgreement(t.db, { partnershipId })).id, {
        terminatedOn: "2026-01-01",
        reason: "Ett utkast",
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await terminateAgreement(ctx, successor, { terminatedOn: "2026-01-14", reason: "Kommunen sa upp den." });
    expect(await getAgreement(ctx, successor)).toMatchObject({
      status: "terminated",
      terminatedOn: "2026-01-14",
      terminationReason: "Kommunen sa upp den.",
    });
    await expect(
      saveAgreementRevision(ctx, successor, {
        baseRevision: 1,
        content: makeAgreementContent(),
        amendmentReason: "x",
      }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Överenskommelsen är uppsagd och kan inte ändras.",
    });
    const events = await t.db
      .select()
      .from(auditEvent)
      .where(inArray(auditEvent.entityId, [successor]));
    expect(events.find((e) => e.action === "terminate")?.changes.terminationReason).toEqual({
      before: null,
      after: "Kommunen sa upp den.",
    });
  });

  it("reads a revision saved before themes existed, and keeps the themes a later save gives", async () => {
    const { partnershipId, coordinator } = await partnershipWithRoles();
    const ctx = { db: t.db, actor: coordinator };
    const content = makeAgreementContent({
      focusAreas: [
        {
          key: "trafik",
          title: "Trafik",
          description: "",
          points: ["Hastighetsöverträdelser"],
          cause: emptyCause,
          themes: [],
        },
      ],
    });
    const { id } = await createAgreementDraft(ctx, partnershipId, content);
    // The JSON as stored before themes: no key at all.
    await t.db.execute(
      sql`update agreement_revision set content = jsonb_set(content, '{focusAreas,0}', (content->'focusAreas'->0) - 'themes') where agreement_id = ${id}`,
    );
    const [stored] = await t.db
      .select({ content: agreementRevision.content })
      .from(agreementRevision)
      .where(eq(agreementRevision.agreementId, id));
    expect(stored!.content.focusAreas[0]).not.toHaveProperty("themes");
    const old = await getAgreement(ctx, id);
    expect(old.content.focusAreas[0]!.themes).toEqual([]);

    const themed = {
      ...old.content,
      focusAreas: [{ ...old.content.focusAreas[0]!, themes: ["trafik" as const] }],
    };
    await saveAgreementRevision(ctx, id, { baseRevision: 1, content: themed });
    expect((await getAgreement(ctx, id)).content.focusAreas[0]!.themes).toEqual(["trafik"]);
  });
});
