import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { agreement, agreementRevision, appUser, signature } from "~/db/schema";
import type { Actor } from "~/domain/access/actor";
import { can, requirePartnershipPermission, type Permission } from "~/domain/access/permissions";
import { AppError, notFound } from "~/errors/app-error";
import { agreementContentSchema, type AgreementContent } from "./agreement.schemas";
import { documentStatus } from "./document-status";
import type { DateStatus, LifecycleStage, SignatoryParty } from "./document-parts.schemas";
import { lifecycleStage, swedishDate } from "./document-lifecycle";

export const AGREEMENT_DOCUMENT_TYPE = "agreement";

export interface RevisionSummary {
  number: number;
  authorName: string | null;
  createdAt: Date;
  /** Set when the revision was made after signing (revidering). */
  amendmentReason: string | null;
}

export interface RevisionView<C> extends RevisionSummary {
  content: C;
}

export interface SignatureView {
  id: string;
  revisionNumber: number;
  name: string;
  title: string;
  party: SignatoryParty;
  signedOn: string;
  place: string;
}

export interface AgreementSummary {
  id: string;
  partnershipId: string;
  title: string;
  period: AgreementContent["period"];
  stage: LifecycleStage;
  status: DateStatus;
  currentRevision: number;
  signedOn: string | null;
  publishedAt: Date | null;
  updatedAt: Date;
}

export interface AgreementView extends AgreementSummary {
  content: AgreementContent;
  predecessorId: string | null;
  successorId: string | null;
  readyForSigningAt: Date | null;
  signedPlace: string | null;
  terminatedOn: string | null;
  terminationReason: string | null;
  revisions: RevisionSummary[];
  signatures: SignatureView[];
  createdAt: Date;
}

type Ctx = { db: DbOrTx; actor: Actor; now?: Date };
type AgreementRow = typeof agreement.$inferSelect;

/** NOT_FOUND for anonymous visitors and for actors outside the partnership (existence not leaked). */
function requireReadable(actor: Actor, partnershipId: string): void {
  if (actor.kind === "anonymous" || !can(actor, "agreement.read", partnershipId)) {
    throw notFound("Överenskommelsen");
  }
}

/**
 * Locks the agreement row for a write (`select … for update`, so concurrent writes queue) and
 * checks the permission in its partnership.
 * Throws UNAUTHENTICATED, NOT_FOUND (unknown or not readable), FORBIDDEN.
 */
export async function lockAgreementForWrite(
  tx: DbOrTx,
  actor: Actor,
  id: string,
  permission: Permission,
): Promise<AgreementRow> {
  if (actor.kind === "anonymous") throw new AppError("UNAUTHENTICATED", "Du behöver logga in.");
  const [row] = await tx.select().from(agreement).where(eq(agreement.id, id)).for("update");
  if (!row) throw notFound("Överenskommelsen");
  requireReadable(actor, row.partnershipId);
  requirePartnershipPermission(actor, permission, row.partnershipId);
  return row;
}

/** One revision with its author's name, or null. */
export async function findAgreementRevision(
  db: DbOrTx,
  agreementId: string,
  number: number,
): Promise<RevisionView<AgreementContent> | null> {
  const [row] = await db
    .select({
      number: agreementRevision.number,
      authorName: appUser.name,
      createdAt: agreementRevision.createdAt,
      amendmentReason: agreementRevision.amendmentReason,
      content: agreementRevision.content,
    })
    .from(agreementRevision)
    .leftJoin(appUser, eq(appUser.id, agreementRevision.authorId))
    .where(and(eq(agreementRevision.agreementId, agreementId), eq(agreementRevision.number, number)));
  // The JSON column is read back through its schema (defaults for fields added later).
  return row ? { ...row, content: agreementContentSchema.parse(row.content) } : null;
}

/** Signed dates of the agreements that replace these, by predecessor id. */
async function successorsOf(db: DbOrTx, ids: string[]) {
  const rows = ids.length
    ? await db
        .select({ id: agreement.id, predecessorId: agreement.predecessorId, signedOn: agreement.signedOn })
        .from(agreement)
        .where(inArray(agreement.predecessorId, ids))
        .orderBy(asc(agreement.signedOn))
    : [];
  const byPredecessor = new Map<string, { id: string; signedOn: string | null }>();
  for (const row of rows) {
    const known = byPredecessor.get(row.predecessorId!);
    // The first signed successor replaces it; an unsigned one is only kept if none is signed.
    if (!known || (!known.signedOn && row.signedOn)) {
      byPredecessor.set(row.predecessorId!, { id: row.id, signedOn: row.signedOn });
    }
  }
  return byPredecessor;
}

function summarise(
  row: AgreementRow,
  content: AgreementContent,
  successorSignedOn: string | null,
  today: string,
): AgreementSummary {
  return {
    id: row.id,
    partnershipId: row.partnershipId,
    title: content.title,
    period: content.period,
    stage: lifecycleStage(row),
    status: documentStatus(
      {
        period: content.period,
        signedOn: row.signedOn,
        terminatedOn: row.terminatedOn,
        successorSignedOn,
      },
      today,
    ),
    currentRevision: row.currentRevision,
    signedOn: row.signedOn,
    publishedAt: row.publishedAt,
    updatedAt: row.updatedAt,
  };
}

