import { describe, expect, it } from "vitest";
import { analyseCommitment } from "./commitment-analysis";
import { commitmentMeasureSchema, type CommitmentMeasure } from "./commitment-analysis.schemas";

const schedule = (
  times: number,
  per: "day" | "week" | "month" | "term" | "year",
  extra: { every?: number; exceptMonths?: number[]; onlyMonths?: number[] } = {},
): CommitmentMeasure => ({
  kind: "schedule",
  times,
  every: extra.every ?? 1,
  per,
  exceptMonths: extra.exceptMonths ?? [],
  onlyMonths: extra.onlyMonths ?? [],
});
const target = (
  value: number,
  unit: string,
  direction: "increase" | "decrease" | "reach",
  by = "period-end",
): CommitmentMeasure => ({ kind: "target", value, unit, by, direction });
const deadline = (month: number, day: number): CommitmentMeasure => ({ kind: "deadline", month, day });
const spring = [3, 4, 5];
const autumn = [9, 10, 11];

// The Sollefteå promise's two measurable commitments, verbatim (shared/seeds/004_…).
const RAMSELE =
  "Ha polis närvarande på medborgarkontoret i Ramsele 1 gång per månad (undantaget juni-augusti). Syftet är medborgarkontakt och trygghetsskapande arbete.";
const GRANNSAMVERKAN =
  "I tätorter utanför centralorten genomföra informationsträffar kring grannsamverkan och byavakt. Målet är att under året få 10 nya samverkansgrupper i kommunen, utöver redan existerande.";

const measurable: [text: string, expected: CommitmentMeasure[]][] = [
  // Schedules.
  [RAMSELE, [schedule(1, "month", { exceptMonths: [6, 7, 8] })]],
  ["1 gång per månad (undantaget juni–augusti)", [schedule(1, "month", { exceptMonths: [6, 7, 8] })]],
  ["En gång i månaden utom i juli.", [schedule(1, "month", { exceptMonths: [7] })]],
  ["Två gånger per månad, utom sommarmånaderna.", [schedule(2, "month", { exceptMonths: [6, 7, 8] })]],
  ["En gång i veckan undantaget november–februari.", [schedule(1, "week", { exceptMonths: [1, 2, 11, 12] })]],
  ["Fotpatrullera i centrum minst fyra kvällar i veckan.", [schedule(4, "week")]],
  ["Besöka skolorna varannan vecka.", [schedule(1, "week", { every: 2 })]],
  ["Träffa elevråden en gång per termin.", [schedule(1, "term")]],
  ["Genomföra medborgardialog två gånger per år.", [schedule(2, "year")]],
  ["Hålla öppet hus en gång i månaden.", [schedule(1, "month")]],
  ["Uppdatera lägesbilden varje vecka.", [schedule(1, "week")]],
  ["Dela information med socialtjänsten dagligen.", [schedule(1, "day")]],
  ["Redovisas skriftligt en gång/år.", [schedule(1, "year")]],
  ["Träffas tre gånger under året.", [schedule(3, "year")]],
  ["Genomföra riktade trafikkontroller var tredje vecka.", [schedule(1, "week", { every: 3 })]],
  ["Rapportera till styrgruppen en gång per kvartal.", [schedule(1, "month", { every: 3 })]],
  ["Medborgarlöftena följs gemensamt upp av kommunen och polisen årsvis.", [schedule(1, "year")]],
  ["Vuxna på stan varje fredagskväll.", [schedule(1, "week")]],
  [
    "Polis på plats två dagar i veckan mellan maj och september.",
    [schedule(2, "week", { onlyMonths: [5, 6, 7, 8, 9] })],
  ],
  ["Erbjuda tolv tillfällen per år för föräldrautbildning.", [schedule(12, "year")]],
  // A dated range is one stretch of time, not a recurring restriction.
  ["Två besök i månaden under juni–augusti 2023.", [schedule(2, "month")]],
  // No count: once in each season named. Seasons are meteorological (see the module).
  [
    "Genomföra trygghetsvandringar under våren och hösten.",
    [schedule(2, "year", { onlyMonths: [...spring, ...autumn] })],
  ],
  [
    "Cykelpatrullera varje vecka under våren och hösten.",
    [schedule(1, "week", { onlyMonths: [...spring, ...autumn] })],
  ],
  ["Genomföra två trafikkontroller under hösten.", [schedule(2, "year", { onlyMonths: autumn })]],
  ["Genomföra fyra trygghetsvandringar per år.", [schedule(4, "year")]],
  // Targets.
  [GRANNSAMVERKAN, [target(10, "samverkansgrupper", "increase")]],
  ["10 nya samverkansgrupper", [target(10, "samverkansgrupper", "increase")]],
  ["Minska antalet bostadsinbrott med 20 %.", [target(20, "%", "decrease")]],
  ["Minska skadegörelsen i centrum med 20 procent.", [target(20, "%", "decrease")]],
  ["Minska antalet anmälda bostadsinbrott med 15.", [target(15, "bostadsinbrott", "decrease")]],
  ["Öka antalet grannsamverkansområden till 50.", [target(50, "grannsamverkansområden", "reach")]],
  ["Öka andelen som känner sig trygga till 80 %.", [target(80, "%", "reach")]],
  ["Genomföra fem trygghetsvandringar i ytterområdena.", [target(5, "trygghetsvandringar", "reach")]],
  ["Utbilda tjugofem föreningsledare i ANDT-frågor.", [target(25, "föreningsledare", "reach")]],
  ["Utbilda minst 1 000 elever i trafiksäkerhet.", [target(1000, "elever", "reach")]],
  ["Genomföra minst 100 timmar fotpatrullering.", [target(100, "timmar", "reach")]],
  ["Sätta upp ytterligare tre kameror vid resecentrum.", [target(3, "kameror", "increase")]],
  ["Halvera antalet bilbränder.", [target(50, "%", "decrease")]],
  // Deadlines.
  ["Ta fram en kommunikationsstrategi senast 30 juni.", [deadline(6, 30)]],
  ["Ta fram en kommunikationsstrategi senast den 30 juni.", [deadline(6, 30)]],
  ["Lämna lägesbilden senast den 1:a mars.", [deadline(3, 1)]],
  ["Rapportera senast 15/10.", [deadline(10, 15)]],
  [
    "Öka antalet grannsamverkansområden till 50 senast den 31 december 2026.",
    [target(50, "grannsamverkansområden", "reach", "2026-12-31"), deadline(12, 31)],
  ],
  // During the period.
  ["Under året genomföra en föreläsning om bedrägerier.", [{ kind: "during-period" }]],
  ["Genomföra en informationskampanj under perioden.", [{ kind: "during-period" }]],
];

