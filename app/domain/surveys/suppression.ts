/**
 * Small-group suppression for survey results: a group of fewer than the minimum respondents must
 * never be shown, neither directly nor as the total minus the groups that are shown.
 *
 * This protects one partition of one total at a time (primary plus complementary suppression).
 * Cross-tabulations that share margins (gender × area) need the partitions suppressed together,
 * which this module does not do.
 */

/** The smallest group shown unless a partnership sets its own. */
export const DEFAULT_MINIMUM_GROUP = 10;

/** One cell of a partition of a total: e.g. the respondents of one gender, or of one area, including a cell for "not stated" so the cells sum to the total. */
export interface Cell {
  key: string;
  n: number;
}

function requireMinimum(minimum: number): void {
  if (!Number.isInteger(minimum) || minimum < 1) {
    throw new RangeError(`Minsta gruppstorlek måste vara ett positivt heltal (fick ${minimum}).`);
  }
}

function requireCells(cells: readonly Cell[]): void {
  const keys = new Set<string>();
  for (const cell of cells) {
    if (!Number.isInteger(cell.n) || cell.n < 0) {
      throw new RangeError(`Antalet i gruppen "${cell.key}" måste vara ett heltal som är noll eller större.`);
    }
    if (keys.has(cell.key)) {
      throw new RangeError(`Gruppen "${cell.key}" förekommer mer än en gång.`);
    }
    keys.add(cell.key);
  }
}

const sumOf = (cells: readonly Cell[]) => cells.reduce((sum, cell) => sum + cell.n, 0);

/**
 * The keys to hide in one partition. Primary: every cell with 0 < n < minimum. Secondary
 * (complementary): while the hidden cells sum to less than minimum, hide also the smallest shown
 * cell with n > 0 (ties: the first in the given order). A total below minimum hides every cell
 * with n > 0; cells with n = 0 are never hidden.
 * Throws RangeError for a count that is not a non-negative integer, a repeated key or a minimum
 * that is not a positive integer.
 */
export function suppressedKeys(cells: readonly Cell[], minimum: number = DEFAULT_MINIMUM_GROUP): Set<string> {
  requireMinimum(minimum);
  requireCells(cells);
  const populated = cells.filter((cell) => cell.n > 0);
  if (sumOf(cells) < minimum) return new Set(populated.map((cell) => cell.key));

  const hidden = new Set(populated.filter((cell) => cell.n < minimum).map((cell) => cell.key));
  let hiddenSum = sumOf(populated.filter((cell) => hidden.has(cell.key)));
  while (hidden.size > 0 && hiddenSum < minimum) {
    // The first smallest: reduce keeps the earlier cell when n ties.
    const smallest = populated
      .filter((cell) => !hidden.has(cell.key))
      .reduce<Cell | null>((best, cell) => (best === null || cell.n < best.n ? cell : best), null);
    if (smallest === null) break;
    hidden.add(smallest.key);
    hiddenSum += smallest.n;
  }
  return hidden;
}

/**
 * True when a published total would not let anyone derive a group below the minimum: the remainder
 * (total − sum of the shown cells) is 0 or at least the minimum.
 * Throws RangeError for invalid counts, a minimum that is not a positive integer, or shown cells
 * that add up to more than the total.
 */
export function remainderIsSafe(
  total: number,
  shownCells: readonly Cell[],
  minimum: number = DEFAULT_MINIMUM_GROUP,
): boolean {
  requireMinimum(minimum);
  requireCells(shownCells);
  if (!Number.isInteger(total) || total < 0) {
    throw new RangeError(`Totalen måste vara ett heltal som är noll eller större (fick ${total}).`);
  }
  const remainder = total - sumOf(shownCells);
  if (remainder < 0) {
    throw new RangeError("De visade grupperna kan inte vara fler än totalen.");
  }
  return remainder === 0 || remainder >= minimum;
}
