import { tidy, withoutFullStop, type Unit } from "./text-model";

/** Goals, focus areas and commitments, read from the document's headings, paragraphs and lists. */

/** Sections every document has that are not focus areas; a heading like these ends a list of areas. */
const STANDARD_SECTION =
  /^(?:inledning|bakgrund|syfte|genomförande|samverkansmodell|samverkansform|samverkansstruktur|organisation|uppföljning|utvärdering|tidplan|tidsplan|information|kommunikation|övrigt|överenskommelse(?:ns)?\b(?!\s+om)|giltighet|avtalstid|period\b|perioden|ansvar|parter|underskrift|undertecknande|vision|dokumentation|revidering|uppsägning|vill du veta|hur tar vi|hur har vi|medborgardialog|metod|kontakt|definition|lagstiftning|styrdokument|resurser|finansiering|sekretess|personuppgift|datum|åtgärder|aktiviteter|aktivitetsplan|handlingsplan|bilag|innehåll|sammanfattning|referenser|avslutning|framtagande|process|så har vi|så tog vi|så här har vi|åtagande|parternas åtagande|gemensamma åtagande)/i;
const GOAL_HEADING =
  /^(?:(?:de\s+)?(?:övergripande|gemensamma|långsiktiga|strategiska)\s+mål(?:en)?|mål(?:en)?|målsättning(?:ar|en)?|mål för\b.*|syfte och mål|mål och syfte)$/i;
const AREA_CONTAINER =
  /(problembild|fokusområde|prioriterade\s+områden|prioriterade\s+frågor|prioriterade\s+problem|prioritering|samverkansområde|insatsområde|målområde|utvecklingsområde|arbetsområde|medborgarlöfte|löftesområde|problemområde|^områden|^inriktning|särskilt\s+fokus|fokus\s+för\s+samverkan)/i;
const CAUSE_HEADING =
  /^(?:orsak(?:er|sanalys(?:en)?)?|bakomliggande orsaker|varför\b.*|orsaker och samband)\s*:?$/i;
const AREA_PREFIX =
  /^(?:fokusområde|problemområde|prioriterat område|insatsområde|område|löfte|problem)\s*\d*\s*[:.–—-]\s*/i;
/** Parts inside an area ("Problembild", "Åtgärder"): neither areas nor the end of one. */
const AREA_PART =
  /^(?:problembild|problem|beskrivning|nuläge|lägesbild|bakgrund|åtgärder|aktiviteter|insatser|exempel på åtgärder)\s*:?$/i;

/** A commitment heading or lead-in: "Polisen lovar att", "Tillsammans lovar vi", "Socialförvaltningen åtar sig att". */
const PROMISE_VERB =
  /(?<!\p{L})(?:lovar|åtar\s+(?:sig|vi\s+oss)|förbinder\s+(?:sig|vi\s+oss)|kommer\s+vi\s+att)(?!\p{L})/iu;

export type CommitmentParty = "police" | "municipality" | "joint";

export function commitmentPartyOf(text: string): CommitmentParty | null {
  const t = text.trim();
  if (
    /tillsammans|gemensam|vi lovar|lovar vi|^vi\b|polisen och kommunen|kommunen och polisen|parterna|båda parter/i.test(
      t,
    )
  )
    return "joint";
  if (/^(?:polis|lokalpolis|lpo\b)/i.test(t) || /^\S*\s*polis/i.test(t)) return "police";
  if (
    /^(?:kommun|\S+\s+kommun|\S*förvaltning|\S+\s+förvaltning|\S*nämnd|\S+\s+nämnd|\S+\s+stad|stad(?:en)?(?!\S)|stadsdel|socialtjänst|skola|fritid|region|\S+bolag|räddningstjänst)/i.test(
      t,
    )
  ) {
    return "municipality";
  }
  return null;
}

