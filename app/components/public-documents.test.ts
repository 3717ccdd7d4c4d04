import { describe, expect, it } from "vitest";
import { dateLabel, periodLabel } from "./public-documents";

describe("periods on the public pages", () => {
  it("keeps years as years and writes dates out in the visitor's language", () => {
    expect(periodLabel({ from: "2023", to: "2026", continuesUntilReplaced: false }, "sv")).toBe("2023–2026");
    expect(periodLabel({ from: "2017", to: "2017", continuesUntilReplaced: false }, "sv")).toBe("2017");
    expect(periodLabel({ from: "2023-01-01", to: "2025-12-31", continuesUntilReplaced: true }, "sv")).toBe(
      "1 januari 2023 – 31 december 2025, förlängs tills vidare",
    );
    expect(periodLabel({ from: null, to: null, continuesUntilReplaced: false }, "en")).toBe(
      "The period is not stated",
    );
    expect(dateLabel("2023-03-03", "en")).toBe("3 March 2023");
  });
});
