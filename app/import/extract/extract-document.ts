import { IMPORT_FORMAT, type ImportKind, type ImportResult } from "../import-v1";
import { blankDays, findDays, findYearRange, findYears } from "./dates";
import { findLpo, findPolisomrade, MunicipalityMatcher, unique, type Reference } from "./parties";
import { findPersonalData } from "./personal-data";
import { defaultReference } from "./reference.server";
import { commitmentMarker, findCommitments, findFocusAreas, findGoals, isStandardSection } from "./sections";
import { findSignatories, isPersonName, type FoundSignatory } from "./signatories";
import { normaliseText, toLines, toUnits, tidy, withoutFullStop, type Line, type Unit } from "./text-model";

/**
 * Reads an agreement or citizen promise out of a document's text (as the readers give it:
 * Markdown-flavoured plain text) into the import format. `null` where the text does not say.
 */
export function extractDocument(
  text: string,
  source: string,
  reference: Reference = defaultReference(),
): ImportResult {
  return new Extraction(text, reference).result(source);
}

const TITLE_WORD =
  /(samverkansöverenskommelse|överenskommelse|medborgarlöfte|samverkansavtal|samverkansplan|avtal om samverkan|trygghetslöfte|samverkan\s+(?:mellan|för|kring|i\b|om\b))/i;
const LETTERHEAD =
  /^(?:datum|date|dnr|diarie|vår beteckning|er beteckning|ert datum|handläggare|sida|kommunstyrelsen|kommunledningskontoret|polismyndigheten|polisregion|box\s|\d{3}\s?\d{2}\s|tel|telefon|e-post|www\.|beslut|bilaga|sammanträdesdatum|upprättad|reviderad|version|antagen|fastställd)/i;

class Extraction {
  private readonly lines: Line[];
  private readonly units: Unit[];
  private readonly matcher: MunicipalityMatcher;
  private readonly uncertain: string[] = [];
  private readonly titleAt: { unit: Unit; units: Unit[]; text: string } | null;
  private readonly signatories: FoundSignatory[];
  private readonly body: string;
  private sentenceCache: Sentence[] | null = null;

  constructor(
    private readonly text: string,
    private readonly reference: Reference,
  ) {
    this.lines = toLines(text);
    this.matcher = matcherFor(reference);
    const units = toUnits(this.lines);
    const found = findTitle(units);
    this.titleAt = found && {
      unit: units[found.unit]!,
      units: units.slice(found.unit, found.unit + found.count),
      text: found.text,
    };
    const title = this.titleAt?.text;
    // Page headers repeat the title: keep its first appearance only.
    this.units = units.filter(
      (u) => !title || u === this.titleAt?.unit || withoutFullStop(u.text) !== withoutFullStop(title),
    );
    const knownPlaces = new Set(reference.lpoNames.map((n) => n.toLowerCase()));
    this.signatories = findSignatories(
      this.lines,
      { isPlace: (t) => this.matcher.isMunicipalityName(t) || knownPlaces.has(t.toLowerCase()) },
      this.titleAt?.unit.line ?? 0,
    );
    this.body = this.units.map((u) => u.text).join("\n");
  }

  result(source: string): ImportResult {
    const title = this.titleAt?.text ?? null;
    if (!title) this.uncertain.push("title");
    const municipalities = this.municipalities(title ?? "");
    const lpo = findLpo(
      this.lines.map((l) => l.text),
      this.reference.lpoNames,
    );
    const kind = this.kind(title ?? "");
    const signatories = this.signatories.map(({ name, title: role, party }) => ({
      name,
      title: role,
      party,
    }));
    if (!signatories.length) this.uncertain.push("signatories");
    const result: ImportResult = {
      format: IMPORT_FORMAT,
      source,
      kind,
      title,
      municipalities,
      policeArea: { lpo, polisomrade: findPolisomrade(this.lines.map((l) => l.text)) },
      period: this.period(title ?? ""),
      signed: this.signed(),
      diarienummer: this.diarienummer(),
      signatories,
      goals: findGoals(this.units),
      focusAreas: findFocusAreas(
        // After the title: a letterhead or page header above it holds no areas.
        this.units.slice(this.titleAt ? this.units.indexOf(this.titleAt.units.at(-1)!) + 1 : 0),
        (u) => this.isNoise(u),
        { wholeIfNone: kind === "promise" },
      ),
      commitments: this.commitments(kind),
      followUp: this.followUp(),
      personalData: findPersonalData(normaliseText(this.text).split("\n")),
      uncertain: [],
    };
    if (!municipalities.length) this.uncertain.push("municipalities");
    if (!lpo) this.uncertain.push("policeArea.lpo");
    if (!result.period.from && !result.period.to) this.uncertain.push("period");
    // Each field once, however many readings doubted it.
    return { ...result, uncertain: [...new Set(this.uncertain)] };
  }

