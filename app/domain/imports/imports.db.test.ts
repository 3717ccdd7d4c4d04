import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  agreement,
  agreementRevision,
  auditEvent,
  citizenPromise,
  citizenPromiseRevision,
  signature,
} from "~/db/schema";
import { systemActor } from "~/domain/access/actor";
import { AppError } from "~/errors/app-error";
import { expectedSeedResult, makeImportResult } from "../../../tests/factories/imports";
import { insertPartnership, policeAreaId } from "../../../tests/factories/partnerships";
import { insertPoliceArea } from "../../../tests/factories/police-areas";
import { insertUserActor } from "../../../tests/factories/users";
import { withTestDatabase } from "../../../tests/support/test-database";
import { createPartnershipForImport } from "./create-partnership-for-import.server";
import { matchPartnership, normaliseLpoName } from "./match-partnership.server";
import { storeImportedDocument } from "./store-imported-document.server";

const t = withTestDatabase();
const system = systemActor("test");

/** A partnership with a police area of its own (so matching sees no other test's partnerships). */
async function partnershipInOwnArea(municipalities = ["2260"]) {
  const area = await insertPoliceArea(t.db);
  const partnershipId = await insertPartnership(t.db, { policeAreaId: area.id, municipalities });
  return { partnershipId, areaName: area.name, areaId: area.id };
}

const count = async (
  table: typeof agreement | typeof citizenPromise | typeof signature | typeof auditEvent,
) => (await t.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n;
const counts = async () => ({
  agreements: await count(agreement),
  citizenPromises: await count(citizenPromise),
  signatures: await count(signature),
  events: await count(auditEvent),
});

async function importEvent(entityId: string) {
  const [event] = await t.db
    .select()
    .from(auditEvent)
    .where(and(eq(auditEvent.entityId, entityId), eq(auditEvent.action, "import")));
  return event
    ? Object.fromEntries(Object.entries(event.changes).map(([key, change]) => [key, change.after]))
    : null;
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`Expected an AppError, got ${String(error)}`);
  return error;
}

