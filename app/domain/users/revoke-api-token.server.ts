import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { apiToken } from "~/db/schema";
import type { Actor } from "~/domain/access/actor";
import { recordAuditEvent } from "~/domain/audit/record-audit-event.server";
import { AppError, notFound } from "~/errors/app-error";

/**
 * Revokes one of the signed-in user's API tokens; it stops working at once.
 * Throws UNAUTHENTICATED when not signed in, NOT_FOUND for another user's, an unknown or an
 * already revoked token.
 */
export async function revokeApiToken(ctx: { db: DbOrTx; actor: Actor }, id: string): Promise<void> {
  const { actor } = ctx;
  if (actor.kind !== "user") throw new AppError("UNAUTHENTICATED", "Du behöver logga in.");
  await ctx.db.transaction(async (tx) => {
    const now = new Date();
    const [row] = await tx
      .update(apiToken)
      .set({ revokedAt: now, updatedAt: now })
      .where(and(eq(apiToken.id, id), eq(apiToken.userId, actor.id), isNull(apiToken.revokedAt)))
      .returning({ id: apiToken.id, name: apiToken.name });
    if (!row) throw notFound("API-nyckeln");
    await recordAuditEvent(tx, actor, {
      entityType: "apiToken",
      entityId: row.id,
      action: "revoke",
      before: { revokedAt: null },
      after: { revokedAt: now.toISOString() },
    });
  });
}
