import { describe, expect, it } from "vitest";
import {
  changeBetween,
  normalCdf,
  overallProblemIndex,
  PROBLEM_INDEX_WEIGHTS,
  problemIndex,
  problemIndexBand,
  shareOf,
} from "./statistics";

// Wilson score interval, with z = 1.959964, z² = 3.841459:
//   centre = (p + z²/2n) / (1 + z²/n)
//   half   = z · √(p(1−p)/n + z²/4n²) / (1 + z²/n)
describe("shareOf", () => {
  it("gives 30 of 100 the Wilson interval [0.2189, 0.3958]", () => {
    // p = 0.3; z²/n = 0.0384146; denominator = 1.0384146
    // centre = (0.3 + 0.0192073) / 1.0384146 = 0.3073987
    // half   = 1.959964 · √(0.0021 + 0.0000960) / 1.0384146
    //        = 1.959964 · 0.0468619 / 1.0384146 = 0.0884498
    // low = 0.3073987 − 0.0884498 = 0.2189489; high = 0.3073987 + 0.0884498 = 0.3958485
    const share = shareOf(30, 100);
    expect(share.count).toBe(30);
    expect(share.n).toBe(100);
    expect(share.share).toBe(0.3);
    expect(share.low).toBeCloseTo(0.2189489, 6);
    expect(share.high).toBeCloseTo(0.3958485, 6);
  });

  it("gives 0 of 10 an interval from exactly 0 up to 0.2775", () => {
    // p = 0; z²/n = 0.3841459; denominator = 1.3841459
    // centre = (0 + 0.1920729) / 1.3841459 = 0.1387664
    // half   = 1.959964 · √(0 + 3.841459/400) / 1.3841459 = 1.959964 · 0.0979982 / 1.3841459 = 0.1387664
    // low = 0 (centre − half); high = 2 · 0.1387664 = 0.2775328
    const share = shareOf(0, 10);
    expect(share.share).toBe(0);
    expect(share.low).toBe(0);
    expect(share.high).toBeCloseTo(0.2775328, 6);
  });

  it("gives 10 of 10 an interval from 0.7225 up to exactly 1", () => {
    // The mirror of 0 of 10: centre = 1 − 0.1387664 = 0.8612336, half = 0.1387664
    // low = 0.8612336 − 0.1387664 = 0.7224672; high = 1 (not 0.9999999999999999)
    const share = shareOf(10, 10);
    expect(share.share).toBe(1);
    expect(share.low).toBeCloseTo(0.7224672, 6);
    expect(share.high).toBe(1);
  });

  it("takes another z: 90 % (z = 1.644854) is narrower than 95 %", () => {
    // 30 of 100: z² = 2.705545; z²/n = 0.0270554; denominator = 1.0270554
    // centre = (0.3 + 0.0135277) / 1.0270554 = 0.3052685
    // half = 1.644854 · √(0.0021 + 0.0000676) / 1.0270554 = 1.644854 · 0.0465579 / 1.0270554 = 0.0745636
    // low = 0.3052685 − 0.0745636 = 0.2307049; high = 0.3052685 + 0.0745636 = 0.3798321
    const share = shareOf(30, 100, 1.644854);
    expect(share.low).toBeCloseTo(0.2307049, 6);
    expect(share.high).toBeCloseTo(0.3798321, 6);
  });

  it("has no share and no interval when nobody answered", () => {
    expect(shareOf(0, 0)).toEqual({ count: 0, n: 0, share: null, low: null, high: null });
  });

  it("refuses counts that are negative, fractional or larger than n", () => {
    expect(() => shareOf(11, 10)).toThrow(
      new RangeError("Antalet kan inte vara större än antalet svarande."),
    );
    expect(() => shareOf(-1, 10)).toThrow(RangeError);
    expect(() => shareOf(1.5, 10)).toThrow(RangeError);
    expect(() => shareOf(1, 10.5)).toThrow(RangeError);
    expect(() => shareOf(Number.NaN, 10)).toThrow(RangeError);
    expect(() => shareOf(1, 10, 0)).toThrow(RangeError);
  });
});

