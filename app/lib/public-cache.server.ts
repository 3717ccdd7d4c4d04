import { createHash } from "node:crypto";

/**
 * The public cache: public pages and open-data answers, rendered once and served from memory
 * until something residents see changes.
 *
 * Every write that changes a public page raises `publication_version` in its own transaction
 * (db/publication-version.server.ts). A cached answer is kept with the version it was rendered
 * under and served only while that is still the version, and only on the day (Europe/Stockholm)
 * it was rendered: statuses such as "förlängd" follow the date. An instance learns of a new
 * version:
 * - from its own writes at once: after a raise it reads the committed version on every request
 *   until it sees it (so a publisher never gets the old page back);
 * - from other instances by PostgreSQL's NOTIFY, delivered at their commit;
 * - and, in case a notification was lost (or on the embedded database, where a short CLI command
 *   may write through the server's socket), by reading the version once it is POLL_MS old.
 * Reads of the version are shared: requests that arrive while one is under way wait for the next.
 *
 * How a route takes part: its path is one isPublicPath() accepts. Only anonymous GET/HEAD
 * requests (no session cookie, no API token) are served from or kept in the cache, and only a 200
 * that sets no cookie and does not say no-store, no-cache or private; it is kept with its own
 * Cache-Control when that says public, else with PUBLIC_CACHE_CONTROL (cli/public-cache.ts). Such
 * requests are rendered without a CSRF token (root.tsx): a public page has no form that posts.
 */

/** What public routes answer with; the ETag lets a browser revalidate with a 304. */
export const PUBLIC_CACHE_CONTROL = "public, max-age=0, must-revalidate";

/** How old the known version may get before a request reads it again. */
export const POLL_MS = 1_000;
const MAX_ENTRIES = 2_000;
const MAX_BYTES = 64 * 1024 * 1024;
/** Larger answers are served, not kept. */
export const MAX_ENTRY_BYTES = 4 * 1024 * 1024;
/** A raise whose commit is not seen by then was rolled back. */
const RAISE_SETTLES_MS = 10_000;

const PUBLIC_PATHS = [
  /^\/$/,
  /^\/oversikt$/,
  /^\/kommun\/.+/,
  /^\/trygghetsundersokningar\/[^/]+$/,
  /^\/api\/v1\/public(\/.*)?$/,
  /^\/sitemap\.xml$/,
];

/** Paths that may be served from the cache (their answer must also say Cache-Control: public). */
export function isPublicPath(pathname: string): boolean {
  // React Router's client navigation asks for /path.data (and /_root.data for /).
  const page = pathname === "/_root.data" ? "/" : pathname.replace(/\.data$/, "");
  return PUBLIC_PATHS.some((pattern) => pattern.test(page));
}

export interface CachedAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  /** A strong validator: the body's hash. */
  etag: string;
}

export interface Renderable {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export interface PublicCacheOptions {
  /** Reads the committed public version from the database. */
  readVersion: () => Promise<number>;
  now?: () => number;
  pollMs?: number;
  maxEntries?: number;
  maxBytes?: number;
}

interface Entry {
  version: number;
  day: string;
  answer: CachedAnswer;
}

const stockholmDay = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm" });

export class PublicCache {
  private readonly readVersionFromDb: () => Promise<number>;
  private readonly now: () => number;
  private readonly pollMs: number;
  private readonly maxEntries: number;
  private readonly maxBytes: number;

  private readonly entries = new Map<string, Entry>();
  private readonly rendering = new Map<string, Promise<CachedAnswer | null>>();
  private bytes = 0;

  /** The newest committed version seen; -1 before the first read. */
  private known = -1;
  /** When the read that gave `known` started (a notification counts as a read). */
  private knownAt = 0;
  /** A version raised by this process that may not yet be seen as committed. */
  private expected = 0;
  private expectedAt = 0;
  private reading: Promise<number> | null = null;
  private nextRead: Promise<number> | null = null;

  private day = "";
  private dayAt = -Infinity;

  /** Versions read from the database, for tests and the bench's curiosity. */
  reads = 0;

  constructor(options: PublicCacheOptions) {
    this.readVersionFromDb = options.readVersion;
    this.now = options.now ?? Date.now;
    this.pollMs = options.pollMs ?? POLL_MS;
    this.maxEntries = options.maxEntries ?? MAX_ENTRIES;
    this.maxBytes = options.maxBytes ?? MAX_BYTES;
  }

