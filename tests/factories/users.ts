import { randomUUID } from "node:crypto";
import type { DbOrTx } from "~/db/client.server";
import { membership } from "~/db/schema";
import { systemActor, type GlobalRole, type PartnershipRole } from "~/domain/access/actor";
import { insertUser } from "~/domain/users/create-user.server";
import { loadUserActor } from "~/domain/users/user.queries.server";

export const TEST_PASSWORD = "ett långt testlösenord";

export function makeUser(
  overrides: Partial<{ email: string; name: string; password: string; globalRole: GlobalRole | null }> = {},
) {
  const suffix = randomUUID().slice(0, 8);
  return {
    email: `person-${suffix}@example.se`,
    name: `Person ${suffix}`,
    password: TEST_PASSWORD,
    globalRole: null,
    ...overrides,
  };
}

/** Saves a user (and, with `partnerships`, their roles) and returns them as an acting user. */
export async function insertUserActor(
  db: DbOrTx,
  overrides: Parameters<typeof makeUser>[0] & { partnerships?: Record<string, PartnershipRole> } = {},
) {
  const { partnerships, ...userOverrides } = overrides;
  const user = await insertUser(db, systemActor("test"), makeUser(userOverrides));
  for (const [partnershipId, role] of Object.entries(partnerships ?? {})) {
    await db.insert(membership).values({ partnershipId, userId: user.id, role });
  }
  return (await loadUserActor(db, user.id))!;
}
