import { z } from "zod";

/** A comment on an agreement or a citizen promise. Safe for the browser. */

export const COMMENT_MAX = 5_000;
export const DOCUMENT_TYPES = ["agreement", "citizen-promise"] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const commentSchema = z.object({
  body: z
    .string({ message: "Skriv en kommentar." })
    .trim()
    .min(1, "Skriv en kommentar.")
    .max(COMMENT_MAX, `Kommentaren får vara högst ${COMMENT_MAX} tecken.`),
});
export type CommentInput = z.output<typeof commentSchema>;
