import { SaxesParser } from "saxes";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/db/client.server";
import { systemActor } from "~/domain/access/actor";
import { saveAgreementRevision } from "~/domain/agreements/save-agreement-revision.server";
import { recordCommitmentProgress } from "~/domain/citizen-promises/record-commitment-progress.server";
import {
  insertAgreement,
  insertCitizenPromise,
  makeAgreementContent,
  makeCitizenPromiseContent,
} from "../factories/agreements";
import { insertPartnership } from "../factories/partnerships";
import { startTestServer, type TestServer } from "../support/server";

let server: TestServer;
let database: Database;

// Municipalities no other test publishes in, so a shared PostgreSQL run does not mix their data in.
const OVERKALIX = { code: "2513", slug: "overkalix", name: "Överkalix" };
const ARJEPLOG = { code: "2506", slug: "arjeplog", name: "Arjeplog" };
const PAJALA = { code: "2521", slug: "pajala", name: "Pajala" };

const titles = {
  published: "Öppna datas publicerade överenskommelse Överkalix",
  draft: "Öppna datas hemliga utkast Överkalix",
  signed: "Öppna datas undertecknade men opublicerade Överkalix",
  onlyDraft: "Pajalas utkast som ingen får se",
  onlySigned: "Pajalas undertecknade som inte är publicerad",
  promise: "Öppna datas publicerade medborgarlöfte Överkalix",
  draftPromise: "Öppna datas utkast till medborgarlöfte Överkalix",
};
const ids: Record<keyof typeof titles, string> = {} as never;
const HIDDEN = ["draft", "signed", "onlyDraft", "onlySigned", "draftPromise"] as const;
const NOTE = "Tre besök i Överkalix centrum under oktober.";

const ENDPOINTS = [
  "/api/v1/public/municipalities",
  `/api/v1/public/municipalities/${OVERKALIX.slug}`,
  "/api/v1/public/partnerships",
  "/api/v1/public/agreements",
  "/api/v1/public/citizen-promises",
  "/api/v1/public/commitments",
];

beforeAll(async () => {
  server = await startTestServer();
  database = server.openDatabase();
  const db = database.db;
  const overkalix = await insertPartnership(db, { municipalities: [OVERKALIX.code] });
  const pajala = await insertPartnership(db, { municipalities: [PAJALA.code] });
  const agreementAt = async (
    key: keyof typeof titles,
    partnershipId: string,
    stage: "draft" | "signed" | "published",
  ) => {
    ids[key] = (
      await insertAgreement(db, {
        partnershipId,
        stage,
        content: makeAgreementContent({
          title: titles[key],
          period: { from: "2025", to: "2028", continuesUntilReplaced: false },
        }),
      })
    ).id;
  };
  await agreementAt("published", overkalix, "published");
  await agreementAt("draft", overkalix, "draft");
  await agreementAt("signed", overkalix, "signed");
  await agreementAt("onlyDraft", pajala, "draft");
  await agreementAt("onlySigned", pajala, "signed");
  const promiseAt = async (key: keyof typeof titles, stage: "draft" | "published") => {
    ids[key] = (
      await insertCitizenPromise(db, {
        partnershipId: overkalix,
        stage,
        content: makeCitizenPromiseContent({
          title: titles[key],
          period: { from: "2026", to: "2027", continuesUntilReplaced: false },
        }),
      })
    ).id;
  };
  await promiseAt("promise", "published");
  await promiseAt("draftPromise", "draft");
  await recordCommitmentProgress({ db, actor: systemActor("test") }, ids.promise, {
    commitmentKey: "ramsele",
    status: "in-progress",
    note: NOTE,
    occurredOn: "2026-10-31",
  });
});

afterAll(async () => {
  await database?.close();
  await server?.stop();
});

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, { headers, redirect: "manual" });

async function body(path: string, status = 200): Promise<{ response: Response; text: string }> {
  const response = await get(path);
  const text = await response.text();
  expect(response.status, `${path}: ${text.slice(0, 300)}`).toBe(status);
  return { response, text };
}

