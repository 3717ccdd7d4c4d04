import { describe, expect, it } from "vitest";
import { etagOf, isPublicPath, matchesEtag, PublicCache, type Renderable } from "./public-cache.server";

function setUp(start = Date.parse("2026-03-10T10:00:00Z")) {
  const clock = { now: start };
  const db = { version: 0, reads: 0 };
  const cache = new PublicCache({
    readVersion: () => {
      db.reads++;
      return Promise.resolve(db.version);
    },
    now: () => clock.now,
    pollMs: 1_000,
  });
  let renders = 0;
  const render = (text: string) => (): Promise<Renderable> => {
    renders++;
    return Promise.resolve({
      status: 200,
      headers: { "content-type": "text/html" },
      body: Buffer.from(text),
    });
  };
  return { clock, db, cache, render, renders: () => renders };
}

describe("PublicCache", () => {
  it("renders once and serves the kept answer while the version stands", async () => {
    const { cache, render, renders, db } = setUp();
    const first = await cache.cachedPublic("/kommun/ange", render("v0"));
    const second = await cache.cachedPublic("/kommun/ange", render("other"));
    expect(second?.body.toString()).toBe("v0");
    expect(second?.etag).toBe(first?.etag);
    expect(renders()).toBe(1);
    expect(db.reads).toBe(1);
  });

  it("renders anew after another instance's commit is announced", async () => {
    const { cache, render } = setUp();
    await cache.cachedPublic("k", render("old"));
    cache.noteCommitted(1);
    expect((await cache.cachedPublic("k", render("new")))?.body.toString()).toBe("new");
  });

  it("after a raise of its own, reads the version on each request until the commit shows", async () => {
    const { cache, render, db } = setUp();
    await cache.cachedPublic("k", render("old"));
    cache.noteLocalRaise(1);
    // Not committed yet: the old page is still the right one, but it is read for every request.
    expect(cache.versionNow()).toBeNull();
    expect((await cache.cachedPublic("k", render("x")))?.body.toString()).toBe("old");
    const readsBefore = db.reads;
    db.version = 1;
    expect((await cache.cachedPublic("k", render("new")))?.body.toString()).toBe("new");
    expect(db.reads).toBe(readsBefore + 1);
    expect(cache.versionNow()).toBe(1);
  });

  it("reads the version again once it is older than the poll interval (a lost notification)", async () => {
    const { cache, render, db, clock } = setUp();
    await cache.cachedPublic("k", render("old"));
    db.version = 3;
    clock.now += 999;
    expect((await cache.cachedPublic("k", render("new")))?.body.toString()).toBe("old");
    clock.now += 1;
    expect((await cache.cachedPublic("k", render("new")))?.body.toString()).toBe("new");
  });

  it("gives up waiting for a raise that was rolled back", async () => {
    const { cache, clock, render } = setUp();
    await cache.cachedPublic("k", render("old"));
    cache.noteLocalRaise(1);
    clock.now += 500;
    expect(cache.versionNow()).toBeNull();
    clock.now += 10_000;
    await cache.currentVersion();
    expect(cache.versionNow()).toBe(0);
  });

  it("keeps an answer for the day it was rendered on, in Stockholm", async () => {
    const { cache, clock, render } = setUp(Date.parse("2026-03-10T22:59:00Z"));
    await cache.cachedPublic("k", render("tuesday"));
    clock.now = Date.parse("2026-03-10T23:00:30Z"); // 00:00:30 on Wednesday in Stockholm
    cache.noteCommitted(0);
    expect((await cache.cachedPublic("k", render("wednesday")))?.body.toString()).toBe("wednesday");
  });

  it("renders once for many who ask at the same time; shares one read among them", async () => {
    const { cache, renders, db } = setUp();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = async (): Promise<Renderable> => {
      await gate;
      return { status: 200, headers: {}, body: Buffer.from("page") };
    };
    const asks = Array.from({ length: 20 }, () => cache.cachedPublic("k", slow));
    release();
    const answers = await Promise.all(asks);
    expect(new Set(answers.map((a) => a?.body.toString()))).toEqual(new Set(["page"]));
    expect(renders()).toBe(0);
    // One read started at once, one more for those who came while it was under way.
    expect(db.reads).toBeLessThanOrEqual(2);
  });

  it("does not keep an answer render() refuses", async () => {
    const { cache, render, renders } = setUp();
    expect(await cache.cachedPublic("k", () => Promise.resolve(null))).toBeNull();
    await cache.cachedPublic("k", render("kept"));
    expect(renders()).toBe(1);
  });

  it("drops the oldest answers beyond its size", async () => {
    const cache = new PublicCache({ readVersion: () => Promise.resolve(0), maxEntries: 2 });
    for (const key of ["a", "b", "c"]) {
      await cache.cachedPublic(key, () =>
        Promise.resolve({ status: 200, headers: {}, body: Buffer.from(key) }),
      );
    }
    expect(cache.size().entries).toBe(2);
    expect(cache.lookup("a", 0)).toBeUndefined();
    expect(cache.lookup("c", 0)?.body.toString()).toBe("c");
  });
});

describe("isPublicPath", () => {
  it("accepts the public pages, their data requests and the open data only", () => {
    for (const path of [
      "/",
      "/_root.data",
      "/oversikt",
      "/oversikt.data",
      "/kommun/ange",
      "/kommun/ange.data",
    ]) {
      expect(isPublicPath(path), path).toBe(true);
    }
    for (const path of ["/api/v1/public", "/api/v1/public/municipalities", "/sitemap.xml"]) {
      expect(isPublicPath(path), path).toBe(true);
    }
    for (const path of ["/samverkan", "/logga-in", "/api/v1/partnerships", "/kommun", "/api/v1/publicity"]) {
      expect(isPublicPath(path), path).toBe(false);
    }
  });
});

describe("ETags", () => {
  it("are the body's hash and match If-None-Match lists, weak or strong", () => {
    const etag = etagOf(Buffer.from("page"));
    expect(etag).toBe(etagOf(Buffer.from("page")));
    expect(etag).not.toBe(etagOf(Buffer.from("other")));
    expect(matchesEtag(`"x", W/${etag}`, etag)).toBe(true);
    expect(matchesEtag("*", etag)).toBe(true);
    expect(matchesEtag(undefined, etag)).toBe(false);
    expect(matchesEtag('"x"', etag)).toBe(false);
  });
});
