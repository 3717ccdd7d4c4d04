/** Which municipalities and which police area a document is about, read from their names. */

export interface MunicipalityRef {
  code: string;
  name: string;
}

export interface Reference {
  municipalities: MunicipalityRef[];
  /** Known lokalpolisområde names, e.g. "Södra Ångermanland". */
  lpoNames: string[];
}

const L = "\\p{L}";
const BEFORE = `(?<![${L}\\d-])`;
const AFTER = `(?![${L}\\d])`;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** "Vindeln" → "Vindelns"; names ending in s, x or z take no s. */
export function genitive(name: string): string {
  return /[sxz]$/i.test(name) ? name : `${name}s`;
}

/** Stockholm's stadsdelsområden: a document for one of their förvaltningar is Stockholm's. */
const STOCKHOLM_DISTRICTS = [
  "Rinkeby-Kista",
  "Spånga-Tensta",
  "Hässelby-Vällingby",
  "Bromma",
  "Kungsholmen",
  "Norrmalm",
  "Östermalm",
  "Södermalm",
  "Enskede-Årsta-Vantör",
  "Skarpnäck",
  "Farsta",
  "Älvsjö",
  "Hägersten-Älvsjö",
  "Hägersten-Liljeholmen",
  "Skärholmen",
];

const IRREGULAR_GENITIVES: [string, string][] = [["falu", "Falun"]];

export class MunicipalityMatcher {
  private readonly byForm = new Map<string, MunicipalityRef>();
  private readonly suffixed: RegExp;
  private readonly listed: RegExp;
  private readonly bare: RegExp;
  private readonly stockholm: MunicipalityRef | undefined;
  private readonly gotland: MunicipalityRef | undefined;

  constructor(municipalities: MunicipalityRef[]) {
    for (const m of municipalities) {
      this.byForm.set(m.name.toLowerCase(), m);
      this.byForm.set(genitive(m.name).toLowerCase(), m);
    }
    // Genitives that are not the name with an s.
    for (const [form, name] of IRREGULAR_GENITIVES) {
      const m = municipalities.find((x) => x.name === name);
      if (m) this.byForm.set(form, m);
    }
    const forms = [...this.byForm.keys()].sort((a, b) => b.length - a.length).map(escape);
    const form = `(?:${forms.join("|")})`;
    // "Ånge kommun", "Vindelns kommun", "Stockholms stad", "Umeå kommuns"
    this.suffixed = new RegExp(
      `${BEFORE}(${form})\\s+(?:kommuns?|stads?|kommunstyrelse|kommunkoncern)${AFTER}`,
      "giu",
    );
    // "Bjurholms, Nordmalings och Vännäs kommuner"
    this.listed = new RegExp(
      `${BEFORE}(${form}(?:\\s*,\\s*${form})*\\s*,?\\s+(?:och|samt|&)\\s+${form})\\s+kommuner${AFTER}`,
      "giu",
    );
    this.bare = new RegExp(`${BEFORE}(${form})${AFTER}`, "gu");
    this.stockholm = municipalities.find((m) => m.code === "0180");
    this.gotland = municipalities.find((m) => m.code === "0980");
  }

  /** The municipalities named as such ("X kommun", "X stad", "X, Y och Z kommuner"), in order of first mention. */
  named(text: string): { ref: MunicipalityRef; index: number }[] {
    const found: { ref: MunicipalityRef; index: number }[] = [];
    const add = (name: string, index: number) => {
      const ref = this.byForm.get(name.toLowerCase());
      if (ref) found.push({ ref, index });
    };
    this.listed.lastIndex = 0;
    for (let m = this.listed.exec(text); m; m = this.listed.exec(text)) {
      for (const part of m[1]!.split(/\s*,\s*|\s+(?:och|samt|&)\s+/)) add(part.trim(), m.index);
    }
    this.suffixed.lastIndex = 0;
    for (let m = this.suffixed.exec(text); m; m = this.suffixed.exec(text)) add(m[1]!, m.index);
    const region = new RegExp(`${BEFORE}Region\\s+Gotland${AFTER}|${BEFORE}Gotlands\\s+kommun${AFTER}`, "gu");
    for (let m = region.exec(text); m; m = region.exec(text))
      if (this.gotland) found.push({ ref: this.gotland, index: m.index });
    if (this.stockholm) {
      const district = new RegExp(
        `${BEFORE}(?:${STOCKHOLM_DISTRICTS.map(escape).join("|")})s?\\s+stadsdels(?:förvaltning|nämnd|område)|${BEFORE}stadsdels(?:förvaltning|nämnd)(?:en)?\\s+(?:i\\s+)?(?:${STOCKHOLM_DISTRICTS.map(escape).join("|")})${AFTER}`,
        "giu",
      );
      for (let m = district.exec(text); m; m = district.exec(text))
        found.push({ ref: this.stockholm, index: m.index });
    }
    return found.sort((a, b) => a.index - b.index);
  }

