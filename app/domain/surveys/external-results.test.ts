import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  MAX_EXTERNAL_RESULTS_BYTES,
  MAX_EXTERNAL_RESULTS_ROWS,
  STANDARD_INDICATORS,
  parseExternalResults,
  type ParseResult,
} from "./external-results";

const HEADER = "område;år;indikator;värde;källa";
const example = readFileSync(
  new URL("../../../tests/fixtures/surveys/externa-resultat.csv", import.meta.url),
);

function rowsOf(result: ParseResult) {
  if (!result.ok)
    throw new Error(`Väntade rader, fick fel: ${result.errors.map((e) => e.message).join(" | ")}`);
  return result.rows;
}

function messagesOf(result: ParseResult) {
  if (result.ok) throw new Error("Väntade fel, fick rader.");
  return result.errors.map((error) => error.message);
}

describe("parseExternalResults", () => {
  it("reads the example file: two areas, three years, the police's and BRÅ's figures and an own indicator", () => {
    const rows = rowsOf(parseExternalResults(example));
    expect(rows).toHaveLength(28);
    expect(rows[0]).toEqual({
      area: "Centrum",
      year: 2022,
      indicator: "otrygg_kvall",
      standard: true,
      value: 31.4,
      unit: "percent",
      respondents: 412,
      source: "police",
      low: null,
      high: null,
      line: 2,
    });
    expect(
      rows.find((row) => row.area === "Centrum" && row.year === 2024 && row.indicator === "problemindex"),
    ).toMatchObject({
      value: 1.7,
      unit: "index",
      respondents: 439,
    });
    expect(
      rows.find(
        (row) =>
          row.indicator === "problemindex:nedskrapning" && row.area === "Hela kommunen" && row.year === 2023,
      ),
    ).toMatchObject({ value: 1.9, respondents: 1207 });
    expect(rows.find((row) => row.source === "bra" && row.indicator === "fortroende_polis")).toMatchObject({
      value: 58.2,
      low: 55,
      high: 61.4,
      respondents: null,
    });
    expect(rows.at(-1)).toMatchObject({
      indicator: "Andel som känner sig trygga i stadsparken på kvällen",
      standard: false,
      unit: "percent",
      source: "other",
      line: 29,
    });
  });

  it("knows each subitem of the problem list as its own index", () => {
    expect(STANDARD_INDICATORS["problemindex:klotter"]).toEqual({
      label: "Problemindex (0–6): Klotter",
      unit: "index",
    });
    expect(STANDARD_INDICATORS.otrygg_kvall?.unit).toBe("percent");
  });

  it("reads semicolons and commas alike, with a decimal comma or point, with or without a byte order mark", () => {
    const semicolon = parseExternalResults(`${HEADER}\nCentrum;2024;otrygg_kvall;"26,2";polisen\n`);
    const comma = parseExternalResults(
      'område,år,indikator,värde,källa\nCentrum,2024,otrygg_kvall,"26,2",polisen\n',
    );
    const point = parseExternalResults(
      "\uFEFFOmråde,ÅR,Indikator,Värde,Källa\r\nCentrum,2024,OTRYGG_KVALL,26.2,Polisen\r\n",
    );
    const bomBuffer = parseExternalResults(
      Buffer.from(`\uFEFF${HEADER}\nCentrum;2024;otrygg_kvall;26,2;polisen\n`),
    );
    for (const result of [semicolon, comma, point, bomBuffer]) {
      expect(rowsOf(result)).toEqual([
        expect.objectContaining({ area: "Centrum", indicator: "otrygg_kvall", value: 26.2 }),
      ]);
    }
  });

  it("accepts the columns in any order, optional ones left out, and grouped thousands in antal_svar", () => {
    const rows = rowsOf(
      parseExternalResults(
        "källa;värde;antal_svar;år;område;indikator\nbra;12;1 204;2023;Hela kommunen;utsatt_brott\n",
      ),
    );
    expect(rows[0]).toMatchObject({ source: "bra", value: 12, respondents: 1204, unit: "percent" });
  });

  it("says what is wrong with each cell, by line and column", () => {
    const result = parseExternalResults(
      [
        "område;år;indikator;värde;enhet;antal_svar;källa;konfidens_låg;konfidens_hög",
        "Centrum;2024;otrygg_kvall;abc;;;polisen;;",
        ";1999;otrygg_kvall;10;;;polisen;;",
        "Centrum;2024;oro_bostadsinbrott;101;;;polisen;;",
        "Centrum;2024;problemindex;6,5;;;polisen;;",
        "Centrum;2024;problemindex;2;procent;;polisen;;",
        "Centrum;2024;egen fråga;2;;;polisen;;",
        "Centrum;2024;egen fråga 2;2;meter;;polisen;;",
        "Centrum;2024;problemindex:okant;2;;;polisen;;",
        "Centrum;2024;utsatt_brott;12;;12,5;polisen;;",
        "Centrum;2024;fortroende_polis;50;;;kommunen;;",
        "Centrum;2024;oro_fordon;50;;;polisen;52;60",
        "Centrum;2024;oro_personran;50;;;polisen;40;",
        "Centrum;2024;oro_misshandel;45 %;;;polisen;;",
        `${"x".repeat(201)};2024;oro_narstaende;5;;;polisen;;`,
        "Centrum;2024;avstatt_aktivitet;5;;;;;",
      ].join("\n"),
    );
    expect(messagesOf(result)).toEqual([
      "Rad 2, kolumnen värde: ”abc” är inget tal.",
      "Rad 3, kolumnen område: saknar värde.",
      "Rad 3, kolumnen år: ”1999” är inget år mellan 2000 och 2100.",
      "Rad 4, kolumnen värde: 101 ligger utanför 0–100 (procent).",
      "Rad 5, kolumnen värde: 6,5 ligger utanför 0–6 (index).",
      "Rad 6, kolumnen enhet: indikatorn problemindex mäts i index, inte procent.",
      "Rad 7, kolumnen enhet: saknar värde; en egen indikator behöver enheten procent eller index.",
      "Rad 8, kolumnen enhet: ”meter” är ingen känd enhet; ange procent eller index.",
      expect.stringMatching(
        /^Rad 9, kolumnen indikator: ”problemindex:okant” är ingen känd del av problemindexet; kända är problemindex:nedskrapning, /,
      ),
      "Rad 10, kolumnen antal_svar: 12,5 är inget heltal som är noll eller större.",
      "Rad 11, kolumnen källa: ”kommunen” är ingen känd källa; ange polisen, bra eller annan.",
      "Rad 12, kolumnen konfidens_låg: intervallet 52–60 innehåller inte värdet 50.",
      "Rad 13, kolumnen konfidens_hög: saknar värde; ange både konfidens_låg och konfidens_hög, eller ingen av dem.",
      "Rad 14, kolumnen värde: ”45 %” är inget tal; skriv talet utan procenttecken.",
      "Rad 15, kolumnen område: texten är längre än 200 tecken.",
      "Rad 16, kolumnen källa: saknar värde; ange polisen, bra eller annan.",
    ]);
    expect(result.ok ? null : result.errors[0]).toEqual({
      line: 2,
      column: "värde",
      message: "Rad 2, kolumnen värde: ”abc” är inget tal.",
    });
  });

  it("takes a negative value for a number, out of range, not for text", () => {
    expect(messagesOf(parseExternalResults(`${HEADER}\nCentrum;2024;otrygg_kvall;-5;polisen\n`))).toEqual([
      "Rad 2, kolumnen värde: -5 ligger utanför 0–100 (procent).",
    ]);
  });

  it("names the header's problems: a missing, an unknown and a repeated column", () => {
    expect(
      messagesOf(parseExternalResults("område;år;indikator;värde\nCentrum;2024;otrygg_kvall;5\n")),
    ).toEqual(["Kolumnen källa saknas i rubrikraden."]);
    expect(messagesOf(parseExternalResults(`${HEADER};kommentar;år\n`))).toEqual([
      "Kolumnen ”kommentar” (kolumn 6) är okänd. Kända kolumner är område, år, indikator, värde, enhet, antal_svar, källa, konfidens_låg, konfidens_hög.",
      "Kolumnen år finns 2 gånger i rubrikraden.",
    ]);
  });

  it("refuses a line with more fields than the header", () => {
    expect(
      messagesOf(parseExternalResults(`${HEADER}\nCentrum;2024;otrygg_kvall;5;polisen;extra\n`)),
    ).toEqual(["Rad 2 har fler fält än rubrikraden."]);
  });

  it("refuses the second line with the same area, year, indicator and source, naming the first", () => {
    const result = parseExternalResults(
      `${HEADER}\nCentrum;2024;otrygg_kvall;5;polisen\nCentrum;2024;otrygg_kvall;5;bra\n\ncentrum;2024;Otrygg_kvall;6;Polisen\n`,
    );
    expect(result).toEqual({
      ok: false,
      errors: [{ line: 5, column: null, message: "Rad 5: samma område, år, indikator och källa som rad 2." }],
    });
  });

  it("refuses an empty file, a file of only a header and a file over 1 MB", () => {
    expect(messagesOf(parseExternalResults(""))).toEqual(["Filen är tom."]);
    expect(messagesOf(parseExternalResults(Buffer.from("\uFEFF\r\n \n")))).toEqual(["Filen är tom."]);
    expect(messagesOf(parseExternalResults(`${HEADER}\r\n;;;;\r\n`))).toEqual([
      "Filen har en rubrikrad men inga rader med resultat.",
    ]);
    expect(messagesOf(parseExternalResults(Buffer.alloc(MAX_EXTERNAL_RESULTS_BYTES + 1, "a")))).toEqual([
      "Filen är större än 1 MB.",
    ]);
  });

  it("refuses binary data and text that is not UTF-8, with a message rather than a crash", () => {
    expect(messagesOf(parseExternalResults(Buffer.from("område;år\nK\xe5llby;2024\n", "latin1")))).toEqual([
      "Filen är inte text i UTF-8. Spara den i Excel som ”CSV UTF-8 (kommaavgränsad)” och försök igen.",
    ]);
    expect(
      messagesOf(parseExternalResults(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]))),
    ).toEqual([
      "Rad 1: filen innehåller tecken som inte hör hemma i en textfil. Är det verkligen en CSV-fil i UTF-8?",
    ]);
  });

  it("keeps hostile cells as the text they are", () => {
    const hostile = [
      "<script>alert(1)</script>",
      "=cmd|' /C calc'!A0",
      "'; drop table x; --",
      "+46 70",
      "@SUM(A1)",
    ];
    const csv = [
      `${HEADER};enhet`,
      ...hostile.map((text) => `"${text}";2024;"${text}";5;annan;procent`),
    ].join("\n");
    const rows = rowsOf(parseExternalResults(csv));
    expect(rows.map((row) => row.area)).toEqual(hostile);
    expect(rows.map((row) => row.indicator)).toEqual(hostile);
    expect(rows.every((row) => !row.standard)).toBe(true);
    expect(
      messagesOf(parseExternalResults(`${HEADER};enhet\nCentrum;2024;x;5;constructor;__proto__\n`)),
    ).toEqual([
      "Rad 2, kolumnen enhet: ”__proto__” är ingen känd enhet; ange procent eller index.",
      "Rad 2, kolumnen källa: ”constructor” är ingen känd källa; ange polisen, bra eller annan.",
    ]);
  });

  it("reports unbalanced quotes as errors", () => {
    expect(
      messagesOf(
        parseExternalResults(`${HEADER}\nCentrum;2024;"otrygg_kvall;5;polisen\nNorr;2024;x;1;bra\n`),
      ),
    ).toEqual(['Rad 2: ett citattecken (") öppnas men stängs aldrig.']);
    expect(messagesOf(parseExternalResults(`${HEADER}\nCen"trum;2024;otrygg_kvall;5;polisen\n`))).toEqual([
      'Rad 2: ett citattecken (") står mitt i ett fält. Sätt hela fältet inom citattecken och skriv citattecknet i det dubbelt ("").',
    ]);
  });

  it(`refuses more than ${MAX_EXTERNAL_RESULTS_ROWS} rows and caps the list of errors at 100`, () => {
    const lines = Array.from(
      { length: MAX_EXTERNAL_RESULTS_ROWS + 1 },
      (_, index) => `O${index};2024;otrygg_kvall;5;polisen`,
    );
    expect(messagesOf(parseExternalResults([HEADER, ...lines].join("\n")))).toEqual([
      "Filen har 20\u00a0001 rader utöver rubrikraden; högst 20\u00a0000 går att läsa in åt gången.",
    ]);
    const bad = Array.from({ length: 150 }, (_, index) => `O${index};2024;otrygg_kvall;x;polisen`);
    const messages = messagesOf(parseExternalResults([HEADER, ...bad].join("\n")));
    expect(messages).toHaveLength(101);
    expect(messages.at(-1)).toBe("… och 50 fel till.");
  });

  it("finishes quickly on 1 MB of one line, of quotes or of separators", () => {
    const size = MAX_EXTERNAL_RESULTS_BYTES - 100;
    const started = performance.now();
    expect(messagesOf(parseExternalResults(`${HEADER}\n${"a".repeat(size)}`))[0]).toMatch(
      /^Rad 2 är längre än 10\u00a0000 tecken/,
    );
    expect(messagesOf(parseExternalResults('"'.repeat(size)))[0]).toMatch(/^Rad 1 är längre än/);
    expect(messagesOf(parseExternalResults(`${HEADER}\n${'"\n'.repeat(size / 2)}`))).toHaveLength(1);
    expect(messagesOf(parseExternalResults(`${HEADER}\n${";\n".repeat(size / 2)}`))).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