describe("storing an imported document", () => {
  it("stores an agreement as a draft with the document's content, and records the source file", async () => {
    const { partnershipId } = await partnershipInOwnArea();
    const result = makeImportResult({ diarienummer: "KS 2023/17" });
    const stored = await storeImportedDocument({ db: t.db, actor: system }, partnershipId, result);
    expect(stored).toMatchObject({ citizenPromiseId: null, signedOn: null, signedDateSource: null });

    const [row] = await t.db.select().from(agreement).where(eq(agreement.id, stored.agreementId!));
    expect(row).toMatchObject({ partnershipId, signedOn: null, readyForSigningAt: null, currentRevision: 1 });
    const [revision] = await t.db
      .select()
      .from(agreementRevision)
      .where(eq(agreementRevision.agreementId, stored.agreementId!));
    expect(revision!.content).toMatchObject({
      title: result.title,
      caseNumber: "KS 2023/17",
      period: result.period,
      focusAreas: [expect.objectContaining({ title: "Otrygghet", points: ["Fler synliga poliser"] })],
      signatories: [
        expect.objectContaining({ name: "Josef Wiklund", party: "police" }),
        expect.objectContaining({ name: "Erik Lövgren", party: "municipality" }),
      ],
    });
    expect(await importEvent(stored.agreementId!)).toMatchObject({
      source: result.source,
      kind: "agreement",
      asSigned: false,
    });
  });

  it("stores a citizen promise on its own for a document of kind promise", async () => {
    const { partnershipId } = await partnershipInOwnArea();
    const result = makeImportResult({
      kind: "promise",
      title: "Medborgarlöfte 2017",
      commitments: [{ party: "police", text: "genomföra trygghetsvandringar i centrum" }],
    });
    const stored = await storeImportedDocument({ db: t.db, actor: system }, partnershipId, result);
    expect(stored.agreementId).toBeNull();
    const [revision] = await t.db
      .select()
      .from(citizenPromiseRevision)
      .where(eq(citizenPromiseRevision.citizenPromiseId, stored.citizenPromiseId!));
    expect(revision!.content.title).toBe("Medborgarlöfte 2017");
    expect(revision!.content.commitments).toEqual([
      expect.objectContaining({ owner: "police", text: "genomföra trygghetsvandringar i centrum" }),
    ]);
  });

  it("stores an agreement with promises as the agreement and a citizen promise inside it", async () => {
    const { partnershipId } = await partnershipInOwnArea(["2404"]);
    const result = makeImportResult({
      kind: "agreement+promise",
      municipalities: [{ code: "2404", name: "Vindeln" }],
      commitments: [
        { party: "municipality", text: "ordna trygghetsvandringar" },
        { party: "joint", text: "ha en gemensam lägesbild" },
      ],
    });
    const stored = await storeImportedDocument({ db: t.db, actor: system }, partnershipId, result);
    const [promise] = await t.db
      .select()
      .from(citizenPromise)
      .where(eq(citizenPromise.id, stored.citizenPromiseId!));
    expect(promise).toMatchObject({ partnershipId, agreementId: stored.agreementId });
    expect(await importEvent(stored.citizenPromiseId!)).toMatchObject({
      source: result.source,
      kind: "agreement+promise",
      agreementId: stored.agreementId,
    });
  });

  it("stores a signed document with its own signatories on the date it was signed", async () => {
    const { partnershipId } = await partnershipInOwnArea(["2404"]);
    // Vindeln's agreement with its citizen promises, as the importer must read it.
    const result = expectedSeedResult("002_784097a4d4d2bf5e.json");
    const stored = await storeImportedDocument({ db: t.db, actor: system }, partnershipId, result, {
      asSigned: true,
    });
    expect(stored).toMatchObject({ signedOn: "2023-03-03", signedDateSource: "document" });
    for (const [table, id, type] of [
      [agreement, stored.agreementId!, "agreement"],
      [citizenPromise, stored.citizenPromiseId!, "citizen-promise"],
    ] as const) {
      const [row] = await t.db.select().from(table).where(eq(table.id, id));
      expect(row).toMatchObject({ signedOn: "2023-03-03", signedPlace: "Umeå", publishedAt: null });
      const signatures = await t.db
        .select({
          name: signature.signatoryName,
          title: signature.signatoryTitle,
          party: signature.party,
          signedOn: signature.signedOn,
          place: signature.place,
        })
        .from(signature)
        .where(and(eq(signature.documentType, type), eq(signature.documentId, id)));
      expect(signatures).toEqual(
        expect.arrayContaining([
          {
            name: "Mathias Haglund",
            title: "Kommunstyrelsens ordförande",
            party: "municipality",
            signedOn: "2023-03-03",
            place: "Umeå",
          },
          {
            name: "Michael Rystedt",
            title: "Lokalpolisområdeschef Umeå",
            party: "police",
            signedOn: "2023-03-03",
            place: "Umeå",
          },
        ]),
      );
      expect(signatures).toHaveLength(2);
    }
    expect(await importEvent(stored.agreementId!)).toMatchObject({
      source: "002_784097a4d4d2bf5e.txt",
      asSigned: true,
      signedOn: "2023-03-03",
      signedDateSource: "document",
    });
  });

  it("signs a document that gives no signing date on the first day of its period, and says so", async () => {
    const { partnershipId } = await partnershipInOwnArea();
    const result = makeImportResult({ period: { from: "2023", to: "2026", continuesUntilReplaced: false } });
    const stored = await storeImportedDocument({ db: t.db, actor: system }, partnershipId, result, {
      asSigned: true,
    });
    expect(stored).toMatchObject({ signedOn: "2023-01-01", signedDateSource: "period-start" });
    const [row] = await t.db.select().from(agreement).where(eq(agreement.id, stored.agreementId!));
    expect(row!.signedOn).toBe("2023-01-01");
    expect(await importEvent(stored.agreementId!)).toMatchObject({ signedDateSource: "period-start" });
  });

  it("refuses to store as signed a document with neither a signing date nor a period, storing nothing", async () => {
    const { partnershipId } = await partnershipInOwnArea();
    const before = await counts();
    const result = makeImportResult({ period: { from: null, to: null, continuesUntilReplaced: false } });
    const error = await failure(
      storeImportedDocument({ db: t.db, actor: system }, partnershipId, result, { asSigned: true }),
    );
    expect(error.code).toBe("VALIDATION");
    expect(error.fields["signed.date"]![0]).toContain(
      "varken när det undertecknades eller när det börjar gälla",
    );
    expect(await counts()).toEqual(before);
  });

  it("refuses to store as signed a document without signatories for both parties", async () => {
    const { partnershipId } = await partnershipInOwnArea();
    const result = makeImportResult({
      signatories: [{ name: "Josef Wiklund", title: "LPO-chef", party: "police" }],
    });
    const error = await failure(
      storeImportedDocument({ db: t.db, actor: system }, partnershipId, result, { asSigned: true }),
    );
    expect(error.code).toBe("VALIDATION");
    expect(error.fields.signatories![0]).toContain("både polisen och kommunen");
  });

  it("refuses content the editors would refuse, with the field's message, and stores nothing", async () => {
    const { partnershipId } = await partnershipInOwnArea();
    const before = await counts();
    const tooLong = makeImportResult({ title: "Ö".repeat(301) });
    const error = await failure(storeImportedDocument({ db: t.db, actor: system }, partnershipId, tooLong));
    expect(error.code).toBe("VALIDATION");
    expect(error.fields["agreement.title"]).toEqual(["Rubriken får vara högst 300 tecken."]);

    // The agreement is fine but its promise is not: the agreement is not stored either.
    const badPromise = makeImportResult({
      kind: "agreement+promise",
      commitments: Array.from({ length: 101 }, (_, i) => ({ party: "police" as const, text: `Löfte ${i}` })),
    });
    const second = await failure(
      storeImportedDocument({ db: t.db, actor: system }, partnershipId, badPromise, { asSigned: true }),
    );
    expect(Object.keys(second.fields)).toEqual(["citizenPromise.commitments"]);
    expect(await counts()).toEqual(before);
  });

  it("lets the partnership's coordinators and police and administrators import, nobody else", async () => {
    const { partnershipId } = await partnershipInOwnArea();
    const other = await partnershipInOwnArea();
    const coordinator = await insertUserActor(t.db, { partnerships: { [partnershipId]: "coordinator" } });
    const police = await insertUserActor(t.db, { partnerships: { [partnershipId]: "police" } });
    const member = await insertUserActor(t.db, { partnerships: { [partnershipId]: "member" } });
    const outsider = await insertUserActor(t.db, { partnerships: { [other.partnershipId]: "coordinator" } });
    const analyst = await insertUserActor(t.db, { globalRole: "analyst" });
    const admin = await insertUserActor(t.db, { globalRole: "admin" });
    for (const actor of [coordinator, police, admin]) {
      const stored = await storeImportedDocument({ db: t.db, actor }, partnershipId, makeImportResult(), {
        asSigned: true,
      });
      expect(stored.signedOn).toBe("2023-01-01");
    }
    const before = await counts();
    for (const [actor, code] of [
      [member, "FORBIDDEN"],
      [analyst, "FORBIDDEN"],
      [outsider, "NOT_FOUND"],
      [{ kind: "anonymous" } as const, "UNAUTHENTICATED"],
    ] as const) {
      const error = await failure(
        storeImportedDocument({ db: t.db, actor }, partnershipId, makeImportResult()),
      );
      expect(error.code).toBe(code);
    }
    expect(await counts()).toEqual(before);
  });
});

