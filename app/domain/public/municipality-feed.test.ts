import { describe, expect, it } from "vitest";
import { municipalityFeed, xmlText } from "./municipality-feed";
import type { PublicMunicipality } from "./public-municipality.queries.server";

const base: PublicMunicipality = {
  municipality: {
    code: "2260",
    name: "Ånge",
    slug: "ange",
    county: "Västernorrlands län",
    policeRegion: "Nord",
  },
  partnerships: [],
  currentAgreement: null,
  earlierAgreements: [],
  currentPromises: [],
  earlierPromises: [],
  followUps: [],
};

const agreementId = "0b5d2c4e-8f43-4a1e-9a55-5d0f3c1a2b3c";
const promiseId = "9e7f5d3b-1c2a-4b6d-8e9f-0a1b2c3d4e5f";
const noteId = "4c3b2a19-0807-4605-a403-020100ffeedd";

const page: PublicMunicipality = {
  ...base,
  currentAgreement: {
    id: agreementId,
    partnershipId: agreementId,
    title: "Trygga Ånge <2025> & framåt",
    caseNumber: "",
    status: "active",
    period: { from: "2025", to: "2027", continuesUntilReplaced: false },
    signedOn: "2025-02-01",
    publishedAt: new Date("2025-02-03T09:00:00Z"),
    changedAt: new Date("2025-02-03T09:00:00Z"),
    terminatedOn: null,
    goals: [],
    focusAreas: [],
    followUp: { cadence: null, responsible: "", reportsTo: "", description: "" },
  },
  currentPromises: [
    {
      id: promiseId,
      partnershipId: agreementId,
      agreementId: null,
      title: "Medborgarlöfte 2026",
      status: "active",
      period: { from: "2026", to: "2026", continuesUntilReplaced: false },
      signedOn: "2026-01-10",
      publishedAt: new Date("2026-01-12T08:00:00Z"),
      changedAt: new Date("2026-01-12T08:00:00Z"),
      terminatedOn: null,
      problemPicture: "",
      followUp: "",
      commitments: [],
    },
  ],
  followUps: [
    {
      id: noteId,
      citizenPromiseId: promiseId,
      citizenPromiseTitle: "Medborgarlöfte 2026",
      commitmentKey: "ramsele",
      commitmentText: "Besöka Ramsele",
      status: "done",
      note: "Klart \u0007i mars.",
      occurredOn: "2026-03-30",
    },
  ],
};

describe("the municipality's Atom feed", () => {
  it("escapes text and drops the control characters XML forbids", () => {
    expect(xmlText(`<a href="x">&'</a>\u0001\t`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;\t");
  });

  it("lists documents and progress notes newest first, with stable ids and the page's anchors", () => {
    const xml = municipalityFeed(page, "https://tryggsam.example");
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/,
    );
    const ids = [...xml.matchAll(/<entry>\s*<id>([^<]+)<\/id>/g)].map((m) => m[1]);
    expect(ids).toEqual([`urn:uuid:${noteId}`, `urn:uuid:${promiseId}`, `urn:uuid:${agreementId}`]);
    expect(xml).toContain("<updated>2026-03-30T12:00:00Z</updated>\n  <author>");
    expect(xml).toContain("Trygga Ånge &lt;2025&gt; &amp; framåt");
    expect(xml).toContain(`href="https://tryggsam.example/kommun/ange#agreement-${agreementId}"`);
    expect(xml).toContain(`href="https://tryggsam.example/medborgarloften/${promiseId}/export/docx"`);
    expect(xml).toContain(
      '<link rel="self" type="application/atom+xml" href="https://tryggsam.example/kommun/ange/flode.atom"/>',
    );
    expect(xml).not.toContain("\u0007");
  });

  it("is the same text for the same content, and has an updated even when empty", () => {
    expect(municipalityFeed(page, "https://a.example")).toBe(municipalityFeed(page, "https://a.example"));
    const empty = municipalityFeed(base, "https://a.example");
    expect(empty).toContain("<updated>1970-01-01T00:00:00Z</updated>");
    expect(empty).not.toContain("<entry>");
  });
});
