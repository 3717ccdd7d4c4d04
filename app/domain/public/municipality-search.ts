/** Finding a municipality by name as residents type it: "umea" finds Umeå. Browser-safe. */

export interface MunicipalityName {
  name: string;
  slug: string;
  county: string;
}

export const SEARCH_MAX = 100;

/** Lower case without diacritics: "Umeå" → "umea", "Håbo" → "habo". */
export function foldName(value: string): string {
  return value.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().trim();
}

/** Names starting with the query first, then names containing it, each in alphabetical order. */
export function searchMunicipalities<M extends MunicipalityName>(all: readonly M[], query: string): M[] {
  const q = foldName(query).slice(0, SEARCH_MAX);
  if (!q) return [];
  const starts: M[] = [];
  const contains: M[] = [];
  for (const m of all) {
    const name = foldName(m.name);
    if (name.startsWith(q)) starts.push(m);
    else if (name.includes(q)) contains.push(m);
  }
  return [...starts, ...contains];
}

/** The one municipality whose name is exactly the query (folded), or null (none, or Habo/Håbo). */
export function exactMatch<M extends MunicipalityName>(all: readonly M[], query: string): M | null {
  const q = foldName(query);
  const exact = all.filter((m) => foldName(m.name) === q);
  return exact.length === 1 ? exact[0]! : null;
}

/**
 * The municipality a mistyped page address means: "/kommun/Ange" and "/kommun/ånge" mean Ånge,
 * "/kommun/Håbo" Håbo and "/kommun/Habo" Habo (the name as written wins over the folded one).
 */
export function municipalityForAddress<M extends MunicipalityName>(
  all: readonly M[],
  segment: string,
): M | null {
  const written = segment
    .replace(/[-_+]+/g, " ")
    .trim()
    .toLowerCase();
  return (
    all.find((m) => m.name.toLowerCase() === written) ??
    all.find((m) => m.slug === segment.toLowerCase()) ??
    exactMatch(all, written)
  );
}
