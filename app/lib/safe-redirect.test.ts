import { describe, expect, it } from "vitest";
import { safeRedirect } from "./safe-redirect";

describe("safeRedirect", () => {
  it("keeps local paths", () => {
    expect(safeRedirect("/samverkan?x=1")).toBe("/samverkan?x=1");
  });
  it.each(["//evil.example", "https://evil.example", "/\\evil.example", "javascript:alert(1)", "", null, 42])(
    "refuses %s",
    (value) => {
      expect(safeRedirect(value, "/start")).toBe("/start");
    },
  );
});