  /**
   * A promise by its title; an agreement with a part of promises ("Medborgarlöften 2023–2025")
   * or lists of what a party "lovar" is both. Undertakings ("åtar sig att") alone keep an
   * agreement an agreement.
   */
  private kind(title: string): ImportKind {
    const promiseTitle = /medborgarlöfte|trygghetslöfte|löfte\b/i.test(title);
    const agreementTitle = /överenskommelse|avtal|samverkan/i.test(title);
    if (promiseTitle && !agreementTitle) return "promise";
    const promiseSection = this.units.some(
      (u) =>
        u !== this.titleAt?.unit &&
        u.kind === "heading" &&
        /^medborgarlöften?\b|^våra löften|^löften\b/i.test(u.text),
    );
    const promises = this.units.some(
      (u) => /(?<!\p{L})lovar(?!\p{L})/iu.test(u.text) && commitmentMarker(u, true),
    );
    if (promiseSection || promises) return agreementTitle || !title ? "agreement+promise" : "promise";
    if (!agreementTitle) this.uncertain.push("kind");
    return "agreement";
  }

  private municipalities(title: string) {
    const toRef = (r: { code: string; name: string }) => ({ code: r.code, name: r.name });
    const inTitle = this.matcher.named(title).map((f) => f.ref);
    if (inTitle.length) return unique(inTitle, (r) => r.code).map(toRef);
    const bare = this.matcher.bareNames(title);
    if (bare.length) return unique(bare, (r) => r.code).map(toRef);
    // Else: those named in the opening paragraphs, or failing that the one named most often.
    // The first of the opening units that names any: a subtitle naming the parties, or the
    // first paragraph ("… mellan Ånge kommun och …").
    const opening = this.units.slice(this.titleAt ? this.units.indexOf(this.titleAt.units.at(-1)!) + 1 : 0);
    const early =
      opening
        .slice(0, 4)
        .map((u) => this.matcher.named(u.text).map((f) => f.ref))
        .find((refs) => refs.length) ?? [];
    if (early.length) {
      this.uncertain.push("municipalities");
      return unique(early, (r) => r.code).map(toRef);
    }
    const all = this.matcher.named(this.body);
    if (!all.length) return [];
    const counts = new Map<string, number>();
    for (const f of all) counts.set(f.ref.code, (counts.get(f.ref.code) ?? 0) + 1);
    const top = Math.max(...counts.values());
    this.uncertain.push("municipalities");
    return unique(
      all.filter((f) => counts.get(f.ref.code) === top).map((f) => f.ref),
      (r) => r.code,
    ).map(toRef);
  }

