/**
 * Statistics for safety surveys (trygghetsundersökningar): pure functions, no database.
 *
 * Method choices:
 * - A share's 95 % confidence interval is the Wilson score interval, not the textbook Wald
 *   interval p ± z·√(p(1−p)/n): Wald collapses to [0, 0] at 0 of n and overshoots 0..1 for the
 *   small groups and extreme shares that neighbourhood surveys are full of; Wilson does neither.
 * - The change between two waves is tested with the two-sided two-proportion z-test with pooled
 *   variance (the null hypothesis is "the share did not change", so both waves share one p).
 *   The waves are treated as independent samples, which holds for fresh random samples per wave.
 * - The police's 0–6 problem index weights the answers of the "problemniva" scale 6, 4, 2, 0
 *   (Mycket stort, Ganska stort, Ganska litet, Inget problem alls); "Vet ej" and unanswered are
 *   left out, as in polisens trygghetsmätning.
 */

/** z for a two-sided 95 % interval: the 0.975 quantile of the standard normal distribution. */
export const Z_95 = 1.959963984540054;

/** A share with its 95 % confidence interval (Wilson score interval). share/low/high in 0..1. n = 0 → share/low/high null. */
export interface Share {
  count: number;
  n: number;
  share: number | null;
  low: number | null;
  high: number | null;
}

/** The change between two waves for one share: difference (after − before, in share units), two-sided two-proportion z-test with pooled variance; significant when p < alpha (default 0.05). When either n is 0 or the pooled variance is 0: z and p null, significant false. */
export interface Change {
  before: Share;
  after: Share;
  difference: number | null;
  z: number | null;
  p: number | null;
  significant: boolean;
}

function requireCount(value: number, what: string): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(`${what} måste vara ett heltal som är noll eller större (fick ${value}).`);
  }
}

function requireCountOfN(count: number, n: number): void {
  requireCount(count, "Antalet");
  requireCount(n, "Antalet svarande");
  if (count > n) {
    throw new RangeError("Antalet kan inte vara större än antalet svarande.");
  }
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/**
 * The share count / n with its Wilson score interval.
 * Throws RangeError when count or n is not a non-negative integer, count > n, or z is not positive.
 */
export function shareOf(count: number, n: number, z: number = Z_95): Share {
  requireCountOfN(count, n);
  if (!(z > 0) || !Number.isFinite(z)) {
    throw new RangeError(`z måste vara ett positivt tal (fick ${z}).`);
  }
  if (n === 0) return { count, n, share: null, low: null, high: null };
  const p = count / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const halfWidth = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  return {
    count,
    n,
    share: p,
    // At 0 of n and n of n the interval touches the edge exactly; rounding must not move it off.
    low: count === 0 ? 0 : clamp01(centre - halfWidth),
    high: count === n ? 1 : clamp01(centre + halfWidth),
  };
}

/**
 * The change in a share from one wave to the next, with its two-sided pooled z-test.
 * Throws RangeError for invalid counts (as shareOf) or alpha outside (0, 1).
 */
export function changeBetween(
  before: { count: number; n: number },
  after: { count: number; n: number },
  alpha = 0.05,
): Change {
  if (!(alpha > 0 && alpha < 1)) {
    throw new RangeError(`Signifikansnivån måste ligga mellan 0 och 1 (fick ${alpha}).`);
  }
  const b = shareOf(before.count, before.n);
  const a = shareOf(after.count, after.n);
  if (b.share === null || a.share === null) {
    return { before: b, after: a, difference: null, z: null, p: null, significant: false };
  }
  const difference = a.share - b.share;
  const pooled = (b.count + a.count) / (b.n + a.n);
  const variance = pooled * (1 - pooled) * (1 / b.n + 1 / a.n);
  if (variance === 0) {
    return { before: b, after: a, difference, z: null, p: null, significant: false };
  }
  const z = difference / Math.sqrt(variance);
  // 2·Φ(−|z|) rather than 2·(1 − Φ(|z|)): no cancellation for large |z|.
  const p = 2 * normalCdf(-Math.abs(z));
  return { before: b, after: a, difference, z, p, significant: p < alpha };
}

// W. J. Cody, "Rational Chebyshev approximations for the error function", Mathematics of
// Computation 23 (1969) 631–637; coefficients as in his CALERF routine (SPECFUN, netlib),
// relative error below 1e-15 on every interval.
const ERF_A = [
  3.1611237438705656, 113.86415415105016, 377.485237685302, 3209.3775891384694, 0.18577770618460315,
];
const ERF_B = [23.601290952344122, 244.02463793444417, 1282.6165260773723, 2844.236833439171];
const ERFC_C = [
  0.5641884969886701, 8.883149794388377, 66.11919063714163, 298.6351381974001, 881.952221241769,
  1712.0476126340707, 2051.0783778260716, 1230.3393547979972, 2.1531153547440383e-8,
];
const ERFC_D = [
  15.744926110709835, 117.6939508913125, 537.1811018620099, 1621.3895745666903, 3290.7992357334597,
  4362.619090143247, 3439.3676741437216, 1230.3393548037495,
];
const ERFC_P = [
  0.30532663496123236, 0.36034489994980445, 0.12578172611122926, 0.016083785148742275, 0.0006587491615298378,
  0.016315387137302097,
];
const ERFC_Q = [
  2.568520192289822, 1.8729528499234604, 0.5279051029514285, 0.06051834131244132, 0.0023352049762686918,
];
const ONE_OVER_SQRT_PI = 0.5641895835477563;

/** e^(−y²) computed as e^(−ŷ²)·e^(−(y−ŷ)(y+ŷ)) with ŷ = y rounded down to 1/16, as Cody does, to keep precision. */
function expMinusSquare(y: number): number {
  const rounded = Math.trunc(y * 16) / 16;
  return Math.exp(-rounded * rounded) * Math.exp(-(y - rounded) * (y + rounded));
}

/** The complementary error function erfc(x) = 1 − erf(x), by Cody's rational approximations. */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const y = Math.abs(x);
  if (y <= 0.46875) {
    const ysq = y * y;
    let num = ERF_A[4]! * ysq;
    let den = ysq;
    for (let i = 0; i < 3; i++) {
      num = (num + ERF_A[i]!) * ysq;
      den = (den + ERF_B[i]!) * ysq;
    }
    return 1 - (x * (num + ERF_A[3]!)) / (den + ERF_B[3]!);
  }
  let result: number;
  if (y <= 4) {
    let num = ERFC_C[8]! * y;
    let den = y;
    for (let i = 0; i < 7; i++) {
      num = (num + ERFC_C[i]!) * y;
      den = (den + ERFC_D[i]!) * y;
    }
    result = ((num + ERFC_C[7]!) / (den + ERFC_D[7]!)) * expMinusSquare(y);
  } else if (y >= 26.543) {
    result = 0; // erfc underflows below the smallest double here
  } else {
    const ysq = 1 / (y * y);
    let num = ERFC_P[5]! * ysq;
    let den = ysq;
    for (let i = 0; i < 4; i++) {
      num = (num + ERFC_P[i]!) * ysq;
      den = (den + ERFC_Q[i]!) * ysq;
    }
    const tail = (ysq * (num + ERFC_P[4]!)) / (den + ERFC_Q[4]!);
    result = ((ONE_OVER_SQRT_PI - tail) / y) * expMinusSquare(y);
  }
  return x < 0 ? 2 - result : result;
}

