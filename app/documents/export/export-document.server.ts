import type { DbOrTx } from "~/db/client.server";
import { systemActor, type Actor } from "~/domain/access/actor";
import {
  findAgreements,
  getAgreement,
  type SignatureView,
} from "~/domain/agreements/agreement.queries.server";
import type { DateStatus, LifecycleStage, Signatory } from "~/domain/agreements/document-parts.schemas";
import {
  findCitizenPromises,
  findCitizenPromisesInAgreement,
  getCitizenPromise,
} from "~/domain/citizen-promises/citizen-promise.queries.server";
import { isPublishedDocument } from "~/domain/public/published-document.queries.server";
import { findPartnerships, getPartnership } from "~/domain/partnerships/partnership.queries.server";
import { isAppError, notFound } from "~/errors/app-error";
import { writeDocx } from "./docx-writer.server";
import { writePdf } from "./pdf-writer.server";
import { printableAgreement, printableCitizenPromise, type Printable } from "./printable";

export const EXPORT_FORMATS = ["docx", "pdf"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
};

type Ctx = { db: DbOrTx; actor: Actor };
export type DocumentKind = "agreement" | "citizen-promise";

export interface ExportedDocument {
  fileName: string;
  contentType: string;
  body: Buffer;
}

/** Once signed, the signature block shows who actually signed; before, who is to sign. */
function signatoriesOf(
  planned: Signatory[],
  stage: LifecycleStage,
  signatures: SignatureView[],
): Signatory[] {
  if (stage !== "signed" && stage !== "published") return planned;
  return signatures.map((s) => ({ name: s.name, title: s.title, party: s.party, organisation: "" }));
}

/**
 * The printable form of an agreement or a citizen promise, by id (the id the web pages, the API
 * and `tryggsam list-documents` show); `kind` limits it to one of the two. Throws NOT_FOUND
 * (unknown, or not readable by the actor).
 */
export async function printableDocument(
  ctx: Ctx,
  id: string,
  kind?: DocumentKind,
  options: { publishedOnly?: boolean } = {},
): Promise<Printable> {
  const agreement = kind === "citizen-promise" ? null : await getAgreement(ctx, id).catch(nullWhenNotFound);
  if (agreement) {
    const partnership = await getPartnership(ctx, agreement.partnershipId);
    const promises = await findCitizenPromisesInAgreement(ctx, agreement.id, options);
    return printableAgreement(
      {
        ...agreement.content,
        signatories: signatoriesOf(agreement.content.signatories, agreement.stage, agreement.signatures),
      },
      {
        municipalities: partnership.municipalities.map((m) => m.name),
        policeArea: partnership.policeArea.name,
      },
      { place: agreement.signedPlace, date: agreement.signedOn },
      promises,
    );
  }
  const promise = kind === "agreement" ? null : await getCitizenPromise(ctx, id).catch(nullWhenNotFound);
  if (!promise) throw notFound("Dokumentet");
  const partnership = await getPartnership(ctx, promise.partnershipId);
  return printableCitizenPromise(
    {
      ...promise.content,
      signatories: signatoriesOf(promise.content.signatories, promise.stage, promise.signatures),
    },
    {
      municipalities: partnership.municipalities.map((m) => m.name),
      policeArea: partnership.policeArea.name,
    },
    { place: promise.signedPlace, date: promise.signedOn },
  );
}

function nullWhenNotFound(error: unknown): null {
  if (isAppError(error) && error.code === "NOT_FOUND") return null;
  throw error;
}

/** "Samverkansöverenskommelse Ånge 2023–2026" → a file name without path or control characters. */
export function exportFileName(title: string, format: ExportFormat): string {
  const base = title
    .normalize("NFC")
    .replace(/[^\p{L}\p{N} ._-]+/gu, "")
    .replace(/^[.\s]+/, "")
    .trim()
    .slice(0, 100);
  return `${base || "dokument"}.${format}`;
}

/** An agreement or citizen promise as a DOCX or PDF file. Throws NOT_FOUND. */
export async function exportDocument(
  ctx: Ctx,
  id: string,
  format: ExportFormat,
  kind?: DocumentKind,
): Promise<ExportedDocument> {
  const printable = await printableDocument(ctx, id, kind);
  return {
    fileName: exportFileName(printable.title, format),
    contentType: CONTENT_TYPES[format],
    body: format === "docx" ? await writeDocx(printable) : await writePdf(printable),
  };
}

/** Reads published documents on behalf of the public: they are public documents. */
const PUBLIC_READER: Actor = systemActor("allmänheten");

/**
 * A PUBLISHED agreement or citizen promise as a DOCX or PDF file, for anyone (no actor needed);
 * promises inside an agreement's document only when they are published too.
 * Throws NOT_FOUND (unknown, or not published: a draft's existence is not leaked).
 */
export async function exportPublishedDocument(
  db: DbOrTx,
  id: string,
  format: ExportFormat,
  kind: DocumentKind,
): Promise<ExportedDocument> {
  if (!(await isPublishedDocument(db, kind, id))) throw notFound("Dokumentet");
  const printable = await printableDocument({ db, actor: PUBLIC_READER }, id, kind, { publishedOnly: true });
  return {
    fileName: exportFileName(printable.title, format),
    contentType: CONTENT_TYPES[format],
    body: format === "docx" ? await writeDocx(printable) : await writePdf(printable),
  };
}

export interface DocumentListItem {
  id: string;
  kind: DocumentKind;
  partnership: string;
  title: string;
  stage: LifecycleStage;
  status: DateStatus;
}

/** Every agreement and citizen promise the actor may read, by partnership. */
export async function findDocuments(ctx: Ctx): Promise<DocumentListItem[]> {
  const items: DocumentListItem[] = [];
  for (const partnership of await findPartnerships(ctx)) {
    const [agreements, promises] = await Promise.all([
      findAgreements(ctx, partnership.id),
      findCitizenPromises(ctx, partnership.id),
    ]);
    const item = (kind: DocumentListItem["kind"]) => (d: (typeof agreements)[number]) => ({
      id: d.id,
      kind,
      partnership: partnership.name,
      title: d.title,
      stage: d.stage,
      status: d.status,
    });
    items.push(...agreements.map(item("agreement")), ...promises.map(item("citizen-promise")));
  }
  return items;
}
