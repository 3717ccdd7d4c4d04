import { describe, expect, it } from "vitest";
import type { DateStatus, Period } from "./document-parts.schemas";
import { agreementStatusLabel, documentStatus, type DocumentStatusInput } from "./document-status";

const signed = (period: Period, events: Partial<DocumentStatusInput> = {}): DocumentStatusInput => ({
  period,
  signedOn: "2023-01-01",
  terminatedOn: null,
  successorSignedOn: null,
  ...events,
});

// The seeds' periods (shared/seeds/README.md).
const vindeln: Period = { from: "2023-03-03", to: "2025-12-31", continuesUntilReplaced: true };
const ange: Period = { from: "2023-01-01", to: "2026-12-31", continuesUntilReplaced: false };
const bracke: Period = { from: "2023", to: "2026", continuesUntilReplaced: false };

type Case = [label: string, input: DocumentStatusInput, today: string, expected: DateStatus];

const cases: Case[] = [
  // Vindeln: runs on after 2025-12-31 until a successor is signed.
  ["Vindeln on its first day", signed(vindeln, { signedOn: "2023-03-03" }), "2023-03-03", "active"],
  [
    "Vindeln the day before its first day",
    signed(vindeln, { signedOn: "2023-03-01" }),
    "2023-03-02",
    "upcoming",
  ],
  ["Vindeln on its last day", signed(vindeln), "2025-12-31", "active"],
  ["Vindeln after its end, no successor", signed(vindeln), "2026-01-15", "continued"],
  [
    "Vindeln the day before its successor is signed",
    signed(vindeln, { successorSignedOn: "2026-02-01" }),
    "2026-01-31",
    "continued",
  ],
  [
    "Vindeln on the day its successor is signed",
    signed(vindeln, { successorSignedOn: "2026-02-01" }),
    "2026-02-01",
    "replaced",
  ],
  [
    "Vindeln after its successor",
    signed(vindeln, { successorSignedOn: "2026-02-01" }),
    "2026-03-01",
    "replaced",
  ],
  // Ånge: day-precise, no extension.
  ["Ånge in its last year", signed(ange), "2026-11-22", "active"],
  ["Ånge on its first day", signed(ange), "2023-01-01", "active"],
  ["Ånge the day before it starts", signed(ange, { signedOn: "2022-12-01" }), "2022-12-31", "upcoming"],
  ["Ånge on its last day", signed(ange), "2026-12-31", "active"],
  ["Ånge the day after its end", signed(ange), "2027-01-01", "expired"],
  // Bräcke: known only to the year, so the years span 2023-01-01 – 2026-12-31.
  ["Bräcke on 1 January of its first year", signed(bracke), "2023-01-01", "active"],
  ["Bräcke on 31 December of its last year", signed(bracke), "2026-12-31", "active"],
  ["Bräcke the day after its last year", signed(bracke), "2027-01-01", "expired"],
  [
    "Bräcke the day before its first year",
    signed(bracke, { signedOn: "2022-11-01" }),
    "2022-12-31",
    "upcoming",
  ],
  // Events.
  ["unsigned, inside its period", signed(ange, { signedOn: null }), "2024-06-01", "draft"],
  [
    "unsigned, even when terminated and replaced",
    { ...signed(ange), signedOn: null, terminatedOn: "2024-01-01", successorSignedOn: "2024-01-01" },
    "2024-06-01",
    "draft",
  ],
  ["terminated on that day", signed(ange, { terminatedOn: "2024-05-31" }), "2024-05-31", "terminated"],
  ["terminated later than today", signed(ange, { terminatedOn: "2024-05-31" }), "2024-05-30", "active"],
  [
    "terminated before it started",
    signed(ange, { signedOn: "2022-10-01", terminatedOn: "2022-11-01" }),
    "2022-12-01",
    "terminated",
  ],
  ["terminated after it expired", signed(ange, { terminatedOn: "2027-02-01" }), "2027-03-01", "terminated"],
  [
    "terminated wins over replaced",
    signed(vindeln, { terminatedOn: "2026-01-10", successorSignedOn: "2026-02-01" }),
    "2026-03-01",
    "terminated",
  ],
  [
    "replaced while still inside its period",
    signed(ange, { successorSignedOn: "2025-06-01" }),
    "2025-06-02",
    "replaced",
  ],
  // Open ends.
  [
    "no end date",
    signed({ from: "2023-01-01", to: null, continuesUntilReplaced: false }),
    "2040-01-01",
    "active",
  ],
  [
    "no end date, before it starts",
    signed({ from: "2030", to: null, continuesUntilReplaced: false }),
    "2029-12-31",
    "upcoming",
  ],
  [
    "no start date",
    signed({ from: null, to: "2026", continuesUntilReplaced: false }),
    "2000-01-01",
    "active",
  ],
  [
    "no start date, after its end",
    signed({ from: null, to: "2026", continuesUntilReplaced: false }),
    "2027-01-01",
    "expired",
  ],
  [
    "no dates at all",
    signed({ from: null, to: null, continuesUntilReplaced: false }),
    "2024-01-01",
    "active",
  ],
  [
    "year-only end that continues",
    signed({ from: "2017", to: "2020", continuesUntilReplaced: true }),
    "2021-01-01",
    "continued",
  ],
];

describe("documentStatus", () => {
  it.each(cases.map(([label, input, today, expected]) => ({ label, input, today, expected })))(
    "$label: $expected on $today",
    ({ input, today, expected }) => {
      expect(documentStatus(input, today)).toBe(expected);
    },
  );
});

describe("agreementStatusLabel", () => {
  it("names the status in Swedish and English", () => {
    expect(agreementStatusLabel("continued", "sv")).toBe("Förlängd");
    expect(agreementStatusLabel("replaced", "en")).toBe("Replaced");
  });
});
