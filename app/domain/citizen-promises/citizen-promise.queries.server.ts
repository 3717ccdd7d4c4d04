import { and, asc, desc, eq, inArray, isNotNull } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { appUser, citizenPromise, citizenPromiseRevision, commitmentProgress } from "~/db/schema";
import type { Actor } from "~/domain/access/actor";
import { can, requirePartnershipPermission, type Permission } from "~/domain/access/permissions";
import { AppError, notFound } from "~/errors/app-error";
import {
  findSignatures,
  type RevisionSummary,
  type RevisionView,
  type SignatureView,
} from "~/domain/agreements/agreement.queries.server";
import {
  citizenPromiseContentSchema,
  type CitizenPromiseContent,
  type CommitmentStatus,
} from "./citizen-promise.schemas";
import { documentStatus } from "~/domain/agreements/document-status";
import type { DateStatus, LifecycleStage } from "~/domain/agreements/document-parts.schemas";
import { lifecycleStage, swedishDate } from "~/domain/agreements/document-lifecycle";

export const CITIZEN_PROMISE_DOCUMENT_TYPE = "citizen-promise";

export interface CitizenPromiseSummary {
  id: string;
  partnershipId: string;
  title: string;
  period: CitizenPromiseContent["period"];
  stage: LifecycleStage;
  status: DateStatus;
  currentRevision: number;
  signedOn: string | null;
  publishedAt: Date | null;
  updatedAt: Date;
}

export interface CitizenPromiseView extends CitizenPromiseSummary {
  content: CitizenPromiseContent;
  predecessorId: string | null;
  successorId: string | null;
  readyForSigningAt: Date | null;
  signedPlace: string | null;
  terminatedOn: string | null;
  terminationReason: string | null;
  revisions: RevisionSummary[];
  signatures: SignatureView[];
  /** The agreement whose document it is published in, if any. */
  agreementId: string | null;
  /** Per commitment of the current content, in its order: the latest status and every note. */
  progress: CommitmentProgressView[];
  createdAt: Date;
}

export interface ProgressNoteView {
  id: string;
  status: CommitmentStatus;
  note: string;
  occurredOn: string;
  authorName: string | null;
  createdAt: Date;
}

export interface CommitmentProgressView {
  commitmentKey: string;
  /** The status of the latest note (by date, then by when it was written); null before any. */
  status: CommitmentStatus | null;
  /** Newest first. */
  notes: ProgressNoteView[];
}

type Ctx = { db: DbOrTx; actor: Actor; now?: Date };
type CitizenPromiseRow = typeof citizenPromise.$inferSelect;

/** NOT_FOUND for anonymous visitors and for actors outside the partnership (existence not leaked). */
function requireReadable(actor: Actor, partnershipId: string): void {
  if (actor.kind === "anonymous" || !can(actor, "agreement.read", partnershipId)) {
    throw notFound("Medborgarlöftet");
  }
}

/**
 * Locks the citizen promise row for a write (`select … for update`, so concurrent writes queue) and
 * checks the permission in its partnership.
 * Throws UNAUTHENTICATED, NOT_FOUND (unknown or not readable), FORBIDDEN.
 */
export async function lockCitizenPromiseForWrite(
  tx: DbOrTx,
  actor: Actor,
  id: string,
  permission: Permission,
): Promise<CitizenPromiseRow> {
  if (actor.kind === "anonymous") throw new AppError("UNAUTHENTICATED", "Du behöver logga in.");
  const [row] = await tx.select().from(citizenPromise).where(eq(citizenPromise.id, id)).for("update");
  if (!row) throw notFound("Medborgarlöftet");
  requireReadable(actor, row.partnershipId);
  requirePartnershipPermission(actor, permission, row.partnershipId);
  return row;
}

/** One revision with its author's name, or null. */
export async function findCitizenPromiseRevision(
  db: DbOrTx,
  citizenPromiseId: string,
  number: number,
): Promise<RevisionView<CitizenPromiseContent> | null> {
  const [row] = await db
    .select({
      number: citizenPromiseRevision.number,
      authorName: appUser.name,
      createdAt: citizenPromiseRevision.createdAt,
      amendmentReason: citizenPromiseRevision.amendmentReason,
      content: citizenPromiseRevision.content,
    })
    .from(citizenPromiseRevision)
    .leftJoin(appUser, eq(appUser.id, citizenPromiseRevision.authorId))
    .where(
      and(
        eq(citizenPromiseRevision.citizenPromiseId, citizenPromiseId),
        eq(citizenPromiseRevision.number, number),
      ),
    );
  // The JSON column is read back through its schema (defaults for fields added later).
  return row ? { ...row, content: citizenPromiseContentSchema.parse(row.content) } : null;
}

