import type { DbOrTx } from "~/db/client.server";
import { apiToken } from "~/db/schema";
import { hashToken, randomToken } from "~/auth/crypto.server";
import type { Actor } from "~/domain/access/actor";
import { recordAuditEvent } from "~/domain/audit/record-audit-event.server";
import { AppError } from "~/errors/app-error";
import { apiTokenColumns, type ApiTokenView } from "./api-token.queries.server";
import type { ApiTokenInput } from "./user.schemas";

/** Every API token starts so, which lets secret scanners and people recognise one. */
export const API_TOKEN_PREFIX = "tsk_";

/**
 * Creates a personal API token for the signed-in user. The token is returned this once; only its
 * SHA-256 is stored. Throws UNAUTHENTICATED when not signed in.
 */
export async function createApiToken(
  ctx: { db: DbOrTx; actor: Actor },
  input: ApiTokenInput,
): Promise<{ token: string; apiToken: ApiTokenView }> {
  const { actor } = ctx;
  if (actor.kind !== "user") throw new AppError("UNAUTHENTICATED", "Du behöver logga in.");
  const token = `${API_TOKEN_PREFIX}${randomToken()}`;
  const created = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiToken)
      .values({ userId: actor.id, name: input.name, tokenHash: hashToken(token) })
      .returning(apiTokenColumns);
    await recordAuditEvent(tx, actor, {
      entityType: "apiToken",
      entityId: row!.id,
      action: "create",
      after: { name: row!.name, userId: actor.id },
    });
    return row!;
  });
  return { token, apiToken: created };
}