describe("matching an imported document to its partnership", () => {
  it("compares LPO names without case and without the words LPO and lokalpolisområde", () => {
    expect(normaliseLpoName("LPO Medelpad")).toBe("medelpad");
    expect(normaliseLpoName("Lokalpolisområde Södra Ångermanland")).toBe("södra ångermanland");
    expect(normaliseLpoName("lokalpolisområdet  Östersund")).toBe("östersund");
    expect(normaliseLpoName("Umeå")).toBe("umeå");
  });

  it("finds the one partnership with the document's municipalities and LPO, however the LPO is written", async () => {
    const { partnershipId, areaName } = await partnershipInOwnArea(["2260", "2283"]);
    const municipalities = [
      { code: "2283", name: "Sollefteå" },
      { code: "2260", name: "Ånge" },
    ];
    for (const lpo of [areaName, `LPO ${areaName}`, `lokalpolisområde ${areaName.toUpperCase()}`]) {
      const match = await matchPartnership(
        t.db,
        makeImportResult({ municipalities, policeArea: { lpo, polisomrade: null } }),
      );
      expect(match).toMatchObject({ status: "matched", partnership: { id: partnershipId } });
    }
  });

  it("finds none when the municipalities differ, or the LPO", async () => {
    const { areaName } = await partnershipInOwnArea(["2260", "2283"]);
    const lpo = { lpo: areaName, polisomrade: null };
    // One of its two municipalities is not the partnership.
    expect(
      await matchPartnership(
        t.db,
        makeImportResult({ municipalities: [{ code: "2283", name: "Sollefteå" }], policeArea: lpo }),
      ),
    ).toEqual({ status: "missing" });
    expect(
      await matchPartnership(
        t.db,
        makeImportResult({
          municipalities: [
            { code: "2260", name: "Ånge" },
            { code: "2283", name: "Sollefteå" },
          ],
          policeArea: { lpo: `${areaName} Norra`, polisomrade: null },
        }),
      ),
    ).toEqual({ status: "missing" });
  });

  it("calls two partnerships with the same municipalities and LPO ambiguous, naming both", async () => {
    const area = await insertPoliceArea(t.db);
    const first = await insertPartnership(t.db, {
      name: "Ånge trygghetsråd",
      policeAreaId: area.id,
      municipalities: ["2260"],
    });
    const second = await insertPartnership(t.db, {
      name: "Ånge lokala BRÅ",
      policeAreaId: area.id,
      municipalities: ["2260"],
    });
    const match = await matchPartnership(
      t.db,
      makeImportResult({ policeArea: { lpo: `LPO ${area.name}`, polisomrade: null } }),
    );
    expect(match).toEqual({
      status: "ambiguous",
      partnerships: [
        { id: second, name: "Ånge lokala BRÅ" },
        { id: first, name: "Ånge trygghetsråd" },
      ],
    });
  });

  it("cannot match a document that names no municipality", async () => {
    expect(await matchPartnership(t.db, makeImportResult({ municipalities: [] }))).toEqual({
      status: "no-municipality",
    });
  });
});