/** A heading or short paragraph that opens a list of commitments, with whose they are. */
export function commitmentMarker(u: Unit, inPromiseSection: boolean): CommitmentParty | null {
  const text = u.text.trim();
  if (text.length > 120) return null;
  if (PROMISE_VERB.test(text) && /(?:att|:)\s*$|lovar\s*$|\blöften?\b/i.test(text)) {
    return commitmentPartyOf(text.replace(/^(?:\d+[.)]\s*)/, "")) ?? (inPromiseSection ? "joint" : null);
  }
  // "Polisens åtaganden", "5.1 Malmö stads åtaganden", "Gemensamma åtaganden"
  if (u.kind === "heading" && /\såtaganden?$/i.test(text)) {
    return commitmentPartyOf(text.replace(/s?\s+åtaganden?$/i, ""));
  }
  // "Polisen:", "Kommunen ska:", "Polisen kommer att:", "Kommunen ansvarar för att:", "Tillsammans:" over a list.
  const label =
    /^(.{2,50}?)(?:\s+(?:ska|skall|kommer att|ansvarar för att))?\s*:$/i.exec(text) ??
    (u.kind === "heading"
      ? /^(.{2,50}?)\s+(?:ska|skall|kommer att|ansvarar för att)(?:\s+vi)?$/i.exec(text)
      : null);
  if (label && !/\s(?:är|har)\s/.test(label[1]!)) {
    const party = commitmentPartyOf(label[1]!);
    if (party && (inPromiseSection || /ska|skall|kommer att|ansvarar/i.test(text))) return party;
  }
  if (u.kind === "heading" && inPromiseSection) {
    if (/^(?:polisens|kommunens|gemensamma|våra)\s+löften$/i.test(text)) return commitmentPartyOf(text);
    if (
      /^(?:polisen|kommunen|tillsammans(?:\s+med\s+\S+)?|gemensamt|vi tillsammans|polisen och kommunen|kommunen och polisen)$/i.test(
        text,
      )
    ) {
      return commitmentPartyOf(text);
    }
  }
  return null;
}

function isLeadIn(u: Unit): boolean {
  return (
    u.kind === "paragraph" &&
    /^(?:lovar|åtar|vi lovar)\b.*:?\s*$|^\S.{0,60}:$/i.test(u.text.trim()) &&
    u.text.length <= 80
  );
}

export interface Commitment {
  party: CommitmentParty;
  text: string;
}

