import { and, eq, gt, sql } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { appUser, loginAttempt } from "~/db/schema";
import { hashPassword, randomToken, verifyPassword } from "~/auth/crypto.server";
import { AppError } from "~/errors/app-error";
import type { LoginInput } from "./user.schemas";
import { findUserByEmail } from "./user.queries.server";

/** Failed logins allowed per account and per address within the window before 429. */
export const LOGIN_FAILURES_ALLOWED = 5;
export const LOGIN_WINDOW_MS = 60_000;

// A hash to compare against when the account does not exist, so timing does not tell.
let dummyHash: Promise<string> | undefined;

/**
 * Checks e-mail and password. Throws RATE_LIMITED after too many failures for the account or the
 * address within a minute, UNAUTHENTICATED for a wrong e-mail or password (one message for both).
 */
export async function authenticate(
  db: DbOrTx,
  input: LoginInput,
  address: string,
  now = new Date(),
): Promise<typeof appUser.$inferSelect> {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
  const failures = (column: typeof loginAttempt.email | typeof loginAttempt.address, value: string) =>
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(loginAttempt)
      .where(and(eq(column, value), eq(loginAttempt.succeeded, false), gt(loginAttempt.createdAt, since)));
  const [[byEmail], [byAddress]] = await Promise.all([
    failures(loginAttempt.email, input.email),
    failures(loginAttempt.address, address),
  ]);
  if ((byEmail?.n ?? 0) >= LOGIN_FAILURES_ALLOWED || (byAddress?.n ?? 0) >= LOGIN_FAILURES_ALLOWED) {
    throw new AppError("RATE_LIMITED", "För många misslyckade inloggningar. Vänta en minut och försök igen.");
  }
  const user = await findUserByEmail(db, input.email);
  dummyHash ??= hashPassword(randomToken());
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash), input.password);
  await db
    .insert(loginAttempt)
    .values({ email: input.email, address, succeeded: ok && !!user, createdAt: now });
  if (!ok || !user) throw new AppError("UNAUTHENTICATED", "Fel e-postadress eller lösenord.");
  return user;
}
