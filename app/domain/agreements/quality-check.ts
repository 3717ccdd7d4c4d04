import { analyseCommitment } from "~/domain/citizen-promises/commitment-analysis";
import type { CitizenPromiseContent, Commitment } from "~/domain/citizen-promises/citizen-promise.schemas";
import type { AgreementContent, FocusArea } from "./agreement.schemas";

/**
 * The checklist beside the editor: what BRÅ's guidance says an agreement and its citizen
 * promises should state, with a concrete Swedish hint for each gap. Pure and browser-safe.
 */

export type QualityCheckItem = {
  id: string;
  ok: boolean;
  /** What is checked, in Swedish. */
  label: string;
  /** What to add and where, in Swedish; null when the item passes. */
  hint: string | null;
};
export type QualityCheck = { items: QualityCheckItem[] };

const GOAL_EXAMPLE = "”Minska antalet anmälda bostadsinbrott med 20 % till 2026”";
const COMMITMENT_EXAMPLES = "”1 gång per månad”, ”10 nya samverkansgrupper” eller ”senast 30 juni”";

/** Checks an agreement's content against BRÅ's list: problems, causes, goals, documentation, follow-up, period, signatories. */
export function checkAgreement(content: AgreementContent): QualityCheck {
  return {
    items: [
      checkProblems(content.focusAreas),
      checkCauses(content.focusAreas),
      checkGoals(content.goals.map((g) => g.text)),
      item(
        "documentation-described",
        "Det framgår hur arbetet dokumenteras",
        content.documentation.trim() !== "",
        "Beskriv under ”Dokumentation” hur arbetet dokumenteras, t.ex. i en gemensam åtgärdsplan som trygghetsrådet följer.",
      ),
      checkFollowUp(content.followUp),
      checkPeriod(content.period),
      checkSignatories(content.signatories),
    ],
  };
}

/** Checks a citizen promise: every commitment has an owner, a focus area among `focusAreaKeys`, and a measurable core. */
export function checkCitizenPromise(content: CitizenPromiseContent, focusAreaKeys: string[]): QualityCheck {
  const commitments = content.commitments;
  const known = new Set(focusAreaKeys);
  const ownerless = commitments.filter((c) => c.owner === "other" && c.ownerName.trim() === "");
  const unlinked = commitments.filter((c) => c.focusAreaKeys.length === 0);
  const linkedToUnknown = commitments.filter(
    (c) => c.focusAreaKeys.length > 0 && c.focusAreaKeys.some((key) => !known.has(key)),
  );
  const unmeasurable = commitments.filter((c) => !isMeasurable(c));

  return {
    items: [
      item(
        "commitments-stated",
        "Det finns minst ett löfte",
        commitments.length > 0,
        "Lägg till löften under ”Polisen lovar att”, ”Kommunen lovar att” eller ”Tillsammans lovar vi att”.",
      ),
      item(
        "commitments-owned",
        "Varje löfte har någon som lovar",
        ownerless.length === 0,
        endSentence(`Ange vilken aktör som lovar i ${commitmentsNamed(ownerless)}`),
      ),
      item(
        "commitments-linked",
        "Varje löfte hör till ett fokusområde i överenskommelsen",
        unlinked.length === 0 && linkedToUnknown.length === 0 && (commitments.length === 0 || known.size > 0),
        linkHint(unlinked, linkedToUnknown, known.size),
      ),
      item(
        "commitments-measurable",
        "Varje löfte är mätbart (antal, hur ofta eller datum)",
        unmeasurable.length === 0,
        `Skriv in ett antal, hur ofta eller ett datum (t.ex. ${COMMITMENT_EXAMPLES}) i ${commitmentsNamed(unmeasurable)}, eller ange måtten för hand.`,
      ),
    ],
  };
}

/** What a goal lacks to be measurable (a number, a direction, a time) and the vague phrase it uses, if any. */
export function goalGaps(text: string): { missing: string[]; vague: string | null } {
  const t = text.toLocaleLowerCase("sv").replace(/\s+/gu, " ");
  const missing = [
    ...(hasNumber(t) ? [] : ["ett tal"]),
    ...(DIRECTION.test(t) ? [] : ["en riktning (minska, öka …)"]),
    ...(TIME.test(t) ? [] : ["en tid"]),
  ];
  return { missing, vague: VAGUE.exec(t)?.[0] ?? null };
}

