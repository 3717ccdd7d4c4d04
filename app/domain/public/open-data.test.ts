import { describe, expect, it } from "vitest";
import { openDataCsv } from "./open-data";

describe("the open data's CSV", () => {
  it("has the JSON's field names as columns, lists joined, times in ISO 8601, nulls empty, formulas guarded", () => {
    const rows = [
      {
        id: "a",
        title: '=HYPERLINK("x")',
        themes: ["trafik", "bostadsinbrott"],
        publishedAt: new Date("2026-01-02T03:04:05Z"),
        signedOn: null,
        continuesUntilReplaced: false,
        commitments: 3,
      },
    ];
    const csv = openDataCsv(
      ["id", "title", "themes", "publishedAt", "signedOn", "continuesUntilReplaced", "commitments"],
      rows,
    );
    expect(csv).toBe(
      "\uFEFFid;title;themes;publishedAt;signedOn;continuesUntilReplaced;commitments\r\n" +
        'a;"\'=HYPERLINK(""x"")";trafik, bostadsinbrott;2026-01-02T03:04:05.000Z;;false;3\r\n',
    );
  });
});
