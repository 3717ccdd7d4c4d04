import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { council, partnership, partnershipMunicipality, policeArea, policeRegion } from "~/db/schema";
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
