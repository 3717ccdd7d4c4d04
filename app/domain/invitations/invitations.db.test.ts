import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { appUser, auditEvent, invitation, membership, outboxMessage } from "~/db/schema";
import { hashToken } from "~/auth/crypto.server";
import { insertPartnership } from "../../../tests/factories/partnerships";
import { insertUserActor, makeUser } from "../../../tests/factories/users";
import { withTestDatabase } from "../../../tests/support/test-database";
import { acceptInvitation } from "./accept-invitation.server";
import { findPendingInvitations, getInvitation } from "./invitation.queries.server";
import { invitePerson } from "./invite-person.server";
import { joinPartnership } from "./join-partnership.server";

const t = withTestDatabase();
const settings = { baseUrl: "https://tryggsam.example.se" };

/** Invites a fresh address and returns the token from the outbox mail's link. */
async function invite(partnershipId: string, email = makeUser().email, now?: Date) {
  const admin = await insertUserActor(t.db, { globalRole: "admin", name: "Alva Admin" });
  const created = await invitePerson(
    { db: t.db, actor: admin, now },
    partnershipId,
    { email, role: "coordinator" },
    settings,
  );
  const [mail] = await t.db
    .select()
    .from(outboxMessage)
    .where(eq(outboxMessage.recipient, email))
    .orderBy(sql`${outboxMessage.createdAt} desc`)
    .limit(1);
  const token = /\/inbjudan\/([\w-]+)/.exec(mail!.body)![1]!;
  return { created, mail: mail!, token, email };
}

const counts = async (email: string) => ({
  users: (await t.db.select().from(appUser).where(eq(appUser.email, email))).length,
  memberships: (
    await t.db
      .select()
      .from(membership)
      .innerJoin(appUser, eq(appUser.id, membership.userId))
      .where(eq(appUser.email, email))
  ).length,
});

