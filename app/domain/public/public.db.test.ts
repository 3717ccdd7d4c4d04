import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { agreement, agreementRevision } from "~/db/schema";
import { systemActor } from "~/domain/access/actor";
import { recordCommitmentProgress } from "~/domain/citizen-promises/record-commitment-progress.server";
import {
  insertAgreement,
  insertCitizenPromise,
  makeAgreementContent,
  makeCitizenPromiseContent,
} from "../../../tests/factories/agreements";
import { insertCouncil, insertPartnership } from "../../../tests/factories/partnerships";
import { withTestDatabase } from "../../../tests/support/test-database";
import { findPublicMunicipality } from "./public-municipality.queries.server";
import { findPublicOverview } from "./public-overview.queries.server";
import { findPublishedMunicipalitySlugs } from "./public-sitemap.queries.server";

const t = withTestDatabase();
const system = systemActor("test");
const TODAY = "2026-11-25";

// Municipalities no other test file uses, so a shared PostgreSQL run does not mix their data in.
const TANUM = { code: "1435", slug: "tanum" };
const SAVSJO = { code: "0684", slug: "savsjo" };
const BROMOLLA = { code: "1272", slug: "bromolla" };

describe("the public read model", () => {
  it("answers null for an unknown slug and empty lists for a municipality with nothing published", async () => {
    expect(await findPublicMunicipality(t.db, "finns-inte", TODAY)).toBeNull();
    const page = await findPublicMunicipality(t.db, "sandviken", TODAY);
    expect(page?.municipality).toMatchObject({
      code: "2181",
      name: "Sandviken",
      county: "Gävleborgs län",
      policeRegion: "Mitt",
    });
    expect(page?.currentAgreement).toBeNull();
    expect(page?.currentPromises).toEqual([]);
  });

  it("shows only published documents: never a draft, one ready for signing or one signed but unpublished", async () => {
    const partnershipId = await insertPartnership(t.db, { municipalities: [TANUM.code] });
    await insertCouncil(t.db, partnershipId);
    const published = await insertAgreement(t.db, { partnershipId, stage: "published" });
    const draft = await insertAgreement(t.db, {
      partnershipId,
      stage: "draft",
      content: makeAgreementContent({ period: { from: "2026", to: "2028", continuesUntilReplaced: false } }),
    });
    const ready = await insertAgreement(t.db, { partnershipId, stage: "ready" });
    const signed = await insertAgreement(t.db, {
      partnershipId,
      stage: "signed",
      content: makeAgreementContent({ period: { from: "2026", to: "2030", continuesUntilReplaced: false } }),
    });
    const promise = await insertCitizenPromise(t.db, { partnershipId, stage: "published" });
    const unpublishedPromise = await insertCitizenPromise(t.db, { partnershipId, stage: "signed" });
    const draftPromise = await insertCitizenPromise(t.db, { partnershipId, stage: "draft" });

    const page = (await findPublicMunicipality(t.db, TANUM.slug, TODAY))!;
    const agreementIds = [page.currentAgreement, ...page.earlierAgreements].map((a) => a?.id);
    expect(agreementIds).toContain(published.id);
    for (const hidden of [draft.id, ready.id, signed.id]) expect(agreementIds).not.toContain(hidden);
    const promiseIds = [...page.currentPromises, ...page.earlierPromises].map((p) => p.id);
    expect(promiseIds).toContain(promise.id);
    expect(promiseIds).not.toContain(unpublishedPromise.id);
    expect(promiseIds).not.toContain(draftPromise.id);
    expect(page.partnerships.find((p) => p.id === partnershipId)?.councils).toHaveLength(1);

    const overview = await findPublicOverview(t.db, TODAY);
    expect(overview).toHaveLength(290);
    const tanum = overview.find((m) => m.code === TANUM.code)!;
    // The 2023–2026 published agreement, not the signed-but-unpublished 2026–2030 one.
    expect(tanum).toMatchObject({ status: "active", agreementId: published.id, periodEnd: "2026" });
    expect(tanum.promises).toBeGreaterThanOrEqual(1);
  });

  it("lists in the sitemap only municipalities with something published", async () => {
    const onlyDraft = "0117"; // Österåker
    const partnershipId = await insertPartnership(t.db, { municipalities: [onlyDraft] });
    await insertAgreement(t.db, { partnershipId, stage: "signed" });
    await insertCitizenPromise(t.db, { partnershipId, stage: "draft" });
    const withPromise = await insertPartnership(t.db, { municipalities: ["0120"] }); // Värmdö
    await insertCitizenPromise(t.db, { partnershipId: withPromise, stage: "published" });
    const slugs = await findPublishedMunicipalitySlugs(t.db);
    expect(slugs).not.toContain("osteraker");
    expect(slugs).toContain("varmdo");
  });

  it("derives the status by date: active, continued after its end, expired, and replaced only by a published successor", async () => {
    const partnershipId = await insertPartnership(t.db, { municipalities: [SAVSJO.code] });
    const old = await insertAgreement(t.db, {
      partnershipId,
      stage: "published",
      content: makeAgreementContent({ period: { from: "2023", to: "2025", continuesUntilReplaced: true } }),
    });
    expect((await findPublicMunicipality(t.db, SAVSJO.slug, "2025-06-01"))!.currentAgreement).toMatchObject({
      id: old.id,
      status: "active",
    });
    expect((await findPublicMunicipality(t.db, SAVSJO.slug, TODAY))!.currentAgreement).toMatchObject({
      id: old.id,
      status: "continued",
    });

    // A signed successor that is not published does not replace it in public.
    const successor = await insertAgreement(t.db, {
      partnershipId,
      stage: "signed",
      content: makeAgreementContent({ period: { from: "2026", to: "2029", continuesUntilReplaced: false } }),
    });
    await t.db.update(agreement).set({ predecessorId: old.id }).where(eq(agreement.id, successor.id));
    expect((await findPublicMunicipality(t.db, SAVSJO.slug, TODAY))!.currentAgreement?.status).toBe(
      "continued",
    );
    expect((await findPublicOverview(t.db, TODAY)).find((m) => m.code === SAVSJO.code)?.status).toBe(
      "continued",
    );

    // Published, it becomes the current one and the old one is history, replaced.
    await t.db.update(agreement).set({ publishedAt: new Date() }).where(eq(agreement.id, successor.id));
    const page = (await findPublicMunicipality(t.db, SAVSJO.slug, TODAY))!;
    expect(page.currentAgreement).toMatchObject({ id: successor.id, status: "active" });
    expect(page.earlierAgreements.map((a) => [a.id, a.status])).toEqual([[old.id, "replaced"]]);

    const ended = await insertAgreement(t.db, {
      stage: "published",
      content: makeAgreementContent({ period: { from: "2019", to: "2020", continuesUntilReplaced: false } }),
      partnershipId: await insertPartnership(t.db, { municipalities: [BROMOLLA.code] }),
    });
    const bromolla = (await findPublicMunicipality(t.db, BROMOLLA.slug, TODAY))!;
    expect(bromolla.currentAgreement).toMatchObject({ id: ended.id, status: "expired" });
  });

  it("gives each commitment its owner and latest progress, follow-ups newest first, and focus areas' themes", async () => {
    const partnershipId = await insertPartnership(t.db, { municipalities: [BROMOLLA.code] });
    const { id } = await insertCitizenPromise(t.db, {
      partnershipId,
      stage: "published",
      content: makeCitizenPromiseContent({
        period: { from: "2026", to: "2026", continuesUntilReplaced: false },
      }),
    });
    const ctx = { db: t.db, actor: system };
    await recordCommitmentProgress(ctx, id, {
      commitmentKey: "ramsele",
      status: "in-progress",
      note: "Första besöket gjort.",
      occurredOn: "2026-02-01",
    });
    await recordCommitmentProgress(ctx, id, {
      commitmentKey: "ramsele",
      status: "done",
      note: "Alla besök gjorda.",
      occurredOn: "2026-10-01",
    });
    const withThemes = await insertAgreement(t.db, {
      partnershipId,
      stage: "published",
      content: makeAgreementContent({ period: { from: "2026", to: "2027", continuesUntilReplaced: false } }),
    });
    // Themes as the editor stores them in the content's JSON.
    const [revision] = await t.db
      .select()
      .from(agreementRevision)
      .where(eq(agreementRevision.agreementId, withThemes.id));
    const content = revision!.content as unknown as { focusAreas: Record<string, unknown>[] };
    content.focusAreas[0]!.themes = ["otrygga-platser"];
    content.focusAreas[1]!.themes = ["narkotika-andt", "otrygga-platser"];
    await t.db
      .update(agreementRevision)
      .set({ content: content as never })
      .where(eq(agreementRevision.id, revision!.id));

    const page = (await findPublicMunicipality(t.db, BROMOLLA.slug, TODAY))!;
    const promise = page.currentPromises.find((p) => p.id === id)!;
    expect(promise.status).toBe("active");
    expect(promise.commitments.map((c) => [c.owner, c.status])).toEqual([
      ["police", "done"],
      ["municipality", null],
      ["joint", null],
    ]);
    expect(promise.commitments[0]?.note).toBe("Alla besök gjorda.");
    expect(page.followUps.filter((f) => f.citizenPromiseId === id).map((f) => f.note)).toEqual([
      "Alla besök gjorda.",
      "Första besöket gjort.",
    ]);
    expect(page.currentAgreement?.id).toBe(withThemes.id);
    expect(page.currentAgreement?.focusAreas.map((f) => f.themes)).toEqual([
      ["otrygga-platser"],
      ["narkotika-andt", "otrygga-platser"],
    ]);

    const row = (await findPublicOverview(t.db, TODAY)).find((m) => m.code === BROMOLLA.code)!;
    expect(row).toMatchObject({ status: "active", periodEnd: "2027" });
    expect(row.themes).toEqual(["narkotika-andt", "otrygga-platser"]);
    expect(row.promises).toBe(1);
    expect(row.commitments).toBe(3);
  });
});
