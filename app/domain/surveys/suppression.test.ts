import { describe, expect, it } from "vitest";
import { type Cell, DEFAULT_MINIMUM_GROUP, remainderIsSafe, suppressedKeys } from "./suppression";

const cells = (counts: Record<string, number>): Cell[] =>
  Object.entries(counts).map(([key, n]) => ({ key, n }));
const sorted = (keys: Set<string>) => [...keys].sort();

describe("suppressedKeys", () => {
  it("hides nothing when every group has at least the minimum", () => {
    expect(DEFAULT_MINIMUM_GROUP).toBe(10);
    expect(suppressedKeys(cells({ kvinna: 52, man: 47, "ej angett": 10 })).size).toBe(0);
  });

  it("hides a second group beside a single small one, so the total cannot give it away", () => {
    // total 120; "ej angett" = 4 < 10 is hidden; hidden sum 4 < 10, so the smallest shown,
    // man = 50 (50 < 66), goes too: hidden sum 4 + 50 = 54 ≥ 10.
    const partition = cells({ kvinna: 66, man: 50, "ej angett": 4 });
    const hidden = suppressedKeys(partition);
    expect(sorted(hidden)).toEqual(["ej angett", "man"]);
    // Shown: kvinna = 66 → remainder 120 − 66 = 54 ≥ 10
    expect(remainderIsSafe(120, [{ key: "kvinna", n: 66 }])).toBe(true);
    // Had only "ej angett" been hidden, the total would give it away: 120 − 66 − 50 = 4
    expect(remainderIsSafe(120, partition.slice(0, 2))).toBe(false);
  });

  it("hides a third group when two small ones sum below the minimum", () => {
    // "Centrum" 3 and "Norr" 5 are primary (3 + 5 = 8 < 10); the smallest shown is
    // "Öster" 12 → hidden sum 8 + 12 = 20 ≥ 10; "Söder" 40 and "Väster" 25 stay.
    const hidden = suppressedKeys(cells({ Centrum: 3, Norr: 5, Söder: 40, Öster: 12, Väster: 25 }));
    expect(sorted(hidden)).toEqual(["Centrum", "Norr", "Öster"]);
  });

  it("hides no extra group when the small ones already sum to the minimum", () => {
    // 4 + 6 = 10 ≥ 10: remainder 10 cannot be split back into 4 and 6
    expect(sorted(suppressedKeys(cells({ a: 4, b: 6, c: 30 })))).toEqual(["a", "b"]);
  });

  it("takes the first of equally small shown groups", () => {
    // a = 2 hidden; b and c tie at 20 → b, the first in the given order
    expect(sorted(suppressedKeys(cells({ a: 2, b: 20, c: 20 })))).toEqual(["a", "b"]);
    expect(sorted(suppressedKeys(cells({ a: 2, c: 20, b: 20 })))).toEqual(["a", "c"]);
  });

  it("hides every group when the total itself is below the minimum", () => {
    // total 2 + 3 + 4 = 9 < 10
    expect(sorted(suppressedKeys(cells({ a: 2, b: 3, c: 4, d: 0 })))).toEqual(["a", "b", "c"]);
  });

  it("never hides an empty group, which reveals nobody", () => {
    // b = 0 stays; a = 3 is hidden and the smallest shown group with people is c = 15
    expect(sorted(suppressedKeys(cells({ a: 3, b: 0, c: 15, d: 40 })))).toEqual(["a", "c"]);
    expect(suppressedKeys(cells({ a: 0, b: 0 })).size).toBe(0);
    expect(suppressedKeys([]).size).toBe(0);
  });

  it("takes the partnership's own minimum", () => {
    // minimum 5: 4 is small, 6 is not; hidden sum 4 < 5 → the smallest shown, 6, too
    expect(sorted(suppressedKeys(cells({ a: 4, b: 6, c: 30 }), 5))).toEqual(["a", "b"]);
    // minimum 15: 12 is small as well → 12 + 14 = 26 ≥ 15
    expect(sorted(suppressedKeys(cells({ a: 12, b: 14, c: 30 }), 15))).toEqual(["a", "b"]);
    expect(suppressedKeys(cells({ a: 12, b: 14, c: 30 }), 3).size).toBe(0);
  });

  it("refuses invalid counts, repeated keys and a minimum that is no positive integer", () => {
    expect(() => suppressedKeys(cells({ a: -1 }))).toThrow(RangeError);
    expect(() => suppressedKeys(cells({ a: 1.5 }))).toThrow(RangeError);
    expect(() =>
      suppressedKeys([
        { key: "a", n: 3 },
        { key: "a", n: 30 },
      ]),
    ).toThrow(RangeError);
    expect(() => suppressedKeys(cells({ a: 3 }), 0)).toThrow(RangeError);
    expect(() => suppressedKeys(cells({ a: 3 }), 2.5)).toThrow(RangeError);
  });
});

