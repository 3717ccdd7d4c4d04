import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { hashToken, randomToken } from "~/auth/crypto.server";
import {
  council,
  invitation,
  partnership,
  partnershipMunicipality,
  policeArea,
  policeRegion,
} from "~/db/schema";
import type { PartnershipRole } from "~/domain/access/actor";
import type { CouncilInput } from "~/domain/partnerships/partnership.schemas";

/** A police area of its own, so tests do not depend on the reference list. */
export async function insertPoliceArea(db: DbOrTx, overrides: { name?: string } = {}): Promise<string> {
  const [region] = await db.select({ id: policeRegion.id }).from(policeRegion).limit(1);
  const [area] = await db
    .insert(policeArea)
    .values({ name: overrides.name ?? `LPO Test ${randomUUID()}`, policeRegionId: region!.id })
    .returning({ id: policeArea.id });
  return area!.id;
}

/** The id of a reference police area by name (e.g. "Medelpad"). */
export async function policeAreaId(db: DbOrTx, name: string): Promise<string> {
  const [area] = await db.select({ id: policeArea.id }).from(policeArea).where(eq(policeArea.name, name));
  if (!area) throw new Error(`No police area named ${name} in the reference data`);
  return area.id;
}

export function makePartnership(
  overrides: Partial<{
    name: string;
    policeAreaId: string;
    municipalities: string[];
    otherActors: string[];
    council: CouncilInput;
  }> = {},
) {
  return {
    name: `Samverkan ${randomUUID().slice(0, 8)}`,
    policeAreaId: "",
    municipalities: ["2260"],
    otherActors: [] as string[],
    council: undefined as CouncilInput | undefined,
    ...overrides,
  };
}

/** Saves a partnership (with a police area of its own unless one is given); returns its id. */
export async function insertPartnership(
  db: DbOrTx,
  overrides: Parameters<typeof makePartnership>[0] = {},
): Promise<string> {
  const input = makePartnership(overrides);
  const areaId = input.policeAreaId || (await insertPoliceArea(db));
  const [row] = await db
    .insert(partnership)
    .values({ name: input.name, policeAreaId: areaId, otherActors: input.otherActors })
    .returning({ id: partnership.id });
  const id = row!.id;
  await db
    .insert(partnershipMunicipality)
    .values(input.municipalities.map((municipalityCode) => ({ partnershipId: id, municipalityCode })));
  if (input.council) await db.insert(council).values({ partnershipId: id, ...input.council });
  return id;
}

/** Saves a pending invitation (valid for seven days) and returns the token of its link. */
export async function insertInvitation(
  db: DbOrTx,
  input: { partnershipId: string; email: string; role?: PartnershipRole },
): Promise<string> {
  const token = randomToken();
  await db.insert(invitation).values({
    email: input.email.toLowerCase(),
    partnershipId: input.partnershipId,
    role: input.role ?? "member",
    tokenHash: hashToken(token),
    expiresAt: new Date(Date.now() + 7 * 24 * 3600 * 1000),
  });
  return token;
}

/** Saves a council of the partnership; returns its id. */
export async function insertCouncil(db: DbOrTx, partnershipId: string): Promise<string> {
  const [row] = await db
    .insert(council)
    .values({ partnershipId, name: `Råd ${randomUUID().slice(0, 8)}`, type: "trygghetsrad" })
    .returning({ id: council.id });
  return row!.id;
}
