import { and, asc, eq, gt, isNull } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { invitation, partnership } from "~/db/schema";
import { hashToken } from "~/auth/crypto.server";
import type { Actor, PartnershipRole } from "~/domain/access/actor";
import { requirePartnershipPermission } from "~/domain/access/permissions";
import { findUserByEmail } from "~/domain/users/user.queries.server";
import { AppError } from "~/errors/app-error";

export interface PendingInvitationView {
  id: string;
  email: string;
  role: PartnershipRole;
  expiresAt: Date;
  createdAt: Date;
}

/** What the accept page shows of an invitation; never its token. */
export interface InvitationView {
  email: string;
  role: PartnershipRole;
  partnershipId: string;
  partnershipName: string;
  expiresAt: Date;
  /** Whether an account with the invited e-mail exists (then the invitee logs in and joins). */
  accountExists: boolean;
}

export const invalidInvitation = () =>
  new AppError(
    "INVITATION_INVALID",
    "Inbjudan gäller inte längre. Den kan ha gått ut, redan ha använts eller ha ersatts av en ny. Be den som bjöd in dig att skicka en ny inbjudan.",
  );

/**
 * The invitations of a partnership that are not accepted and have not expired, by e-mail.
 * Throws UNAUTHENTICATED, NOT_FOUND (partnership not readable), FORBIDDEN (may not invite).
 */
export async function findPendingInvitations(
  ctx: { db: DbOrTx; actor: Actor; now?: Date },
  partnershipId: string,
): Promise<PendingInvitationView[]> {
  requirePartnershipPermission(ctx.actor, "invitation.create", partnershipId);
  const rows = await ctx.db
    .select({
      id: invitation.id,
      email: invitation.email,
      role: invitation.role,
      expiresAt: invitation.expiresAt,
      createdAt: invitation.createdAt,
    })
    .from(invitation)
    .where(
      and(
        eq(invitation.partnershipId, partnershipId),
        isNull(invitation.acceptedAt),
        gt(invitation.expiresAt, ctx.now ?? new Date()),
      ),
    )
    .orderBy(asc(invitation.email));
  return rows.map((r) => ({ ...r, role: r.role as PartnershipRole }));
}

/**
 * The invitation behind a link, for the accept page.
 * Throws INVITATION_INVALID for an unknown, expired, replaced or used link.
 */
export async function getInvitation(db: DbOrTx, token: string, now = new Date()): Promise<InvitationView> {
  const [row] = await db
    .select({
      email: invitation.email,
      role: invitation.role,
      partnershipId: partnership.id,
      partnershipName: partnership.name,
      expiresAt: invitation.expiresAt,
      acceptedAt: invitation.acceptedAt,
    })
    .from(invitation)
    .innerJoin(partnership, eq(partnership.id, invitation.partnershipId))
    .where(eq(invitation.tokenHash, hashToken(token)));
  if (!row || row.acceptedAt || row.expiresAt <= now) throw invalidInvitation();
  return {
    email: row.email,
    role: row.role as PartnershipRole,
    partnershipId: row.partnershipId,
    partnershipName: row.partnershipName,
    expiresAt: row.expiresAt,
    accountExists: (await findUserByEmail(db, row.email)) !== null,
  };
}

/**
 * Locks the invitation behind a link for the rest of the transaction, so two accepts of one link
 * cannot both pass. Throws INVITATION_INVALID for an unknown, expired, replaced or used link.
 */
export async function lockValidInvitation(tx: DbOrTx, token: string, now: Date) {
  const [row] = await tx
    .select()
    .from(invitation)
    .where(eq(invitation.tokenHash, hashToken(token)))
    .for("update");
  if (!row || !row.partnershipId || row.acceptedAt || row.expiresAt <= now) throw invalidInvitation();
  return { ...row, partnershipId: row.partnershipId, role: row.role as PartnershipRole };
}