describe("remainderIsSafe", () => {
  it("accepts a remainder of 0 or at least the minimum and nothing in between", () => {
    expect(remainderIsSafe(30, cells({ a: 30 }))).toBe(true); // 30 − 30 = 0
    expect(remainderIsSafe(30, cells({ a: 20 }))).toBe(true); // 30 − 20 = 10
    expect(remainderIsSafe(30, cells({ a: 21 }))).toBe(false); // 30 − 21 = 9
    expect(remainderIsSafe(30, cells({ a: 29 }))).toBe(false); // 30 − 29 = 1
    expect(remainderIsSafe(5, [])).toBe(false); // the total alone is a group of 5
    expect(remainderIsSafe(30, cells({ a: 21 }), 5)).toBe(true); // 9 ≥ 5
  });

  it("refuses shown groups that add up to more than the total", () => {
    expect(() => remainderIsSafe(10, cells({ a: 11 }))).toThrow(RangeError);
    expect(() => remainderIsSafe(-1, [])).toThrow(RangeError);
  });
});

/** Mulberry32: a small seeded PRNG, so the random partitions are the same on every run. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("suppression over random partitions", () => {
  it("never shows a small group nor lets one be derived from the total", () => {
    const random = mulberry32(20261125);
    const int = (below: number) => Math.floor(random() * below);
    let withHiddenCells = 0;
    for (let round = 0; round < 5000; round++) {
      const minimum = 1 + int(20);
      const cellCount = 1 + int(8);
      // Mostly small groups around the minimum, now and then an empty or a large one.
      const partition = Array.from({ length: cellCount }, (_, i) => {
        const kind = random();
        const n = kind < 0.1 ? 0 : kind < 0.8 ? int(2 * minimum + 1) : int(200);
        return { key: `g${i}`, n };
      });
      const total = partition.reduce((sum, cell) => sum + cell.n, 0);
      const hidden = suppressedKeys(partition, minimum);
      const shown = partition.filter((cell) => !hidden.has(cell.key));
      const context = JSON.stringify({ minimum, partition, hidden: [...hidden] });
      if (hidden.size > 0) withHiddenCells++;

      for (const cell of shown) {
        expect(cell.n === 0 || cell.n >= minimum, context).toBe(true);
      }
      for (const cell of partition) {
        if (cell.n === 0) expect(hidden.has(cell.key), context).toBe(false);
      }
      if (total >= minimum) {
        expect(remainderIsSafe(total, shown, minimum), context).toBe(true);
      } else {
        // A total below the minimum is itself a small group: every group is hidden, and the
        // caller must not publish the total either.
        expect(
          shown.every((cell) => cell.n === 0),
          context,
        ).toBe(true);
      }
      // Deterministic: the same partition gives the same answer.
      expect(sorted(suppressedKeys(partition, minimum)), context).toEqual(sorted(hidden));
    }
    // The generator must exercise suppression, not just pass through.
    expect(withHiddenCells).toBeGreaterThan(2500);
  });
});