  /** Municipality names standing alone (for a title such as "Medborgarlöfte Kiruna 2024"). */
  bareNames(text: string): MunicipalityRef[] {
    const found: MunicipalityRef[] = [];
    this.bare.lastIndex = 0;
    for (let m = this.bare.exec(text); m; m = this.bare.exec(text)) {
      const ref = this.byForm.get(m[1]!.toLowerCase());
      // Only names written as names: "Mark", "Ale" and "Bjuv" are also words.
      if (ref && /^\p{Lu}/u.test(m[1]!) && m[1]!.length > 3) found.push(ref);
    }
    return found;
  }

  isMunicipalityName(text: string): boolean {
    const t = text
      .trim()
      .replace(/\s+(kommuns?|stad)$/i, "")
      .toLowerCase();
    return this.byForm.has(t) || /^region gotland$/.test(t);
  }
}

export function unique<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

const NAME_WORD = "\\p{Lu}[\\p{L}]+(?:-\\p{Lu}?[\\p{L}]+)?";
const COMPASS =
  "(?:Norra|Södra|Västra|Östra|Mellersta|Centrala|Nordvästra|Nordöstra|Sydvästra|Sydöstra|Inre|Yttre|Stor|Stora|Lilla)";
/** Words that follow a name in running text and are not part of it. */
const NOT_NAME = new Set(
  "Polisen Polismyndigheten Kommunen Kommun Och I Har Ska Samt Med Tecknar Inom Den Det Lpo Lokalpolisområde Polisområde Region Chef Kommunstyrelsens".split(
    " ",
  ),
);

function lpoPattern(known: string[]) {
  const names = [...known].sort((a, b) => b.length - a.length).map(escape);
  const knownAlt = names.length ? `${names.join("|")}|` : "";
  return `(${knownAlt}${COMPASS}\\s+${NAME_WORD}|${NAME_WORD}(?:\\s+${NAME_WORD})?)`;
}

/** "LPO Medelpad", "lokalpolisområde Östersund", "Lokalpolisområdeschef Umeå", "Chef LPO Södra Ångermanland". */
export function findLpo(lines: string[], known: string[]): string | null {
  const name = lpoPattern(known);
  const re = new RegExp(
    `${BEFORE}(?:LPO|[Ll]okalpolisområdes?chef(?:en)?(?:\\s+(?:för|i))?|[Ll]okalpolisområde(?:ts|t|s)?(?:\\s+för)?)\\s*:?\\s+${name}`,
    "gu",
  );
  const counts = new Map<string, { count: number; first: number }>();
  let order = 0;
  for (const line of lines) {
    re.lastIndex = 0;
    for (let m = re.exec(line); m; m = re.exec(line)) {
      const value = trimName(m[1]!, known);
      if (!value) continue;
      const seen = counts.get(value) ?? { count: 0, first: order++ };
      seen.count++;
      counts.set(value, seen);
    }
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1].count - a[1].count || a[1].first - b[1].first);
  return ranked[0]?.[0] ?? null;
}

function trimName(value: string, known: string[]): string | null {
  if (known.includes(value)) return value;
  if (known.includes(value.replace(/s$/, ""))) return value.replace(/s$/, "");
  const words = value.split(/\s+/).filter((w) => !NOT_NAME.has(w));
  // A second word is part of the name only with a compass word first ("Södra Ångermanland").
  const name =
    words.length > 1 && new RegExp(`^${COMPASS}$`, "u").test(words[0]!)
      ? words.slice(0, 2)
      : words.slice(0, 1);
  const out = name.join(" ");
  return out && !NOT_NAME.has(out) ? out : null;
}

/** "Polisområde Västerbotten" (not "lokalpolisområde"). */
export function findPolisomrade(lines: string[]): string | null {
  const re = new RegExp(
    `(?<![\\p{L}])(?:[Pp]olisområde|PO)\\s*:?\\s+(${COMPASS}\\s+${NAME_WORD}|${NAME_WORD}(?:\\s+(?:nord|syd|öst|väst|mitt|city|norr|söder))?)(?!\\p{L})`,
    "gu",
  );
  for (const line of lines) {
    re.lastIndex = 0;
    for (let m = re.exec(line); m; m = re.exec(line)) {
      // "polisområde Kronobergs statistik": a genitive before a noun is the name with an s.
      const genitive = /s$/.test(m[1]!) && /^\s+\p{Ll}/u.test(line.slice(re.lastIndex));
      const value = genitive ? m[1]!.slice(0, -1) : m[1]!;
      if (!NOT_NAME.has(value.split(/\s+/)[0]!)) return value;
    }
  }
  return null;
}
