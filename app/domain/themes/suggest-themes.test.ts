import { describe, expect, it } from "vitest";
import { stemWord, suggestThemes, THEME_KEYWORDS } from "./suggest-themes";
import { THEMES } from "./themes";

/** A focus area as the editor reads it: its title and its points, one a line. */
const area = (title: string, ...points: string[]) => [title, ...points].join("\n");

describe("suggestThemes", () => {
  it("reads Ånge's focus areas (title and points) as their themes", () => {
    expect(
      suggestThemes(
        area("Droger och alkohol bland unga", "Missbruk i Ånge kommun", "Ungdomars missbruk av narkotika"),
      ),
    ).toEqual(["narkotika-andt", "ungdomsbrottslighet"]);
    expect(
      suggestThemes(
        area("Trafik", "Farliga övergångar och vägar", "Hastighetsöverträdelser", "Buskörning med fordon"),
      ),
    ).toEqual(["trafik"]);
    expect(
      suggestThemes(
        area(
          "Otrygghet",
          "Önskemål om mer synliga och fotpatrullerande poliser",
          "Rädsla för bostadsinbrott",
          "Bra bemötande från polisen",
          "Integration i samhället",
        ),
      ),
    ).toEqual(["bostadsinbrott", "polisnarvaro", "fortroende-integration"]);
    expect(
      suggestThemes(
        area(
          "Polisens prioriteringar",
          "Öppettider polisstationen Ånge",
          "Tillgänglig resurs områdespoliser",
        ),
      ),
    ).toEqual(["polisnarvaro"]);
  });

  it("reads inflected and compound words through their stems", () => {
    expect(suggestThemes("Hastighetsöverträdelser")).toEqual(["trafik"]);
    expect(suggestThemes("Buskörning med fordon")).toEqual(["trafik"]);
    expect(suggestThemes("Rädsla för bostadsinbrott")).toEqual(["bostadsinbrott"]);
    expect(suggestThemes("Fler villainbrott på landsbygden")).toEqual(["bostadsinbrott"]);
    expect(suggestThemes("Narkotikahandeln i centrum")).toEqual(["narkotika-andt"]);
    expect(suggestThemes("Ökad trafiksäkerhet vid skolorna")).toEqual(["trafik"]);
    expect(suggestThemes("Stöld i bostaden")).toEqual(["bostadsinbrott"]);
    expect(suggestThemes("Hedersrelaterat våld och förtryck")).toEqual(["vald-i-nara-relationer"]);
  });

  it("reads Vindeln's, Bräcke's and Sollefteå's headings and promises", () => {
    expect(suggestThemes("Ekonomisk brottslighet")).toEqual(["bedragerier"]);
    expect(suggestThemes("Bedrägerier är en brottstyp som många medborgare känner oro för")).toEqual([
      "bedragerier",
    ]);
    expect(suggestThemes("Otrygga platser")).toEqual(["otrygga-platser"]);
    expect(
      suggestThemes(
        "Att förebygga och upptäcka våld i nära relationer vilket inkluderar barn som bevittnar våld",
      ),
    ).toEqual(["vald-i-nara-relationer"]);
    expect(
      suggestThemes(
        "ANDT-förebyggande arbete med fokus på unga och unga vuxna (alkohol, narkotika, doping och tobak).",
      ),
    ).toEqual(["narkotika-andt", "ungdomsbrottslighet"]);
    expect(suggestThemes("Genomföra trygghetsvandring i centrum.")).toEqual(["otrygga-platser"]);
    expect(
      suggestThemes(
        "Ha polis närvarande på medborgarkontoret i Ramsele 1 gång per månad (undantaget juni-augusti).",
      ),
    ).toEqual(["polisnarvaro"]);
    expect(
      suggestThemes(
        "Påbörja arbete med ungdomspoliser i kommunen för att stärka upp det brottsförebyggande arbetet.",
      ),
    ).toEqual(["ungdomsbrottslighet"]);
  });

  it("does not read access to drugs as the police's accessibility", () => {
    expect(
      suggestThemes(
        "Polisen och kommunen ska verka aktivt för att förebygga och begränsa tillgängligheten till och användningen av droger.",
      ),
    ).toEqual(["narkotika-andt"]);
  });

  it("suggests nothing for a text about none of the themes", () => {
    expect(suggestThemes("Bakgrund")).toEqual([]);
    expect(suggestThemes("Trygghet för medborgarna")).toEqual([]);
    expect(
      suggestThemes(
        "Brott och kriminalitet som drabbar medborgarna i kommunen och kommunens förvaltningar och deras ansvarsområden.",
      ),
    ).toEqual([]);
    expect(suggestThemes("")).toEqual([]);
    // A short keyword matches whole words only: "ungefär" is not "unga", "synpunkter" not "synliga".
    expect(suggestThemes("Ungefär hälften lämnade synpunkter")).toEqual([]);
    // Two keyword words apart are not the phrase: "våld" and "nära" here are not about relations.
    expect(suggestThemes("Våld nära skolan")).toEqual([]);
  });

  it("has a keyword list for every theme, each written as a stem", () => {
    expect(Object.keys(THEME_KEYWORDS).sort()).toEqual([...THEMES].sort());
    for (const keywords of Object.values(THEME_KEYWORDS)) {
      for (const word of keywords.flatMap((k) => k.split(" "))) expect(stemWord(word)).toBe(word);
    }
  });

  it("reads a very long text in bounded time", () => {
    const text = "Trafik och hastighet i centrum. ".repeat(50_000);
    const started = performance.now();
    expect(suggestThemes(text)).toEqual(["trafik"]);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