/** Signed dates of the citizen promises that replace these, by predecessor id. */
async function successorsOf(db: DbOrTx, ids: string[]) {
  const rows = ids.length
    ? await db
        .select({
          id: citizenPromise.id,
          predecessorId: citizenPromise.predecessorId,
          signedOn: citizenPromise.signedOn,
        })
        .from(citizenPromise)
        .where(inArray(citizenPromise.predecessorId, ids))
        .orderBy(asc(citizenPromise.signedOn))
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
  row: CitizenPromiseRow,
  content: CitizenPromiseContent,
  successorSignedOn: string | null,
  today: string,
): CitizenPromiseSummary {
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
 * A citizen promise with its current content, its revisions, signatures and derived status.
 * Throws NOT_FOUND (unknown, another partnership's, or asked by an anonymous visitor).
 */
export async function getCitizenPromise(ctx: Ctx, id: string): Promise<CitizenPromiseView> {
  const [row] = await ctx.db.select().from(citizenPromise).where(eq(citizenPromise.id, id));
  if (!row) throw notFound("Medborgarlöftet");
  requireReadable(ctx.actor, row.partnershipId);
  const [current, revisions, signatures, successors] = await Promise.all([
    findCitizenPromiseRevision(ctx.db, id, row.currentRevision),
    ctx.db
      .select({
        number: citizenPromiseRevision.number,
        authorName: appUser.name,
        createdAt: citizenPromiseRevision.createdAt,
        amendmentReason: citizenPromiseRevision.amendmentReason,
      })
      .from(citizenPromiseRevision)
      .leftJoin(appUser, eq(appUser.id, citizenPromiseRevision.authorId))
      .where(eq(citizenPromiseRevision.citizenPromiseId, id))
      .orderBy(desc(citizenPromiseRevision.number)),
    findSignatures(ctx.db, CITIZEN_PROMISE_DOCUMENT_TYPE, id),
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
    agreementId: row.agreementId,
    progress: await findCommitmentProgress(ctx.db, id, current!.content),
    createdAt: row.createdAt,
  };
}

/**
 * A partnership's citizen promises, newest first, with title and derived status.
 * Throws NOT_FOUND when the actor may not read the partnership.
 */
export async function findCitizenPromises(ctx: Ctx, partnershipId: string): Promise<CitizenPromiseSummary[]> {
  requireReadable(ctx.actor, partnershipId);
  const rows = await ctx.db
    .select({ citizenPromise, content: citizenPromiseRevision.content })
    .from(citizenPromise)
    .innerJoin(
      citizenPromiseRevision,
      and(
        eq(citizenPromiseRevision.citizenPromiseId, citizenPromise.id),
        eq(citizenPromiseRevision.number, citizenPromise.currentRevision),
      ),
    )
    .where(eq(citizenPromise.partnershipId, partnershipId))
    .orderBy(desc(citizenPromise.createdAt), asc(citizenPromise.id));
  const successors = await successorsOf(
    ctx.db,
    rows.map((r) => r.citizenPromise.id),
  );
  const today = swedishDate(ctx.now ?? new Date());
  return rows.map((r) =>
    summarise(
      r.citizenPromise,
      citizenPromiseContentSchema.parse(r.content),
      successors.get(r.citizenPromise.id)?.signedOn ?? null,
      today,
    ),
  );
}

/**
 * One revision of a citizen promise. Throws NOT_FOUND (unknown citizen promise or revision, or not readable).
 */
export async function getCitizenPromiseRevision(
  ctx: Ctx,
  id: string,
  number: number,
): Promise<RevisionView<CitizenPromiseContent>> {
  const [row] = await ctx.db
    .select({ partnershipId: citizenPromise.partnershipId })
    .from(citizenPromise)
    .where(eq(citizenPromise.id, id));
  if (!row) throw notFound("Medborgarlöftet");
  requireReadable(ctx.actor, row.partnershipId);
  const revision = await findCitizenPromiseRevision(ctx.db, id, number);
  if (!revision) throw notFound("Versionen");
  return revision;
}

/**
 * Two revisions of a citizen promise, for showing side by side.
 * Throws NOT_FOUND (unknown citizen promise or revision, or not readable).
 */
export async function compareCitizenPromiseRevisions(
  ctx: Ctx,
  id: string,
  a: number,
  b: number,
): Promise<{ a: RevisionView<CitizenPromiseContent>; b: RevisionView<CitizenPromiseContent> }> {
  const first = await getCitizenPromiseRevision(ctx, id, a);
  const second = await getCitizenPromiseRevision(ctx, id, b);
  return { a: first, b: second };
}

/** Progress notes per commitment of the content, newest first; notes on removed commitments are left out. */
async function findCommitmentProgress(
  db: DbOrTx,
  citizenPromiseId: string,
  content: CitizenPromiseContent,
): Promise<CommitmentProgressView[]> {
  const rows = await db
    .select({
      id: commitmentProgress.id,
      commitmentKey: commitmentProgress.commitmentKey,
      status: commitmentProgress.status,
      note: commitmentProgress.note,
      occurredOn: commitmentProgress.occurredOn,
      authorName: appUser.name,
      createdAt: commitmentProgress.createdAt,
    })
    .from(commitmentProgress)
    .leftJoin(appUser, eq(appUser.id, commitmentProgress.authorId))
    .where(eq(commitmentProgress.citizenPromiseId, citizenPromiseId))
    .orderBy(
      desc(commitmentProgress.occurredOn),
      desc(commitmentProgress.createdAt),
      desc(commitmentProgress.id),
    );
  return content.commitments.map((commitment) => {
    const notes = rows
      .filter((r) => r.commitmentKey === commitment.key)
      .map(({ commitmentKey: _key, ...note }) => ({ ...note, status: note.status as CommitmentStatus }));
    return { commitmentKey: commitment.key, status: notes[0]?.status ?? null, notes };
  });
}

/**
 * The contents of the citizen promises published inside an agreement's document, oldest first;
 * with `publishedOnly`, only those published (for the public's copy of the document).
 * Throws NOT_FOUND when the actor may not read the agreement's partnership.
 */
export async function findCitizenPromisesInAgreement(
  ctx: Ctx,
  agreementId: string,
  options: { publishedOnly?: boolean } = {},
): Promise<CitizenPromiseContent[]> {
  const rows = await ctx.db
    .select({ id: citizenPromise.id })
    .from(citizenPromise)
    .where(
      and(
        eq(citizenPromise.agreementId, agreementId),
        options.publishedOnly ? isNotNull(citizenPromise.publishedAt) : undefined,
      ),
    )
    .orderBy(asc(citizenPromise.createdAt), asc(citizenPromise.id));
  const promises = await Promise.all(rows.map((row) => getCitizenPromise(ctx, row.id)));
  return promises.map((promise) => promise.content);
}
