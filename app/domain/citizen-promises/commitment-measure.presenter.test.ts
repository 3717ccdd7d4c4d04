import { describe, expect, it } from "vitest";
import { analyseCommitment } from "./commitment-analysis";
import type { CommitmentMeasure } from "./commitment-analysis.schemas";
import { monthRanges, presentCommitmentMeasure } from "./commitment-measure.presenter";

describe("a commitment measure in Swedish", () => {
  it.each([
    ["Ha polis i Ramsele 1 gång per månad (undantaget juni-augusti).", "Varje månad utom juni–augusti"],
    ["Målet är att under året få 10 nya samverkansgrupper.", "Mål: 10 samverkansgrupper vid periodens slut"],
    ["Vara ute minst fyra kvällar i veckan.", "4 gånger per vecka"],
    ["Träffas varannan vecka.", "Varannan vecka"],
    ["Dialog under våren och hösten.", "2 gånger per år under mars–maj och september–november"],
    ["Redovisa senast 30 juni.", "Senast den 30 juni"],
    ["Minska bostadsinbrotten med 20 % till 2026.", "Mål: minska med 20 % vid periodens slut"],
  ])("%s → %s", (text, expected) => {
    expect(analyseCommitment(text).map(presentCommitmentMeasure)).toContain(expected);
  });

  it("names months as ranges", () => {
    expect(monthRanges([8, 6, 7])).toBe("juni–augusti");
    expect(monthRanges([1, 3, 4])).toBe("januari och mars–april");
    expect(monthRanges([])).toBe("");
  });

  it.each([
    [
      { kind: "schedule", times: 1, every: 3, per: "month", exceptMonths: [], onlyMonths: [] },
      "Var tredje månad",
    ],
    [{ kind: "schedule", times: 1, every: 2, per: "year", exceptMonths: [], onlyMonths: [] }, "Vartannat år"],
    [
      { kind: "target", value: 50, unit: "deltagare", by: "2026-12-31", direction: "reach" },
      "Mål: 50 deltagare senast 2026-12-31",
    ],
    [{ kind: "during-period" }, "Någon gång under perioden"],
  ] satisfies [CommitmentMeasure, string][])("%o → %s", (measure, expected) => {
    expect(presentCommitmentMeasure(measure)).toBe(expected);
  });
});
