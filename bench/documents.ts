import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { genitive } from "~/import/extract/parties";
import { defaultReference } from "~/import/extract/reference.server";

/**
 * Import benchmark documents: the five seed documents with generated variations (another
 * municipality, other years, the focus areas in another order, extra paragraphs), so that no two
 * of the thousand are the same text.
 */

const SEEDS = new URL("../app/demo/documents/", import.meta.url).pathname;

/** A small deterministic PRNG (mulberry32), so every run measures the same documents. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ORIGINALS: Record<string, string> = {
  "ange-2023-2026.txt": "Ånge",
  "bracke-2023-2026.txt": "Bräcke",
  "vindeln-2023-2025.txt": "Vindeln",
  "umea-2017-2020.txt": "Umeå",
  "solleftea-2017.txt": "Sollefteå",
};

const FILLER = [
  "Arbetet bygger på den gemensamma lägesbilden och på dialoger med invånare, föreningar och näringsliv.",
  "Parterna träffas regelbundet för att stämma av läget och justera insatserna vid behov.",
  "Erfarenheter från tidigare år visar att tidiga och samordnade insatser ger bäst effekt.",
  "Skolor, socialtjänst och fritidsverksamhet är viktiga aktörer i det förebyggande arbetet.",
];

export function benchmarkDocuments(count: number): { name: string; text: string }[] {
  const seeds = readdirSync(SEEDS)
    .filter((f) => f in ORIGINALS)
    .sort()
    .map((f) => ({ file: f, text: readFileSync(join(SEEDS, f), "utf8") }));
  const municipalities = defaultReference().municipalities;
  const next = random(2026);
  return Array.from({ length: count }, (_, i) => {
    const seed = seeds[i % seeds.length]!;
    const original = ORIGINALS[seed.file]!;
    const other = municipalities[Math.floor(next() * municipalities.length)]!.name;
    const shift = Math.floor(next() * 8) - 4;
    let text = seed.text
      .replaceAll(`${original}s kommun`, `${genitive(other)} kommun`)
      .replaceAll(original, other)
      .replace(/\b(19|20)(\d{2})\b/g, (year) => String(Number(year) + shift));
    const paragraphs = text.split("\n\n");
    const extra = 1 + Math.floor(next() * 3);
    for (let k = 0; k < extra; k++) {
      const at = 2 + Math.floor(next() * (paragraphs.length - 2));
      paragraphs.splice(at, 0, FILLER[Math.floor(next() * FILLER.length)]!);
    }
    text = paragraphs.join("\n\n");
    return { name: `${String(i).padStart(4, "0")}-${seed.file}`, text };
  });
}
