import { describe, expect, inject, it, vi } from "vitest";
import { systemActor } from "~/domain/access/actor";
import { saveAgreementRevision } from "~/domain/agreements/save-agreement-revision.server";
import { publishAgreement } from "~/domain/agreements/publish-agreement.server";
import { recordCommitmentProgress } from "~/domain/citizen-promises/record-commitment-progress.server";
import { PublicCache } from "~/lib/public-cache.server";
import {
  insertAgreement,
  insertCitizenPromise,
  makeAgreementContent,
} from "../../tests/factories/agreements";
import { onPostgres, withTestDatabase } from "../../tests/support/test-database";
import { openDatabase } from "./client.server";
import {
  listenForPublicationVersions,
  onLocalPublicationRaise,
  raisePublicationVersion,
  readPublicationVersion,
} from "./publication-version.server";

const t = withTestDatabase();
const system = systemActor("test");

describe("publication_version", () => {
  it("is raised by publishing, by amending and by progress on a published document; not by a draft", async () => {
    const draft = await insertAgreement(t.db);
    const before = await readPublicationVersion(t.db);
    await saveAgreementRevision({ db: t.db, actor: system }, draft.id, {
      baseRevision: 1,
      content: makeAgreementContent({ title: "Ett utkast som ingen ser" }),
    });
    // On PostgreSQL other test files publish meanwhile: only the embedded database is this file's own.
    if (!onPostgres()) expect(await readPublicationVersion(t.db)).toBe(before);

    const signed = await insertAgreement(t.db, { stage: "signed" });
    const raised: number[] = [];
    const stop = onLocalPublicationRaise((version) => raised.push(version));
    try {
      await publishAgreement({ db: t.db, actor: system }, signed.id);
      const afterPublish = await readPublicationVersion(t.db);
      expect(afterPublish).toBeGreaterThan(before);
      expect(raised.at(-1)).toBe(afterPublish);

      await saveAgreementRevision({ db: t.db, actor: system }, signed.id, {
        baseRevision: 1,
        content: makeAgreementContent({ title: "Rättad titel" }),
        amendmentReason: "Stavfel i titeln",
      });
      expect(await readPublicationVersion(t.db)).toBeGreaterThan(afterPublish);

      const promise = await insertCitizenPromise(t.db, { stage: "published" });
      const afterPromise = await readPublicationVersion(t.db);
      await recordCommitmentProgress({ db: t.db, actor: system }, promise.id, {
        commitmentKey: "grannsamverkan",
        status: "in-progress",
        note: "",
        occurredOn: "2026-03-01",
      });
      expect(await readPublicationVersion(t.db)).toBeGreaterThan(afterPromise);
    } finally {
      stop();
    }
  });

  it("is not raised by a write that is rolled back", async () => {
    const before = await readPublicationVersion(t.db);
    await expect(
      t.db.transaction(async (tx) => {
        await raisePublicationVersion(tx);
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    if (!onPostgres()) expect(await readPublicationVersion(t.db)).toBe(before);
  });

  it.skipIf(!onPostgres())(
    "another instance learns of a commit by NOTIFY, only after it, and renders anew",
    async () => {
      const databaseUrl = inject("databaseUrl")!;
      const other = openDatabase({ databaseUrl, max: 2 });
      const cache = new PublicCache({ readVersion: () => readPublicationVersion(other.db) });
      const listener = listenForPublicationVersions(databaseUrl, {
        onVersion: (version) => cache.noteCommitted(version),
        onConnected: () => cache.markUncertain(),
      });
      try {
        await vi.waitFor(() => expect(listener.connected()).toBe(true));
        const page = async () =>
          (
            await cache.cachedPublic("/kommun/x", async () => ({
              status: 200,
              headers: {},
              body: Buffer.from(String(await readPublicationVersion(other.db))),
            }))
          )?.body.toString();
        await page();

        let raised = 0;
        await t.db.transaction(async (tx) => {
          raised = await raisePublicationVersion(tx);
          // Not yet committed: the other instance neither hears of it nor sees it.
          await new Promise((resolve) => setTimeout(resolve, 50));
          expect(cache.versionNow() ?? 0).toBeLessThan(raised);
        });
        await vi.waitFor(() => expect(cache.versionNow()).toBeGreaterThanOrEqual(raised), { timeout: 2_000 });
        expect(Number(await page())).toBeGreaterThanOrEqual(raised);
      } finally {
        await listener.close();
        await other.close();
      }
    },
  );
});