const csvPath = (path: string) => `${path}?format=csv`;

describe("the open data, without logging in", () => {
  it("answers every endpoint as JSON and, with ?format=csv, as CSV", async () => {
    for (const path of ENDPOINTS) {
      const json = await body(path);
      expect(json.response.headers.get("Content-Type"), path).toMatch(/^application\/json/);
      JSON.parse(json.text);
      const csv = await get(csvPath(path));
      expect(csv.status, path).toBe(200);
      expect(csv.headers.get("Content-Type"), path).toMatch(/^text\/csv; charset=utf-8/);
      const bytes = Buffer.from(await csv.arrayBuffer());
      // The byte order mark, so Excel reads å, ä and ö (fetch's text() drops it).
      expect([...bytes.subarray(0, 3)], path).toEqual([0xef, 0xbb, 0xbf]);
      expect(bytes.toString("utf8").split("\r\n").length, path).toBeGreaterThan(2);
    }
  });

  it("lists all 290 municipalities with the current published agreement", async () => {
    const rows = JSON.parse((await body("/api/v1/public/municipalities")).text) as {
      slug: string;
      status: string;
      agreementId: string | null;
      promises: number;
      commitments: number;
    }[];
    expect(rows).toHaveLength(290);
    expect(rows.find((r) => r.slug === OVERKALIX.slug)).toMatchObject({
      status: "active",
      agreementId: ids.published,
      promises: 1,
      commitments: 3,
    });
    expect(rows.find((r) => r.slug === PAJALA.slug)).toMatchObject({ status: "none", agreementId: null });

    const csv = (await body(csvPath("/api/v1/public/municipalities"))).text;
    const [header, ...lines] = csv.trimEnd().split("\r\n");
    expect(header).toBe(
      "code;name;slug;county;policeRegion;status;agreementId;periodEnd;continuesUntilReplaced;themes;promises;commitments",
    );
    expect(lines).toHaveLength(290);
    expect(lines.find((l) => l.startsWith(`${OVERKALIX.code};`))).toContain(`;active;${ids.published};2028;`);
  });

  it("gives a municipality's page data, and its commitments as CSV", async () => {
    const page = JSON.parse((await body(`/api/v1/public/municipalities/${OVERKALIX.slug}`)).text) as {
      municipality: { name: string };
      currentAgreement: { id: string; title: string } | null;
      currentPromises: { id: string; commitments: { key: string; status: string | null }[] }[];
      followUps: { note: string; status: string }[];
    };
    expect(page.municipality.name).toBe(OVERKALIX.name);
    expect(page.currentAgreement).toMatchObject({ id: ids.published, title: titles.published });
    expect(page.currentPromises.map((p) => p.id)).toEqual([ids.promise]);
    expect(page.currentPromises[0]!.commitments.find((c) => c.key === "ramsele")?.status).toBe("in-progress");
    expect(page.followUps).toEqual([expect.objectContaining({ note: NOTE, status: "in-progress" })]);

    const csv = (await body(csvPath(`/api/v1/public/municipalities/${OVERKALIX.slug}`))).text;
    expect(csv).toContain(`${ids.promise};${titles.promise};active;ramsele;police;`);
    expect(csv).toContain(`;in-progress;2026-10-31;${NOTE};`);
  });

  it("lists each commitment with its owner, latest status and municipalities", async () => {
    const rows = JSON.parse((await body("/api/v1/public/commitments")).text) as {
      citizenPromiseId: string;
      key: string;
      owner: string;
      status: string | null;
      municipalities: string[];
    }[];
    const own = rows.filter((r) => r.citizenPromiseId === ids.promise);
    expect(own.map((r) => [r.key, r.owner, r.status])).toEqual([
      ["ramsele", "police", "in-progress"],
      ["grannsamverkan", "municipality", null],
      ["dialog", "joint", null],
    ]);
    for (const row of own) expect(row.municipalities).toEqual([OVERKALIX.slug]);

    const partnerships = JSON.parse((await body("/api/v1/public/partnerships")).text) as {
      policeArea: string;
      municipalities: string[];
    }[];
    expect(partnerships.filter((p) => p.municipalities.includes(OVERKALIX.slug))).toHaveLength(1);

    const agreements = JSON.parse((await body("/api/v1/public/agreements")).text) as { id: string }[];
    expect(agreements.map((a) => a.id)).toContain(ids.published);
    const promises = JSON.parse((await body("/api/v1/public/citizen-promises")).text) as { id: string }[];
    expect(promises.map((p) => p.id)).toContain(ids.promise);
  });

  it("answers 404 problem+json for an unknown municipality", async () => {
    for (const slug of ["finns-inte", "%C3%85nge", csvPath("finns-inte")]) {
      const { response, text } = await body(`/api/v1/public/municipalities/${slug}`, 404);
      expect(response.headers.get("Content-Type")).toMatch(/^application\/problem\+json/);
      expect(JSON.parse(text)).toMatchObject({ status: 404, code: "NOT_FOUND" });
    }
  });

  it("answers 422 for a format it does not know", async () => {
    const { text } = await body("/api/v1/public/agreements?format=xml", 422);
    expect(JSON.parse(text)).toMatchObject({ code: "VALIDATION", errors: { format: [expect.any(String)] } });
  });

  it("never shows a draft or a signed but unpublished document: not in JSON, CSV or the feed", async () => {
    const paths = [
      ...ENDPOINTS,
      ...ENDPOINTS.map(csvPath),
      `/api/v1/public/municipalities/${PAJALA.slug}`,
      csvPath(`/api/v1/public/municipalities/${PAJALA.slug}`),
      `/kommun/${OVERKALIX.slug}/flode.atom`,
      `/kommun/${PAJALA.slug}/flode.atom`,
    ];
    for (const path of paths) {
      const { text } = await body(path);
      for (const key of HIDDEN) {
        expect(text, `${path}: ${key}`).not.toContain(ids[key]);
        expect(text, `${path}: ${key}`).not.toContain(titles[key]);
      }
    }
    const pajala = JSON.parse((await body(`/api/v1/public/municipalities/${PAJALA.slug}`)).text) as {
      currentAgreement: unknown;
      earlierAgreements: unknown[];
    };
    expect(pajala.currentAgreement).toBeNull();
    expect(pajala.earlierAgreements).toEqual([]);
  });

  it("answers with an ETag and Cache-Control public, and 304 to a matching If-None-Match", async () => {
    for (const path of ["/api/v1/public/agreements", csvPath("/api/v1/public/commitments")]) {
      const first = await get(path);
      await first.arrayBuffer();
      const etag = first.headers.get("ETag");
      expect(etag, path).toMatch(/^"[\w-]+"$/);
      expect(first.headers.get("Cache-Control"), path).toMatch(/\bpublic\b/);
      const again = await get(path, { "If-None-Match": etag! });
      expect(again.status, path).toBe(304);
      expect(await again.text()).toBe("");
      const other = await get(path, { "If-None-Match": '"something-else"' });
      expect(other.status, path).toBe(200);
      await other.arrayBuffer();
    }
  });
});

