import { describe, expect, it } from "vitest";
import { findDays, findYearRange } from "./dates";

describe("findDays", () => {
  it.each([
    ["1 januari 2023", "2023-01-01"],
    ["den 3 mars 2023", "2023-03-03"],
    ["1:a jan. 2024", "2024-01-01"],
    ["31 december 2026", "2026-12-31"],
    ["2023-03-03", "2023-03-03"],
    ["2016.11.08", "2016-11-08"],
    ["15/2 2024", "2024-02-15"],
    ["15/2-2024", "2024-02-15"],
    ["15.2.2024", "2024-02-15"],
  ])("reads %s", (text, day) => {
    expect(findDays(`Avtalet gäller ${text} och framåt`).map((d) => d.value)).toEqual([day]);
  });

  it("reads both ends of '2023-03-03---2025-12-31'", () => {
    expect(findDays("under perioden 2023-03-03---2025-12-31.").map((d) => d.value)).toEqual([
      "2023-03-03",
      "2025-12-31",
    ]);
  });

  it("refuses days that are not in the calendar", () => {
    expect(findDays("30 februari 2023 och 2023-13-01 och 31/4 2024")).toEqual([]);
  });

  it("does not read a diarienummer or a year alone as a day", () => {
    expect(findDays("Dnr 2024-00045, KS 2023/0123, år 2024")).toEqual([]);
  });
});

describe("findYearRange", () => {
  it.each([
    ["2024–2027", "2024", "2027"],
    ["2023 - 2026", "2023", "2026"],
    ["åren 2017-2020", "2017", "2020"],
    ["2024 till 2027", "2024", "2027"],
  ])("reads %s", (text, from, to) => {
    expect(findYearRange(text)).toMatchObject({ from, to });
  });

  it("does not take a backwards or implausible range", () => {
    expect(findYearRange("2027–2024")).toBeNull();
    expect(findYearRange("1200-1300")).toBeNull();
  });
});
