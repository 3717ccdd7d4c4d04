import { describe, expect, it } from "vitest";
import { exactMatch, municipalityForAddress, searchMunicipalities } from "./municipality-search";

const all = [
  { name: "Habo", slug: "habo", county: "Jönköpings län" },
  { name: "Håbo", slug: "habo-uppsala", county: "Uppsala län" },
  { name: "Umeå", slug: "umea", county: "Västerbottens län" },
  { name: "Lycksele", slug: "lycksele", county: "Västerbottens län" },
  { name: "Ånge", slug: "ange", county: "Västernorrlands län" },
];

describe("municipality search", () => {
  it("finds names without their diacritics, those starting with the query first", () => {
    expect(searchMunicipalities(all, "ume").map((m) => m.slug)).toEqual(["umea"]);
    expect(searchMunicipalities(all, "ANGE").map((m) => m.slug)).toEqual(["ange"]);
    expect(searchMunicipalities(all, "e").map((m) => m.slug)).toEqual(["umea", "lycksele", "ange"]);
    expect(searchMunicipalities(all, "  ")).toEqual([]);
  });

  it("gives an exact match only when one name is exactly the query", () => {
    expect(exactMatch(all, "umea")?.slug).toBe("umea");
    expect(exactMatch(all, "habo")).toBeNull();
    expect(exactMatch(all, "um")).toBeNull();
  });

  it("reads a mistyped page address as the municipality it means, the name as written first", () => {
    const meant = (segment: string) => municipalityForAddress(all, segment)?.slug ?? null;
    expect(meant("Ange")).toBe("ange");
    expect(meant("ånge")).toBe("ange");
    expect(meant("UMEÅ")).toBe("umea");
    expect(meant("Håbo")).toBe("habo-uppsala");
    expect(meant("habo")).toBe("habo");
    expect(meant("Habo")).toBe("habo");
    expect(meant("stockholm-city")).toBeNull();
  });
});