const vague: string[] = [
  "Genomföra trygghetsvandring i centrum.",
  "Genomföra en trygghetsvandring i centrum.",
  "Verka för ökad trygghet.",
  "Utveckla samverkan mellan ungdomspoliser, socialtjänst och skola.",
  "Utveckla samverkan mellan bland annat ungdomspoliser, socialtjänst och skola.",
  "Påbörja arbete med ungdomspoliser i kommunen för att stärka upp det brottsförebyggande arbetet.",
  'Utveckla "Vuxna på stan" med ambition att ekonomiskt ersätta föreningar som ställer upp med vuxna som är närvarande på specifika helgkvällar och evenemang som identifierats som viktiga.',
  "Detta första medborgarlöfte löper under 2017 och därefter utvärderas utfallet.",
  "Öka tryggheten till 2026.",
  "Arbeta för att minska brottsligheten och öka tryggheten i Bräcke kommun.",
  "Enligt paragraf 3 ska kommunen samordna det brottsförebyggande arbetet.",
  "Ring polisen på 114 14 eller kommunens växel 0620-68 20 00.",
  "Polisen kan nås 24 timmar om dygnet.",
  "Under våren 2022 genomfördes en trygghetsundersökning.",
  "Lagen trädde i kraft 1 juli 2023.",
  "Ha öppet utom i juli.",
  "Arbeta under vår ledning.",
  "Ta fram en plan senast 31 februari.",
];

describe("analyseCommitment", () => {
  it.each(measurable)("%s", (text, expected) => {
    expect(analyseCommitment(text)).toEqual(expected);
  });

  it.each(vague)("finds nothing in %s", (text) => {
    expect(analyseCommitment(text)).toEqual([]);
  });

  it("returns values the schema accepts unchanged", () => {
    for (const [text] of measurable) {
      for (const measure of analyseCommitment(text)) {
        expect(commitmentMeasureSchema.parse(measure)).toEqual(measure);
      }
    }
  });

  it("reads a schedule and a target from different sentences of one commitment", () => {
    expect(
      analyseCommitment("Besöka byarna en gång per månad. Målet är 5 nya grannsamverkansområden under året."),
    ).toEqual([schedule(1, "month"), target(5, "grannsamverkansområden", "increase")]);
  });

  it("keeps month qualifiers to the sentence they are in", () => {
    expect(analyseCommitment("Besöka skolan en gång per månad. Skolan har stängt i juli.")).toEqual([
      schedule(1, "month"),
    ]);
  });

  it("never throws on odd input", () => {
    for (const text of ["", " ", "(((", "senast den", "1 gång per", "varannan", "😀".repeat(1000)]) {
      expect(analyseCommitment(text)).toEqual([]);
    }
  });
});
