import { describe, expect, it } from "vitest";
import { findPersonalData, isPersonnummer } from "./personal-data";

describe("personnummer", () => {
  it.each(["19121212-1212", "121212-1212", "191212121212", "1212121212", "121212+1212", "20121212 1212"])(
    "flags %s (valid check digit)",
    (text) => {
      expect(findPersonalData([`Kontakt ${text} här`])).toEqual([{ kind: "personnummer", text, line: 1 }]);
    },
  );

  it("flags a samordningsnummer (day + 60)", () => {
    expect(isPersonnummer("7010632391")).toBe(true);
  });

  it.each(["19121212-1213", "121312-1212", "2023-03-03", "2024-00045", "A812.968/2016"])(
    "does not flag %s",
    (text) => {
      expect(findPersonalData([text]).filter((f) => f.kind === "personnummer")).toEqual([]);
    },
  );
});

describe("phone numbers", () => {
  it.each(["070-123 45 67", "08-123 456 78", "0611-34 56 78", "+46 70 123 45 67", "0701234567"])(
    "flags %s",
    (text) => {
      expect(findPersonalData(["Ring", `på ${text}.`])).toEqual([{ kind: "phone", text, line: 2 }]);
    },
  );

  it("does not take dates, years, diarienummer or kommunkoder for phone numbers", () => {
    expect(findPersonalData(["2023-03-03 – 2025-12-31, Dnr 2024-00045, kommun 0180, 2017-2020"])).toEqual([]);
  });
});
