import { describe, expect, it } from "vitest";
import { csvField, toCsv } from "./csv";

describe("CSV", () => {
  it("quotes separators, quotes and line breaks (RFC 4180) and leaves plain text as it is", () => {
    expect(csvField("Ånge")).toBe("Ånge");
    expect(csvField('Säg "hej"; sen')).toBe('"Säg ""hej""; sen"');
    expect(csvField("två\nrader")).toBe('"två\nrader"');
    expect(csvField(12)).toBe("12");
    expect(csvField(null)).toBe("");
  });

  it("turns what a spreadsheet would run as a formula into text", () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField("+46 70")).toBe("'+46 70");
    expect(csvField("-1")).toBe("'-1");
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
  });

  it("starts with a byte order mark and ends every line with CRLF", () => {
    expect(toCsv(["a", "b"], [["1", 2]])).toBe("\uFEFFa;b\r\n1;2\r\n");
  });
});
