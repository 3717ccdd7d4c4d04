import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { apiToken, auditEvent } from "~/db/schema";
import { anonymous } from "~/domain/access/actor";
import { hashToken } from "~/auth/crypto.server";
import { insertUserActor } from "../../../tests/factories/users";
import { withTestDatabase } from "../../../tests/support/test-database";
import { findApiTokens } from "./api-token.queries.server";
import { API_TOKEN_PREFIX, createApiToken } from "./create-api-token.server";
import { revokeApiToken } from "./revoke-api-token.server";
import { findApiTokenActor } from "./user.queries.server";

const t = withTestDatabase();

describe("personal API tokens", () => {
  it("shows the token once, stores only its hash and lets it authenticate as its owner", async () => {
    const actor = await insertUserActor(t.db, { globalRole: "analyst" });
    const { token, apiToken: created } = await createApiToken({ db: t.db, actor }, { name: "Rapportskript" });
    expect(token.startsWith(API_TOKEN_PREFIX)).toBe(true);
    expect(token.length).toBeGreaterThan(40);

    const [stored] = await t.db.select().from(apiToken).where(eq(apiToken.id, created.id));
    expect(stored?.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);

    const listed = await findApiTokens({ db: t.db, actor });
    expect(listed.map(({ id, name, lastUsedAt }) => ({ id, name, lastUsedAt }))).toEqual([
      { id: created.id, name: "Rapportskript", lastUsedAt: null },
    ]);
    expect(listed[0]?.createdAt).toBeInstanceOf(Date);
    expect(JSON.stringify(listed)).not.toContain(stored!.tokenHash);

    const tokenActor = await findApiTokenActor(t.db, token);
    expect(tokenActor).toMatchObject({ id: actor.id, email: actor.email, globalRole: "analyst" });
    const [afterUse] = await findApiTokens({ db: t.db, actor });
    expect(afterUse?.lastUsedAt).toBeInstanceOf(Date);
  });

  it("records creation and revocation in the audit log without the token", async () => {
    const actor = await insertUserActor(t.db);
    const { token, apiToken: created } = await createApiToken({ db: t.db, actor }, { name: "CI" });
    await revokeApiToken({ db: t.db, actor }, created.id);
    const events = await t.db.select().from(auditEvent).where(eq(auditEvent.entityId, created.id));
    expect(events.map((e) => e.action).sort()).toEqual(["create", "revoke"]);
    expect(events.every((e) => e.actorId === actor.id)).toBe(true);
    expect(JSON.stringify(events)).not.toContain(token);
    expect(JSON.stringify(events)).not.toContain(hashToken(token));
  });

  it("no longer authenticates a revoked token, and drops it from the list", async () => {
    const actor = await insertUserActor(t.db);
    const kept = await createApiToken({ db: t.db, actor }, { name: "Behålls" });
    const revoked = await createApiToken({ db: t.db, actor }, { name: "Återkallas" });
    await revokeApiToken({ db: t.db, actor }, revoked.apiToken.id);

    expect(await findApiTokenActor(t.db, revoked.token)).toBeNull();
    expect((await findApiTokenActor(t.db, kept.token))?.id).toBe(actor.id);
    expect((await findApiTokens({ db: t.db, actor })).map((x) => x.name)).toEqual(["Behålls"]);
    await expect(revokeApiToken({ db: t.db, actor }, revoked.apiToken.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("answers not found for another user's token and leaves it working", async () => {
    const owner = await insertUserActor(t.db);
    const admin = await insertUserActor(t.db, { globalRole: "admin" });
    const { token, apiToken: created } = await createApiToken({ db: t.db, actor: owner }, { name: "Egen" });
    await expect(revokeApiToken({ db: t.db, actor: admin }, created.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "API-nyckeln finns inte.",
    });
    expect(await findApiTokens({ db: t.db, actor: admin })).toEqual([]);
    expect((await findApiTokenActor(t.db, token))?.id).toBe(owner.id);
  });

  it("refuses anonymous visitors", async () => {
    const ctx = { db: t.db, actor: anonymous };
    await expect(createApiToken(ctx, { name: "x" })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(findApiTokens(ctx)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});
