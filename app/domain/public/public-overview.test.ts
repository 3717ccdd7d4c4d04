import { describe, expect, it } from "vitest";
import {
  filterAndSortOverview,
  overviewCsvRows,
  parseOverviewQuery,
  periodEndLabel,
} from "./public-overview";
import type { PublicOverviewRow } from "./public-overview.queries.server";

const row = (overrides: Partial<PublicOverviewRow>): PublicOverviewRow => ({
  code: "0000",
  name: "Namn",
  slug: "namn",
  county: "Län",
  policeRegion: "Mitt",
  status: "none",
  agreementId: null,
  periodEnd: null,
  continuesUntilReplaced: false,
  themes: [],
  promises: 0,
  commitments: 0,
  ...overrides,
});

const rows = [
  row({
    name: "Ånge",
    slug: "ange",
    policeRegion: "Nord",
    status: "active",
    periodEnd: "2026",
    themes: ["trafik"],
  }),
  row({
    name: "Vindeln",
    slug: "vindeln",
    policeRegion: "Nord",
    status: "continued",
    periodEnd: "2025",
    continuesUntilReplaced: true,
    promises: 1,
    commitments: 6,
  }),
  row({ name: "Alvesta", slug: "alvesta", policeRegion: "Syd" }),
  row({ name: "Östersund", slug: "ostersund", policeRegion: "Nord", status: "expired", periodEnd: "2020" }),
];

describe("the overview's filters and sorting", () => {
  it("reads the GET form, ignoring unknown values instead of refusing them", () => {
    expect(
      parseOverviewQuery(new URLSearchParams("polisregion=Nord&status=bogus&tema=trafik&sortera=x")),
    ).toEqual({
      polisregion: "Nord",
      lan: undefined,
      status: undefined,
      tema: "trafik",
      sortera: "kommun",
      ordning: "stigande",
    });
  });

  it("filters by region, status and theme, and sorts names the Swedish way (Å, Ö last)", () => {
    const q = (params: string) =>
      filterAndSortOverview(rows, parseOverviewQuery(new URLSearchParams(params)));
    expect(q("").map((r) => r.slug)).toEqual(["alvesta", "vindeln", "ange", "ostersund"]);
    expect(q("polisregion=Nord").map((r) => r.slug)).toEqual(["vindeln", "ange", "ostersund"]);
    expect(q("status=none").map((r) => r.slug)).toEqual(["alvesta"]);
    expect(q("tema=trafik").map((r) => r.slug)).toEqual(["ange"]);
    expect(q("sortera=status").map((r) => r.slug)).toEqual(["ange", "vindeln", "ostersund", "alvesta"]);
    expect(q("sortera=slut&ordning=fallande").map((r) => r.slug)).toEqual([
      "ange",
      "vindeln",
      "ostersund",
      "alvesta",
    ]);
    expect(q("sortera=atagande&ordning=fallande")[0]?.slug).toBe("vindeln");
  });

  it("labels the period's end and makes CSV rows with the page's address", () => {
    expect(periodEndLabel(rows[1]!, "sv")).toBe("2025 (förlängs tills vidare)");
    expect(periodEndLabel(rows[2]!, "en")).toBe("");
    expect(overviewCsvRows([rows[1]!], "https://tryggsam.example.se")).toEqual([
      [
        "Vindeln",
        "0000",
        "Län",
        "Nord",
        "Förlängd",
        "2025",
        "ja",
        "",
        1,
        6,
        "https://tryggsam.example.se/kommun/vindeln",
      ],
    ]);
  });
});
