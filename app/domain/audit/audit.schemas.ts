import { z } from "zod";

/** Which record's history: its type as the audit log names it ("policeArea") and its id. */
export const auditQuerySchema = z.object({
  entityType: z
    .string({ message: "Ange vilken sorts post (entityType)." })
    .regex(/^[a-zA-Z][a-zA-Z-]{0,49}$/, "Okänd sorts post."),
  entityId: z
    .string({ message: "Ange postens id (entityId)." })
    .min(1, "Ange postens id (entityId).")
    .max(100, "Id:t är för långt."),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;
