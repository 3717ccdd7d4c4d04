import bank from "./standard-questions.json";
import type { LocalizedText, Question } from "./survey.schemas";

/**
 * The question bank: the standard items of Swedish safety surveys (NTU, the police's
 * trygghetsmätning), paraphrased, with their answer scales. A survey built from the bank asks
 * them the same way everywhere, so results compare with other municipalities and with the
 * police's published figures. Safe for the browser.
 */

type ScaleId = keyof typeof bank.scales;

/** English option labels, by scale, in the bank's order. */
const ENGLISH_OPTIONS: Record<ScaleId, string[]> = {
  trygghet4: [
    "Very safe",
    "Fairly safe",
    "Fairly unsafe",
    "Very unsafe",
    "Never go out alone late",
    "Don't know",
  ],
  frekvens_oro: ["Very often", "Fairly often", "Fairly seldom", "Never", "Not applicable / don't know"],
  utstrackning: [
    "To a very great extent",
    "To a fairly great extent",
    "To a fairly small extent",
    "Not at all",
    "Don't know",
  ],
  problemniva: [
    "A very big problem",
    "A fairly big problem",
    "A fairly small problem",
    "No problem at all",
    "Don't know",
  ],
  fortroende: ["Very high", "Fairly high", "Neither high nor low", "Fairly low", "Very low", "Don't know"],
  ja_nej: ["Yes", "No"],
};

/** The options counted as the item's indicator share, and those left out of its base, by scale. */
const INDICATORS: Record<ScaleId, { indicator: number[]; excluded: number[] }> = {
  // Share feeling fairly or very unsafe; "never go out" is counted apart, "don't know" left out.
  trygghet4: { indicator: [2, 3], excluded: [5] },
  frekvens_oro: { indicator: [0, 1], excluded: [4] },
  utstrackning: { indicator: [0, 1], excluded: [4] },
  problemniva: { indicator: [0, 1], excluded: [4] },
  fortroende: { indicator: [0, 1], excluded: [5] },
  ja_nej: { indicator: [0], excluded: [] },
};

export interface BankItem {
  id: string;
  text: LocalizedText;
  scale: ScaleId;
  source: string[];
  subitems: { id: string; text: LocalizedText }[];
}

export const BANK_ITEMS: BankItem[] = bank.items.map((item) => ({
  id: item.id,
  text: { sv: item.sv, en: item.en },
  scale: item.scale as ScaleId,
  source: item.source,
  subitems: ("subitems" in item ? (item.subitems as { id: string; sv: string }[]) : []).map((sub) => ({
    id: sub.id,
    text: { sv: sub.sv },
  })),
}));

export function findBankItem(id: string): BankItem | null {
  return BANK_ITEMS.find((item) => item.id === id) ?? null;
}

/** A bank item as a survey question: a matrix when it has sub-items (with the 0–6 index for problems). */
export function questionFromBank(item: BankItem): Question {
  const scale = bank.scales[item.scale];
  const english = ENGLISH_OPTIONS[item.scale];
  const options = scale.options.map((sv, index) => ({ sv, en: english[index] ?? sv }));
  const isMatrix = item.subitems.length > 0;
  return {
    key: item.id,
    kind: isMatrix ? "matrix" : item.scale === "ja_nej" ? "single" : "scale",
    text: item.text,
    bank: item.id,
    options,
    items: item.subitems.map((sub) => ({ key: sub.id, text: sub.text })),
    ...INDICATORS[item.scale],
    problemIndex: isMatrix && item.scale === "problemniva",
  };
}
