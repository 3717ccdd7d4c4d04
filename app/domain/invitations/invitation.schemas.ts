import { z } from "zod";
import { PARTNERSHIP_ROLES, type PartnershipRole } from "~/domain/access/actor";
import { emailSchema } from "~/domain/users/user.schemas";

/** How long an invitation link works. */
export const INVITATION_DAYS = 7;

export const PARTNERSHIP_ROLE_LABELS: Record<"sv" | "en", Record<PartnershipRole, string>> = {
  sv: { coordinator: "Samordnare", police: "Polis", member: "Medlem" },
  en: { coordinator: "Coordinator", police: "Police", member: "Member" },
};

export const invitationSchema = z.object({
  email: emailSchema,
  role: z.enum(PARTNERSHIP_ROLES, { message: "Välj en roll." }),
});
export type InvitationInput = z.output<typeof invitationSchema>;
