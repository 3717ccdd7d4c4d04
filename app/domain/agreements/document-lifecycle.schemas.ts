import { z } from "zod";
import { agreementContentSchema } from "./agreement.schemas";
import {
  daySchema,
  LONG_TEXT_MAX,
  requiredShortText,
  shortText,
  SIGNATORY_PARTIES,
} from "./document-parts.schemas";

/**
 * What the writes of an agreement's or a citizen promise's life take: a new revision based on
 * the one the editor loaded, a signature, a termination. Safe for the browser.
 */

export const AMENDMENT_REASON_MAX = 2_000;

const documentId = (message: string) => z.string({ message }).pipe(z.guid(message));

export const baseRevisionSchema = z
  .number({ message: "Ange vilken version ändringen bygger på." })
  .int("Ange vilken version ändringen bygger på.")
  .min(1, "Ange vilken version ändringen bygger på.");

/** Why a signed document is changed (revidering); required only after signing. */
export const amendmentReasonSchema = z
  .string({ message: "Ange varför dokumentet ändras." })
  .trim()
  .max(AMENDMENT_REASON_MAX, `Skälet får vara högst ${AMENDMENT_REASON_MAX} tecken.`)
  .optional()
  .transform((reason) => reason || undefined);

export const newAgreementSchema = z.object({
  content: agreementContentSchema,
  /** The agreement this one replaces, when it does. */
  predecessorId: documentId("Välj överenskommelsen som ersätts.").nullable().default(null),
});
export type NewAgreementInput = z.output<typeof newAgreementSchema>;

export const agreementRevisionSchema = z.object({
  baseRevision: baseRevisionSchema,
  content: agreementContentSchema,
  amendmentReason: amendmentReasonSchema,
});
export type AgreementRevisionInput = Omit<z.output<typeof agreementRevisionSchema>, "amendmentReason"> & {
  amendmentReason?: string | undefined;
};

/** One person's signature, as recorded after the signing. */
export const signatureInputSchema = z.object({
  name: requiredShortText("undertecknarens namn"),
  title: shortText("titel"),
  party: z.enum(SIGNATORY_PARTIES, { message: "Välj polisen, kommunen eller annan part." }),
  signedOn: daySchema,
  place: shortText("ort"),
});
export type SignatureInput = z.output<typeof signatureInputSchema>;

export const terminationSchema = z.object({
  terminatedOn: daySchema,
  reason: z
    .string({ message: "Ange varför dokumentet sägs upp." })
    .trim()
    .min(1, "Ange varför dokumentet sägs upp.")
    .max(LONG_TEXT_MAX, `Skälet får vara högst ${LONG_TEXT_MAX} tecken.`),
});
export type TerminationInput = z.output<typeof terminationSchema>;

const revisionNumber = (name: string) =>
  z.coerce
    .number({ message: `Ange versionens nummer (${name}).` })
    .int(`Ange versionens nummer (${name}) som ett heltal.`)
    .min(1, `Ange versionens nummer (${name}) som ett heltal från 1.`);

/** `?number=3`: one revision. */
export const revisionQuerySchema = z.object({ number: revisionNumber("number") });

/** `?a=1&b=3`: two revisions to show side by side. */
export const comparisonQuerySchema = z.object({ a: revisionNumber("a"), b: revisionNumber("b") });