describe("invitations", () => {
  it("mails a Swedish link to the outbox when SMTP is not set, and stores only the token's hash", async () => {
    const id = await insertPartnership(t.db, { name: "Ånge kommun och LPO Medelpad" });
    const { created, mail, token, email } = await invite(id);
    expect(mail.subject).toBe("Inbjudan till Ånge kommun och LPO Medelpad i Tryggsam");
    expect(mail.body).toContain("Alva Admin har bjudit in dig till samverkan ”Ånge kommun och LPO Medelpad”");
    expect(mail.body).toContain(`https://tryggsam.example.se/inbjudan/${token}`);
    const [row] = await t.db.select().from(invitation).where(eq(invitation.id, created.id));
    expect(row?.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBe(7 * 24 * 3600 * 1000);
    const [event] = await t.db.select().from(auditEvent).where(eq(auditEvent.entityId, created.id));
    expect(event).toMatchObject({ entityType: "invitation", action: "create", partnershipId: id });
    expect(event?.changes.email).toEqual({ before: null, after: email });
    expect(JSON.stringify(event)).not.toContain(token);
  });

  it("accepts with a new account: user, membership and accepted_at in one go; a second use is refused", async () => {
    const id = await insertPartnership(t.db);
    const { token, email, created } = await invite(id);
    expect(await getInvitation(t.db, token)).toMatchObject({
      email,
      accountExists: false,
      partnershipId: id,
    });

    const result = await acceptInvitation({ db: t.db }, token, {
      name: "Kim Koordinator",
      password: "ett långt lösenord",
      passwordConfirm: "ett långt lösenord",
    });
    expect(result.partnershipId).toBe(id);
    const [member] = await t.db.select().from(membership).where(eq(membership.userId, result.userId));
    expect(member).toMatchObject({ partnershipId: id, role: "coordinator" });
    const [row] = await t.db.select().from(invitation).where(eq(invitation.id, created.id));
    expect(row?.acceptedAt).toBeInstanceOf(Date);
    const events = await t.db.select().from(auditEvent).where(eq(auditEvent.partnershipId, id));
    expect(events.map((e) => `${e.entityType} ${e.action}`).sort()).toEqual([
      "invitation accept",
      "invitation create",
      "membership create",
    ]);

    const again = acceptInvitation({ db: t.db }, token, {
      name: "Någon annan",
      password: "ett annat lösenord",
      passwordConfirm: "ett annat lösenord",
    });
    await expect(again).rejects.toMatchObject({ code: "INVITATION_INVALID" });
    await expect(getInvitation(t.db, token)).rejects.toMatchObject({ code: "INVITATION_INVALID" });
    expect(await counts(email)).toEqual({ users: 1, memberships: 1 });
  });

  it("refuses an expired link and changes nothing", async () => {
    const id = await insertPartnership(t.db);
    const eightDaysAgo = new Date(Date.now() - 8 * 24 * 3600 * 1000);
    const { token, email, created } = await invite(id, undefined, eightDaysAgo);
    const input = { name: "Sen", password: "ett långt lösenord", passwordConfirm: "ett långt lösenord" };
    await expect(acceptInvitation({ db: t.db }, token, input)).rejects.toMatchObject({
      code: "INVITATION_INVALID",
    });
    expect(await counts(email)).toEqual({ users: 0, memberships: 0 });
    const [row] = await t.db.select().from(invitation).where(eq(invitation.id, created.id));
    expect(row?.acceptedAt).toBeNull();
    // Six days after it was sent, the same link still worked.
    const sixDaysLater = new Date(eightDaysAgo.getTime() + 6 * 24 * 3600 * 1000);
    await expect(getInvitation(t.db, token, sixDaysLater)).resolves.toMatchObject({ email });
  });

  it("refuses an unknown link", async () => {
    await expect(getInvitation(t.db, "inte-en-riktig-token")).rejects.toMatchObject({
      code: "INVITATION_INVALID",
    });
  });

  it("creates exactly one user when the same link is accepted twice at once", async () => {
    const id = await insertPartnership(t.db);
    const { token, email } = await invite(id);
    const input = { name: "Dubbel", password: "ett långt lösenord", passwordConfirm: "ett långt lösenord" };
    const results = await Promise.allSettled([
      acceptInvitation({ db: t.db }, token, input),
      acceptInvitation({ db: t.db }, token, input),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected");
    expect(rejected?.reason).toMatchObject({ code: "INVITATION_INVALID" });
    expect(await counts(email)).toEqual({ users: 1, memberships: 1 });
  });

  it("replaces a pending invitation for the same address: the old link stops working", async () => {
    const id = await insertPartnership(t.db);
    const first = await invite(id);
    const second = await invite(id, first.email);
    expect(second.token).not.toBe(first.token);
    await expect(getInvitation(t.db, first.token)).rejects.toMatchObject({ code: "INVITATION_INVALID" });
    await expect(getInvitation(t.db, second.token)).resolves.toMatchObject({ email: first.email });
    const admin = await insertUserActor(t.db, { globalRole: "admin" });
    const pending = await findPendingInvitations({ db: t.db, actor: admin }, id);
    expect(pending.map((p) => p.email)).toEqual([first.email]);
  });

  it("answers CONFLICT by the e-mail field for someone who is already a member", async () => {
    const id = await insertPartnership(t.db);
    const member = await insertUserActor(t.db, { partnerships: { [id]: "member" } });
    const admin = await insertUserActor(t.db, { globalRole: "admin" });
    await expect(
      invitePerson({ db: t.db, actor: admin }, id, { email: member.email, role: "police" }, settings),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      fields: { email: ["Personen med den e-postadressen är redan med i samverkan."] },
    });
    expect(await t.db.select().from(outboxMessage).where(eq(outboxMessage.recipient, member.email))).toEqual(
      [],
    );
  });

  it("does not let another partnership's coordinator, or a member, invite", async () => {
    const id = await insertPartnership(t.db);
    const other = await insertPartnership(t.db);
    const otherCoordinator = await insertUserActor(t.db, { partnerships: { [other]: "coordinator" } });
    const member = await insertUserActor(t.db, { partnerships: { [id]: "member" } });
    const input = { email: makeUser().email, role: "member" as const };
    await expect(
      invitePerson({ db: t.db, actor: otherCoordinator }, id, input, settings),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(invitePerson({ db: t.db, actor: member }, id, input, settings)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await t.db.select().from(invitation).where(eq(invitation.email, input.email))).toEqual([]);
  });

  it("lets a person with an account join with the invited e-mail only", async () => {
    const id = await insertPartnership(t.db);
    const existing = await insertUserActor(t.db);
    const { token } = await invite(id, existing.email);
    expect(await getInvitation(t.db, token)).toMatchObject({ accountExists: true });
    await expect(
      acceptInvitation({ db: t.db }, token, {
        name: "Ny",
        password: "ett långt lösenord",
        passwordConfirm: "ett långt lösenord",
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    const someoneElse = await insertUserActor(t.db);
    await expect(joinPartnership({ db: t.db, actor: someoneElse }, token)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(joinPartnership({ db: t.db, actor: existing }, token)).resolves.toEqual({
      partnershipId: id,
    });
    const [member] = await t.db.select().from(membership).where(eq(membership.userId, existing.id));
    expect(member).toMatchObject({ partnershipId: id, role: "coordinator" });
  });
});
