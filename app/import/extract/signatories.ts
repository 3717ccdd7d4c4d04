import type { Line } from "./text-model";

/** The people who sign, read from signature blocks: a name line with its title lines around it. */

export interface FoundSignatory {
  name: string;
  title: string;
  party: "police" | "municipality" | "other";
  line: number;
}

const WORD = "\\p{Lu}[\\p{Ll}'’]+(?:-\\p{Lu}[\\p{Ll}'’]+)?";
const NAME = new RegExp(
  `^(${WORD})(?:\\s+(?:von|af|de|van|der|di|la|le|el|bin)){0,2}(?:\\s+${WORD}){1,3}$`,
  "u",
);

const ROLE =
  /(chef|ordförande|kommunalråd|oppositionsråd|direktör|polis|LPO|kommun|stad\b|stadsdel|region|förvaltning|nämnd|styrelse|samordnare|ansvarig|kommissarie|intendent|polismästare|rektor|\bvd\b|sekreterare|strateg|ledamot|\btf\b|t\.f\.|biträdande|ställföreträdande|länsstyrelse|myndighet|områdes|landshövding|borgmästare|gruppledare|\bråd\b|vice\b)/i;

/** Words a name never holds: headings and organisations written in title case. */
const NOT_NAME_WORDS = new Set(
  `Polisen Polismyndigheten Polis Kommun Kommunen Kommuns Region Regionen Stad Staden Lokalpolisområde Lpo Chef Ordförande
Kommunstyrelsens Kommunstyrelsen Kommunalråd Samverkan Samverkansöverenskommelse Överenskommelse Medborgarlöfte
Medborgarlöften Bakgrund Syfte Uppföljning Trygghet Trafik Sida Datum Ort Dnr Diarienummer Mål Fokusområde Fokusområden
Tillsammans Gemensamt Polisområde Länsstyrelsen Sverige Bilaga Innehåll Underskrifter Underskrift Namnförtydligande
Övrigt Inledning Tidplan Information Brottsförebyggande Rådet Trygghetsrådet Lokala Nationella Enligt För Med Och Vid
Norra Södra Västra Östra Januari Februari Mars April Maj Juni Juli Augusti September Oktober November December Kommunens Polisens Stadsdelsförvaltning`.split(
    /\s+/,
  ),
);

export interface SignatoryContext {
  /** True when the text is a place or organisation name, not a person ("Upplands Väsby", "Södra Ångermanland"). */
  isPlace: (text: string) => boolean;
}

export function isPersonName(text: string, ctx: SignatoryContext): boolean {
  const t = text.trim().replace(/[.,]$/, "");
  if (t.length > 40 || !NAME.test(t) || ROLE.test(t)) return false;
  if (t.split(/\s+/).some((w) => NOT_NAME_WORDS.has(w))) return false;
  return !ctx.isPlace(t);
}

function isRoleLine(text: string): boolean {
  const t = text.trim();
  return (
    t.length > 0 &&
    t.length <= 90 &&
    ROLE.test(t) &&
    !/[.!?]\s+\p{Lu}/u.test(t) &&
    t.split(/\s+/).length <= 10
  );
}

export function partyOf(text: string): FoundSignatory["party"] {
  if (/polis|\bLPO\b|lokalpolisområde|polismyndighet/i.test(text)) return "police";
  if (
    /kommun|\bstad\b|stadens|ordförande|kommunalråd|oppositionsråd|region gotland|förvaltning|nämnd|stadsdel|kommundirektör|kommunchef/i.test(
      text,
    )
  ) {
    return "municipality";
  }
  return "other";
}

const SEPARATOR = /^(?:underskrift|namnförtydligande|signatur|namnteckning|för\s+.+)$/i;

