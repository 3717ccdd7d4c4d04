import { z } from "zod";

export const COUNCIL_TYPES = ["trygghetsrad", "lokalt-bra", "styrgrupp", "beredningsgrupp", "other"] as const;
export type CouncilType = (typeof COUNCIL_TYPES)[number];

/** How each council type is written in the interface. */
export const COUNCIL_TYPE_LABELS: Record<"sv" | "en", Record<CouncilType, string>> = {
  sv: {
    trygghetsrad: "Trygghetsråd",
    "lokalt-bra": "Lokalt BRÅ",
    styrgrupp: "Styrgrupp",
    beredningsgrupp: "Beredningsgrupp",
    other: "Annat",
  },
  en: {
    trygghetsrad: "Safety council",
    "lokalt-bra": "Local crime prevention council (BRÅ)",
    styrgrupp: "Steering group",
    beredningsgrupp: "Preparatory group",
    other: "Other",
  },
};

export const PARTNERSHIP_NAME_MAX = 200;
export const MUNICIPALITIES_MAX = 60;
export const OTHER_ACTORS_MAX = 50;
export const OTHER_ACTOR_MAX = 200;
export const COUNCIL_NAME_MAX = 200;
export const COUNCIL_MEMBERS_MAX = 100;
export const COUNCIL_MEMBER_FIELD_MAX = 200;

const partnershipName = z
  .string({ message: "Ange ett namn på samverkan." })
  .trim()
  .min(1, "Ange ett namn på samverkan.")
  .max(PARTNERSHIP_NAME_MAX, `Namnet får vara högst ${PARTNERSHIP_NAME_MAX} tecken.`);

const policeAreaId = z
  .string({ message: "Välj ett lokalpolisområde." })
  .pipe(z.guid("Välj ett lokalpolisområde i listan."));

/** SCB municipality codes; whether they exist is checked against the database. */
const municipalities = z
  .array(z.string(), { message: "Välj minst en kommun." })
  .min(1, "Välj minst en kommun.")
  .max(MUNICIPALITIES_MAX, `Välj högst ${MUNICIPALITIES_MAX} kommuner.`)
  .refine((codes) => codes.every((code) => /^\d{4}$/.test(code)), "Välj kommunerna i listan.")
  .transform((codes) => [...new Set(codes)]);

const otherActors = z
  .array(z.string().trim(), { message: "Ange de andra aktörerna som en lista." })
  .max(OTHER_ACTORS_MAX, `Ange högst ${OTHER_ACTORS_MAX} andra aktörer.`)
  .refine(
    (names) => names.every((name) => name.length > 0 && name.length <= OTHER_ACTOR_MAX),
    `Varje aktör ska ha ett namn på högst ${OTHER_ACTOR_MAX} tecken.`,
  );

const councilName = z
  .string({ message: "Ange rådets namn." })
  .trim()
  .min(1, "Ange rådets namn.")
  .max(COUNCIL_NAME_MAX, `Namnet får vara högst ${COUNCIL_NAME_MAX} tecken.`);

const councilType = z.enum(COUNCIL_TYPES, { message: "Välj vilken sorts råd det är." });

const councilMembers = z
  .array(
    z.object({
      name: z.string({ message: "Ange medlemmens namn." }).trim(),
      role: z.string({ message: "Ange medlemmens roll." }).trim(),
    }),
    { message: "Ange medlemmarna som en lista." },
  )
  .max(COUNCIL_MEMBERS_MAX, `Ange högst ${COUNCIL_MEMBERS_MAX} medlemmar.`)
  .refine(
    (members) =>
      members.every(
        (m) =>
          m.name.length > 0 &&
          m.name.length <= COUNCIL_MEMBER_FIELD_MAX &&
          m.role.length <= COUNCIL_MEMBER_FIELD_MAX,
      ),
    `Varje medlem ska ha ett namn, och namn och roll får vara högst ${COUNCIL_MEMBER_FIELD_MAX} tecken.`,
  );

// JSON (API) ---------------------------------------------------------------------------------

export const councilSchema = z.object({
  name: councilName,
  type: councilType,
  members: councilMembers.default([]),
});
export type CouncilInput = z.output<typeof councilSchema>;

export const partnershipSchema = z.object({
  name: partnershipName,
  policeAreaId,
  municipalities,
  otherActors: otherActors.default([]),
});
export type PartnershipInput = z.output<typeof partnershipSchema>;

export const newPartnershipSchema = partnershipSchema.extend({
  council: councilSchema.optional().describe("Samverkans första råd, om det ska läggas upp nu."),
});
export type NewPartnershipInput = z.output<typeof newPartnershipSchema>;

// Forms: the same rules, with lists typed one item per line ------------------------------------

const lines = (text: string | undefined) =>
  (text ?? "")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

const otherActorsText = z
  .string()
  .optional()
  .transform((text) => lines(text))
  .pipe(otherActors);

/** "Anna Andersson, kommunstyrelsens ordförande" → { name, role }; the role is optional. */
const membersText = z
  .string()
  .optional()
  .transform((text) =>
    lines(text).map((line) => {
      const comma = line.indexOf(",");
      return comma < 0
        ? { name: line, role: "" }
        : { name: line.slice(0, comma).trim(), role: line.slice(comma + 1).trim() };
    }),
  )
  .pipe(councilMembers);

/** Members as the form's textarea shows them, one per line. */
export function membersToText(members: readonly { name: string; role: string }[]): string {
  return members.map((m) => (m.role ? `${m.name}, ${m.role}` : m.name)).join("\n");
}

export const partnershipFormSchema = z.object({
  name: partnershipName,
  policeAreaId,
  municipalities,
  otherActors: otherActorsText,
});

export const newPartnershipFormSchema = partnershipFormSchema
  .extend({
    councilName: councilName.optional(),
    councilType: councilType.optional(),
  })
  .superRefine((value, issue) => {
    if (value.councilName && !value.councilType)
      issue.addIssue({ code: "custom", path: ["councilType"], message: "Välj vilken sorts råd det är." });
    if (value.councilType && !value.councilName)
      issue.addIssue({ code: "custom", path: ["councilName"], message: "Ange rådets namn." });
  })
  .transform(({ councilName, councilType, ...rest }): NewPartnershipInput => ({
    ...rest,
    council: councilName && councilType ? { name: councilName, type: councilType, members: [] } : undefined,
  }));

export const councilFormSchema = z.object({
  name: councilName,
  type: councilType,
  members: membersText,
});