  private period(title: string): ImportResult["period"] {
    const sentences = this.sentences();
    const aboutDocument =
      /(överenskommels|avtal|löfte|perioden|avtalstid|giltighet|dokument|samverkan\b|planen|den\s+gäller|tidplan|^(?:avtals|giltighets)?period\s*:|^giltighetstid\s*:)/i;
    const timing =
      /(gäller|gälla|sträcker sig|löper|giltig|period|avtalstid|omfattar|från och med|fr\.\s?o\.\s?m|t\.\s?o\.\s?m|till och med|tills vidare|under åren|för åren|avser åren|under år)/i;
    let from: string | null = null;
    let to: string | null = null;
    let precise = false;
    for (const s of sentences) {
      // In a section about the period ("Avtalstid") any date counts; elsewhere only in a sentence about it.
      if (!s.section && !(timing.test(s.text) && aboutDocument.test(s.text))) continue;
      const days = findDays(s.text);
      if (days.length >= 2) {
        if (!precise) {
          from = days[0]!.value;
          to = days[1]!.value;
          precise = true;
        }
        continue;
      }
      const rest = blankDays(s.text, days);
      if (days.length === 1 && !precise) {
        const before = s.text.slice(0, days[0]!.index);
        if (/(till(?: och med)?|t\.\s?o\.\s?m\.?|fram till|[-–—])\s*(?:den\s+)?$/i.test(before)) {
          to = days[0]!.value;
          const range = findYearRange(rest);
          from ??= range?.from ?? null;
        } else {
          from = days[0]!.value;
          const end =
            /(?:till(?: och med)?|t\.\s?o\.\s?m\.?|fram till|[-–—]+)\s*(?:år\s+|utgången av\s+)?(\d{4})(?!\d)/i.exec(
              rest,
            );
          if (end) to = end[1]!;
        }
        precise = !!(from && to);
        continue;
      }
      if (precise) continue;
      const range = findYearRange(rest);
      if (range) {
        from ??= range.from;
        to ??= range.to;
        continue;
      }
      const until =
        /(?:till(?: och med)?|t\.\s?o\.\s?m\.?|fram till|sträcker sig till|gäller till)\s*(?:år\s+|utgången av\s+)?(\d{4})(?!\d)/i.exec(
          rest,
        );
      if (until) to ??= until[1]!;
      const single = /(?:under|för|avser|löper\s+under)\s+(?:år\s+|året\s+)?(\d{4})(?![\d-])/i.exec(rest);
      if (single && !until) {
        from ??= single[1]!;
        to ??= single[1]!;
      }
    }
    // The title's years, where the text gave none or only an end.
    const titleRange = findYearRange(blankDays(title, findDays(title)));
    if (titleRange) {
      from ??= titleRange.from;
      to ??= titleRange.to;
    } else if (!from && !to) {
      const years = findYears(title);
      if (years.length === 1) from = to = years[0]!.value;
    }
    if (from && to && to < from.slice(0, to.length)) [from, to] = [to, from];
    return { from, to, continuesUntilReplaced: this.continues(sentences) };
  }

  private continues(sentences: Sentence[]): boolean {
    return sentences.some(
      (s) =>
        (/(överenskommels|avtal|löfte|den\b|denna|perioden|tidplan|gäller)/i.test(s.text) || s.section) &&
        /(tills vidare|tills?\s+(?:dess\s+(?:att\s+)?)?(?:en\s+)?ny\b|till dess\s+(?:att\s+)?(?:en\s+)?ny|förlängs(?!\s+inte)|löper vidare|fortsätter (?:att )?gälla|gäller (?:även )?därefter|ersätts av en ny)/i.test(
          s.text,
        ) &&
        !/(kan|får|skulle)\s+(?:\S+\s+)?förläng/i.test(s.text),
    );
  }

  /** Sentences of the body, each marked when it stands in a section about the period. */
  private sentences(): Sentence[] {
    if (this.sentenceCache) return this.sentenceCache;
    const out: Sentence[] = [];
    let heading: string | null = null;
    for (const u of this.units) {
      if (u.kind === "heading") {
        heading = u.text;
        continue;
      }
      const section =
        !!heading && /tidplan|tidsplan|giltighet|avtalstid|period|löptid|varaktighet/i.test(heading);
      for (const part of u.text.split(/(?<=[.!?])\s+(?=\p{Lu})/u)) out.push({ text: part, section, heading });
    }
    this.sentenceCache = out;
    return out;
  }

