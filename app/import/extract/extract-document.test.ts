import { describe, expect, it } from "vitest";
import { extractDocument } from "./extract-document";

/** Documents written unlike the seeds: letterhead, numbered and ALL CAPS headings, columns, several municipalities. */

const KIRUNA = `Kommunledningskontoret
Storgatan 1
981 85 Kiruna
Datum: 2024-02-15
Dnr KS 2023/0123

SAMVERKANSÖVERENSKOMMELSE MELLAN POLISEN OCH
KIRUNA KOMMUN 2024–2027

1. Inledning

Kiruna kommun och lokalpolisområde Malmfälten har kommit överens om att samverka.

2. Övergripande mål

- Minska brottsligheten i Kiruna kommun.
- Öka tryggheten bland invånarna.

3. Fokusområden

3.1 Trafik

- Hastigheter i centrum
- Parkering vid skolor

Orsak: Många bilister kör för fort genom centrum.

3.2 Narkotika bland unga

- Tillgång till cannabis

4. Uppföljning

Brottsförebyggande rådet ansvarar för uppföljningen, som sker två gånger per år.

5. Giltighet

Överenskommelsen gäller från och med 15/2 2024 till och med 31 december 2027. Därefter förlängs den automatiskt ett år i taget.

Kiruna 2024-02-15

Anna Andersson                     Bertil Berg
Kommunstyrelsens ordförande        Chef lokalpolisområde Malmfälten
Kiruna kommun                      Polisregion Nord

Kontakt: Anna Andersson, 070-123 45 67, personnummer 19121212-1212.
`;

const RINKEBY = `# Medborgarlöfte för Rinkeby-Kista stadsdelsförvaltning och lokalpolisområde Rinkeby 2025

## Bakgrund

Stockholms stad och polisen har genomfört medborgardialoger.

## Våra löften

**Polisen lovar att:**

1. Genomföra fotpatrullering i Kista centrum varje fredag.
2. Delta i trygghetsvandringar två gånger per termin.

**Stadsdelsförvaltningen åtar sig att:**

- Förbättra belysningen längs gångvägarna.

**Tillsammans lovar vi att:**

- Bjuda in till medborgardialog en gång per år.

## Uppföljning

Löftena följs upp kvartalsvis av lokala brottsförebyggande rådet.

Stockholm den 1 mars 2025

Kommunpolis Rinkeby, Carl Carlsson
Stadsdelsdirektör, Diana Dahl
`;

const UMEALAND = `Samverkansöverenskommelse mellan Polismyndigheten och Bjurholms, Nordmalings och Vännäs kommuner

Diarienummer: A123.456/2022

Parter

Denna överenskommelse ingås mellan Bjurholms kommun, Nordmalings kommun, Vännäs kommun och Polismyndigheten, lokalpolisområde Umeå, polisområde Västerbotten.

Giltighet

Överenskommelsen gäller 2023-03-03---2025-12-31 och därefter tills vidare till dess att en ny överenskommelse har tecknats.

FOKUSOMRÅDEN

Fokusområde 1: Trygghet i centrum

Invånarna upplever otrygghet i centrala Vännäs på kvällstid.

- Belysning i parker
- Ungdomar som samlas vid stationen

Fokusområde 2: Våld i nära relationer

- Fler anmälningar
- Stöd till våldsutsatta

ORSAKSANALYS

Bristande kunskap hos personal.

UPPFÖLJNING

Arbetet följs upp varje kvartal. Ansvarig för uppföljningen är styrgruppen för trygghet.

För Polismyndigheten

Lokalpolisområdeschef
Erik Ek

För Bjurholms kommun

Kommunstyrelsens ordförande
Fia Fors

För Nordmalings kommun

Kommunstyrelsens ordförande
Gustav Gran

För Vännäs kommun

Kommunalråd
Helena Holm
`;

const GOTLAND = `Region Gotland

Medborgarlöften 2024
Region Gotland och lokalpolisområde Gotland

Vi har lyssnat på gotlänningarna vid dialoger i Visby och Slite.

Trafik

Polisen lovar att
1. Genomföra hastighetskontroller vid skolor varje vecka under terminerna
2. Öka närvaron vid färjeterminalen under sommaren

Region Gotland lovar att
1. Se över belysningen vid busstationen

Vi lovar gemensamt att
- Genomföra en trygghetsvandring i Visby innerstad

Medborgarlöftet gäller under 2024 och följs upp i december.

Visby den 15 januari 2024

Ingrid Isaksson, polisområdeschef
Johan Jonsson, regionstyrelsens ordförande
`;

