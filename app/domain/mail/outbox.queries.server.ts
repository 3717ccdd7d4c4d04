import { desc } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { outboxMessage } from "~/db/schema";
import type { Actor } from "~/domain/access/actor";
import { requirePermission } from "~/domain/access/permissions";

export interface OutboxMessageView {
  id: string;
  recipient: string;
  subject: string;
  body: string;
  createdAt: Date;
  sentAt: Date | null;
}

export const OUTBOX_PAGE_SIZE = 200;

/** The outbox, newest first (the latest 200). Throws UNAUTHENTICATED, FORBIDDEN (not an administrator). */
export async function findOutboxMessages(ctx: { db: DbOrTx; actor: Actor }): Promise<OutboxMessageView[]> {
  requirePermission(ctx.actor, "outbox.read");
  return ctx.db
    .select({
      id: outboxMessage.id,
      recipient: outboxMessage.recipient,
      subject: outboxMessage.subject,
      body: outboxMessage.body,
      createdAt: outboxMessage.createdAt,
      sentAt: outboxMessage.sentAt,
    })
    .from(outboxMessage)
    .orderBy(desc(outboxMessage.createdAt), desc(outboxMessage.id))
    .limit(OUTBOX_PAGE_SIZE);
}
