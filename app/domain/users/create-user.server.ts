import { sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "~/db/client.server";
import { appUser } from "~/db/schema";
import { hashPassword } from "~/auth/crypto.server";
import type { Actor, GlobalRole } from "~/domain/access/actor";
import { recordAuditEvent } from "~/domain/audit/record-audit-event.server";
import { AppError } from "~/errors/app-error";
import { findUserByEmail } from "./user.queries.server";

export interface CreateUserInput {
  email: string;
  name: string;
  password: string;
  globalRole: GlobalRole | null;
}

/** Inserts a user inside the caller's transaction. Throws CONFLICT when the e-mail is taken. */
export async function insertUser(tx: Tx | DbOrTx, actor: Actor, input: CreateUserInput) {
  if (await findUserByEmail(tx, input.email)) {
    throw new AppError("CONFLICT", "Det finns redan ett konto med den e-postadressen.", {
      email: ["Det finns redan ett konto med den e-postadressen."],
    });
  }
  const passwordHash = await hashPassword(input.password);
  const [user] = await tx
    .insert(appUser)
    .values({
      email: input.email.toLowerCase(),
      name: input.name,
      passwordHash,
      globalRole: input.globalRole,
    })
    .returning();
  await recordAuditEvent(tx, actor, {
    entityType: "user",
    entityId: user!.id,
    action: "create",
    after: { email: user!.email, name: user!.name, globalRole: user!.globalRole },
  });
  return user!;
}

/** Creates an account (CLI and administrators). Throws CONFLICT when the e-mail is taken. */
export async function createUser(ctx: { db: DbOrTx; actor: Actor }, input: CreateUserInput) {
  return ctx.db.transaction((tx) => insertUser(tx, ctx.actor, input));
}

// Serialises concurrent first-visit setups so exactly one administrator is created.
const SETUP_LOCK = 726_372_002;

/**
 * Creates the first administrator, only while there is no user at all.
 * Throws CONFLICT when an account already exists.
 */
export async function createFirstAdmin(
  ctx: { db: DbOrTx; actor: Actor },
  input: Omit<CreateUserInput, "globalRole">,
) {
  return ctx.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SETUP_LOCK})`);
    const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(appUser);
    if ((row?.n ?? 0) > 0)
      throw new AppError("CONFLICT", "Tryggsam har redan en administratör. Logga in i stället.");
    return insertUser(tx, ctx.actor, { ...input, globalRole: "admin" });
  });
}
