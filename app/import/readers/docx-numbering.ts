/**
 * Word's list numbering (numbering.xml), computed as Word renders it: the numbers are not in the
 * document's text. A `w:num` points at an `w:abstractNum` whose levels give the start, the number
 * format and the text around the numbers ("%1.", "%1.%2", "%2)").
 */

export interface NumberingLevel {
  start: number;
  /** decimal, lowerLetter, upperLetter, lowerRoman, upperRoman, bullet, none, … */
  format: string;
  /** "%1." — `%n` stands for level n's current number. */
  text: string;
  /** The level after which this one restarts (1-based); 0: never; null: after any higher level. */
  restart: number | null;
  /** "Legal" numbering: every number in the text as a decimal. */
  legal: boolean;
}

export interface AbstractNumbering {
  levels: Map<number, NumberingLevel>;
  /** The list style this definition only refers to (its levels are in that style's numbering). */
  numStyleLink: string | null;
  styleLink: string | null;
}

export interface NumberingInstance {
  abstractId: string;
  /** Per level: a start that replaces the abstract one, and/or a whole replaced level. */
  overrides: Map<number, { start: number | null; level: NumberingLevel | null }>;
}

export interface NumberingDefinitions {
  abstracts: Map<string, AbstractNumbering>;
  instances: Map<string, NumberingInstance>;
}

export function emptyNumbering(): NumberingDefinitions {
  return { abstracts: new Map(), instances: new Map() };
}

/** What a numbered paragraph shows before its text. */
export type ListMarker = { kind: "bullet" } | { kind: "number"; text: string } | { kind: "none" };

const MAX_LEVELS = 9;

/** Counts list items across a document part and renders their markers. */
export class ListCounter {
  /** Current number per level, per list; undefined where a level has not been used yet. */
  private readonly counters = new Map<string, (number | undefined)[]>();

  constructor(
    private readonly numbering: NumberingDefinitions,
    /** numId of a list style (`w:numStyleLink`), from styles.xml. */
    private readonly styleNumIds: ReadonlyMap<string, string>,
  ) {}

  /** The marker of the next item of list `numId` at level `ilvl`; null where the list is unknown or "0". */
  next(numId: string, ilvl: number): ListMarker | null {
    if (numId === "0") return null;
    const instance = this.numbering.instances.get(numId);
    if (!instance) return null;
    const abstract = this.resolveAbstract(instance.abstractId);
    const level = Math.min(Math.max(ilvl, 0), MAX_LEVELS - 1);
    const levelOf = (l: number): NumberingLevel | undefined =>
      instance.overrides.get(l)?.level ?? abstract?.levels.get(l);
    const startOf = (l: number): number => instance.overrides.get(l)?.start ?? levelOf(l)?.start ?? 1;
    const definition = levelOf(level);
    if (!definition) return { kind: "bullet" };

    // A list instance that restarts numbering counts on its own; others share the definition's.
    const restarts = [...instance.overrides.values()].some((override) => override.start !== null);
    const key = restarts ? `num:${numId}` : `abstract:${instance.abstractId}`;
    let counts = this.counters.get(key);
    if (!counts) {
      counts = new Array<number | undefined>(MAX_LEVELS).fill(undefined);
      this.counters.set(key, counts);
    }
    counts[level] = counts[level] === undefined ? startOf(level) : counts[level] + 1;
    for (let deeper = level + 1; deeper < MAX_LEVELS; deeper++) {
      const restartAfter = levelOf(deeper)?.restart ?? null;
      // Restarts when a level at or above its restart level (1-based) is used; 0 never.
      if (restartAfter === null ? true : restartAfter !== 0 && level <= restartAfter - 1) {
        counts[deeper] = undefined;
      }
    }

    if (definition.format === "bullet") return { kind: "bullet" };
    if (definition.format === "none" && !/%[1-9]/.test(definition.text)) {
      return definition.text.trim() ? { kind: "number", text: definition.text.trim() } : { kind: "none" };
    }
    const text = definition.text.replace(/%([1-9])/g, (_match, digit: string) => {
      const l = Number(digit) - 1;
      const value = counts[l] ?? startOf(l);
      const format = definition.legal ? "decimal" : (levelOf(l)?.format ?? "decimal");
      return formatNumber(value, format);
    });
    return text.trim() ? { kind: "number", text: text.trim() } : { kind: "none" };
  }

  private resolveAbstract(abstractId: string): AbstractNumbering | undefined {
    const abstract = this.numbering.abstracts.get(abstractId);
    if (!abstract?.numStyleLink) return abstract;
    // One hop through the list style to the definition that holds the levels.
    const linkedNumId = this.styleNumIds.get(abstract.numStyleLink);
    const linked = linkedNumId ? this.numbering.instances.get(linkedNumId) : undefined;
    return (linked && this.numbering.abstracts.get(linked.abstractId)) ?? abstract;
  }
}

/** A number in one of Word's formats. */
export function formatNumber(value: number, format: string): string {
  switch (format) {
    case "lowerLetter":
      return letters(value).toLowerCase();
    case "upperLetter":
      return letters(value);
    case "lowerRoman":
      return roman(value).toLowerCase();
    case "upperRoman":
      return roman(value);
    case "decimalZero":
      return value < 10 && value >= 0 ? `0${value}` : String(value);
    case "none":
      return "";
    default:
      return String(value);
  }
}

/** Word's letters: a … z, then aa … zz, aaa … */
function letters(value: number): string {
  if (value < 1) return String(value);
  const letter = String.fromCharCode(65 + ((value - 1) % 26));
  return letter.repeat(Math.floor((value - 1) / 26) + 1);
}

function roman(value: number): string {
  if (value < 1 || value >= 4000) return String(value);
  const table: [number, string][] = [
    [1000, "M"],
    [900, "CM"],
    [500, "D"],
    [400, "CD"],
    [100, "C"],
    [90, "XC"],
    [50, "L"],
    [40, "XL"],
    [10, "X"],
    [9, "IX"],
    [5, "V"],
    [4, "IV"],
    [1, "I"],
  ];
  let rest = value;
  let out = "";
  for (const [amount, numeral] of table) {
    while (rest >= amount) {
      out += numeral;
      rest -= amount;
    }
  }
  return out;
}
