import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { municipality, policeArea, policeAreaMunicipality } from "~/db/schema";
import type { Actor } from "~/domain/access/actor";
import { requirePermission } from "~/domain/access/permissions";
import { recordAuditEvent } from "~/domain/audit/record-audit-event.server";
import { AppError, notFound } from "~/errors/app-error";
import type { ServedMunicipalityInput } from "./police-area.schemas";
import { raisePublicationVersion } from "~/db/publication-version.server";

/** The audit log's key for one served municipality, so a correction shows which one changed. */
export const municipalityKey = (code: string) => `municipality:${code}`;

/** What the audit log keeps of one served municipality. */
export const auditedLink = (
  name: string,
  link: { coverage: string; status: string; source: string | null },
) => ({ name, coverage: link.coverage, status: link.status, source: link.source });

/** Locks the police area's row for the rest of the transaction; throws NOT_FOUND when it is gone. */
export async function lockPoliceArea(tx: DbOrTx, id: string) {
  const [row] = await tx.select().from(policeArea).where(eq(policeArea.id, id)).for("update");
  if (!row) throw notFound("Lokalpolisområdet");
  return row;
}

/**
 * Inside the caller's transaction: the police area serves the municipality as given, added or
 * corrected, with its audit event (none when nothing changes). Throws VALIDATION (by `field`) for
 * an unknown municipality code.
 */
export async function putServedMunicipality(
  tx: DbOrTx,
  actor: Actor,
  policeAreaId: string,
  input: ServedMunicipalityInput,
  field = "municipalityCode",
): Promise<void> {
  const [known] = await tx
    .select({ name: municipality.name })
    .from(municipality)
    .where(eq(municipality.code, input.municipalityCode));
  if (!known) {
    throw new AppError("VALIDATION", "Uppgifterna innehåller fel.", {
      [field]: [`Det finns ingen kommun med koden ${input.municipalityCode}.`],
    });
  }
  const [existing] = await tx
    .select()
    .from(policeAreaMunicipality)
    .where(
      and(
        eq(policeAreaMunicipality.policeAreaId, policeAreaId),
        eq(policeAreaMunicipality.municipalityCode, input.municipalityCode),
      ),
    );
  const key = municipalityKey(input.municipalityCode);
  const after = auditedLink(known.name, input);
  if (existing) {
    const before = auditedLink(known.name, existing);
    if (JSON.stringify(before) === JSON.stringify(after)) return;
    await tx
      .update(policeAreaMunicipality)
      .set({ coverage: input.coverage, status: input.status, source: input.source, updatedAt: new Date() })
      .where(
        and(
          eq(policeAreaMunicipality.policeAreaId, policeAreaId),
          eq(policeAreaMunicipality.municipalityCode, input.municipalityCode),
        ),
      );
    await recordAuditEvent(tx, actor, {
      entityType: "policeArea",
      entityId: policeAreaId,
      action: "correct-municipality",
      before: { [key]: before },
      after: { [key]: after },
    });
    return;
  }
  await tx.insert(policeAreaMunicipality).values({
    policeAreaId,
    municipalityCode: input.municipalityCode,
    coverage: input.coverage,
    status: input.status,
    source: input.source,
  });
  await recordAuditEvent(tx, actor, {
    entityType: "policeArea",
    entityId: policeAreaId,
    action: "add-municipality",
    after: { [key]: after },
  });
}

/**
 * The police area serves the municipality: adds it, or corrects its coverage, status and source
 * when it is already served. Throws UNAUTHENTICATED, FORBIDDEN (not an administrator), NOT_FOUND
 * (no such police area), VALIDATION (unknown municipality code).
 */
export async function addMunicipalityToPoliceArea(
  ctx: { db: DbOrTx; actor: Actor },
  policeAreaId: string,
  input: ServedMunicipalityInput,
): Promise<void> {
  const { actor } = ctx;
  requirePermission(actor, "policeArea.manage");
  await ctx.db.transaction(async (tx) => {
    await lockPoliceArea(tx, policeAreaId);
    await putServedMunicipality(tx, actor, policeAreaId, input);
    // What the public pages show may change: cached ones are dropped at commit.
    await raisePublicationVersion(tx);
  });
}
