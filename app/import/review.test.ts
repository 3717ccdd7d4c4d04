import { describe, expect, it } from "vitest";
import {
  agreementReviewSchema,
  importReviewMetaSchema,
  parseReviewJson,
  uncertainFieldNames,
} from "./review";

describe("uncertainFieldNames", () => {
  it("marks the agreement editor's fields by contract path, each list item for a list-wide doubt", () => {
    const { names, elsewhere } = uncertainFieldNames(
      "agreement",
      ["title", "period.to", "signatories", "focusAreas[1].points", "diarienummer", "followUp.cadence"],
      { signatories: 2, focusAreas: 3 },
    );
    expect([...names].sort()).toEqual(
      [
        "title",
        "periodTo",
        "signatories[0].name",
        "signatories[1].name",
        "focusAreas[1].points",
        "caseNumber",
        "followUpCadence",
      ].sort(),
    );
    expect(elsewhere).toEqual([]);
  });

  it("names what the editor has no field for, once, and ignores items that are no longer there", () => {
    const { names, elsewhere } = uncertainFieldNames(
      "citizenPromise",
      ["municipalities", "policeArea.lpo", "municipalities", "commitments.5.text", "goals", "period"],
      { commitments: 2, signatories: 0 },
    );
    expect([...names].sort()).toEqual(["continuesUntilReplaced", "periodFrom", "periodTo"]);
    expect(elsewhere).toEqual(["municipalities", "policeArea", "commitments", "goals"]);
  });

  it("marks a promise's commitments and who promises", () => {
    const { names } = uncertainFieldNames("citizenPromise", ["commitments", "commitments[0].party"], {
      commitments: 2,
    });
    expect([...names].sort()).toEqual(["commitments[0].owner", "commitments[0].text", "commitments[1].text"]);
  });
});

describe("parseReviewJson", () => {
  const meta = { part: "agreement", source: "a.txt", uncertain: ["title"], personalData: [] };

  it("reads what the result page sends", () => {
    expect(parseReviewJson(importReviewMetaSchema, JSON.stringify(meta))).toEqual(meta);
  });

  it("refuses what is not JSON, not a string, or not the shape", () => {
    expect(parseReviewJson(importReviewMetaSchema, "{inte json")).toBeNull();
    expect(parseReviewJson(importReviewMetaSchema, null)).toBeNull();
    expect(
      parseReviewJson(agreementReviewSchema, JSON.stringify({ ...meta, content: { title: 3 } })),
    ).toBeNull();
    expect(parseReviewJson(importReviewMetaSchema, JSON.stringify({ ...meta, part: "survey" }))).toBeNull();
  });
});
