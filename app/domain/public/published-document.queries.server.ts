import { and, eq, isNotNull } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { agreement, citizenPromise } from "~/db/schema";

/** Whether the agreement or citizen promise with this id exists and has been published. */
export async function isPublishedDocument(
  db: DbOrTx,
  kind: "agreement" | "citizen-promise",
  id: string,
): Promise<boolean> {
  const table = kind === "agreement" ? agreement : citizenPromise;
  const [row] = await db
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.id, id), isNotNull(table.publishedAt)));
  return row !== undefined;
}