// ---------------------------------------------------------------------------------------------

function checkProblems(focusAreas: FocusArea[]): QualityCheckItem {
  return item(
    "problems-stated",
    "Problemen i fokus är beskrivna",
    focusAreas.length > 0,
    "Lägg till minst ett fokusområde under ”Fokusområden” med det problem ni ska arbeta med och punkter som beskriver det.",
  );
}

function checkCauses(focusAreas: FocusArea[]): QualityCheckItem {
  const missing = focusAreas.filter((area) => !hasCause(area));
  return item(
    "causes-stated",
    "En trolig orsak är angiven för varje fokusområde",
    focusAreas.length > 0 && missing.length === 0,
    focusAreas.length === 0
      ? "Lägg först till fokusområden och ange sedan en trolig orsak för vart och ett."
      : `Ange en trolig orsak under ”Orsaksanalys” för ${list(missing.map((a) => quote(a.title)))}: i fritext eller med brottstriangeln (gärningsperson, mål eller offer, plats).`,
  );
}

function hasCause(area: FocusArea): boolean {
  const { text, offender, target, place, handler, guardian, manager } = area.cause;
  return [text, offender, target, place, handler, guardian, manager].some((field) => field.trim() !== "");
}

function checkGoals(goals: string[]): QualityCheckItem {
  const label = "Målen är avgränsade och mätbara";
  if (goals.length === 0) {
    return item(
      "goals-measurable",
      label,
      false,
      `Lägg till minst ett mål under ”Övergripande mål” med ett tal, en riktning och en tid, t.ex. ${GOAL_EXAMPLE}.`,
    );
  }
  const failing = goals.flatMap((text) => {
    const { missing, vague } = goalGaps(text);
    if (missing.length === 0 && vague === null) return [];
    if (missing.length === 0) return [`Målet ${quote(text)} säger ”${vague}”, som inte går att mäta.`];
    const alsoVague = vague === null ? "" : `, och ”${vague}” går inte att mäta`;
    return [`Målet ${quote(text)} saknar ${list(missing)}${alsoVague}.`];
  });
  return item(
    "goals-measurable",
    label,
    failing.length === 0,
    `Gör målen under ”Övergripande mål” mätbara, t.ex. ${GOAL_EXAMPLE}. ${failing.join(" ")}`,
  );
}

function checkFollowUp(followUp: AgreementContent["followUp"]): QualityCheckItem {
  const missing = [
    ...(followUp.cadence === null ? ["hur ofta uppföljningen görs"] : []),
    ...(followUp.responsible.trim() === "" ? ["vem som ansvarar för den (t.ex. trygghetsrådet)"] : []),
  ];
  return item(
    "follow-up-described",
    "Uppföljningen är beskriven: hur ofta och vem som ansvarar",
    missing.length === 0,
    `Ange under ”Uppföljning” ${list(missing)}.`,
  );
}

function checkPeriod(period: AgreementContent["period"]): QualityCheckItem {
  const missing = [
    ...(period.from === null ? ["när överenskommelsen börjar"] : []),
    ...(period.to === null && !period.continuesUntilReplaced
      ? ["när den slutar, eller att den förlängs tills vidare"]
      : []),
  ];
  return item(
    "period-stated",
    "Perioden är angiven",
    missing.length === 0,
    `Ange under ”Period” ${list(missing)}.`,
  );
}

// Titles as the seeds write them: "Chef för lokalpolisområde Medelpad", "Lokalpolisområdeschef
// Umeå", "Chef LPO Södra Ångermanland"; "Kommunstyrelsens ordförande", "Kommunalråd Ånge kommun".
const POLICE_CHIEF = /lokalpolisområde|(?<!\p{L})lpo(?!\p{L})|chef/iu;
const MUNICIPAL_CHAIR = /kommunstyrelsens ordförande|(?<!\p{L})kso(?!\p{L})|kommunalråd|ordförande/iu;

