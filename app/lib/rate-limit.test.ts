import { describe, expect, it } from "vitest";
import { WindowRateLimit } from "./rate-limit.server";

describe("WindowRateLimit", () => {
  it("allows the limit per key within a minute, refuses more, and forgets when the window turns", () => {
    let now = 1_000_000;
    const limit = new WindowRateLimit(
      () => 3,
      60_000,
      () => now,
    );
    expect([1, 2, 3, 4].map(() => limit.take("a"))).toEqual([true, true, true, false]);
    expect(limit.take("b")).toBe(true);
    now += 59_999;
    expect(limit.take("a")).toBe(false);
    now += 1;
    expect(limit.take("a")).toBe(true);
  });
});