  /** A version this process raised (not yet committed): requests read until they see it. */
  noteLocalRaise(version: number): void {
    if (version > this.expected) {
      this.expected = version;
      this.expectedAt = this.now();
    }
  }

  /** A version another instance committed (NOTIFY's payload). */
  noteCommitted(version: number): void {
    if (version > this.known) {
      this.known = version;
      this.knownAt = this.now();
    }
  }

  /** Forgets how current the known version is: the next request reads it (after a reconnect). */
  markUncertain(): void {
    this.knownAt = -Infinity;
  }

  /** The version to serve under, if known without asking the database. */
  versionNow(): number | null {
    const now = this.now();
    if (this.known < 0 || now - this.knownAt >= this.pollMs) return null;
    if (this.known < this.expected) {
      if (now - this.expectedAt < RAISE_SETTLES_MS) return null;
      this.expected = this.known;
    }
    return this.known;
  }

  /** The version to serve under: versionNow(), or a read of the database started after this call. */
  async currentVersion(): Promise<number> {
    return this.versionNow() ?? (await this.freshRead());
  }

  private freshRead(): Promise<number> {
    if (!this.reading) return (this.reading = this.startRead());
    // The read under way may have started before the caller's moment: wait for the next one.
    this.nextRead ??= this.reading
      .catch(() => undefined)
      .then(() => {
        this.nextRead = null;
        return (this.reading = this.startRead());
      });
    return this.nextRead;
  }

  private startRead(): Promise<number> {
    const started = this.now();
    this.reads++;
    const read = this.readVersionFromDb().then((version) => {
      if (version >= this.known) {
        this.known = version;
        this.knownAt = Math.max(this.knownAt, started);
      }
      return this.known;
    });
    const settle = () => {
      if (this.reading === read) this.reading = null;
    };
    read.then(settle, settle);
    return read;
  }

  /** The day a cached answer belongs to, in Stockholm (read at most once a second). */
  private today(): string {
    const now = this.now();
    if (now - this.dayAt >= 1_000) {
      this.day = stockholmDay.format(now);
      this.dayAt = now;
    }
    return this.day;
  }

  /** The cached answer for key under this version, if any. */
  lookup(key: string, version: number): CachedAnswer | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.version === version && entry.day === this.today()) return entry.answer;
    if (entry.version <= version) this.remove(key, entry);
    return undefined;
  }

  /**
   * The answer for key: from the cache, else from render() — once, however many ask at the same
   * time; the others wait for it. render() gives null for an answer that must not be kept (not
   * 200, not public, sets a cookie, too large); then every waiting caller renders for itself.
   */
  async cachedPublic(key: string, render: () => Promise<Renderable | null>): Promise<CachedAnswer | null> {
    const version = await this.currentVersion();
    const hit = this.lookup(key, version);
    if (hit) return hit;
    const flightKey = `${version}\n${key}`;
    const pending = this.rendering.get(flightKey);
    if (pending) return pending;
    const day = this.today();
    const rendered = render().then((result) => {
      if (!result || result.body.length > MAX_ENTRY_BYTES) return null;
      const answer: CachedAnswer = { ...result, etag: etagOf(result.body) };
      this.store(key, { version, day, answer });
      return answer;
    });
    this.rendering.set(flightKey, rendered);
    const forget = () => this.rendering.delete(flightKey);
    rendered.then(forget, forget);
    return rendered;
  }

  private store(key: string, entry: Entry): void {
    // A render that began under an older version than one already stored is stale: drop it.
    const existing = this.entries.get(key);
    if (existing) {
      if (existing.version > entry.version) return;
      this.remove(key, existing);
    }
    this.entries.set(key, entry);
    this.bytes += entry.answer.body.length;
    // Oldest first: Map keeps insertion order.
    for (const [oldKey, old] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.remove(oldKey, old);
    }
  }

  private remove(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.bytes -= entry.answer.body.length;
  }

  /** How many answers and bytes are kept. */
  size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }
}

export function etagOf(body: Buffer): string {
  return `"${createHash("sha1").update(body).digest("base64url").slice(0, 22)}"`;
}

/** Whether an If-None-Match header names this ETag (weak comparison, as RFC 9110 asks for GET). */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  return ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
}
