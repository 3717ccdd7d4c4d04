import { eq } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { session } from "~/db/schema";
import { hashToken, randomToken } from "~/auth/crypto.server";

export const SESSION_DAYS = 14;

/** Starts a session for the user; returns the token for the cookie (only its hash is stored). */
export async function startSession(db: DbOrTx, userId: string, now = new Date()): Promise<string> {
  const token = randomToken();
  await db.insert(session).values({
    tokenHash: hashToken(token),
    userId,
    expiresAt: new Date(now.getTime() + SESSION_DAYS * 24 * 3600 * 1000),
  });
  return token;
}

export async function endSession(db: DbOrTx, token: string): Promise<void> {
  await db.delete(session).where(eq(session.tokenHash, hashToken(token)));
}