describe("extractDocument", () => {
  it("reads a letterhead agreement with numbered headings and side-by-side signatures", () => {
    const result = extractDocument(KIRUNA, "kiruna.txt");
    expect(result).toMatchObject({
      kind: "agreement",
      title: "SAMVERKANSÖVERENSKOMMELSE MELLAN POLISEN OCH KIRUNA KOMMUN 2024–2027",
      municipalities: [{ code: "2584", name: "Kiruna" }],
      policeArea: { lpo: "Malmfälten", polisomrade: null },
      period: { from: "2024-02-15", to: "2027-12-31", continuesUntilReplaced: true },
      signed: { date: "2024-02-15", place: "Kiruna" },
      diarienummer: "KS 2023/0123",
      goals: ["Minska brottsligheten i Kiruna kommun", "Öka tryggheten bland invånarna"],
      followUp: { cadence: "half-yearly", responsible: "Brottsförebyggande rådet" },
    });
    expect(result.signatories.map((s) => [s.name, s.party])).toEqual([
      ["Anna Andersson", "municipality"],
      ["Bertil Berg", "police"],
    ]);
    expect(result.focusAreas).toEqual([
      {
        title: "Trafik",
        points: ["Hastigheter i centrum", "Parkering vid skolor"],
        cause: "Många bilister kör för fort genom centrum.",
      },
      { title: "Narkotika bland unga", points: ["Tillgång till cannabis"], cause: null },
    ]);
    expect(result.personalData).toEqual([
      { kind: "personnummer", text: "19121212-1212", line: 46 },
      { kind: "phone", text: "070-123 45 67", line: 46 },
    ]);
  });

  it("reads a stadsdel's promise in Markdown with commitments by party", () => {
    const result = extractDocument(RINKEBY, "rinkeby.md");
    expect(result).toMatchObject({
      kind: "promise",
      municipalities: [{ code: "0180", name: "Stockholm" }],
      policeArea: { lpo: "Rinkeby" },
      period: { from: "2025", to: "2025", continuesUntilReplaced: false },
      signed: { date: "2025-03-01", place: "Stockholm" },
      diarienummer: null,
      followUp: { cadence: "quarterly" },
    });
    expect(result.commitments).toEqual([
      { party: "police", text: "Genomföra fotpatrullering i Kista centrum varje fredag." },
      { party: "police", text: "Delta i trygghetsvandringar två gånger per termin." },
      { party: "municipality", text: "Förbättra belysningen längs gångvägarna." },
      { party: "joint", text: "Bjuda in till medborgardialog en gång per år." },
    ]);
    expect(result.signatories.map((s) => [s.name, s.party])).toEqual([
      ["Carl Carlsson", "police"],
      ["Diana Dahl", "municipality"],
    ]);
  });

  it("reads an agreement of three municipalities, focus areas with a prefix, titles above names", () => {
    const result = extractDocument(UMEALAND, "umealand.txt");
    expect(result.municipalities.map((m) => m.code)).toEqual(["2403", "2401", "2460"]);
    expect(result).toMatchObject({
      policeArea: { lpo: "Umeå", polisomrade: "Västerbotten" },
      period: { from: "2023-03-03", to: "2025-12-31", continuesUntilReplaced: true },
      signed: { date: null, place: null },
      diarienummer: "A123.456/2022",
      followUp: { cadence: "quarterly", responsible: "styrgruppen för trygghet" },
    });
    expect(result.focusAreas.map((a) => a.title)).toEqual(["Trygghet i centrum", "Våld i nära relationer"]);
    expect(result.focusAreas[1]!.cause).toBe("Bristande kunskap hos personal.");
    expect(result.signatories.map((s) => [s.name, s.party])).toEqual([
      ["Erik Ek", "police"],
      ["Fia Fors", "municipality"],
      ["Gustav Gran", "municipality"],
      ["Helena Holm", "municipality"],
    ]);
  });

  it("reads Region Gotland's promise: the title without its subtitle, areas over commitment lists", () => {
    const result = extractDocument(GOTLAND, "gotland.txt");
    expect(result).toMatchObject({
      kind: "promise",
      title: "Medborgarlöften 2024",
      municipalities: [{ code: "0980", name: "Gotland" }],
      signed: { date: "2024-01-15", place: "Visby" },
      followUp: { cadence: null, responsible: null },
    });
    expect(result.focusAreas.map((a) => a.title)).toEqual(["Trafik"]);
    expect(result.commitments.map((c) => c.party)).toEqual(["police", "police", "municipality", "joint"]);
  });

  it("says null and marks what it could not find, instead of guessing", () => {
    const result = extractDocument("Anteckningar från mötet\n\nVi pratade om läget.", "anteckningar.txt");
    expect(result).toMatchObject({
      municipalities: [],
      policeArea: { lpo: null, polisomrade: null },
      period: { from: null, to: null, continuesUntilReplaced: false },
      signed: { date: null, place: null },
      diarienummer: null,
      signatories: [],
      focusAreas: [],
      commitments: [],
    });
    expect(result.uncertain).toEqual(
      expect.arrayContaining(["municipalities", "policeArea.lpo", "period", "signatories"]),
    );
    expect(new Set(result.uncertain).size, "each field once").toBe(result.uncertain.length);
  });

  it("treats hostile text as text", () => {
    const text =
      "<script>alert(1)</script>\n\nSamverkansöverenskommelse '; DROP TABLE agreement; -- Ånge kommun";
    const result = extractDocument(text, "../../etc/passwd");
    expect(result.title).toBe("Samverkansöverenskommelse '; DROP TABLE agreement; -- Ånge kommun");
    expect(result.source).toBe("../../etc/passwd");
    expect(result.municipalities).toEqual([{ code: "2260", name: "Ånge" }]);
  });
});
