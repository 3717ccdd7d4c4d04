import { and, eq, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { appUser, invitation, membership, partnership } from "~/db/schema";
import { hashToken, randomToken } from "~/auth/crypto.server";
import type { Actor } from "~/domain/access/actor";
import { requirePartnershipPermission } from "~/domain/access/permissions";
import { recordAuditEvent } from "~/domain/audit/record-audit-event.server";
import { sendMail, storeInOutbox, type MailMessage } from "~/domain/mail/send-mail.server";
import { AppError, notFound } from "~/errors/app-error";
import { INVITATION_DAYS, PARTNERSHIP_ROLE_LABELS, type InvitationInput } from "./invitation.schemas";
import type { PendingInvitationView } from "./invitation.queries.server";

export interface InvitationMailSettings {
  /** Where the accept link points, e.g. https://tryggsam.example.se (no trailing slash). */
  baseUrl: string;
  /** Send through SMTP when set; else the mail is stored in the outbox. */
  smtpUrl?: string;
}

/**
 * Invites a person by e-mail to a partnership with a role, and mails them a link that works for
 * seven days. A pending invitation for the same address is replaced (its link stops working).
 * Throws UNAUTHENTICATED, NOT_FOUND (partnership not readable), FORBIDDEN (may not invite),
 * CONFLICT (already a member).
 */
export async function invitePerson(
  ctx: { db: DbOrTx; actor: Actor; now?: Date },
  partnershipId: string,
  input: InvitationInput,
  settings: InvitationMailSettings,
): Promise<PendingInvitationView> {
  const { actor } = ctx;
  requirePartnershipPermission(actor, "invitation.create", partnershipId);
  const now = ctx.now ?? new Date();
  const token = randomToken();
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 24 * 3600 * 1000);

  const { created, message } = await ctx.db.transaction(async (tx) => {
    const [target] = await tx
      .select({ name: partnership.name })
      .from(partnership)
      .where(eq(partnership.id, partnershipId));
    if (!target) throw notFound("Samverkan");
    const [member] = await tx
      .select({ id: membership.id })
      .from(membership)
      .innerJoin(appUser, eq(appUser.id, membership.userId))
      .where(
        and(
          eq(membership.partnershipId, partnershipId),
          sql`lower(${appUser.email}) = ${input.email.toLowerCase()}`,
        ),
      );
    if (member) {
      const text = "Personen med den e-postadressen är redan med i samverkan.";
      throw new AppError("CONFLICT", text, { email: [text] });
    }
    const replaced = await tx
      .delete(invitation)
      .where(
        and(
          eq(invitation.partnershipId, partnershipId),
          eq(invitation.email, input.email),
          isNull(invitation.acceptedAt),
        ),
      )
      .returning({ id: invitation.id });
    const [row] = await tx
      .insert(invitation)
      .values({
        email: input.email,
        partnershipId,
        role: input.role,
        tokenHash: hashToken(token),
        invitedBy: actor.kind === "user" ? actor.id : null,
        expiresAt,
        createdAt: now,
        updatedAt: now,
      })
      .returning({
        id: invitation.id,
        email: invitation.email,
        expiresAt: invitation.expiresAt,
        createdAt: invitation.createdAt,
      });
    await recordAuditEvent(tx, actor, {
      entityType: "invitation",
      entityId: row!.id,
      partnershipId,
      action: replaced.length ? "replace" : "create",
      after: {
        email: input.email,
        role: input.role,
        expiresAt: expiresAt.toISOString(),
        ...(replaced.length ? { replaces: replaced.map((r) => r.id) } : {}),
      },
    });
    const message = invitationMail({
      to: input.email,
      inviter: actor.kind === "user" ? actor.name : "Tryggsam",
      partnershipName: target.name,
      role: PARTNERSHIP_ROLE_LABELS.sv[input.role].toLowerCase(),
      link: `${settings.baseUrl.replace(/\/+$/, "")}/inbjudan/${token}`,
      expiresAt,
    });
    // Without SMTP the outbox is the delivery, so it belongs to the same transaction.
    if (!settings.smtpUrl) await storeInOutbox(tx, message);
    return { created: { ...row!, role: input.role }, message };
  });

  if (settings.smtpUrl) {
    const from = `Tryggsam <no-reply@${new URL(settings.baseUrl).hostname}>`;
    await sendMail(ctx.db, message, { smtpUrl: settings.smtpUrl, from });
  }
  return created;
}

function invitationMail(m: {
  to: string;
  inviter: string;
  partnershipName: string;
  role: string;
  link: string;
  expiresAt: Date;
}): MailMessage {
  const until = new Intl.DateTimeFormat("sv-SE", {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: "Europe/Stockholm",
  }).format(m.expiresAt);
  return {
    to: m.to,
    subject: `Inbjudan till ${m.partnershipName} i Tryggsam`,
    text: [
      "Hej!",
      "",
      `${m.inviter} har bjudit in dig till samverkan ”${m.partnershipName}” i Tryggsam, med rollen ${m.role}.`,
      "",
      "Öppna länken för att tacka ja:",
      m.link,
      "",
      `Länken gäller till ${until}. Har du inte väntat dig inbjudan kan du bortse från det här meddelandet.`,
      "",
      "Hälsningar",
      "Tryggsam",
    ].join("\n"),
  };
}