/**
 * An agreement with its current content, its revisions, signatures and derived status.
 * Throws NOT_FOUND (unknown, another partnership's, or asked by an anonymous visitor).
 */
export async function getAgreement(ctx: Ctx, id: string): Promise<AgreementView> {
  const [row] = await ctx.db.select().from(agreement).where(eq(agreement.id, id));
  if (!row) throw notFound("Överenskommelsen");
  requireReadable(ctx.actor, row.partnershipId);
  const [current, revisions, signatures, successors] = await Promise.all([
    findAgreementRevision(ctx.db, id, row.currentRevision),
    ctx.db
      .select({
        number: agreementRevision.number,
        authorName: appUser.name,
        createdAt: agreementRevision.createdAt,
        amendmentReason: agreementRevision.amendmentReason,
      })
      .from(agreementRevision)
      .leftJoin(appUser, eq(appUser.id, agreementRevision.authorId))
      .where(eq(agreementRevision.agreementId, id))
      .orderBy(desc(agreementRevision.number)),
    findSignatures(ctx.db, AGREEMENT_DOCUMENT_TYPE, id),
    successorsOf(ctx.db, [id]),
  ]);
  const successor = successors.get(id) ?? null;
  const today = swedishDate(ctx.now ?? new Date());
  return {
    ...summarise(row, current!.content, successor?.signedOn ?? null, today),
    content: current!.content,
    predecessorId: row.predecessorId,
    successorId: successor?.id ?? null,
    readyForSigningAt: row.readyForSigningAt,
    signedPlace: row.signedPlace,
    terminatedOn: row.terminatedOn,
    terminationReason: row.terminationReason,
    revisions,
    signatures,
    createdAt: row.createdAt,
  };
}

/**
 * A partnership's agreements, newest first, with title and derived status.
 * Throws NOT_FOUND when the actor may not read the partnership.
 */
export async function findAgreements(ctx: Ctx, partnershipId: string): Promise<AgreementSummary[]> {
  requireReadable(ctx.actor, partnershipId);
  const rows = await ctx.db
    .select({ agreement, content: agreementRevision.content })
    .from(agreement)
    .innerJoin(
      agreementRevision,
      and(
        eq(agreementRevision.agreementId, agreement.id),
        eq(agreementRevision.number, agreement.currentRevision),
      ),
    )
    .where(eq(agreement.partnershipId, partnershipId))
    .orderBy(desc(agreement.createdAt), asc(agreement.id));
  const successors = await successorsOf(
    ctx.db,
    rows.map((r) => r.agreement.id),
  );
  const today = swedishDate(ctx.now ?? new Date());
  return rows.map((r) =>
    summarise(
      r.agreement,
      agreementContentSchema.parse(r.content),
      successors.get(r.agreement.id)?.signedOn ?? null,
      today,
    ),
  );
}

/**
 * One revision of an agreement. Throws NOT_FOUND (unknown agreement or revision, or not readable).
 */
export async function getAgreementRevision(
  ctx: Ctx,
  id: string,
  number: number,
): Promise<RevisionView<AgreementContent>> {
  const [row] = await ctx.db
    .select({ partnershipId: agreement.partnershipId })
    .from(agreement)
    .where(eq(agreement.id, id));
  if (!row) throw notFound("Överenskommelsen");
  requireReadable(ctx.actor, row.partnershipId);
  const revision = await findAgreementRevision(ctx.db, id, number);
  if (!revision) throw notFound("Versionen");
  return revision;
}

/**
 * Two revisions of an agreement, for showing side by side.
 * Throws NOT_FOUND (unknown agreement or revision, or not readable).
 */
export async function compareAgreementRevisions(
  ctx: Ctx,
  id: string,
  a: number,
  b: number,
): Promise<{ a: RevisionView<AgreementContent>; b: RevisionView<AgreementContent> }> {
  const first = await getAgreementRevision(ctx, id, a);
  const second = await getAgreementRevision(ctx, id, b);
  return { a: first, b: second };
}

/** The recorded signatures of a document, in the order they were signed. */
export async function findSignatures(
  db: DbOrTx,
  documentType: string,
  documentId: string,
): Promise<SignatureView[]> {
  const rows = await db
    .select({
      id: signature.id,
      revisionNumber: signature.revisionNumber,
      name: signature.signatoryName,
      title: signature.signatoryTitle,
      party: signature.party,
      signedOn: signature.signedOn,
      place: signature.place,
    })
    .from(signature)
    .where(and(eq(signature.documentType, documentType), eq(signature.documentId, documentId)))
    .orderBy(asc(signature.signedOn), asc(signature.createdAt), asc(signature.id));
  return rows.map((r) => ({ ...r, party: r.party as SignatoryParty }));
}
