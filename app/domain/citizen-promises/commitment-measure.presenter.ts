import type { CommitmentMeasure, FrequencyUnit } from "./commitment-analysis.schemas";

/**
 * A commitment measure as one Swedish line for the editor and the promise page, e.g. "Varje
 * månad utom juni–augusti" or "Mål: 10 samverkansgrupper vid periodens slut". Browser-safe.
 */

const MONTHS = [
  "januari",
  "februari",
  "mars",
  "april",
  "maj",
  "juni",
  "juli",
  "augusti",
  "september",
  "oktober",
  "november",
  "december",
] as const;

const UNIT_SINGULAR: Record<FrequencyUnit, string> = {
  day: "dag",
  week: "vecka",
  month: "månad",
  term: "termin",
  year: "år",
};
// "var tredje vecka", "vart tredje år": the neuter units take "vart".
const UNIT_EVERY_WORD: Record<FrequencyUnit, string> = {
  day: "var",
  week: "var",
  month: "var",
  term: "var",
  year: "vart",
};
const ORDINALS = ["", "", "andra", "tredje", "fjärde", "femte", "sjätte", "sjunde", "åttonde"];

/** [6, 7, 8] → "juni–augusti"; [3, 4, 5, 9, 10, 11] → "mars–maj och september–november". */
export function monthRanges(months: readonly number[]): string {
  const sorted = [...new Set(months)].sort((a, b) => a - b);
  const ranges: [number, number][] = [];
  for (const m of sorted) {
    const last = ranges[ranges.length - 1];
    if (last && m === last[1] + 1) last[1] = m;
    else ranges.push([m, m]);
  }
  const names = ranges.map(([a, b]) => (a === b ? MONTHS[a - 1]! : `${MONTHS[a - 1]!}–${MONTHS[b - 1]!}`));
  return names.length > 1
    ? `${names.slice(0, -1).join(", ")} och ${names[names.length - 1]!}`
    : (names[0] ?? "");
}

function frequency(times: number, every: number, per: FrequencyUnit): string {
  const unit = UNIT_SINGULAR[per];
  if (every > 1) {
    const interval =
      every === 2
        ? `${UNIT_EVERY_WORD[per] === "vart" ? "vartannat" : "varannan"} ${unit}`
        : `${UNIT_EVERY_WORD[per]} ${ORDINALS[every] ?? `${every}:e`} ${unit}`;
    return times === 1 ? capitalise(interval) : `${times} gånger ${interval}`;
  }
  if (times === 1) return `Varje ${unit}`;
  return `${times} gånger per ${unit}`;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** One measure in Swedish. */
export function presentCommitmentMeasure(measure: CommitmentMeasure): string {
  switch (measure.kind) {
    case "schedule": {
      let text = frequency(measure.times, measure.every, measure.per);
      if (measure.onlyMonths.length) text += ` under ${monthRanges(measure.onlyMonths)}`;
      if (measure.exceptMonths.length) text += ` utom ${monthRanges(measure.exceptMonths)}`;
      return text;
    }
    case "target": {
      const amount = `${measure.value.toLocaleString("sv-SE")} ${measure.unit}`;
      const change =
        measure.direction === "decrease"
          ? `minska med ${amount}`
          : measure.direction === "increase" && measure.unit === "%"
            ? `öka med ${amount}`
            : amount;
      const by = measure.by === "period-end" ? "vid periodens slut" : `senast ${measure.by}`;
      return `Mål: ${change} ${by}`;
    }
    case "deadline":
      return `Senast den ${measure.day} ${MONTHS[measure.month - 1]!}`;
    case "during-period":
      return "Någon gång under perioden";
  }
}