interface XmlElement {
  uri: string;
  local: string;
  attributes: Record<string, string>;
  text: string;
  children: XmlElement[];
}

/** Parses XML with namespaces (saxes throws on anything not well-formed). */
function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  parser.on("opentag", (tag) => {
    const element: XmlElement = {
      uri: tag.uri ?? "",
      local: tag.local ?? tag.name,
      attributes: Object.fromEntries(Object.values(tag.attributes).map((a) => [a.local, a.value])),
      text: "",
      children: [],
    };
    stack.at(-1)?.children.push(element);
    root ??= element;
    stack.push(element);
  });
  parser.on("text", (text) => {
    const current = stack.at(-1);
    if (current) current.text += text;
  });
  parser.on("closetag", () => stack.pop());
  parser.write(xml).close();
  return root!;
}

const ATOM = "http://www.w3.org/2005/Atom";
const child = (element: XmlElement, local: string) => element.children.find((c) => c.local === local);

describe("the municipality's Atom feed", () => {
  it("is valid Atom with the published documents and follow-ups, newest first", async () => {
    const { response, text } = await body(`/kommun/${OVERKALIX.slug}/flode.atom`);
    expect(response.headers.get("Content-Type")).toMatch(/^application\/atom\+xml/);
    expect(response.headers.get("ETag")).toBeTruthy();
    const feed = parseXml(text);
    expect([feed.uri, feed.local]).toEqual([ATOM, "feed"]);
    for (const required of ["id", "title", "updated", "author"])
      expect(child(feed, required), required).toBeDefined();
    expect(feed.children.some((c) => c.local === "link" && c.attributes.rel === "self")).toBe(true);

    const entries = feed.children.filter((c) => c.local === "entry");
    for (const entry of entries) {
      expect(entry.uri).toBe(ATOM);
      for (const required of ["id", "title", "updated"])
        expect(child(entry, required), required).toBeDefined();
    }
    const entryIds = entries.map((e) => child(e, "id")!.text);
    expect(entryIds).toContain(`urn:uuid:${ids.published}`);
    expect(entryIds).toContain(`urn:uuid:${ids.promise}`);
    const updated = entries.map((e) => child(e, "updated")!.text);
    expect(updated).toEqual([...updated].sort().reverse());
    expect(child(feed, "updated")!.text).toBe(updated[0]);

    const agreement = entries.find((e) => child(e, "id")!.text === `urn:uuid:${ids.published}`)!;
    expect(child(agreement, "title")!.text).toContain(titles.published);
    const links = agreement.children.filter((c) => c.local === "link").map((l) => l.attributes.href);
    expect(links).toContain(`${server.url}/kommun/${OVERKALIX.slug}#agreement-${ids.published}`);
    expect(links).toContain(`${server.url}/overenskommelser/${ids.published}/export/pdf`);

    const followUp = entries.find((e) => child(e, "summary")?.text.includes(NOTE));
    expect(followUp, "the progress note's entry").toBeDefined();
    expect(child(followUp!, "updated")!.text).toBe("2026-10-31T12:00:00Z");
  });

  it("dates a published document's entry by its latest amendment", async () => {
    const db = database.db;
    const partnershipId = await insertPartnership(db, { municipalities: [ARJEPLOG.code] });
    const { id } = await insertAgreement(db, {
      partnershipId,
      stage: "published",
      content: makeAgreementContent({ title: "Arjeplogs överenskommelse" }),
    });
    const entryUpdated = async () => {
      const feed = parseXml((await body(`/kommun/${ARJEPLOG.slug}/flode.atom`)).text);
      const entry = feed.children.find(
        (c) => c.local === "entry" && child(c, "id")!.text === `urn:uuid:${id}`,
      )!;
      return child(entry, "updated")!.text;
    };
    const before = await entryUpdated();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await saveAgreementRevision({ db, actor: systemActor("test") }, id, {
      baseRevision: 1,
      amendmentReason: "Rättat ett stavfel",
      content: makeAgreementContent({ title: "Arjeplogs överenskommelse, reviderad" }),
    });
    // The public cache drops the feed within a second of the change.
    await expect.poll(entryUpdated, { timeout: 5_000 }).not.toBe(before);
    expect((await entryUpdated()) > before).toBe(true);
  });

  it("is a valid empty feed for a municipality with nothing published, and 404 for an unknown one", async () => {
    const feed = parseXml((await body(`/kommun/${PAJALA.slug}/flode.atom`)).text);
    expect(feed.local).toBe("feed");
    expect(feed.children.filter((c) => c.local === "entry")).toEqual([]);
    await body("/kommun/finns-inte/flode.atom", 404);
  });

  it("is linked from the municipality page's head", async () => {
    const page = (await body(`/kommun/${OVERKALIX.slug}`)).text;
    const head = page.slice(0, page.indexOf("</head>"));
    expect(head).toMatch(
      new RegExp(
        `<link rel="alternate" type="application/atom\\+xml" title="[^"]+" href="/kommun/${OVERKALIX.slug}/flode\\.atom"/>`,
      ),
    );
  });
});
