import type { z } from "zod";
import type { DbOrTx } from "~/db/client.server";
import type { Actor } from "~/domain/access/actor";
import { requirePartnershipPermission } from "~/domain/access/permissions";
import { agreementContentSchema, type AgreementContent } from "~/domain/agreements/agreement.schemas";
import { createAgreementDraft } from "~/domain/agreements/create-agreement-draft.server";
import { hasRequiredSignatures } from "~/domain/agreements/document-lifecycle";
import { firstDay } from "~/domain/agreements/document-parts.schemas";
import { signatureInputSchema, type SignatureInput } from "~/domain/agreements/document-lifecycle.schemas";
import { markAgreementReadyForSigning } from "~/domain/agreements/mark-agreement-ready-for-signing.server";
import { recordAgreementSignature } from "~/domain/agreements/record-agreement-signature.server";
import {
  citizenPromiseContentSchema,
  type CitizenPromiseContent,
} from "~/domain/citizen-promises/citizen-promise.schemas";
import { createCitizenPromiseDraft } from "~/domain/citizen-promises/create-citizen-promise-draft.server";
import { markCitizenPromiseReadyForSigning } from "~/domain/citizen-promises/mark-citizen-promise-ready-for-signing.server";
import { recordCitizenPromiseSignature } from "~/domain/citizen-promises/record-citizen-promise-signature.server";
import { recordAuditEvent } from "~/domain/audit/record-audit-event.server";
import { AppError } from "~/errors/app-error";
import { importResultSchema, type ImportResult } from "~/import/import-v1";
import { toContent } from "~/import/to-content";
import { fieldErrors } from "~/lib/validation";

/** Where a document stored as signed got its signing date from (recorded in the audit event). */
export type SignedDateSource = "document" | "document-year" | "period-start";

export interface StoredImport {
  agreementId: string | null;
  citizenPromiseId: string | null;
  /** The signing date recorded, when stored as signed. */
  signedOn: string | null;
  signedDateSource: SignedDateSource | null;
}

/**
 * Stores one imported document in a partnership, in one transaction: an agreement and/or a
 * citizen promise as its kind says ("agreement+promise": the promise inside its agreement), as
 * drafts, or with `asSigned` as the signed document it is, each signatory's signature recorded on
 * the date the document was signed (or, when it gives none, the first day of its period). An
 * audit event per stored document names the source file. Nothing is stored when anything fails.
 * Throws UNAUTHENTICATED, NOT_FOUND (partnership), FORBIDDEN, VALIDATION (content, or as signed:
 * no date, or not both parties among the signatories).
 */
export async function storeImportedDocument(
  ctx: { db: DbOrTx; actor: Actor; now?: Date },
  partnershipId: string,
  input: ImportResult,
  options: { asSigned?: boolean } = {},
): Promise<StoredImport> {
  const { actor } = ctx;
  requirePartnershipPermission(actor, "agreement.edit", partnershipId);
  if (options.asSigned) requirePartnershipPermission(actor, "agreement.sign", partnershipId);
  const result = parseImport(input);
  const content = validContent(result);
  const signing = options.asSigned ? signingOf(result) : null;

  return ctx.db.transaction(async (tx) => {
    const inner = { db: tx, actor, ...(ctx.now ? { now: ctx.now } : {}) };
    const agreementId = content.agreement
      ? (await createAgreementDraft(inner, partnershipId, content.agreement)).id
      : null;
    const citizenPromiseId = content.citizenPromise
      ? (await createCitizenPromiseDraft(inner, partnershipId, content.citizenPromise, { agreementId })).id
      : null;
    if (signing) {
      if (agreementId) {
        await markAgreementReadyForSigning(inner, agreementId);
        for (const s of signing.signatures) await recordAgreementSignature(inner, agreementId, s);
      }
      if (citizenPromiseId) {
        await markCitizenPromiseReadyForSigning(inner, citizenPromiseId);
        for (const s of signing.signatures) await recordCitizenPromiseSignature(inner, citizenPromiseId, s);
      }
    }
    const facts = {
      source: result.source,
      kind: result.kind,
      asSigned: Boolean(signing),
      signedOn: signing?.signedOn ?? null,
      signedDateSource: signing?.source ?? null,
      uncertain: result.uncertain,
    };
    if (agreementId) {
      await recordAuditEvent(tx, actor, {
        entityType: "agreement",
        entityId: agreementId,
        partnershipId,
        action: "import",
        after: { ...facts, citizenPromiseId },
      });
    }
    if (citizenPromiseId) {
      await recordAuditEvent(tx, actor, {
        entityType: "citizenPromise",
        entityId: citizenPromiseId,
        partnershipId,
        action: "import",
        after: { ...facts, agreementId },
      });
    }
    return {
      agreementId,
      citizenPromiseId,
      signedOn: signing?.signedOn ?? null,
      signedDateSource: signing?.source ?? null,
    };
  });
}

