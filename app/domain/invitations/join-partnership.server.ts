import type { DbOrTx } from "~/db/client.server";
import type { Actor } from "~/domain/access/actor";
import { AppError } from "~/errors/app-error";
import { joinInTransaction } from "./accept-invitation.server";
import { lockValidInvitation } from "./invitation.queries.server";

/**
 * Accepts an invitation for the signed-in user whose e-mail it was sent to.
 * Throws UNAUTHENTICATED, INVITATION_INVALID, FORBIDDEN (another e-mail's invitation),
 * CONFLICT (already a member).
 */
export async function joinPartnership(
  ctx: { db: DbOrTx; actor: Actor; now?: Date },
  token: string,
): Promise<{ partnershipId: string }> {
  const { actor } = ctx;
  if (actor.kind !== "user") throw new AppError("UNAUTHENTICATED", "Du behöver logga in.");
  const now = ctx.now ?? new Date();
  return ctx.db.transaction(async (tx) => {
    const row = await lockValidInvitation(tx, token, now);
    if (row.email.toLowerCase() !== actor.email.toLowerCase()) {
      throw new AppError(
        "FORBIDDEN",
        `Inbjudan gäller ${row.email}. Logga in med det kontot för att gå med.`,
      );
    }
    if (actor.memberships.has(row.partnershipId)) {
      throw new AppError("CONFLICT", "Du är redan med i den här samverkan.");
    }
    await joinInTransaction(tx, actor, row, now);
    return { partnershipId: row.partnershipId };
  });
}
