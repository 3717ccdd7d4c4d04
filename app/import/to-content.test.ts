import { describe, expect, it } from "vitest";
import { agreementContentSchema } from "~/domain/agreements/agreement.schemas";
import { citizenPromiseContentSchema } from "~/domain/citizen-promises/citizen-promise.schemas";
import { makeImportResult } from "../../tests/factories/imports";
import { toContent } from "./to-content";

describe("toContent", () => {
  it("gives an agreement the editor accepts, with its focus areas, goals, follow-up and signatories", () => {
    const { agreement, citizenPromise } = toContent(
      makeImportResult({
        title: "Samverkansöverenskommelse Ånge 2023–2026",
        diarienummer: "KS 2023/0123",
        goals: ["Minska brottsligheten"],
        focusAreas: [
          { title: "Trafik", points: ["Hastigheter"], cause: "Många kör fort." },
          { title: "Trafik", points: [], cause: null },
        ],
      }),
    );
    expect(citizenPromise).toBeNull();
    const valid = agreementContentSchema.parse(agreement);
    expect(valid).toMatchObject({
      title: "Samverkansöverenskommelse Ånge 2023–2026",
      caseNumber: "KS 2023/0123",
      goals: [{ text: "Minska brottsligheten" }],
      followUp: { cadence: "yearly", responsible: "Trygghetsrådet" },
    });
    expect(valid.focusAreas.map((a) => [a.key, a.title, a.points, a.cause.text])).toEqual([
      ["trafik", "Trafik", ["Hastigheter"], "Många kör fort."],
      ["trafik-2", "Trafik", [], ""],
    ]);
    expect(valid.signatories.map((s) => [s.name, s.party, s.organisation])).toEqual([
      ["Josef Wiklund", "police", "Lokalpolisområde Medelpad"],
      ["Erik Lövgren", "municipality", "Ånge kommun"],
    ]);
  });

  it("gives imported focus areas and commitments the themes suggested by their text", () => {
    const { agreement, citizenPromise } = toContent(
      makeImportResult({
        kind: "agreement+promise",
        focusAreas: [
          {
            title: "Droger och alkohol bland unga",
            points: ["Missbruk i Ånge kommun", "Ungdomars missbruk av narkotika"],
            cause: null,
          },
          { title: "Polisens prioriteringar", points: ["Öppettider polisstationen Ånge"], cause: null },
          { title: "Bakgrund", points: [], cause: null },
        ],
        commitments: [
          { party: "joint", text: "Genomföra trygghetsvandring i centrum." },
          { party: "police", text: "Ekonomisk brottslighet" },
          { party: "municipality", text: "Utveckla samarbetet." },
        ],
      }),
    );
    expect(agreementContentSchema.parse(agreement).focusAreas.map((a) => a.themes)).toEqual([
      ["narkotika-andt", "ungdomsbrottslighet"],
      ["polisnarvaro"],
      [],
    ]);
    expect(citizenPromiseContentSchema.parse(citizenPromise).commitments.map((c) => c.themes)).toEqual([
      ["otrygga-platser"],
      ["bedragerier"],
      [],
    ]);
  });

  it("keeps an agreement's undertakings in the agreement, saying whose they are", () => {
    const { agreement, citizenPromise } = toContent(
      makeImportResult({
        commitments: [
          { party: "police", text: "Patrullera i centrum" },
          { party: "joint", text: "genomföra trygghetsvandringar" },
        ],
      }),
    );
    expect(citizenPromise).toBeNull();
    expect(agreement!.otherUndertakings).toEqual([
      "Polisen åtar sig att patrullera i centrum",
      "Parterna åtar sig att genomföra trygghetsvandringar",
    ]);
  });

  it("gives a promise its commitments by owner and its areas as its problem picture", () => {
    const { agreement, citizenPromise } = toContent(
      makeImportResult({
        kind: "promise",
        title: "Medborgarlöfte 2017",
        period: { from: "2017", to: "2017", continuesUntilReplaced: false },
        focusAreas: [{ title: "Inbrott", points: ["På landsbygden"], cause: null }],
        commitments: [
          { party: "police", text: "Ha polis i Ramsele en gång per månad." },
          { party: "joint", text: "Genomföra trygghetsvandring i centrum." },
        ],
      }),
    );
    expect(agreement).toBeNull();
    const valid = citizenPromiseContentSchema.parse(citizenPromise);
    expect(valid.title).toBe("Medborgarlöfte 2017");
    expect(valid.problemPicture).toBe("Inbrott\n- På landsbygden");
    expect(valid.commitments.map((c) => [c.key, c.owner, c.text])).toEqual([
      ["lofte-1", "police", "Ha polis i Ramsele en gång per månad."],
      ["lofte-2", "joint", "Genomföra trygghetsvandring i centrum."],
    ]);
  });

  it("splits an agreement with promises into both, the promise named for its years", () => {
    const { agreement, citizenPromise } = toContent(
      makeImportResult({
        kind: "agreement+promise",
        period: { from: "2023-03-03", to: "2025-12-31", continuesUntilReplaced: true },
      }),
    );
    expect(agreement).not.toBeNull();
    expect(citizenPromise!.title).toBe("Medborgarlöften 2023–2025");
    expect(citizenPromise!.period).toEqual({
      from: "2023-03-03",
      to: "2025-12-31",
      continuesUntilReplaced: true,
    });
  });

  it("names a document without a title by its file, so it can still be reviewed", () => {
    const { agreement } = toContent(makeImportResult({ title: null, source: "gammalt-avtal.pdf" }));
    expect(agreement!.title).toBe("Överenskommelse (gammalt-avtal.pdf)");
  });
});