function checkSignatories(signatories: AgreementContent["signatories"]): QualityCheckItem {
  const police = signatories.some((s) => s.party === "police" && POLICE_CHIEF.test(s.title));
  const chair = signatories.some((s) => s.party === "municipality" && MUNICIPAL_CHAIR.test(s.title));
  const missing = [
    ...(police ? [] : ["chefen för lokalpolisområdet som undertecknare för polisen"]),
    ...(chair
      ? []
      : ["kommunstyrelsens ordförande eller motsvarande (t.ex. kommunalråd) som undertecknare för kommunen"]),
  ];
  return item(
    "signed-by-chiefs",
    "Undertecknad av lokalpolisområdets chef och kommunstyrelsens ordförande (eller motsvarande)",
    missing.length === 0,
    `Lägg till ${list(missing)} under ”Undertecknare”, med titel.`,
  );
}

function linkHint(unlinked: Commitment[], linkedToUnknown: Commitment[], knownCount: number): string {
  if (knownCount === 0) {
    return "Koppla medborgarlöftet till en samverkansöverenskommelse med fokusområden och välj sedan ett fokusområde för varje löfte.";
  }
  const parts = [
    ...(unlinked.length > 0 ? [endSentence(`Välj ett fokusområde för ${commitmentsNamed(unlinked)}`)] : []),
    ...(linkedToUnknown.length > 0
      ? [
          `Fokusområdet för ${commitmentsNamed(linkedToUnknown)} finns inte i överenskommelsen; välj ett som finns.`,
        ]
      : []),
  ];
  return parts.join(" ");
}

/** "löftet ”…”" or "löftena ”…” och ”…”". */
function commitmentsNamed(commitments: Commitment[]): string {
  return `${commitments.length === 1 ? "löftet" : "löftena"} ${list(commitments.map((c) => quote(c.text)))}`;
}

function isMeasurable(commitment: Commitment): boolean {
  return commitment.measures.length > 0 || analyseCommitment(commitment.text).length > 0;
}

// A year, a date or a day of a month is a time, not the number a goal is measured by.
const TIMES_AND_DATES =
  /\d{4}-\d{2}-\d{2}|(?<!\d)(?:19|20)\d\d(?!\d)|\d{1,2}(?::[ae])? (?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)/gu;
const NUMBER_WORD =
  /(?<!\p{L})(?:två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|tjugo|trettio|fyrtio|femtio|hundra)(?!\p{L})/u;
/** "halvera" and "fördubbla" carry their own number. */
const RELATIVE = /(?<!\p{L})(?:halver|fördubbl)\p{L}*/u;
const DIRECTION =
  /(?<!\p{L})(?:(?:minsk|ök|halver|fördubbl|sänk|höj|reducer)\p{L}*|färre|fler|lägre|högre)(?!\p{L})/u;
const TIME =
  /(?<![\p{L}\d])(?:(?:19|20)\d\d|senast|under (?:hela )?(?:perioden|avtalsperioden|året|mandatperioden)|per år|varje år|årligen|årsvis|inom \S+ (?:år|månader)|vid (?:periodens|årets) slut)(?![\p{L}\d])/u;
const VAGUE =
  /(?<!\p{L})(?:(?:verka|arbeta|jobba)(?: aktivt)? för|bidra till|sträva (?:efter|mot))(?!\p{L})/u;

function hasNumber(text: string): boolean {
  const withoutTimes = text.replace(TIMES_AND_DATES, " ");
  return /\d/u.test(withoutTimes) || NUMBER_WORD.test(withoutTimes) || RELATIVE.test(withoutTimes);
}

function item(id: string, label: string, ok: boolean, hint: string): QualityCheckItem {
  return { id, ok, label, hint: ok ? null : hint };
}

const QUOTE_MAX = 120;

function quote(text: string): string {
  const flat = text.replace(/\s+/gu, " ").trim();
  return `”${flat.length > QUOTE_MAX ? `${flat.slice(0, QUOTE_MAX - 1).trimEnd()}…` : flat}”`;
}

/** Adds a full stop unless the sentence ends with a quotation that has one. */
function endSentence(text: string): string {
  return /[.!?…]”$/u.test(text) ? text : `${text}.`;
}

/** "a", "a och b", "a, b och c". */
function list(parts: string[]): string {
  if (parts.length <= 1) return parts.join("");
  return `${parts.slice(0, -1).join(", ")} och ${parts.at(-1)}`;
}
