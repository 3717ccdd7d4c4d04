import { and, eq, ne } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { appUser, session } from "~/db/schema";
import { hashPassword, hashToken, verifyPassword } from "~/auth/crypto.server";
import type { Actor } from "~/domain/access/actor";
import { recordAuditEvent } from "~/domain/audit/record-audit-event.server";
import { AppError } from "~/errors/app-error";
import type { ChangePasswordInput } from "./user.schemas";

/**
 * Changes the signed-in user's password and ends their other sessions.
 * Throws UNAUTHENTICATED when not signed in, VALIDATION when the current password is wrong.
 */
export async function changePassword(
  ctx: { db: DbOrTx; actor: Actor },
  input: ChangePasswordInput,
  currentSessionToken: string | null,
): Promise<void> {
  const { actor } = ctx;
  if (actor.kind !== "user") throw new AppError("UNAUTHENTICATED", "Du behöver logga in.");
  const [user] = await ctx.db.select().from(appUser).where(eq(appUser.id, actor.id));
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError("VALIDATION", "Uppgifterna innehåller fel.", {
      currentPassword: ["Det nuvarande lösenordet stämmer inte."],
    });
  }
  const passwordHash = await hashPassword(input.password);
  await ctx.db.transaction(async (tx) => {
    await tx.update(appUser).set({ passwordHash, updatedAt: new Date() }).where(eq(appUser.id, actor.id));
    const keep = currentSessionToken ? hashToken(currentSessionToken) : "";
    await tx.delete(session).where(and(eq(session.userId, actor.id), ne(session.tokenHash, keep)));
    await recordAuditEvent(tx, actor, { entityType: "user", entityId: actor.id, action: "change-password" });
  });
}
