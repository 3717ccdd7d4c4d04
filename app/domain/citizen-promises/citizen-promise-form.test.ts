import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { solleftea } from "../../../tests/fixtures/seed-documents";
import { citizenPromiseContentSchema } from "./citizen-promise.schemas";
import { analyseCommitment } from "./commitment-analysis";
import {
  citizenPromiseFormSchema,
  measureValue,
  newCitizenPromiseFormSchema,
  toFormValue,
} from "./citizen-promise-form.schemas";

const content = citizenPromiseContentSchema.parse({
  ...solleftea,
  commitments: solleftea.commitments.map((c, i) => ({
    ...c,
    focusAreaKeys: i === 0 ? ["ungdomar", "centrum"] : [],
    measures: analyseCommitment(c.text),
    // Chosen, not the suggestion: what is saved is what the form shows.
    themes: i % 2 === 0 ? ["ungdomsbrottslighet"] : ["otrygga-platser", "polisnarvaro"],
  })),
});

/** The form as a browser without JavaScript sends it (lists of checkboxes as repeated names). */
function formData(value: Record<string, unknown>, prefix = "", data = new FormData()): FormData {
  for (const [key, v] of Object.entries(value)) {
    const name = prefix ? (/^\d+$/.test(key) ? `${prefix}[${key}]` : `${prefix}.${key}`) : key;
    if (v === undefined || v === null) continue;
    if (Array.isArray(v) && v.every((item) => typeof item === "string")) {
      for (const item of v) data.append(name, item);
    } else if (typeof v === "object") formData(v as Record<string, unknown>, name, data);
    else if (typeof v === "string" || typeof v === "number" || typeof v === "boolean")
      data.append(name, String(v));
  }
  return data;
}

describe("the citizen promise editor's form", () => {
  it("gives back the same content it was filled with, accepted measures included", () => {
    const submission = parseWithZod(formData(toFormValue(content, 4)), { schema: citizenPromiseFormSchema });
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    expect(submission.value.baseRevision).toBe(4);
    expect(submission.value.content).toEqual(content);
    expect(submission.value.content.commitments[1]!.measures).toEqual([
      { kind: "schedule", times: 1, every: 1, per: "month", exceptMonths: [6, 7, 8], onlyMonths: [] },
    ]);
  });

  it("reads one checked box as a list of one, and drops a measure that is not one", () => {
    const value = toFormValue(content, 1);
    const data = formData({ ...value, commitments: [] });
    data.append("commitments[0].owner", "police");
    data.append("commitments[0].text", "Besöka Ramsele 1 gång per månad.");
    data.append("commitments[0].focusAreaKeys", "ramsele");
    data.append("commitments[0].measures", measureValue({ kind: "during-period" }));
    data.append("commitments[0].measures", '{"kind":"target","value":"<script>"}');
    data.append("commitments[0].measures", "not json");
    const submission = parseWithZod(data, { schema: citizenPromiseFormSchema });
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    const [commitment] = submission.value.content.commitments;
    expect(commitment!.focusAreaKeys).toEqual(["ramsele"]);
    expect(commitment!.measures).toEqual([{ kind: "during-period" }]);
  });

  it("gives a new commitment a key from its text, unique among the others", () => {
    const value = toFormValue(content, 1);
    value.commitments = [
      { ...value.commitments[4]!, key: "" },
      { ...value.commitments[4]!, key: "" },
    ];
    const submission = parseWithZod(formData(value), { schema: citizenPromiseFormSchema });
    expect(submission.status === "success" && submission.value.content.commitments.map((c) => c.key)).toEqual(
      ["genomfora-trygghetsvandring-i-centrum", "genomfora-trygghetsvandring-i-centrum-2"],
    );
  });

  it("puts each message by the field it is about", () => {
    const value = { ...toFormValue(content, 1), title: "", periodFrom: "2026", periodTo: "2023" };
    value.commitments[0] = { ...value.commitments[0]!, owner: "other", ownerName: "", text: "" };
    const submission = parseWithZod(formData(value), { schema: citizenPromiseFormSchema });
    expect(submission.status).toBe("error");
    const errors = submission.reply().error ?? {};
    expect(errors.title).toEqual(["Ange en rubrik."]);
    expect(errors.periodTo).toEqual(["Slutet kan inte ligga före början."]);
    expect(errors["commitments[0].text"]).toEqual(["Skriv vad som lovas."]);
    expect(errors["commitments[0].ownerName"]).toEqual(["Ange vilken aktör som lovar."]);
  });

  it("keeps markup typed into a field as text", () => {
    const value = { ...toFormValue(content, 1), background: '<script>alert("x")</script>' };
    const submission = parseWithZod(formData(value), { schema: citizenPromiseFormSchema });
    expect(submission.status === "success" && submission.value.content.background).toBe(
      '<script>alert("x")</script>',
    );
  });

  it("starts a promise with a title, a period and, optionally, its agreement", () => {
    const data = new FormData();
    data.append("title", solleftea.title);
    data.append("periodFrom", "2017");
    data.append("agreementId", "not-an-id");
    const refused = parseWithZod(data, { schema: newCitizenPromiseFormSchema });
    expect(refused.status === "error" && refused.reply().error?.agreementId).toEqual([
      "Välj en överenskommelse i listan.",
    ]);
    data.set("agreementId", "");
    const started = parseWithZod(data, { schema: newCitizenPromiseFormSchema });
    expect(started.status === "success" && started.value.agreementId).toBeNull();
  });

  it("offers a commitment without themes the suggestion from its text, ticked and marked, and saves it", () => {
    const value = toFormValue(
      { ...content, commitments: content.commitments.map((c) => ({ ...c, themes: [] })) },
      1,
    );
    expect(value.commitments.map((c) => [c.themes, c.themesSuggested])).toEqual([
      [["ungdomsbrottslighet"], "on"],
      [["polisnarvaro"], "on"],
      // Grannsamverkan is the classic work against burglary.
      [["bostadsinbrott"], "on"],
      [["ungdomsbrottslighet"], "on"],
      [["otrygga-platser"], "on"],
      [[], undefined],
    ]);
    const submission = parseWithZod(formData(value), { schema: citizenPromiseFormSchema });
    expect(submission.status === "success" && submission.value.content.commitments[4]!.themes).toEqual([
      "otrygga-platser",
    ]);
  });

  it("reads one ticked theme as a list of one and refuses one not on the list", () => {
    const data = formData({ ...toFormValue(content, 1), commitments: [] });
    data.append("commitments[0].owner", "police");
    data.append("commitments[0].text", "Genomföra trygghetsvandring i centrum.");
    data.append("commitments[0].themes", "otrygga-platser");
    const one = parseWithZod(data, { schema: citizenPromiseFormSchema });
    expect(one.status === "success" && one.value.content.commitments[0]!.themes).toEqual(["otrygga-platser"]);
    data.append("commitments[0].themes", "<script>");
    const refused = parseWithZod(data, { schema: citizenPromiseFormSchema });
    expect(refused.status === "error" && refused.reply().error?.["commitments[0].themes"]).toEqual([
      "Välj teman ur listan.",
    ]);
  });

  it("reads content saved before themes existed, its commitments without themes", () => {
    const old = JSON.parse(
      JSON.stringify({
        ...content,
        commitments: content.commitments.map(({ themes: _themes, ...c }) => c),
      }),
    ) as unknown;
    expect(JSON.stringify(old)).not.toContain("themes");
    const read = citizenPromiseContentSchema.parse(old);
    expect(read.commitments.every((c) => c.themes.length === 0)).toBe(true);
  });
});
