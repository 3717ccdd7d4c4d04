import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvent, loginAttempt } from "~/db/schema";
import { systemActor } from "~/domain/access/actor";
import { AppError } from "~/errors/app-error";
import { insertUserActor, makeUser, TEST_PASSWORD } from "../../../tests/factories/users";
import { withTestDatabase } from "../../../tests/support/test-database";
import { authenticate, LOGIN_FAILURES_ALLOWED } from "./authenticate.server";
import { changePassword } from "./change-password.server";
import { createUser } from "./create-user.server";
import { endSession, startSession } from "./sessions.server";
import { findSessionActor } from "./user.queries.server";

const t = withTestDatabase();

describe("accounts", () => {
  it("stores the password hashed and lets the user log in with it", async () => {
    const input = makeUser();
    const user = await createUser({ db: t.db, actor: systemActor("test") }, input);
    expect(user.passwordHash).not.toContain(input.password);
    expect(user.passwordHash.startsWith("$argon2id$")).toBe(true);
    const found = await authenticate(
      t.db,
      { email: input.email.toUpperCase().toLowerCase(), password: input.password },
      "10.0.0.1",
    );
    expect(found.id).toBe(user.id);
  });

  it("refuses a second account with the same e-mail in any case, and records nothing", async () => {
    const input = makeUser();
    await createUser({ db: t.db, actor: systemActor("test") }, input);
    const before = await t.db.select().from(auditEvent);
    await expect(
      createUser({ db: t.db, actor: systemActor("test") }, { ...input, email: input.email.toUpperCase() }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await t.db.select().from(auditEvent)).toHaveLength(before.length);
  });

  it("writes an audit event with the changed fields but never the password hash", async () => {
    const user = await createUser({ db: t.db, actor: systemActor("cli") }, makeUser());
    const [event] = await t.db.select().from(auditEvent).where(eq(auditEvent.entityId, user.id));
    expect(event?.action).toBe("create");
    expect(event?.actorLabel).toBe("cli");
    expect(event?.changes.email).toEqual({ before: null, after: user.email });
    expect(JSON.stringify(event?.changes)).not.toContain("argon2");
  });

  it("gives one message for a wrong password and an unknown e-mail", async () => {
    const actor = await insertUserActor(t.db);
    const wrong = await authenticate(
      t.db,
      { email: actor.email, password: "fel lösenord här" },
      "10.0.0.2",
    ).then(
      () => null,
      (e: unknown) => e as AppError,
    );
    const unknown = await authenticate(
      t.db,
      { email: "ingen@example.se", password: "fel lösenord här" },
      "10.0.0.2",
    ).then(
      () => null,
      (e: unknown) => e as AppError,
    );
    expect(wrong).toBeInstanceOf(AppError);
    expect(wrong?.message).toBe(unknown?.message);
    expect(wrong?.code).toBe("UNAUTHENTICATED");
  });

  it("throttles an account after five failures in a minute, even with the right password", async () => {
    const actor = await insertUserActor(t.db);
    for (let i = 0; i < LOGIN_FAILURES_ALLOWED; i++) {
      await expect(
        authenticate(t.db, { email: actor.email, password: "fel" }, `10.1.0.${i}`),
      ).rejects.toMatchObject({
        code: "UNAUTHENTICATED",
      });
    }
    await expect(
      authenticate(t.db, { email: actor.email, password: TEST_PASSWORD }, "10.1.1.1"),
    ).rejects.toMatchObject({
      code: "RATE_LIMITED",
    });
    // A minute later the account can log in again.
    const later = new Date(Date.now() + 61_000);
    await expect(
      authenticate(t.db, { email: actor.email, password: TEST_PASSWORD }, "10.1.1.1", later),
    ).resolves.toMatchObject({
      id: actor.id,
    });
  });

  it("throttles an address that tries many accounts", async () => {
    const address = `10.2.${Math.floor(Math.random() * 250)}.9`;
    for (let i = 0; i < LOGIN_FAILURES_ALLOWED; i++) {
      await authenticate(t.db, { email: `x${i}-${address}@example.se`, password: "fel" }, address).catch(
        () => undefined,
      );
    }
    const actor = await insertUserActor(t.db);
    await expect(
      authenticate(t.db, { email: actor.email, password: TEST_PASSWORD }, address),
    ).rejects.toMatchObject({
      code: "RATE_LIMITED",
    });
    const attempts = await t.db.select().from(loginAttempt).where(eq(loginAttempt.address, address));
    expect(attempts.filter((a) => !a.succeeded)).toHaveLength(LOGIN_FAILURES_ALLOWED);
  });

  it("ends a session at logout and expires it after its lifetime", async () => {
    const actor = await insertUserActor(t.db);
    const token = await startSession(t.db, actor.id);
    expect((await findSessionActor(t.db, token))?.id).toBe(actor.id);
    expect(await findSessionActor(t.db, token, new Date(Date.now() + 15 * 24 * 3600 * 1000))).toBeNull();
    await endSession(t.db, token);
    expect(await findSessionActor(t.db, token)).toBeNull();
  });

  it("changes the password, keeps this session and ends the others", async () => {
    const actor = await insertUserActor(t.db);
    const here = await startSession(t.db, actor.id);
    const elsewhere = await startSession(t.db, actor.id);
    await expect(
      changePassword(
        { db: t.db, actor },
        { currentPassword: "inte rätt lösenord", password: "x".repeat(12), passwordConfirm: "x".repeat(12) },
        here,
      ),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fields: { currentPassword: ["Det nuvarande lösenordet stämmer inte."] },
    });
    await changePassword(
      { db: t.db, actor },
      {
        currentPassword: TEST_PASSWORD,
        password: "ett helt nytt lösenord",
        passwordConfirm: "ett helt nytt lösenord",
      },
      here,
    );
    expect(await findSessionActor(t.db, here)).not.toBeNull();
    expect(await findSessionActor(t.db, elsewhere)).toBeNull();
    await expect(
      authenticate(t.db, { email: actor.email, password: "ett helt nytt lösenord" }, "10.3.0.1"),
    ).resolves.toBeTruthy();
  });
});
