import { stemmer } from "@orama/stemmers/swedish";
import { THEMES, type Theme } from "./themes";

/**
 * Suggesting themes from a text: its words are stemmed with the Snowball Swedish stemmer and
 * matched against a keyword list per theme, itself written as stems. A suggestion only: the
 * coordinator confirms or changes it. Safe for the browser.
 *
 * Matching, for a word's stem and a keyword stem:
 * - equal: "drogerna" → "drog";
 * - the first part of a compound, when the keyword has at least 4 letters: "narkotikahandel"
 *   starts with "narkotik", "hastighetsöverträdelser" with "hast";
 * - the last part of a compound, keyword of at least 4 letters and at least 3 letters before it:
 *   "villainbrott" ends with "inbrot", "vägtrafik" with "trafik".
 * Shorter keywords ("ung", "syn", "när") match only whole words, so "ungefär" is not "unga".
 * A keyword of several stems matches them in a row, small words ("i", "och", "på") left out:
 * "våld i nära relationer" is "våld när relation".
 *
 * "unga" counts for ungdomsbrottslighet: a focus area on young people (their drug use, their
 * recruitment) is where the youth work is, and the coordinator unticks it where it does not fit.
 */

/** Snowball Swedish is light: "platser" → "plats", a second pass → "plat", as "plats" gives. */
export function stemWord(word: string): string {
  return stemmer(stemmer(word.toLowerCase()));
}

export const THEME_KEYWORDS: Record<Theme, readonly string[]> = {
  "narkotika-andt": [
    "narkotik",
    "cannabis",
    "drog",
    "alkohol",
    "langning",
    "tobak",
    "doping",
    "dopning",
    "andt",
    "missbruk",
  ],
  trafik: ["trafik", "trafiksäk", "hast", "buskörning", "parkering", "fortkörning"],
  bostadsinbrott: ["inbrot", "bostadsinbrot", "inbrottsstöld", "stöld bost", "grannsamverk"],
  "otrygga-platser": ["otrygg plat", "belysning", "trygghetsvandring", "centrum kvällstid"],
  "vald-i-nara-relationer": ["våld när relation", "kvinnofrid", "hedersrel", "hedersvåld"],
  ungdomsbrottslighet: ["ung", "ungdom", "rekryt", "rekrytering", "kriminell nätverk"],
  bedragerier: ["bedrägeri", "bedrag", "ekonomisk brott", "bluffaktur"],
  ordningsstorningar: ["ordningsstörning", "nedskräpning", "skadegör", "klott"],
  polisnarvaro: ["polisnärvaro", "syn polis", "öppettid", "tillgäng", "fotpatrull", "polis närv"],
  "fortroende-integration": ["förtroend", "integration", "bemöt", "dialog"],
};

/** Words left out of the text before matching, so a keyword of several stems reads across them. */
const SMALL_WORDS = new Set(
  "i och på av med för till från om vid mot en ett den det de som att bland samt eller under över"
    .split(" ")
    .map(stemWord),
);

/**
 * Word sequences that look like a keyword but are about something else: "tillgängligheten till
 * droger" is access to drugs, not the police's accessibility. Read with the small words kept.
 */
const NOT_MEANT: Partial<Record<Theme, readonly string[]>> = {
  polisnarvaro: ["tillgäng till"],
};

/** An upper bound on the words read, so a pasted book costs no more than a long text. */
const MAX_WORDS = 5_000;

function words(text: string): string[] {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_WORDS).map(stemWord);
}

function matches(stem: string, keyword: string): boolean {
  if (stem === keyword) return true;
  if (keyword.length < 4) return false;
  return stem.startsWith(keyword) || (stem.endsWith(keyword) && stem.length - keyword.length >= 3);
}

function findsPhrase(stems: readonly string[], phrase: readonly string[], skip: ReadonlySet<number>) {
  for (let i = 0; i + phrase.length <= stems.length; i++) {
    if (phrase.every((keyword, j) => !skip.has(i + j) && matches(stems[i + j]!, keyword))) return true;
  }
  return false;
}

/** The themes a text is about, in the controlled list's order; none when nothing matches. */
export function suggestThemes(text: string): Theme[] {
  const all = words(text);
  return THEMES.filter((theme) => {
    // Positions in the full text taken by a sequence that is not meant.
    const notMeant = new Set<number>();
    for (const phrase of NOT_MEANT[theme] ?? []) {
      const parts = phrase.split(" ");
      for (let i = 0; i + parts.length <= all.length; i++) {
        if (parts.every((p, j) => all[i + j] === p)) parts.forEach((_, j) => notMeant.add(i + j));
      }
    }
    const kept = all.flatMap((stem, i) => (SMALL_WORDS.has(stem) ? [] : [{ stem, i }]));
    const stems = kept.map((w) => w.stem);
    const skip = new Set(kept.flatMap((w, k) => (notMeant.has(w.i) ? [k] : [])));
    return THEME_KEYWORDS[theme].some((keyword) => findsPhrase(stems, keyword.split(" "), skip));
  });
}

/** A focus area's suggestion: from its title and its points. */
export function suggestFocusAreaThemes(area: { title: string; points: readonly string[] }): Theme[] {
  return suggestThemes([area.title, ...area.points].join("\n"));
}

/** A commitment's suggestion: from its text. */
export function suggestCommitmentThemes(commitment: { text: string }): Theme[] {
  return suggestThemes(commitment.text);
}
