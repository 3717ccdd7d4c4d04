import { describe, expect, it } from "vitest";
import { municipalityRows, slugify } from "./reference-data.server";

describe("municipality reference data", () => {
  it("has the 290 municipalities, each with its own URL slug", () => {
    const rows = municipalityRows();
    expect(rows).toHaveLength(290);
    expect(new Set(rows.map((r) => r.slug)).size).toBe(290);
    expect(new Set(rows.map((r) => r.code)).size).toBe(290);
  });

  it("folds Swedish letters and keeps the plain slug for the name that had none", () => {
    const bySlug = new Map(municipalityRows().map((r) => [r.slug, r.name]));
    expect(bySlug.get("ange")).toBe("Ånge");
    expect(bySlug.get("upplands-vasby")).toBe("Upplands Väsby");
    expect(bySlug.get("habo")).toBe("Habo");
    expect(bySlug.get("habo-uppsala")).toBe("Håbo");
    expect(slugify("Malung-Sälen")).toBe("malung-salen");
  });
});