/** Standard normal CDF Φ(x) = erfc(−x/√2)/2, accurate to well below 1e-7 (Cody's erfc). */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}

/** Weights of the "problemniva" options Mycket stort, Ganska stort, Ganska litet, Inget problem alls. */
export const PROBLEM_INDEX_WEIGHTS = [6, 4, 2, 0] as const;

/** The number of "problemniva" options: the four weighted ones and "Vet ej". */
const PROBLEM_SCALE_OPTIONS = 5;

/**
 * The police's 0–6 problem index for one neighbourhood-problem item, from the answer counts in the
 * order of the "problemniva" scale [Mycket stort, Ganska stort, Ganska litet, Inget problem alls, Vet ej].
 * Throws RangeError unless there are exactly five counts, each a non-negative integer.
 */
export function problemIndex(counts: readonly number[]): { index: number | null; n: number } {
  if (counts.length !== PROBLEM_SCALE_OPTIONS) {
    throw new RangeError(
      `Problemindex behöver ${PROBLEM_SCALE_OPTIONS} antal, ett per svarsalternativ (fick ${counts.length}).`,
    );
  }
  for (const count of counts) requireCount(count, "Antalet");
  let n = 0;
  let weighted = 0;
  PROBLEM_INDEX_WEIGHTS.forEach((weight, i) => {
    const count = counts[i]!;
    n += count;
    weighted += weight * count;
  });
  return { index: n === 0 ? null : weighted / n, n };
}

/** The neighbourhood's overall problem index: the mean of the item indices that are not null (each item weighted equally); null if none. */
export function overallProblemIndex(items: readonly { index: number | null }[]): number | null {
  const indices = items.flatMap((item) => (item.index === null ? [] : [item.index]));
  if (indices.length === 0) return null;
  return indices.reduce((sum, index) => sum + index, 0) / indices.length;
}

/**
 * The band the police use to read an index: below 2 "small" (inga eller små problem), 2 up to 4
 * "some" (vissa problem), 4 to 6 "large" (stora problem). Throws RangeError outside 0..6.
 */
export function problemIndexBand(index: number): "small" | "some" | "large" {
  if (!(index >= 0 && index <= 6)) {
    throw new RangeError(`Ett problemindex ligger mellan 0 och 6 (fick ${index}).`);
  }
  if (index < 2) return "small";
  if (index < 4) return "some";
  return "large";
}
