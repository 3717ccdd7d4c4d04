import { describe, expect, it } from "vitest";
import { findLpo, findPolisomrade, MunicipalityMatcher } from "./parties";
import { defaultReference } from "./reference.server";

const matcher = new MunicipalityMatcher(defaultReference().municipalities);
const codes = (text: string) => [...new Set(matcher.named(text).map((f) => f.ref.code))];

describe("municipalities", () => {
  it.each([
    ["Vindelns kommun", ["2404"]],
    ["Bräcke kommun", ["2305"]],
    ["Umeå kommuns lokala brottsförebyggande råd", ["2480"]],
    ["Stockholms stad", ["0180"]],
    ["Rinkeby-Kista stadsdelsförvaltning", ["0180"]],
    ["Region Gotland", ["0980"]],
    ["Bjurholms, Nordmalings och Vännäs kommuner", ["2403", "2401", "2460"]],
    ["Upplands Väsby kommun", ["0114"]],
    ["Håbo kommun och Habo kommun", ["0305", "0643"]],
  ])("reads %s", (text, expected) => {
    expect(codes(text)).toEqual(expected);
  });

  it("does not read a town named without 'kommun' or a university", () => {
    expect(codes("Umeå den 3 mars 2023. Forskare från Umeå universitet.")).toEqual([]);
  });
});

describe("police area", () => {
  const known = defaultReference().lpoNames;
  it.each([
    ["Chef för lokalpolisområde Medelpad", "Medelpad"],
    ["Tf Chef Lokalpolisområde Östersund", "Östersund"],
    ["Lokalpolisområdeschef Umeå", "Umeå"],
    ["Chef LPO Södra Ångermanland", "Södra Ångermanland"],
    ["Polismyndigheten, lokalpolisområde Rinkeby i Stockholm", "Rinkeby"],
    ["lokalpolisområde Norra Älvsborg tecknar", "Norra Älvsborg"],
  ])("reads %s", (line, lpo) => {
    expect(findLpo([line], known)).toBe(lpo);
  });

  it("takes the name given most often", () => {
    expect(findLpo(["LPO Umeå", "lokalpolisområde Skellefteå", "LPO Skellefteå"], known)).toBe("Skellefteå");
  });

  it("reads a polisområde but not a lokalpolisområde as one", () => {
    expect(findPolisomrade(["Lokalpolisområdeschef Umeå", "Polisområde Västerbotten"])).toBe("Västerbotten");
    expect(findPolisomrade(["lokalpolisområde Medelpad"])).toBeNull();
  });
});
