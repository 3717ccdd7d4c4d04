import { and, desc, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { apiToken } from "~/db/schema";
import type { Actor } from "~/domain/access/actor";
import { AppError } from "~/errors/app-error";

/** What the owner sees of an API token: never the token or its hash. */
export interface ApiTokenView {
  id: string;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

export const apiTokenColumns = {
  id: apiToken.id,
  name: apiToken.name,
  createdAt: apiToken.createdAt,
  lastUsedAt: apiToken.lastUsedAt,
};

/** The signed-in user's own API tokens that still work, newest first. Throws UNAUTHENTICATED. */
export async function findApiTokens(ctx: { db: DbOrTx; actor: Actor }): Promise<ApiTokenView[]> {
  if (ctx.actor.kind !== "user") throw new AppError("UNAUTHENTICATED", "Du behöver logga in.");
  return ctx.db
    .select(apiTokenColumns)
    .from(apiToken)
    .where(and(eq(apiToken.userId, ctx.actor.id), isNull(apiToken.revokedAt)))
    .orderBy(desc(apiToken.createdAt), desc(apiToken.id));
}
