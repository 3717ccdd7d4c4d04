/**
 * The controlled list of themes (teman) that focus areas and commitments are tagged with, so
 * documents compare across the country. Safe for the browser.
 */
export const THEMES = [
  "narkotika-andt",
  "trafik",
  "bostadsinbrott",
  "otrygga-platser",
  "vald-i-nara-relationer",
  "ungdomsbrottslighet",
  "bedragerier",
  "ordningsstorningar",
  "polisnarvaro",
  "fortroende-integration",
] as const;
export type Theme = (typeof THEMES)[number];

export const THEME_LABELS: Record<"sv" | "en", Record<Theme, string>> = {
  sv: {
    "narkotika-andt": "Narkotika och ANDT",
    trafik: "Trafik",
    bostadsinbrott: "Bostadsinbrott",
    "otrygga-platser": "Otrygga platser",
    "vald-i-nara-relationer": "Våld i nära relationer",
    ungdomsbrottslighet: "Ungdomsbrottslighet",
    bedragerier: "Bedrägerier och ekonomisk brottslighet",
    ordningsstorningar: "Ordningsstörningar",
    polisnarvaro: "Polisnärvaro och tillgänglighet",
    "fortroende-integration": "Förtroende och integration",
  },
  en: {
    "narkotika-andt": "Drugs, alcohol and tobacco",
    trafik: "Traffic",
    bostadsinbrott: "Residential burglary",
    "otrygga-platser": "Unsafe places",
    "vald-i-nara-relationer": "Domestic violence",
    ungdomsbrottslighet: "Youth crime",
    bedragerier: "Fraud and economic crime",
    ordningsstorningar: "Public disorder",
    polisnarvaro: "Police presence and accessibility",
    "fortroende-integration": "Trust and integration",
  },
};
