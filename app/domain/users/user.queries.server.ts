import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { apiToken, appUser, membership, session } from "~/db/schema";
import type { GlobalRole, PartnershipRole, UserActor } from "~/domain/access/actor";
import { hashToken } from "~/auth/crypto.server";

export async function countUsers(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(appUser);
  return row?.n ?? 0;
}

export async function findUserByEmail(db: DbOrTx, email: string) {
  const [row] = await db
    .select()
    .from(appUser)
    .where(sql`lower(${appUser.email}) = ${email.toLowerCase()}`);
  return row ?? null;
}

/** The acting user with their partnership roles; null when the user no longer exists. */
export async function loadUserActor(db: DbOrTx, userId: string): Promise<UserActor | null> {
  const [user] = await db
    .select({ id: appUser.id, email: appUser.email, name: appUser.name, globalRole: appUser.globalRole })
    .from(appUser)
    .where(eq(appUser.id, userId));
  if (!user) return null;
  const roles = await db
    .select({ partnershipId: membership.partnershipId, role: membership.role })
    .from(membership)
    .where(eq(membership.userId, userId));
  return {
    kind: "user",
    id: user.id,
    email: user.email,
    name: user.name,
    globalRole: user.globalRole as GlobalRole | null,
    memberships: new Map(roles.map((r) => [r.partnershipId, r.role as PartnershipRole])),
  };
}

/** The user behind a session token, or null when it is unknown or expired. */
export async function findSessionActor(
  db: DbOrTx,
  token: string,
  now = new Date(),
): Promise<UserActor | null> {
  const [row] = await db
    .select({ userId: session.userId })
    .from(session)
    .where(and(eq(session.tokenHash, hashToken(token)), gt(session.expiresAt, now)));
  return row ? loadUserActor(db, row.userId) : null;
}

/** The user behind an API token, or null when it is unknown or revoked. */
export async function findApiTokenActor(db: DbOrTx, token: string): Promise<UserActor | null> {
  const [row] = await db
    .update(apiToken)
    .set({ lastUsedAt: new Date() })
    .where(and(eq(apiToken.tokenHash, hashToken(token)), isNull(apiToken.revokedAt)))
    .returning({ userId: apiToken.userId });
  return row ? loadUserActor(db, row.userId) : null;
}
