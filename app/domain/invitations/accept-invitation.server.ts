import { eq } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { invitation, membership } from "~/db/schema";
import { systemActor, type UserActor } from "~/domain/access/actor";
import { recordAuditEvent } from "~/domain/audit/record-audit-event.server";
import { insertUser } from "~/domain/users/create-user.server";
import type { AcceptInvitationInput } from "~/domain/users/user.schemas";
import { findUserByEmail } from "~/domain/users/user.queries.server";
import { AppError } from "~/errors/app-error";
import { lockValidInvitation } from "./invitation.queries.server";

/**
 * Accepts an invitation by creating the invitee's account: in one transaction the user, the
 * membership and the accepted invitation. Throws INVITATION_INVALID (unknown, expired, replaced
 * or used link), CONFLICT (an account with the e-mail exists: log in and join instead).
 */
export async function acceptInvitation(
  ctx: { db: DbOrTx; now?: Date },
  token: string,
  input: AcceptInvitationInput,
): Promise<{ userId: string; partnershipId: string }> {
  const now = ctx.now ?? new Date();
  return ctx.db.transaction(async (tx) => {
    const row = await lockValidInvitation(tx, token, now);
    if (await findUserByEmail(tx, row.email)) {
      throw new AppError(
        "CONFLICT",
        "Det finns redan ett konto med den e-postadressen. Logga in och gå med i samverkan.",
      );
    }
    const user = await insertUser(tx, systemActor(`inbjudan ${row.email}`), {
      email: row.email,
      name: input.name,
      password: input.password,
      globalRole: null,
    });
    const actor: UserActor = {
      kind: "user",
      id: user.id,
      email: user.email,
      name: user.name,
      globalRole: null,
      memberships: new Map(),
    };
    await joinInTransaction(tx, actor, row, now);
    return { userId: user.id, partnershipId: row.partnershipId };
  });
}

/** Adds the member and marks the locked invitation accepted, with audit events. */
export async function joinInTransaction(
  tx: DbOrTx,
  actor: UserActor,
  row: Awaited<ReturnType<typeof lockValidInvitation>>,
  now: Date,
) {
  const [created] = await tx
    .insert(membership)
    .values({ partnershipId: row.partnershipId, userId: actor.id, role: row.role })
    .returning({ id: membership.id });
  await tx.update(invitation).set({ acceptedAt: now, updatedAt: now }).where(eq(invitation.id, row.id));
  await recordAuditEvent(tx, actor, {
    entityType: "membership",
    entityId: created!.id,
    partnershipId: row.partnershipId,
    action: "create",
    after: { userId: actor.id, role: row.role, invitationId: row.id },
  });
  await recordAuditEvent(tx, actor, {
    entityType: "invitation",
    entityId: row.id,
    partnershipId: row.partnershipId,
    action: "accept",
    before: { acceptedAt: null },
    after: { acceptedAt: now.toISOString() },
  });
}
