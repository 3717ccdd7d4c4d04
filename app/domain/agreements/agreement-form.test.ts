import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { agreementContentSchema } from "./agreement.schemas";
import { agreementFormSchema, focusAreaKey, toFormValue } from "./agreement-form.schemas";

const content = agreementContentSchema.parse({
  title: "Samverkansöverenskommelse mellan Polisen och Ånge kommun 2023 - 2026",
  period: { from: "2023-01-01", to: "2026-12-31", continuesUntilReplaced: true },
  problemSources: [{ kind: "safety-survey", description: "600 svar" }],
  goals: [{ text: "Minska bostadsinbrotten med 20 % till 2026" }, { text: "Öka tryggheten" }],
  focusAreas: [
    {
      key: "otrygghet",
      title: "Otrygghet",
      points: ["Fler synliga poliser", "Belysning i centrum"],
      cause: { text: "Få vuxna ute kvällstid", place: "Centrum" },
      themes: ["otrygga-platser", "polisnarvaro"],
    },
  ],
  followUp: { cadence: "yearly", responsible: "Trygghetsrådet", standingAgendaItem: true },
  otherUndertakings: ["Polisen finns med i kommunens Lokala BRÅ"],
  signatories: [{ name: "Josef Wiklund", title: "Chef LPO Medelpad", party: "police" }],
});

/** The form as a browser without JavaScript sends it. */
function formData(value: Record<string, unknown>, prefix = "", data = new FormData()): FormData {
  for (const [key, v] of Object.entries(value)) {
    const name = prefix ? (/^\d+$/.test(key) ? `${prefix}[${key}]` : `${prefix}.${key}`) : key;
    if (v === undefined || v === null) continue;
    if (typeof v === "object") formData(v as Record<string, unknown>, name, data);
    else if (typeof v === "string" || typeof v === "number" || typeof v === "boolean")
      data.append(name, String(v));
  }
  return data;
}

describe("the agreement editor's form", () => {
  it("gives back the same content it was filled with", () => {
    const submission = parseWithZod(formData(toFormValue(content, 3)), { schema: agreementFormSchema });
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    expect(submission.value.baseRevision).toBe(3);
    expect(submission.value.content).toEqual(content);
  });

  it("gives a new focus area a key from its title, unique among the others", () => {
    const value = toFormValue(content, 1);
    value.focusAreas.push({ ...value.focusAreas[0]!, key: "", title: "Otrygghet" });
    const submission = parseWithZod(formData(value), { schema: agreementFormSchema });
    expect(submission.status === "success" && submission.value.content.focusAreas.map((a) => a.key)).toEqual([
      "otrygghet",
      "otrygghet-2",
    ]);
    expect(focusAreaKey("Våld i nära relationer", new Set())).toBe("vald-i-nara-relationer");
  });

  it("puts each message by the field it is about", () => {
    const value = {
      ...toFormValue(content, 1),
      title: "",
      periodFrom: "2026",
      periodTo: "2023",
    };
    value.focusAreas[0]!.title = "";
    const submission = parseWithZod(formData(value), { schema: agreementFormSchema });
    expect(submission.status).toBe("error");
    const errors = submission.reply().error ?? {};
    expect(errors.title).toEqual(["Ange en rubrik."]);
    expect(errors.periodTo).toEqual(["Slutet kan inte ligga före början."]);
    expect(errors["focusAreas[0].title"]).toEqual(["Ange fokusområdets rubrik."]);
  });

  it("keeps markup typed into a field as text", () => {
    const value = { ...toFormValue(content, 1), background: '<script>alert("x")</script>' };
    const submission = parseWithZod(formData(value), { schema: agreementFormSchema });
    expect(submission.status === "success" && submission.value.content.background).toBe(
      '<script>alert("x")</script>',
    );
  });

  it("offers a focus area without themes the suggestion from its title and points, ticked and marked", () => {
    const [area] = content.focusAreas;
    const value = toFormValue(
      {
        ...content,
        focusAreas: [
          { ...area!, themes: [] },
          {
            ...area!,
            key: "trafik",
            title: "Trafik",
            points: ["Hastighetsöverträdelser"],
            themes: ["trafik"],
          },
          { ...area!, key: "ovrigt", title: "Övrigt", points: [], themes: [] },
        ],
      },
      1,
    );
    expect(value.focusAreas.map((a) => [a.themes, a.themesSuggested])).toEqual([
      [["otrygga-platser", "polisnarvaro"], "on"],
      [["trafik"], undefined],
      [[], undefined],
    ]);
    // Saved as shown: the suggestion becomes the focus area's themes.
    const submission = parseWithZod(formData(value), { schema: agreementFormSchema });
    expect(
      submission.status === "success" && submission.value.content.focusAreas.map((a) => a.themes),
    ).toEqual([["otrygga-platser", "polisnarvaro"], ["trafik"], []]);
  });

  it("saves the themes the coordinator ticks, none included, and refuses one not on the list", () => {
    const value = toFormValue(content, 1);
    const data = formData({ ...value, focusAreas: [{ ...value.focusAreas[0]!, themes: undefined }] });
    data.append("focusAreas[0].themesSuggested", "on");
    const none = parseWithZod(data, { schema: agreementFormSchema });
    expect(none.status === "success" && none.value.content.focusAreas[0]!.themes).toEqual([]);

    data.append("focusAreas[0].themes", "trafik");
    data.append("focusAreas[0].themes", "trafik");
    const one = parseWithZod(data, { schema: agreementFormSchema });
    expect(one.status === "success" && one.value.content.focusAreas[0]!.themes).toEqual(["trafik"]);

    data.append("focusAreas[0].themes", "sport");
    const refused = parseWithZod(data, { schema: agreementFormSchema });
    expect(refused.status).toBe("error");
    expect(refused.reply().error?.["focusAreas[0].themes"]).toEqual(["Välj teman ur listan."]);
  });

  it("marks an import's themes as suggested while it is reviewed", () => {
    const value = toFormValue(content, 1, { themesSuggested: true });
    expect(value.focusAreas[0]!.themesSuggested).toBe("on");
  });

  it("reads content saved before themes existed, its focus areas without themes", () => {
    const { focusAreas, ...rest } = content;
    const old = JSON.parse(
      JSON.stringify({ ...rest, focusAreas: focusAreas.map(({ themes: _themes, ...area }) => area) }),
    ) as unknown;
    expect(JSON.stringify(old)).not.toContain("themes");
    expect(agreementContentSchema.parse(old).focusAreas[0]!.themes).toEqual([]);
  });
});