  private signed(): ImportResult["signed"] {
    const dateLine =
      /^(?:(?:[Uu]ndertecknat|[Uu]ndertecknad|[Tt]ecknat|[Oo]rt och datum)\s*(?:i|:)?\s*)?(\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+)?)\s*,?\s+(?:den\s+)?(.{6,24})$/u;
    let place: string | null = null;
    let date: string | null = null;
    for (const line of [...this.lines].reverse()) {
      const t = line.text.trim().replace(/\.$/, "");
      const m = dateLine.exec(t);
      if (!m || /^(?:datum|date|dnr|diarienummer|sida|period)$/i.test(m[1]!)) continue;
      const days = findDays(m[2]!);
      if (days.length !== 1 || days[0]!.index !== 0 || days[0]!.end < m[2]!.length - 1) continue;
      place = m[1]!;
      date = days[0]!.value;
      break;
    }
    if (!date) {
      // "Datum: 15/2 2024", "Datum" and the date on the line below, "Undertecknat 2024-02-15".
      for (let i = 0; i < this.lines.length; i++) {
        const t = this.lines[i]!.text.trim();
        const m = /^(?:datum|undertecknat|underskriftsdatum|datum för undertecknande)\s*:?\s*(.*)$/i.exec(t);
        if (!m) continue;
        const value = m[1] || this.nextText(i);
        const days = findDays(value ?? "");
        if (days.length === 1 && days[0]!.index === 0) {
          date = days[0]!.value;
          break;
        }
      }
      if (date) this.uncertain.push("signed.date");
    }
    if (!place) {
      // "Upplands Väsby den ______": the place is written, the date left to fill in by hand.
      for (const line of this.lines) {
        const m = /^(\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+)?)\s*,?\s+(?:den\s+)?_{3,}\s*$/u.exec(
          line.text.trim(),
        );
        if (m && !/^(?:datum|ort|namn|underskrift)$/i.test(m[1]!)) place = m[1]!;
      }
    }
    if (!place) {
      const m = /^(?:ort|undertecknat i|plats)\s*:\s*(\p{Lu}[\p{L}-]+)/imu.exec(
        this.lines.map((l) => l.text.trim()).join("\n"),
      );
      if (m) place = m[1]!;
    }
    return { date, place };
  }

  private nextText(i: number): string | null {
    for (let j = i + 1; j < Math.min(this.lines.length, i + 3); j++) {
      const t = this.lines[j]!.text.trim();
      if (t) return t;
    }
    return null;
  }

  private diarienummer(): string | null {
    const label =
      /(?:^|[\s(])(?:vårt\s+|ert\s+)?(?:diarienummer|diarienr\.?|dnr\.?|d\.nr\.?|ärendenummer|ärendenr\.?|beteckning)(?:\s*\([^)]*\))?\s*[:.]?\s*(.*)$/i;
    for (let i = 0; i < this.lines.length; i++) {
      const t = this.lines[i]!.text.trim();
      const m = label.exec(t);
      if (!m) continue;
      const value = (m[1]!.trim() || this.nextText(i) || "").split(/\s{2,}|\s+(?:datum|sida)\b/i)[0]!.trim();
      const clean = value.replace(/[.,;]$/, "");
      if (
        /\d/.test(clean) &&
        clean.length <= 40 &&
        /^[\p{L}\d][\p{L}\d .:/-]*$/u.test(clean) &&
        !/^\d{4}-\d{2}-\d{2}$/.test(clean)
      ) {
        return clean;
      }
    }
    return null;
  }

  private commitments(kind: ImportKind) {
    // Under party headings anywhere in a promise; in an agreement, from its promises' part on,
    // or wherever a party "åtar sig att".
    const start =
      kind === "promise"
        ? 0
        : this.units.findIndex(
            (u) =>
              u !== this.titleAt?.unit &&
              u.kind === "heading" &&
              /^medborgarlöften?\b|^löften\b/i.test(u.text),
          );
    const from = start < 0 ? this.units.length : start;
    return findCommitments(this.units, (i) => i >= from).map((c) => ({ party: c.party, text: c.text }));
  }

  private followUp(): ImportResult["followUp"] {
    const sentences = this.sentences();
    const about =
      /(uppfölj|följ\w*\s+(?:\p{L}+\s+)?upp|redovis|utvärder|rapporter|återrapport|avstämning|stäms av)/iu;
    let cadence: ImportResult["followUp"]["cadence"] = null;
    const inSection = (s: Sentence) => !!s.heading && /uppföljning|utvärdering|redovisning/i.test(s.heading);
    const ordered = [...sentences.filter(inSection), ...sentences.filter((s) => !inSection(s))];
    for (const s of ordered) {
      if (!about.test(s.text)) continue;
      cadence = cadenceOf(s.text);
      if (cadence) break;
    }
    let responsible: string | null = null;
    const patterns = [
      // "… i Operativ samverkansgrupp Sigtuna, som ansvarar för uppföljningen"
      /\s(?:i|av|hos)\s(\p{Lu}[\p{L}\d -]{2,60}?),?\s+som\s+(?:också\s+)?(?:ansvarar|har ansvar(?:et)?)\s+för\s+(?:att\s+)?(?:uppföljning|följa upp)/u,
      // "Trygghetsrådet ansvarar för att uppföljning sker"
      /^(.{3,200}?)\s+(?:ansvarar|har ansvar(?:et)?|är ansvarig[a]?)\s+för\s+(?:att\s+)?(?:den\s+)?(?:\S+\s+){0,2}(?:uppföljning|arbetet följs upp|följa upp|att uppföljning|\S+\s+följs upp)/i,
      // "Ansvarig för uppföljningen är …", "Uppföljningen görs av …", "följs upp årligen av …"
      /(?:ansvarig[a]?\s+för\s+uppföljning(?:en)?\s+är|uppföljning(?:en)?\s+(?:görs|sker|genomförs|ansvaras för)\s+av|följs\s+(?:\p{L}+\s+)?upp\s+(?:\p{L}+\s+)?av)\s+(.{3,60}?)(?:[,.]|\s+(?:som|och\s+redovisas|en gång|årligen|årsvis|varje|minst|två|fyra|halv\p{L}*|kvartal\p{L}*|månad\p{L}*|löpande)(?!\p{L})|$)/iu,
    ];
    search: for (const s of ordered) {
      for (const pattern of patterns) {
        const m = pattern.exec(s.text);
        if (!m) continue;
        // "Samverkansrådet, med kommundirektörerna …, ansvarar": the body is before the comma.
        const found = withoutFullStop(m[1]!.replace(/^(?:det är|och)\s+/i, "").split(/,\s/)[0]!);
        if (found.split(/\s+/).length <= 8) {
          responsible = found;
          break search;
        }
      }
    }
    return { cadence, responsible };
  }

  /** Units that are signature blocks, dates and logos: not part of any section's content. */
  private isNoise(u: Unit): boolean {
    const t = u.text.trim();
    if (
      this.signatories.some((s) => Math.abs(s.line - u.line) <= 4 && (u.kind !== "item" || t.length < 60))
    ) {
      if (isPersonName(t, { isPlace: () => false }) || t.length <= 90) return true;
    }
    if (/^(?:polisen|polismyndigheten)$/i.test(t) || this.matcher.isMunicipalityName(t)) return true;
    const days = findDays(t);
    return days.length === 1 && t.length <= 40 && !/\s{2,}/.test(t) && u.alone;
  }
}