describe("setting up a partnership for an imported document", () => {
  it("names it after the municipality and the LPO, with both; the document then matches it", async () => {
    const area = await insertPoliceArea(t.db, { name: `Testdalen ${Date.now()}` });
    const result = makeImportResult({
      policeArea: { lpo: `Lokalpolisområde ${area.name}`, polisomrade: null },
    });
    const created = await createPartnershipForImport({ db: t.db, actor: system }, result);
    expect(created).toMatchObject({
      name: `Ånge kommun och LPO ${area.name}`,
      policeArea: { id: area.id, name: area.name },
      note: null,
    });
    expect(await matchPartnership(t.db, result)).toEqual({
      status: "matched",
      partnership: { id: created.id, name: created.name },
    });
  });

  it("takes the LPO serving the municipality when Tryggsam does not know the document's, and says so", async () => {
    const result = makeImportResult({
      // Not a demo municipality: the demo's partnerships stay the only ones for theirs.
      municipalities: [{ code: "2280", name: "Härnösand" }],
      policeArea: { lpo: "Höga kusten", polisomrade: null },
    });
    const created = await createPartnershipForImport({ db: t.db, actor: system }, result);
    expect(created.name).toBe("Härnösand kommun och LPO Södra Ångermanland");
    expect(created.policeArea.id).toBe(await policeAreaId(t.db, "Södra Ångermanland"));
    expect(created.note).toContain("Lokalpolisområdet Höga kusten finns inte i Tryggsam");
  });

  it("refuses when neither the document's LPO nor one for its municipality is known, or no municipality", async () => {
    const unknown = await failure(
      createPartnershipForImport(
        { db: t.db, actor: system },
        makeImportResult({
          municipalities: [{ code: "2584", name: "Kiruna" }],
          policeArea: { lpo: "Malmfälten", polisomrade: null },
        }),
      ),
    );
    expect(unknown.code).toBe("VALIDATION");
    expect(unknown.fields["policeArea.lpo"]![0]).toContain(
      "Lokalpolisområdet Malmfälten finns inte i Tryggsam",
    );
    const none = await failure(
      createPartnershipForImport({ db: t.db, actor: system }, makeImportResult({ municipalities: [] })),
    );
    expect(none.fields.municipalities).toEqual(["Dokumentet nämner ingen kommun som Tryggsam känner igen."]);
  });
});