describe("changeBetween", () => {
  it("finds 30/100 → 45/100 significant: z = 2.1909, p = 0.0285", () => {
    // difference = 0.45 − 0.30 = 0.15
    // pooled p = (30 + 45) / (100 + 100) = 0.375
    // variance = 0.375 · 0.625 · (1/100 + 1/100) = 0.234375 · 0.02 = 0.0046875
    // se = √0.0046875 = 0.0684653; z = 0.15 / 0.0684653 = 2.1908902
    // p = 2 · (1 − Φ(2.1908902)) = 2 · (1 − 0.9857701) = 0.0284597 < 0.05
    const change = changeBetween({ count: 30, n: 100 }, { count: 45, n: 100 });
    expect(change.before.share).toBe(0.3);
    expect(change.after.share).toBe(0.45);
    expect(change.difference).toBeCloseTo(0.15, 12);
    expect(change.z).toBeCloseTo(2.1908902, 6);
    expect(change.p).toBeCloseTo(0.0284597, 6);
    expect(change.significant).toBe(true);
  });

  it("is the same test the other way round, with the sign of z turned", () => {
    const change = changeBetween({ count: 45, n: 100 }, { count: 30, n: 100 });
    expect(change.difference).toBeCloseTo(-0.15, 12);
    expect(change.z).toBeCloseTo(-2.1908902, 6);
    expect(change.p).toBeCloseTo(0.0284597, 6);
    expect(change.significant).toBe(true);
  });

  it("finds 30/100 → 35/100 not significant: z = 0.7549, p = 0.4503", () => {
    // pooled p = 65 / 200 = 0.325; variance = 0.325 · 0.675 · 0.02 = 0.0043875
    // se = 0.0662382; z = 0.05 / 0.0662382 = 0.7548514
    // p = 2 · (1 − Φ(0.7548514)) = 2 · (1 − 0.7748309) = 0.4503382
    const change = changeBetween({ count: 30, n: 100 }, { count: 35, n: 100 });
    expect(change.difference).toBeCloseTo(0.05, 12);
    expect(change.z).toBeCloseTo(0.7548514, 6);
    expect(change.p).toBeCloseTo(0.4503382, 6);
    expect(change.significant).toBe(false);
  });

  it("takes another alpha: p = 0.0285 is not significant at 0.01", () => {
    expect(changeBetween({ count: 30, n: 100 }, { count: 45, n: 100 }, 0.01).significant).toBe(false);
  });

  it("has no test when a wave has no answers, and no difference either", () => {
    const change = changeBetween({ count: 0, n: 0 }, { count: 45, n: 100 });
    expect(change).toMatchObject({ difference: null, z: null, p: null, significant: false });
    expect(change.before.share).toBeNull();
    expect(change.after.share).toBe(0.45);
  });

  it("has no test when the pooled variance is 0 (nobody, or everybody, in both waves)", () => {
    // pooled p = 0 / 200 = 0 → variance 0 · 1 · 0.02 = 0
    expect(changeBetween({ count: 0, n: 100 }, { count: 0, n: 100 })).toMatchObject({
      difference: 0,
      z: null,
      p: null,
      significant: false,
    });
    // pooled p = 200 / 200 = 1 → variance 0
    expect(changeBetween({ count: 100, n: 100 }, { count: 100, n: 100 }).z).toBeNull();
  });

  it("refuses invalid counts and an alpha outside (0, 1)", () => {
    expect(() => changeBetween({ count: 101, n: 100 }, { count: 1, n: 100 })).toThrow(
      new RangeError("Antalet kan inte vara större än antalet svarande."),
    );
    expect(() => changeBetween({ count: 1, n: 100 }, { count: -1, n: 100 })).toThrow(RangeError);
    expect(() => changeBetween({ count: 1, n: 100 }, { count: 1, n: 100 }, 0)).toThrow(RangeError);
    expect(() => changeBetween({ count: 1, n: 100 }, { count: 1, n: 100 }, 1)).toThrow(RangeError);
  });
});

describe("normalCdf", () => {
  it("matches the table values of Φ to 1e-9", () => {
    // Φ(0) = 1/2 by symmetry; the rest from any table of the standard normal distribution
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1)).toBeCloseTo(0.8413447461, 9);
    expect(normalCdf(-1)).toBeCloseTo(0.1586552539, 9);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 12);
    expect(normalCdf(-1.959963984540054)).toBeCloseTo(0.025, 12);
    expect(normalCdf(2.575829303549)).toBeCloseTo(0.995, 10);
    expect(normalCdf(3)).toBeCloseTo(0.998650102, 9);
    expect(normalCdf(0.5)).toBeCloseTo(0.6914624613, 9);
  });

  it("keeps the far tail relative, where 1 − Φ would lose it", () => {
    // Φ(−6) = 9.8658765e−10, Φ(−10) = 7.6198530e−24
    expect(normalCdf(-6) / 9.8658765e-10).toBeCloseTo(1, 7);
    expect(normalCdf(-10) / 7.619853e-24).toBeCloseTo(1, 6);
    expect(normalCdf(-40)).toBe(0);
    expect(normalCdf(40)).toBe(1);
  });
});