const matchers = new WeakMap<Reference, MunicipalityMatcher>();

/** The matcher's patterns are built once per reference list. */
function matcherFor(reference: Reference): MunicipalityMatcher {
  let matcher = matchers.get(reference);
  if (!matcher) {
    matcher = new MunicipalityMatcher(reference.municipalities);
    matchers.set(reference, matcher);
  }
  return matcher;
}

interface Sentence {
  text: string;
  /** It stands in a section about the period ("Tidplan", "Giltighet"). */
  section: boolean;
  /** The heading above it. */
  heading: string | null;
}

function cadenceOf(text: string): ImportResult["followUp"]["cadence"] {
  const every = /var\s+(tredje|sjätte|tolfte)\s+månad/i.exec(text)?.[1]?.toLowerCase();
  if (every) return every === "tredje" ? "quarterly" : every === "sjätte" ? "half-yearly" : "yearly";
  if (
    /(kvartalsvis|varje kvartal|per kvartal|en gång i kvartalet|fyra gånger (?:per|om|i|\/)\s*år)/i.test(text)
  )
    return "quarterly";
  if (
    /(halvårsvis|varje halvår|per halvår|två gånger (?:per|om|i|\/)\s*år|2 gånger (?:per|om|i|\/)\s*år|halvårs|varje termin|per termin|terminsvis|en gång (?:per|varje|i) termin)/i.test(
      text,
    )
  )
    return "half-yearly";
  if (
    /(månadsvis|varje månad|per månad|en gång i månaden|månatlig|1 gång per månad|en gång per månad)/i.test(
      text,
    )
  )
    return "monthly";
  if (
    /(årligen|årsvis|varje år|per år|en gång\s*\/\s*år|1 gång\s*\/\s*år|en gång om året|årlig\b|årliga\b|vid årets slut|årsskifte|årsuppföljning|en gång i året)/i.test(
      text,
    )
  ) {
    return "yearly";
  }
  return null;
}

