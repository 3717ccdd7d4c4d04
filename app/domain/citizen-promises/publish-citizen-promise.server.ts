import { eq } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { citizenPromise } from "~/db/schema";
import type { Actor } from "~/domain/access/actor";
import { recordAuditEvent } from "~/domain/audit/record-audit-event.server";
import { lockCitizenPromiseForWrite } from "./citizen-promise.queries.server";
import { CITIZEN_PROMISE_WORDS, requirePublishable } from "~/domain/agreements/document-lifecycle";
import { raisePublicationVersion } from "~/db/publication-version.server";

/**
 * Publishes a signed citizen promise: from now on it is a public document.
 * Throws UNAUTHENTICATED, NOT_FOUND, FORBIDDEN, CONFLICT (not signed, already published, terminated).
 */
export async function publishCitizenPromise(
  ctx: { db: DbOrTx; actor: Actor; now?: Date },
  citizenPromiseId: string,
): Promise<void> {
  const { actor } = ctx;
  const now = ctx.now ?? new Date();
  await ctx.db.transaction(async (tx) => {
    const row = await lockCitizenPromiseForWrite(tx, actor, citizenPromiseId, "agreement.sign");
    requirePublishable(row, CITIZEN_PROMISE_WORDS);
    await tx
      .update(citizenPromise)
      .set({ publishedAt: now, updatedAt: now })
      .where(eq(citizenPromise.id, citizenPromiseId));
    // Residents see it: cached public pages are dropped at commit.
    await raisePublicationVersion(tx);
    await recordAuditEvent(tx, actor, {
      entityType: "citizenPromise",
      entityId: citizenPromiseId,
      partnershipId: row.partnershipId,
      action: "publish",
      before: { stage: "signed" },
      after: { stage: "published", revision: row.currentRevision },
    });
  });
}