/** Lists under commitment headings and lead-ins, by party. */
export function findCommitments(units: Unit[], isPromise: (index: number) => boolean): Commitment[] {
  const out: Commitment[] = [];
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    // "- Polisen: genomföra …" in a list of measures.
    const labelled = u.kind === "item" ? /^([^:]{2,40}):\s+(\S.{5,})$/.exec(u.text) : null;
    const labelledParty = labelled ? commitmentPartyOf(labelled[1]!) : null;
    if (labelled && labelledParty && !/\s(?:är|har)\s/.test(labelled[1]!)) {
      out.push({ party: labelledParty, text: tidy(labelled[2]!) });
      continue;
    }
    const party = commitmentMarker(u, isPromise(i));
    if (!party) {
      // "Polisen lovar att genomföra trygghetsvandringar i centrum." as one sentence.
      const inline = /^(.{2,60}?)\s+(?:lovar|åtar\s+sig)\s+(?:också\s+)?att\s+(.{10,})$/i.exec(u.text.trim());
      if (inline && u.kind !== "heading" && !/:\s*$/.test(u.text)) {
        const who = commitmentPartyOf(inline[1]!);
        if (who && !/^(?:vi|de|man)\b/i.test(inline[2]!) && !/följande/i.test(inline[2]!)) {
          const text = inline[2]!.charAt(0).toUpperCase() + inline[2]!.slice(1);
          out.push({ party: who, text: tidy(text) });
        }
      }
      continue;
    }
    let j = i + 1;
    while (
      j < units.length &&
      isLeadIn(units[j]!) &&
      !units.slice(j + 1, j + 2).every((n) => n.kind !== "item")
    )
      j++;
    // Items directly after, at their first level; nested items belong to the item above.
    let started = false;
    let baseLevel = -1;
    for (; j < units.length; j++) {
      const n = units[j]!;
      if (n.kind !== "item") {
        if (!started && isLeadIn(n)) continue;
        break;
      }
      if (baseLevel < 0) baseLevel = n.level;
      if (n.level > baseLevel && out.length) {
        out[out.length - 1]!.text = `${out[out.length - 1]!.text} ${n.text}`;
        continue;
      }
      started = true;
      out.push({ party, text: tidy(n.text) });
    }
    i = Math.max(i, j - 1);
  }
  const seen = new Set<string>();
  return out.filter((c) => {
    const key = `${c.party}|${c.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The goals: a list under a goal heading or after a lead-in that speaks of goals. */
export function findGoals(units: Unit[]): string[] {
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    const heading = u.kind === "heading" && GOAL_HEADING.test(withoutFullStop(u.text));
    const leadIn =
      u.kind === "paragraph" &&
      /\bmål(?:en|et|sättning\w*)?\b[^.]*(?::|\bär att|\bär)\s*$/i.test(u.text) &&
      u.text.length < 300;
    if (!heading && !leadIn) continue;
    const goals: string[] = [];
    let j = i + 1;
    // Under a heading, a lead-in paragraph may come before the list.
    if (heading && units[j]?.kind === "paragraph" && /:\s*$/.test(units[j]!.text)) j++;
    for (; j < units.length && units[j]!.kind === "item"; j++) {
      if (units[j]!.level === (units[i + 1]?.level ?? 0) || goals.length === 0)
        goals.push(withoutFullStop(units[j]!.text));
    }
    if (goals.length) return goals;
    if (heading) {
      // Goals as short lines of their own, one per paragraph.
      const lines: string[] = [];
      for (j = i + 1; j < units.length && units[j]!.kind === "paragraph"; j++) {
        const t = units[j]!.text.trim();
        if (t.length > 150 || /\.\s+\p{Lu}/u.test(t) || units[j]!.lines.length > 1) {
          lines.length = 0;
          break;
        }
        lines.push(withoutFullStop(t));
      }
      if (lines.length >= 2) return lines;
    }
  }
  return [];
}

export interface FocusArea {
  title: string;
  points: string[];
  cause: string | null;
}

export function isStandardSection(text: string): boolean {
  return STANDARD_SECTION.test(text.trim()) || GOAL_HEADING.test(withoutFullStop(text));
}

function isContainer(u: Unit): boolean {
  if (u.kind !== "heading") return false;
  const t = u.text.trim();
  if (t.endsWith("?")) return false;
  if (/^(?:genomförande|bakgrund|inledning|syfte|uppföljning|hur\b)/i.test(t) || AREA_PREFIX.test(t))
    return false;
  return AREA_CONTAINER.test(t) && t.length <= 90;
}

function areaTitle(text: string): string {
  return withoutFullStop(text.replace(AREA_PREFIX, ""));
}

/**
 * The focus areas: inside a section whose heading speaks of problem pictures, focus areas or
 * promises, each sub-heading with content is an area (its list its points, an "Orsak" part its
 * cause); without sub-headings, each titled list item is one.
 */
export function findFocusAreas(
  units: Unit[],
  isNoise: (u: Unit) => boolean,
  { wholeIfNone = false }: { wholeIfNone?: boolean } = {},
): FocusArea[] {
  const areas: FocusArea[] = [];
  if (wholeIfNone && !units.some(isContainer)) {
    // A promise without a section of areas: its headings over text or commitments are its areas.
    const content = units.filter((u) => !isNoise(u));
    const areasOfPromises = content.flatMap((u, k) =>
      u.kind === "heading" && isAreaHeading(u, content[k + 1], content[k + 2]) && hasContent(content, k)
        ? [areaAt(content, k)]
        : [],
    );
    return unique(areasOfPromises);
  }
  for (let i = 0; i < units.length; i++) {
    if (!isContainer(units[i]!)) continue;
    const containerLevel = units[i]!.level;
    const containerMarker = units[i]!.marker;
    let end = i + 1;
    for (; end < units.length; end++) {
      const u = units[end]!;
      if (u.kind !== "heading" || u.text.trim().endsWith("?")) continue;
      // A heading that names a kind of area but has a list of its own is one of the areas.
      if (isContainer(u) && units[end + 1]?.kind !== "item") break;
      if (containerLevel && u.level && u.level <= containerLevel) break;
      if (containerMarker && u.marker && depth(u.marker) <= depth(containerMarker)) break;
      if (isStandardSection(u.text) && !CAUSE_HEADING.test(u.text)) break;
    }
    const found = areasIn(units.slice(i + 1, end).filter((u) => !isNoise(u)));
    areas.push(...found);
    i = end - 1;
  }
  // Headings "Fokusområde 1: Trafik" anywhere, when no section held areas.
  if (!areas.length) {
    const named = units.filter((u) => u.kind === "heading" && AREA_PREFIX.test(u.text) && areaTitle(u.text));
    for (const u of named) areas.push(areaAt(units, units.indexOf(u)));
  }
  return unique(areas);
}

function unique(areas: FocusArea[]): FocusArea[] {
  const seen = new Set<string>();
  return areas.filter((a) => {
    if (seen.has(a.title)) return false;
    seen.add(a.title);
    return true;
  });
}

function depth(marker: string): number {
  return marker.replace(/\.$/, "").split(".").length;
}

function areasIn(units: Unit[]): FocusArea[] {
  const headed: FocusArea[] = [];
  for (let k = 0; k < units.length; k++) {
    const u = units[k]!;
    if (!isAreaHeading(u, units[k + 1], units[k + 2])) continue;
    const area = areaAt(units, k);
    if (area.points.length || area.cause || hasContent(units, k)) headed.push(area);
  }
  if (headed.length) return headed;
  return listAreas(units);
}

function isAreaHeading(u: Unit, next: Unit | undefined, after?: Unit): boolean {
  if (
    u.kind === "paragraph" &&
    u.alone &&
    u.lines.length === 1 &&
    u.text.length <= 130 &&
    /^\p{Lu}/u.test(u.text) &&
    !/[:,;?]$/.test(u.text) &&
    !/\.\s+\p{Lu}/u.test(u.text)
  ) {
    // A one-line paragraph followed by an "Orsak" heading or by a paragraph then "Orsak": an area stated as a sentence.
    const isCause = (x: Unit | undefined) => x?.kind === "heading" && CAUSE_HEADING.test(x.text);
    return isCause(next) || (next?.kind === "paragraph" && isCause(after));
  }
  if (u.kind !== "heading") return false;
  const t = u.text.trim();
  if (t.endsWith("?") || CAUSE_HEADING.test(t) || isStandardSection(t)) return false;
  if (/^(?:våra\s+|vårt\s+|gemensamma\s+)?(?:medborgar|trygghets)?löften?(?!\p{L})/iu.test(t)) return false;
  if (commitmentMarker(u, true) || AREA_PART.test(t) || /(?<!\p{L})lovar(?!\p{L})/iu.test(t)) return false;
  return true;
}

function hasContent(units: Unit[], k: number): boolean {
  const next = units[k + 1];
  return !!next && (next.kind !== "heading" || !!commitmentMarker(next, true));
}

/** The area whose heading is at `k`: its points until the next heading, and its cause. */
function areaAt(units: Unit[], k: number): FocusArea {
  const title = areaTitle(units[k]!.text);
  const points: string[] = [];
  const cause: string[] = [];
  let inCause = false;
  let inMeasures = false;
  let pointLevel = -1;
  for (let j = k + 1; j < units.length; j++) {
    const u = units[j]!;
    if (u.kind === "heading" && CAUSE_HEADING.test(u.text)) {
      inCause = true;
      continue;
    }
    if (u.kind === "paragraph" && /^orsak(?:er)?\s*:\s*\S/i.test(u.text)) {
      cause.push(u.text.replace(/^orsak(?:er)?\s*:\s*/i, ""));
      continue;
    }
    if (u.kind === "heading" && AREA_PART.test(u.text)) continue;
    if (u.kind === "heading" || commitmentMarker(u, true)) break;
    if (
      inCause &&
      u.kind === "paragraph" &&
      isAreaHeading(u, units[j + 1]) &&
      units[j + 1]?.kind !== "paragraph"
    )
      break;
    if (inCause && u.kind === "paragraph" && isAreaHeading(u, units[j + 1]) && cause.length) break;
    if (inCause) {
      if (u.kind === "paragraph" || u.kind === "item") cause.push(u.text);
      continue;
    }
    if (u.kind !== "item" && /^(?:åtgärder|aktiviteter|insatser)\s*:?$/i.test(u.text.trim())) {
      inMeasures = true;
      continue;
    }
    if (u.kind === "item" && !inMeasures) {
      if (pointLevel < 0) pointLevel = u.level;
      if (u.level === pointLevel) points.push(withoutFullStop(u.text));
    }
  }
  return { title, points, cause: cause.length ? cause.map(tidy).join("\n\n") : null };
}

/** Areas as list items: "**Droger** …", "Narkotika – …", or a short first line with text after it. */
function listAreas(units: Unit[]): FocusArea[] {
  const areas: FocusArea[] = [];
  for (let k = 0; k < units.length; k++) {
    if (units[k]!.kind !== "item") continue;
    let end = k;
    while (end < units.length && units[end]!.kind === "item") end++;
    const run = units.slice(k, end).filter((u) => u.level === units[k]!.level);
    const lead = k > 0 ? units[k - 1]! : null;
    const introduced =
      (lead?.kind === "paragraph" &&
        /områd|problem|fokus|priorit|identifier/i.test(lead.text) &&
        !/\bmål/i.test(lead.text)) ||
      k === 0;
    // Sub-items of an item are its points.
    const childrenAt = (at: number) => {
      const out: string[] = [];
      const level = units[at]!.level;
      for (let c = at + 1; c < end && units[c]!.level > level; c++) {
        if (units[c]!.level === level + 1) out.push(withoutFullStop(units[c]!.text));
      }
      return out;
    };
    let n = 0;
    for (let at = k; at < end; at++) {
      const u = units[at]!;
      if (u.level !== units[k]!.level) continue;
      const points = childrenAt(at);
      const last = ++n === run.length;
      const title =
        titled(u, last ? units[end] : undefined) ?? (introduced || points.length ? whole(u) : null);
      if (title) areas.push({ title, points, cause: null });
    }
    k = end - 1;
  }
  return areas;
}

/** The title of an item that has one: a short first line with more below, or "Title – text". */
function titled(u: Unit, next: Unit | undefined): string | null {
  const text = u.text.trim();
  if (text.endsWith("?")) return null;
  const first = u.lines[0]!.trim();
  if (first.length <= 70 && !/[.:;,]$/.test(first) && (u.lines.length > 1 || next?.kind === "paragraph")) {
    return withoutFullStop(first);
  }
  const dash = /^(.{2,70}?)\s+[–—-]\s+\S/.exec(text) ?? /^([^:]{2,60}):\s+\S/.exec(text);
  return dash ? withoutFullStop(dash[1]!) : null;
}

function whole(u: Unit): string | null {
  const text = u.text.trim();
  return text.length <= 160 && !text.endsWith("?") ? withoutFullStop(text) : null;
}