function invalid(message: string, fields: Record<string, string[]>): AppError {
  return new AppError("VALIDATION", message, fields);
}

function parseImport(input: ImportResult): ImportResult {
  const parsed = importResultSchema.safeParse(input);
  if (!parsed.success)
    throw invalid("Importen följer inte formatet tryggsam-import/1.", fieldErrors(parsed.error));
  return parsed.data;
}

/**
 * The document as agreement and citizen-promise content, both checked before anything is
 * written, with the messages of each under its name ("agreement.title", "citizenPromise.title").
 */
function validContent(result: ImportResult): {
  agreement: AgreementContent | null;
  citizenPromise: CitizenPromiseContent | null;
} {
  const content = toContent(result);
  const fields: Record<string, string[]> = {};
  const collect = (name: string, error: z.ZodError) => {
    for (const [key, messages] of Object.entries(fieldErrors(error))) fields[`${name}.${key}`] = messages;
  };
  const agreement = content.agreement ? agreementContentSchema.safeParse(content.agreement) : null;
  const citizenPromise = content.citizenPromise
    ? citizenPromiseContentSchema.safeParse(content.citizenPromise)
    : null;
  if (agreement?.error) collect("agreement", agreement.error);
  if (citizenPromise?.error) collect("citizenPromise", citizenPromise.error);
  if (Object.keys(fields).length) {
    throw invalid("Dokumentet kan inte sparas: uppgifterna innehåller fel.", fields);
  }
  return { agreement: agreement?.data ?? null, citizenPromise: citizenPromise?.data ?? null };
}

/** The signatures to record for a document stored as signed, and the date they carry. */
export function signingOf(result: ImportResult): {
  signedOn: string;
  source: SignedDateSource;
  signatures: SignatureInput[];
} {
  const fields: Record<string, string[]> = {};
  const dated: { signedOn: string; source: SignedDateSource } | null = result.signed.date
    ? {
        signedOn: firstDay(result.signed.date),
        source: result.signed.date.length === 4 ? "document-year" : "document",
      }
    : result.period.from
      ? { signedOn: firstDay(result.period.from), source: "period-start" }
      : null;
  if (!dated) {
    fields["signed.date"] = [
      "Dokumentet anger varken när det undertecknades eller när det börjar gälla, så det kan inte sparas som undertecknat. Spara det som utkast.",
    ];
  }
  if (!hasRequiredSignatures(result.signatories)) {
    fields.signatories = [
      "Dokumentet kan sparas som undertecknat bara när det har undertecknare för både polisen och kommunen. Spara det som utkast.",
    ];
  }
  if (!dated || Object.keys(fields).length) {
    throw invalid("Dokumentet kan inte sparas som undertecknat.", fields);
  }
  const signatures = result.signatories.map((s, index) => {
    const parsed = signatureInputSchema.safeParse({
      name: s.name,
      title: s.title,
      party: s.party,
      signedOn: dated.signedOn,
      place: result.signed.place ?? "",
    });
    if (parsed.success) return parsed.data;
    for (const [key, messages] of Object.entries(fieldErrors(parsed.error))) {
      fields[key === "place" || key === "signedOn" ? `signed.${key}` : `signatories.${index}.${key}`] =
        messages;
    }
    return null;
  });
  if (Object.keys(fields).length) throw invalid("Dokumentet kan inte sparas som undertecknat.", fields);
  return { ...dated, signatures: signatures.filter((s) => s !== null) };
}
