import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { policeRegion } from "~/db/schema";
import { systemActor } from "~/domain/access/actor";
import { addPoliceArea } from "~/domain/police-areas/add-police-area.server";
import type { PoliceAreaInput, ServedMunicipalityInput } from "~/domain/police-areas/police-area.schemas";

/** The id of a police region from the reference data ("Stockholm" unless named). */
export async function policeRegionId(db: DbOrTx, name = "Stockholm"): Promise<string> {
  const [row] = await db
    .select({ id: policeRegion.id })
    .from(policeRegion)
    .where(eq(policeRegion.name, name));
  if (!row) throw new Error(`No police region named ${name}`);
  return row.id;
}

/** A police area's fields with a unique name; the region must be given (see policeRegionId). */
export function makePoliceArea(policeRegionId: string, overrides: Partial<PoliceAreaInput> = {}) {
  return {
    name: `LPO Test ${randomUUID().slice(0, 8)}`,
    policeDistrict: null,
    policeRegionId,
    ...overrides,
  } satisfies PoliceAreaInput;
}

/** Saves a police area (as the system actor) with the municipalities it serves. */
export async function insertPoliceArea(
  db: DbOrTx,
  overrides: Partial<PoliceAreaInput> & { municipalities?: ServedMunicipalityInput[] } = {},
) {
  const region = overrides.policeRegionId ?? (await policeRegionId(db));
  return addPoliceArea({ db, actor: systemActor("test") }, { ...makePoliceArea(region), ...overrides });
}