/** The title: the first heading or short block near the top that names the kind of document. */
function findTitle(units: Unit[]): { unit: number; count: number; text: string } | null {
  const top = units.slice(0, 40);
  const candidate = (u: Unit) =>
    u.kind !== "item" &&
    u.text.length <= 260 &&
    !LETTERHEAD.test(u.text) &&
    !/\s[·|]\s/.test(u.text) &&
    !/\.\s+\p{Lu}/u.test(u.text.replace(/\.$/, ""));
  const named = top.flatMap((u, i) => {
    if (!candidate(u) || !TITLE_WORD.test(u.text)) return [];
    // A sentence that speaks of the agreement is not its title.
    if (
      u.kind === "paragraph" &&
      u.text.length > 60 &&
      /\s(?:är|har|ska|skall|kommer|gäller)\s/.test(u.text) &&
      !u.alone
    ) {
      return [];
    }
    if (
      u.kind === "paragraph" &&
      /^(?:denna|den här|detta|samverkansöverenskommelsen|överenskommelsen|medborgarlöftet)\s/i.test(u.text)
    ) {
      return [];
    }
    return [i];
  });
  // A styled title (a Markdown or Word heading) before the body text wins over a plain line.
  const bodyStarts = top.findIndex((u) => u.kind === "paragraph" && u.text.length > 150);
  const styled = named.find((i) => units[i]!.level > 0 && (bodyStarts < 0 || i < bodyStarts));
  const chosen = styled ?? named[0];
  if (chosen !== undefined) return { unit: chosen, ...joinTitle(units, chosen) };
  // No title word: the first heading, or the first short line that is not letterhead.
  const first = top.findIndex(
    (u) => u.kind === "heading" && candidate(u) && !isPersonName(u.text, { isPlace: () => false }),
  );
  if (first >= 0) return { unit: first, count: 1, text: withoutFullStop(units[first]!.text) };
  return null;
}

/** A title broken over lines or blocks ("… mellan Polisen och" / "Ånge kommun 2023–2026") is read whole. */
function joinTitle(units: Unit[], i: number): { text: string; count: number } {
  const done = (text: string, count: number) => ({ text: withoutFullStop(text), count });
  // Within the block: lines after the first belong to the title only when it reads on into them.
  const lines = units[i]!.lines;
  let text = tidy(lines[0]!);
  for (const line of lines.slice(1)) {
    if (!readsOn(text, line)) return done(text, 1);
    text = `${text} ${tidy(line)}`;
  }
  // A styled title wrapped over lines (PDF) comes as headings of one level in a row.
  const level = units[i]!.level;
  let k = i + 1;
  while (
    level > 0 &&
    k < units.length &&
    k <= i + 3 &&
    units[k]!.kind === "heading" &&
    units[k]!.level === level &&
    !units[k]!.marker &&
    text.length < 200 &&
    !/\d{4}$/.test(text) &&
    !isStandardSection(units[k]!.text) &&
    !TITLE_WORD.test(units[k]!.text) &&
    units[k]!.text.length <= 80
  ) {
    text = `${text} ${tidy(units[k]!.text)}`;
    k++;
  }
  if (k > i + 1) return done(text, k - i);
  const next = units[i + 1];
  if (
    next &&
    next.kind !== "item" &&
    next.text.length <= 120 &&
    readsOn(text, next.text) &&
    !/[.:]$/.test(next.text)
  ) {
    return done(`${text} ${tidy(next.text)}`, 2);
  }
  return done(text, 1);
}

function readsOn(text: string, next: string): boolean {
  return (
    /(?:\b(?:och|mellan|för|i|om|samt|med|kring|avseende|gällande)|[-–—,])$/i.test(text) ||
    /^(?:\p{Ll}|\d{4}\s*[-–—]|och\b|mellan\b|för\b)/u.test(next)
  );
}
