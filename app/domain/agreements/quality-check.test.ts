import { describe, expect, it } from "vitest";
import { citizenPromiseContentSchema } from "~/domain/citizen-promises/citizen-promise.schemas";
import { angeAgreement, brackeAgreement, solleftea } from "../../../tests/fixtures/seed-documents";
import { agreementContentSchema, emptyCause, type AgreementContent } from "./agreement.schemas";
import { checkAgreement, checkCitizenPromise, goalGaps, type QualityCheck } from "./quality-check";

const byId = (check: QualityCheck, id: string) => {
  const found = check.items.find((i) => i.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
};
const okIds = (check: QualityCheck) => check.items.filter((i) => i.ok).map((i) => i.id);

const agreement = (overrides: Partial<AgreementContent> = {}): AgreementContent => ({
  ...agreementContentSchema.parse({ title: "Samverkansöverenskommelse" }),
  ...overrides,
});

describe("checkAgreement on the seeds", () => {
  it("flags Ånge for focus areas without a cause, naming each one", () => {
    const causes = byId(checkAgreement(angeAgreement), "causes-stated");
    expect(causes.ok).toBe(false);
    for (const title of ["Otrygghet", "Trafik", "Polisens prioriteringar", "Droger och alkohol bland unga"]) {
      expect(causes.hint).toContain(`”${title}”`);
    }
  });

  it("flags Ånge's goals as not measurable, quoting them and the vague phrases", () => {
    const goals = byId(checkAgreement(angeAgreement), "goals-measurable");
    expect(goals.ok).toBe(false);
    expect(goals.hint).toContain("”Polismyndigheten och lokalpolisområde Medelpad tecknar härmed");
    expect(goals.hint).toContain("”Tillsammans ska vi jobba för att unga personer");
    expect(goals.hint).toContain("”verka för”");
    expect(goals.hint).toContain("”jobba för”");
  });

  it("passes Ånge on the rest of BRÅ's list", () => {
    expect(okIds(checkAgreement(angeAgreement))).toEqual([
      "problems-stated",
      "documentation-described",
      "follow-up-described",
      "period-stated",
      "signed-by-chiefs",
    ]);
  });

  it("passes Bräcke's focus areas on a stated cause", () => {
    const causes = byId(checkAgreement(brackeAgreement), "causes-stated");
    expect(causes).toEqual({ id: "causes-stated", ok: true, label: causes.label, hint: null });
  });

  it("flags Bräcke's overall goal, which has a direction but no number and no time", () => {
    const goals = byId(checkAgreement(brackeAgreement), "goals-measurable");
    expect(goals.ok).toBe(false);
    expect(goals.hint).toContain(
      "Målet ”Det övergripande målet är att minska brottsligheten och öka tryggheten i Bräcke kommun.” saknar ett tal och en tid.",
    );
    expect(goals.hint).toContain("och ”arbeta för” går inte att mäta.");
  });

  it("flags Bräcke's follow-up, which names no responsible body", () => {
    const followUp = byId(checkAgreement(brackeAgreement), "follow-up-described");
    expect(followUp.ok).toBe(false);
    expect(followUp.hint).toBe("Ange under ”Uppföljning” vem som ansvarar för den (t.ex. trygghetsrådet).");
  });

  it("passes Bräcke's period known only to the year and its signatories", () => {
    const check = checkAgreement(brackeAgreement);
    expect(byId(check, "period-stated").ok).toBe(true);
    expect(byId(check, "signed-by-chiefs").ok).toBe(true);
  });
});

describe("checkCitizenPromise on the Sollefteå seed", () => {
  const check = checkCitizenPromise(solleftea, []);
  const measurable = byId(check, "commitments-measurable");

  it("finds the Ramsele and grannsamverkan commitments measurable", () => {
    expect(measurable.hint).not.toContain("medborgarkontoret i Ramsele");
    expect(measurable.hint).not.toContain("grannsamverkan och byavakt");
  });

  it("flags the commitments with nothing to measure, quoting them", () => {
    expect(measurable.ok).toBe(false);
    expect(measurable.hint).toContain("”Genomföra trygghetsvandring i centrum.”");
    expect(measurable.hint).toContain("”Påbörja arbete med ungdomspoliser");
    expect(measurable.hint).toContain("”Utveckla samverkan mellan bland annat ungdomspoliser");
    expect(measurable.hint).toContain('”Utveckla "Vuxna på stan"');
  });

  it("lists ownership, and flags the missing links to an agreement's focus areas", () => {
    expect(byId(check, "commitments-owned").ok).toBe(true);
    const linked = byId(check, "commitments-linked");
    expect(linked.ok).toBe(false);
    expect(linked.hint).toContain("Koppla medborgarlöftet till en samverkansöverenskommelse");
  });
});

describe("checkAgreement", () => {
  it("flags everything in an empty draft, with a hint for each", () => {
    const check = checkAgreement(agreement());
    expect(check.items.map((i) => i.id)).toEqual([
      "problems-stated",
      "causes-stated",
      "goals-measurable",
      "documentation-described",
      "follow-up-described",
      "period-stated",
      "signed-by-chiefs",
    ]);
    for (const item of check.items) {
      expect(item.ok).toBe(false);
      expect(item.hint).toMatch(/\S/u);
    }
    expect(byId(check, "goals-measurable").hint).toContain(
      "Lägg till minst ett mål under ”Övergripande mål”",
    );
    expect(byId(check, "follow-up-described").hint).toBe(
      "Ange under ”Uppföljning” hur ofta uppföljningen görs och vem som ansvarar för den (t.ex. trygghetsrådet).",
    );
  });

  it("accepts a cause given only through the crime triangle", () => {
    const check = checkAgreement(
      agreement({
        focusAreas: [
          {
            key: "inbrott",
            title: "Bostadsinbrott",
            description: "",
            points: [],
            cause: { ...emptyCause, place: "Fritidshus som står tomma på vintern" },
            themes: [],
          },
        ],
      }),
    );
    expect(byId(check, "causes-stated").ok).toBe(true);
  });

  it("passes measurable goals and names only the failing ones", () => {
    const goals = byId(
      checkAgreement(
        agreement({
          goals: [
            { text: "Minska antalet anmälda bostadsinbrott med 20 % till 2026." },
            { text: "Öka tryggheten." },
          ],
        }),
      ),
      "goals-measurable",
    );
    expect(goals.ok).toBe(false);
    expect(goals.hint).toContain("Målet ”Öka tryggheten.” saknar ett tal och en tid.");
    expect(goals.hint).not.toContain("Målet ”Minska antalet");
  });

  it.each([
    ["from and to", { from: "2023", to: "2026", continuesUntilReplaced: false }, true],
    ["from, continuing until replaced", { from: "2023-03-03", to: null, continuesUntilReplaced: true }, true],
    ["from only", { from: "2023", to: null, continuesUntilReplaced: false }, false],
    ["to only", { from: null, to: "2026", continuesUntilReplaced: false }, false],
  ] as const)("period with %s: ok %s", (_label, period, ok) => {
    expect(byId(checkAgreement(agreement({ period: { ...period } })), "period-stated").ok).toBe(ok);
  });

  it.each([
    ["Lokalpolisområdeschef Umeå", "Kommunstyrelsens ordförande", true, null],
    ["Chef LPO Södra Ångermanland", "KSO", true, null],
    ["Polisinspektör", "Kommunalråd Ånge kommun", false, "chefen för lokalpolisområdet"],
    [
      "Chef för lokalpolisområde Medelpad",
      "Kommundirektör",
      false,
      "kommunstyrelsens ordförande eller motsvarande",
    ],
  ])("signed by %s and %s: ok %s", (policeTitle, municipalityTitle, ok, hint) => {
    const item = byId(
      checkAgreement(
        agreement({
          signatories: [
            { name: "A", title: policeTitle, party: "police", organisation: "" },
            { name: "B", title: municipalityTitle, party: "municipality", organisation: "" },
          ],
        }),
      ),
      "signed-by-chiefs",
    );
    expect(item.ok).toBe(ok);
    if (hint) expect(item.hint).toContain(hint);
  });

  it("does not take a municipal chair signing for the police", () => {
    const item = byId(
      checkAgreement(
        agreement({
          signatories: [
            { name: "B", title: "Kommunstyrelsens ordförande", party: "police", organisation: "" },
          ],
        }),
      ),
      "signed-by-chiefs",
    );
    expect(item.ok).toBe(false);
  });
});

describe("goalGaps", () => {
  it.each([
    "Minska antalet anmälda bostadsinbrott med 20 % till 2026.",
    "Halvera antalet bilbränder under perioden.",
    "Öka andelen som känner sig trygga i centrum till 80 procent senast 2026.",
    "Färre än tio anmälda rån per år.",
  ])("finds %s measurable", (goal) => {
    expect(goalGaps(goal)).toEqual({ missing: [], vague: null });
  });

  const direction = "en riktning (minska, öka …)";
  it.each([
    ["Minska brottsligheten i Umeå kommun.", ["ett tal", "en tid"], null],
    ["Minska brottsligheten till 2026.", ["ett tal"], null],
    ["Minska inbrotten med 20 %.", ["en tid"], null],
    ["Fler poliser i Ånge 2026.", ["ett tal"], null],
    ["200 trygghetsvandringar under perioden.", [direction], null],
    ["Arbeta för att minska inbrotten med 20 % till 2026.", [], "arbeta för"],
    ["Verka för ökad trygghet.", ["ett tal", "en tid"], "verka för"],
    ["Verka aktivt för ökad trygghet.", ["ett tal", "en tid"], "verka aktivt för"],
    [
      "Bidra till att färre unga börjar använda narkotika senast den 31 december 2026.",
      ["ett tal"],
      "bidra till",
    ],
  ])("finds %s not measurable", (goal, missing, vague) => {
    expect(goalGaps(goal)).toEqual({ missing, vague });
  });
});

describe("checkCitizenPromise", () => {
  const promise = (commitments: unknown[]) =>
    citizenPromiseContentSchema.parse({ title: "Medborgarlöfte", commitments });

  it("passes commitments linked to known focus areas with a schedule, a target or accepted measures", () => {
    const check = checkCitizenPromise(
      promise([
        { key: "a", owner: "police", text: "Fotpatrullera varannan vecka.", focusAreaKeys: ["otrygghet"] },
        {
          key: "b",
          owner: "municipality",
          text: "Starta 5 nya nattvandrargrupper.",
          focusAreaKeys: ["droger"],
        },
        {
          key: "c",
          owner: "joint",
          text: "Genomföra trygghetsvandring i centrum.",
          focusAreaKeys: ["otrygghet", "droger"],
          measures: [{ kind: "deadline", month: 10, day: 31 }],
        },
        {
          key: "d",
          owner: "other",
          ownerName: "Mitthem",
          text: "Byta belysning senast 30 juni.",
          focusAreaKeys: ["otrygghet"],
        },
      ]),
      ["otrygghet", "droger"],
    );
    expect(check.items.every((i) => i.ok && i.hint === null)).toBe(true);
  });

  it("names the commitments without a focus area and those pointing at an unknown one", () => {
    const linked = byId(
      checkCitizenPromise(
        promise([
          { key: "a", owner: "police", text: "Fotpatrullera varannan vecka.", focusAreaKeys: [] },
          {
            key: "b",
            owner: "police",
            text: "Hastighetskontroller varje vecka.",
            focusAreaKeys: ["trafik-gammal"],
          },
        ]),
        ["trafik"],
      ),
      "commitments-linked",
    );
    expect(linked.ok).toBe(false);
    expect(linked.hint).toBe(
      "Välj ett fokusområde för löftet ”Fotpatrullera varannan vecka.” Fokusområdet för löftet ”Hastighetskontroller varje vecka.” finns inte i överenskommelsen; välj ett som finns.",
    );
  });

  it("flags a promise with no commitments", () => {
    const check = checkCitizenPromise(promise([]), ["trafik"]);
    expect(byId(check, "commitments-stated").ok).toBe(false);
    expect(okIds(check)).toEqual(["commitments-owned", "commitments-linked", "commitments-measurable"]);
  });

  it("shortens a long commitment in a hint", () => {
    const long = `Utveckla ${"samverkan ".repeat(40)}`;
    const hint = byId(
      checkCitizenPromise(promise([{ key: "a", owner: "police", text: long, focusAreaKeys: ["x"] }]), ["x"]),
      "commitments-measurable",
    ).hint;
    expect(hint).toContain("…”");
    expect(hint!.length).toBeLessThan(300);
  });
});
