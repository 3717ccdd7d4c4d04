import type { Route } from "./+types/readyz";
import { migrationStatus } from "~/db/migration-status.server";
import { appContext } from "~/lib/request-context.server";

/** Ready when the database answers and every migration of this build is applied. */
export async function loader({ context }: Route.LoaderArgs) {
  const { db } = context.get(appContext);
  try {
    const { applied, known } = await migrationStatus(db);
    const ready = applied >= known;
    return Response.json(
      { status: ready ? "ready" : "migrations-pending", migrations: { applied, known } },
      { status: ready ? 200 : 503, headers: { "Cache-Control": "no-store" } },
    );
  } catch {
    return Response.json(
      { status: "database-unreachable" },
      { status: 503, headers: { "Cache-Control": "no-store" } },
    );
  }
}
