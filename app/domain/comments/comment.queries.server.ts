import { and, asc, eq } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { agreement, appUser, citizenPromise, documentComment } from "~/db/schema";
import type { Actor } from "~/domain/access/actor";
import { can } from "~/domain/access/permissions";
import { notFound } from "~/errors/app-error";
import type { DocumentType } from "./comment.schemas";

export interface CommentView {
  id: string;
  authorName: string | null;
  revisionNumber: number;
  body: string;
  createdAt: Date;
}

/**
 * The partnership and current revision of a document, for checking access to it.
 * Throws NOT_FOUND (unknown, or not readable by the actor: existence not leaked).
 */
export async function requireReadableDocument(
  ctx: { db: DbOrTx; actor: Actor },
  documentType: DocumentType,
  documentId: string,
): Promise<{ partnershipId: string; currentRevision: number }> {
  const table = documentType === "agreement" ? agreement : citizenPromise;
  const [row] = await ctx.db
    .select({ partnershipId: table.partnershipId, currentRevision: table.currentRevision })
    .from(table)
    .where(eq(table.id, documentId));
  if (!row || ctx.actor.kind === "anonymous" || !can(ctx.actor, "agreement.read", row.partnershipId)) {
    throw notFound(documentType === "agreement" ? "Överenskommelsen" : "Medborgarlöftet");
  }
  return row;
}

/** A document's comments, oldest first. Throws NOT_FOUND (unknown or not readable). */
export async function findComments(
  ctx: { db: DbOrTx; actor: Actor },
  documentType: DocumentType,
  documentId: string,
): Promise<CommentView[]> {
  await requireReadableDocument(ctx, documentType, documentId);
  return ctx.db
    .select({
      id: documentComment.id,
      authorName: appUser.name,
      revisionNumber: documentComment.revisionNumber,
      body: documentComment.body,
      createdAt: documentComment.createdAt,
    })
    .from(documentComment)
    .leftJoin(appUser, eq(appUser.id, documentComment.authorId))
    .where(and(eq(documentComment.documentType, documentType), eq(documentComment.documentId, documentId)))
    .orderBy(asc(documentComment.createdAt), asc(documentComment.id));
}