/** Reads the signature blocks from the document's lines (from `fromLine` on: not the letterhead). */
export function findSignatories(lines: Line[], ctx: SignatoryContext, fromLine = 0): FoundSignatory[] {
  const found: FoundSignatory[] = [];
  // "Jenny Larsson (C)": the political party's letters are not part of the name.
  const texts = lines.map((l) => l.text.trim().replace(/\s*\((?:[A-ZÅÄÖ]{1,3}|KD|MP|SD)\)/g, ""));
  const nonEmpty = (from: number, step: 1 | -1, maxGap: number) => {
    const out: number[] = [];
    let gap = 0;
    for (let i = from + step; i >= 0 && i < texts.length && out.length < 4; i += step) {
      if (!texts[i]) {
        if (++gap > maxGap) break;
        continue;
      }
      out.push(i);
      gap = 0;
    }
    return out;
  };

  for (let i = 0; i < texts.length; i++) {
    const text = texts[i]!;
    if (!text || text.length > 120 || lines[i]!.number < fromLine) continue;

    // "Anna Andersson, kommunstyrelsens ordförande" / "Kommunstyrelsens ordförande, Anna Andersson"
    const inline = inlineSignatory(text, ctx);
    if (inline) {
      found.push({ ...inline, line: lines[i]!.number });
      continue;
    }
    if (!isPersonName(text, ctx)) continue;

    // Title lines follow the name (perhaps after a blank line), and end at the next blank line.
    const after: string[] = [];
    for (const j of nonEmpty(i, 1, 3)) {
      const t = texts[j]!;
      if (isPersonName(t, ctx) || !isRoleLine(t) || SEPARATOR.test(t)) break;
      if (after.length && !texts[j - 1]) break;
      after.push(t);
      if (after.length === 3) break;
    }
    // A title right above the name ("Kommunstyrelsens ordförande" / "Elin Lantto" / "Kiruna kommun").
    const before: string[] = [];
    for (let j = i - 1; j >= 0 && texts[j] && before.length < 2; j--) {
      const t = texts[j]!;
      if (isPersonName(t, ctx) || SEPARATOR.test(t) || !isRoleLine(t)) break;
      before.unshift(t);
    }
    const roles = [...before, ...after];
    if (!roles.length) {
      // Titles above the name, across a blank line, when nothing follows it.
      for (const j of nonEmpty(i, -1, 3)) {
        const t = texts[j]!;
        if (isPersonName(t, ctx) || SEPARATOR.test(t) || !isRoleLine(t)) break;
        roles.unshift(t);
        if (roles.length === 2) break;
      }
    }
    if (!roles.length) continue;
    // "För Ånge kommun" just above the block names the party when the title does not.
    const heading = nonEmpty(i, -1, 3)
      .map((j) => texts[j]!)
      .find((t) => /^för\s+/i.test(t));
    const title = roles.join(", ");
    let party = partyOf(title);
    if (party === "other" && heading) party = partyOf(heading);
    found.push({ name: text.replace(/[.,]$/, ""), title, party, line: lines[i]!.number });
  }
  const byName = new Map<string, FoundSignatory>();
  for (const s of found) if (!byName.has(s.name)) byName.set(s.name, s);
  return [...byName.values()];
}

function inlineSignatory(text: string, ctx: SignatoryContext): Omit<FoundSignatory, "line"> | null {
  let parts = text.split(/\s*[,–—]\s+|\s+-\s+/);
  if (parts.length === 1) parts = splitRoleAndName(text, ctx);
  if (parts.length < 2 || parts.length > 3) return null;
  const nameAt = parts.findIndex((p) => isPersonName(p, ctx));
  if (nameAt !== 0 && nameAt !== parts.length - 1) return null;
  const roles = parts.filter((_, i) => i !== nameAt);
  if (!roles.every(isRoleLine)) return null;
  const title = roles.map((r) => r.charAt(0).toUpperCase() + r.slice(1)).join(", ");
  return { name: parts[nameAt]!.replace(/[.,]$/, ""), title, party: partyOf(title) };
}

/** "Kommunstyrelsens ordförande Anna Andersson" or "Anna Andersson kommunstyrelsens ordförande". */
function splitRoleAndName(text: string, ctx: SignatoryContext): string[] {
  const words = text.split(/\s+/);
  for (const n of [2, 3]) {
    if (words.length <= n) continue;
    const last = words.slice(-n).join(" ");
    const first = words.slice(0, n).join(" ");
    const restAfter = words.slice(0, -n).join(" ");
    const restBefore = words.slice(n).join(" ");
    if (isPersonName(last, ctx) && isRoleLine(restAfter)) return [restAfter, last];
    if (/^\p{Ll}/u.test(restBefore) && isPersonName(first, ctx) && isRoleLine(restBefore))
      return [first, restBefore];
  }
  return [text];
}