describe("problemIndex", () => {
  it("weights Mycket stort 6, Ganska stort 4, Ganska litet 2, Inget 0 and leaves out Vet ej", () => {
    expect(PROBLEM_INDEX_WEIGHTS).toEqual([6, 4, 2, 0]);
    // counts [10, 20, 30, 40, 15]: n = 10 + 20 + 30 + 40 = 100 (the 15 "Vet ej" are not counted)
    // index = (6·10 + 4·20 + 2·30 + 0·40) / 100 = (60 + 80 + 60 + 0) / 100 = 2.0
    expect(problemIndex([10, 20, 30, 40, 15])).toEqual({ index: 2, n: 100 });
    // counts [3, 5, 7, 9, 4]: n = 24; index = (18 + 20 + 14 + 0) / 24 = 52 / 24 = 2.1666…
    const result = problemIndex([3, 5, 7, 9, 4]);
    expect(result.n).toBe(24);
    expect(result.index).toBeCloseTo(2.1666667, 6);
  });

  it("reaches 6 when everyone answers Mycket stort and 0 when no one sees a problem", () => {
    expect(problemIndex([12, 0, 0, 0, 3])).toEqual({ index: 6, n: 12 });
    expect(problemIndex([0, 0, 0, 12, 0])).toEqual({ index: 0, n: 12 });
  });

  it("has no index when only Vet ej (or nothing) was answered", () => {
    expect(problemIndex([0, 0, 0, 0, 8])).toEqual({ index: null, n: 0 });
    expect(problemIndex([0, 0, 0, 0, 0])).toEqual({ index: null, n: 0 });
  });

  it("refuses a wrong number of counts and counts that are not non-negative integers", () => {
    expect(() => problemIndex([1, 2, 3, 4])).toThrow(RangeError);
    expect(() => problemIndex([1, 2, 3, 4, 5, 6])).toThrow(RangeError);
    expect(() => problemIndex([1, -2, 3, 4, 5])).toThrow(RangeError);
    expect(() => problemIndex([1, 2.5, 3, 4, 5])).toThrow(RangeError);
  });
});

describe("overallProblemIndex", () => {
  it("is the plain mean of the item indices, skipping items without one", () => {
    // (2.0 + 3.5 + 0.5) / 3 = 6.0 / 3 = 2.0; the null item is not counted
    expect(overallProblemIndex([{ index: 2 }, { index: 3.5 }, { index: null }, { index: 0.5 }])).toBe(2);
    // Each item weighs the same however many answered it:
    // problemIndex([10, 0, 0, 0, 0]) = 6 (n = 10), problemIndex([0, 0, 0, 90, 0]) = 0 (n = 90) → (6 + 0) / 2 = 3
    expect(overallProblemIndex([problemIndex([10, 0, 0, 0, 0]), problemIndex([0, 0, 0, 90, 0])])).toBe(3);
  });

  it("is null when no item has an index", () => {
    expect(overallProblemIndex([])).toBeNull();
    expect(overallProblemIndex([{ index: null }, { index: null }])).toBeNull();
  });
});

describe("problemIndexBand", () => {
  it("reads 0–1.99 as small, 2–3.99 as some and 4–6 as large, at the edges", () => {
    expect(problemIndexBand(0)).toBe("small");
    expect(problemIndexBand(1.99)).toBe("small");
    expect(problemIndexBand(1.999999)).toBe("small");
    expect(problemIndexBand(2)).toBe("some");
    expect(problemIndexBand(3.99)).toBe("some");
    expect(problemIndexBand(4)).toBe("large");
    expect(problemIndexBand(6)).toBe("large");
  });

  it("refuses what is no index", () => {
    expect(() => problemIndexBand(-0.01)).toThrow(RangeError);
    expect(() => problemIndexBand(6.01)).toThrow(RangeError);
    expect(() => problemIndexBand(Number.NaN)).toThrow(RangeError);
  });
});
