import type { DbOrTx } from "~/db/client.server";
import { documentComment } from "~/db/schema";
import { actorId, type Actor } from "~/domain/access/actor";
import { requirePartnershipPermission } from "~/domain/access/permissions";
import { recordAuditEvent } from "~/domain/audit/record-audit-event.server";
import { parseInput } from "~/lib/validation";
import { commentSchema, type CommentInput, type DocumentType } from "./comment.schemas";
import { requireReadableDocument } from "./comment.queries.server";

/**
 * Adds a comment to an agreement or a citizen promise, on its current version. Council members
 * may comment as well as the coordinators and police.
 * Throws UNAUTHENTICATED, NOT_FOUND (unknown or not readable), FORBIDDEN, VALIDATION.
 */
export async function addComment(
  ctx: { db: DbOrTx; actor: Actor },
  documentType: DocumentType,
  documentId: string,
  input: CommentInput,
): Promise<{ id: string }> {
  const { actor } = ctx;
  const { body } = parseInput(commentSchema, input);
  return ctx.db.transaction(async (tx) => {
    const document = await requireReadableDocument({ db: tx, actor }, documentType, documentId);
    requirePartnershipPermission(actor, "agreement.comment", document.partnershipId);
    const [row] = await tx
      .insert(documentComment)
      .values({
        documentType,
        documentId,
        partnershipId: document.partnershipId,
        revisionNumber: document.currentRevision,
        authorId: actorId(actor),
        body,
      })
      .returning({ id: documentComment.id });
    await recordAuditEvent(tx, actor, {
      entityType: "comment",
      entityId: row!.id,
      partnershipId: document.partnershipId,
      action: "create",
      after: { documentType, documentId, revisionNumber: document.currentRevision, body },
    });
    return { id: row!.id };
  });
}
