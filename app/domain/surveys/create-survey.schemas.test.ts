import { describe, expect, it } from "vitest";
import { createSurveySchema, definitionFromForm, parsePlaceLine } from "./create-survey.schemas";
import { BANK_ITEMS } from "./question-bank";
import { namedEntrySchema, surveyDefinitionSchema } from "./survey.schemas";

const form = (places: string) => ({
  title: "Trygghet 2026",
  bankItems: [BANK_ITEMS[0]!.id],
  areas: "Centrum",
  places,
  english: false,
});

describe("a place line with coordinates", () => {
  it("reads a name and its point after a bar", () => {
    expect(parsePlaceLine("Resecentrum | 62.3908, 17.3069")).toEqual({
      name: "Resecentrum",
      lat: 62.3908,
      lng: 17.3069,
    });
    expect(parsePlaceLine("Torget|-33.9,-70")).toEqual({ name: "Torget", lat: -33.9, lng: -70 });
  });

  it("leaves a line without a bar as the name", () => {
    expect(parsePlaceLine("Stadsparken, norra delen")).toEqual({ name: "Stadsparken, norra delen" });
  });

  it.each([
    ["Resecentrum | 62,3908, 17,3069", "decimalpunkt"],
    ["Resecentrum | 62.3908", "decimalpunkt"],
    ["Resecentrum | norr om ån", "decimalpunkt"],
    ["Resecentrum | 95.1, 17.3", "Latituden ska vara mellan −90 och 90."],
    ["Resecentrum | 62.3, 181", "Longituden ska vara mellan −180 och 180."],
    [" | 62.3, 17.3", "Skriv platsens namn"],
  ])("refuses %j", (line, message) => {
    const result = parsePlaceLine(line);
    expect(result).toHaveProperty("error");
    expect((result as { error: string }).error).toContain(message);
  });

  it("stores the point on the named place, and places without one unchanged", () => {
    const parsed = createSurveySchema.parse(form("Resecentrum | 62.3908, 17.3069\nStadsparken\n"));
    const definition = surveyDefinitionSchema.parse(definitionFromForm(parsed));
    expect(definition.places).toEqual([
      { key: "resecentrum", name: "Resecentrum", lat: 62.3908, lng: 17.3069 },
      { key: "stadsparken", name: "Stadsparken" },
    ]);
    expect(definition.areas).toEqual([{ key: "centrum", name: "Centrum" }]);
  });

  it("reads its own output again unchanged (the route parses, then the use case)", () => {
    const parsed = createSurveySchema.parse(form("Resecentrum | 62.3908, 17.3069\nStadsparken"));
    expect(createSurveySchema.parse(parsed).places).toEqual(parsed.places);
  });

  it("names the line of a bad point in the places field's message", () => {
    const result = createSurveySchema.safeParse(form("Stadsparken\nResecentrum | 62.39; 17.30"));
    expect(result.success).toBe(false);
    const issues = result.error!.issues.map((issue) => ({ path: issue.path, message: issue.message }));
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toEqual(["places"]);
    expect(issues[0]!.message).toMatch(/^Rad 2: Koordinaterna/);
  });

  it("keeps a stored place without a point valid", () => {
    expect(namedEntrySchema.parse({ key: "torget", name: "Torget" })).toEqual({
      key: "torget",
      name: "Torget",
    });
    expect(namedEntrySchema.safeParse({ key: "torget", name: "Torget", lat: 91, lng: 0 }).success).toBe(
      false,
    );
  });
});
