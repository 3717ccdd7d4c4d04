import { z } from "zod";
import { amendmentReasonSchema, baseRevisionSchema } from "~/domain/agreements/document-lifecycle.schemas";
import { daySchema, LONG_TEXT_MAX } from "~/domain/agreements/document-parts.schemas";
import { citizenPromiseContentSchema, COMMITMENT_STATUSES } from "./citizen-promise.schemas";

/** What the writes of a citizen promise's life take. Safe for the browser. */

const documentId = (message: string) => z.string({ message }).pipe(z.guid(message));

export const newCitizenPromiseSchema = z.object({
  content: citizenPromiseContentSchema,
  /** The agreement whose document it is published in, if any. */
  agreementId: documentId("Välj överenskommelsen löftet hör till.").nullable().default(null),
  /** The citizen promise this one replaces, when it does. */
  predecessorId: documentId("Välj medborgarlöftet som ersätts.").nullable().default(null),
});
export type NewCitizenPromiseInput = z.output<typeof newCitizenPromiseSchema>;

export const citizenPromiseRevisionSchema = z.object({
  baseRevision: baseRevisionSchema,
  content: citizenPromiseContentSchema,
  amendmentReason: amendmentReasonSchema,
});
export type CitizenPromiseRevisionInput = Omit<
  z.output<typeof citizenPromiseRevisionSchema>,
  "amendmentReason"
> & { amendmentReason?: string | undefined };

/** A dated progress note on one commitment: what was done, when, and where it stands. */
export const commitmentProgressSchema = z.object({
  commitmentKey: z
    .string({ message: "Välj vilket löfte det gäller." })
    .trim()
    .min(1, "Välj vilket löfte det gäller.")
    .max(64, "Välj vilket löfte det gäller."),
  status: z.enum(COMMITMENT_STATUSES, { message: "Välj hur det går med löftet." }),
  note: z
    .string({ message: "Skriv vad som gjordes." })
    .trim()
    .max(LONG_TEXT_MAX, `Anteckningen får vara högst ${LONG_TEXT_MAX} tecken.`)
    .default(""),
  occurredOn: daySchema,
});
export type CommitmentProgressInput = z.output<typeof commitmentProgressSchema>;
