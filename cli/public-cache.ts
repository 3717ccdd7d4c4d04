import type { IncomingMessage, ServerResponse } from "node:http";
import type { NextFunction, Request, Response } from "express";
import type { Env } from "~/config/env.server";
import { openDatabase } from "~/db/client.server";
import { embeddedSocketDir } from "~/db/embedded-paths.server";
import {
  listenForPublicationVersions,
  onLocalPublicationRaise,
  readPublicationVersion,
} from "~/db/publication-version.server";
import {
  isPublicPath,
  matchesEtag,
  MAX_ENTRY_BYTES,
  PUBLIC_CACHE_CONTROL,
  PublicCache,
  type CachedAnswer,
  type Renderable,
} from "~/lib/public-cache.server";

/** Set on the request handed to React Router for a cacheable render: root.tsx then omits the CSRF token. */
export const PUBLIC_RENDER_HEADER = "x-tryggsam-public-render";

/** Headers of a rendered answer that are not kept with it (per response, or set again by Express). */
const NOT_KEPT = new Set([
  "set-cookie",
  "date",
  "connection",
  "keep-alive",
  "transfer-encoding",
  "content-length",
  "etag",
]);

export interface ServerPublicCache {
  cache: PublicCache;
  /**
   * Answers a request from the cache, before Express sees it, when it can without waiting: the
   * status sent, or null to hand the request on.
   */
  answerFromCache: (
    req: IncomingMessage,
    res: ServerResponse,
    headers: Record<string, string>,
  ) => number | null;
  /** Express: a cacheable request the cache could not answer at once — wait for a render, or render and keep. */
  middleware: (req: Request, res: Response, next: NextFunction) => void;
  close(): Promise<void>;
}

/**
 * The process's public cache: versions read through the server's pool, raises of this process
 * noted at once, other instances' commits by LISTEN on PostgreSQL.
 */
export function createServerPublicCache(env: Env): ServerPublicCache {
  // A pool of its own, closed with the server: it reads one row, at most once a second mostly.
  const database = env.DATABASE_URL
    ? openDatabase({ databaseUrl: env.DATABASE_URL, max: 2 })
    : openDatabase({ socketDir: embeddedSocketDir(env.DATA_DIR), max: 2 });
  const cache = new PublicCache({ readVersion: () => readPublicationVersion(database.db) });
  const unsubscribe = onLocalPublicationRaise((version) => cache.noteLocalRaise(version));
  const listener = env.DATABASE_URL
    ? listenForPublicationVersions(env.DATABASE_URL, {
        onVersion: (version) => cache.noteCommitted(version),
        onConnected: () => cache.markUncertain(),
      })
    : null;
  return {
    cache,
    answerFromCache: (req, res, headers) => answerFromCache(cache, req, res, headers),
    middleware: publicCacheMiddleware(cache),
    async close() {
      unsubscribe();
      await listener?.close();
      await database.close();
    },
  };
}

const COOKIES = {
  session: /(?:^|;\s*)tryggsam_session=([^;]*)/,
  lang: /(?:^|;\s*)tryggsam_lang=([^;]*)/,
};

function cookieValue(cookieHeader: string | undefined, name: keyof typeof COOKIES): string | null {
  if (!cookieHeader) return null;
  return COOKIES[name].exec(cookieHeader)?.[1] ?? null;
}

/** The cache key of a request that may be served from the cache, else null. */
function cacheKey(req: IncomingMessage, pathname: string): { key: string; lang: string | null } | null {
  if (req.method !== "GET" && req.method !== "HEAD") return null;
  if (!isPublicPath(pathname)) return null;
  const cookies = req.headers.cookie;
  if (req.headers.authorization || cookieValue(cookies, "session") !== null) return null;
  const lang = cookieValue(cookies, "lang");
  return { key: `${lang ?? ""}\n${req.url ?? ""}`, lang };
}

function answerFromCache(
  cache: PublicCache,
  req: IncomingMessage,
  res: ServerResponse,
  headers: Record<string, string>,
): number | null {
  delete req.headers[PUBLIC_RENDER_HEADER];
  const candidate = cacheKey(req, (req.url ?? "/").split("?")[0]!);
  if (!candidate) return null;
  const version = cache.versionNow();
  if (version === null) return null;
  const hit = cache.lookup(candidate.key, version);
  if (!hit) return null;
  // The hot path: one writeHead with the answer's headers as prepared once (headers given here
  // are the same on every call).
  let raw = rawHeaders.get(hit);
  if (!raw) {
    const common = [...Object.entries(headers), ...Object.entries(hit.headers), ["ETag", hit.etag]].flat();
    raw = { notModified: common, full: [...common, "Content-Length", String(hit.body.length)] };
    rawHeaders.set(hit, raw);
  }
  if (req.headers["if-none-match"] && matchesEtag(req.headers["if-none-match"], hit.etag)) {
    res.writeHead(304, raw.notModified).end();
    return 304;
  }
  res.writeHead(hit.status, raw.full);
  if (req.method === "HEAD") res.end();
  else res.end(hit.body);
  return hit.status;
}

const rawHeaders = new WeakMap<CachedAnswer, { notModified: string[]; full: string[] }>();

/**
 * For anonymous GET requests for public paths that answerFromCache could not answer: waits for a
 * render under way, or lets React Router render (without cookies but the language, marked as a
 * public render) and keeps a 200 that sets no cookie and does not say no-store, no-cache or private.
 */
export function publicCacheMiddleware(cache: PublicCache) {
  return (req: Request, res: Response, next: NextFunction): void => {
    delete req.headers[PUBLIC_RENDER_HEADER];
    const candidate = cacheKey(req, req.path);
    if (!candidate || req.method === "HEAD") return next();
    const { key, lang } = candidate;

    let rendersHere = false;
    cache
      .cachedPublic(key, () => {
        rendersHere = true;
        req.headers[PUBLIC_RENDER_HEADER] = "1";
        if (lang === null) delete req.headers.cookie;
        else req.headers.cookie = `tryggsam_lang=${lang}`;
        return capture(res, next);
      })
      .then(
        (answer) => {
          if (rendersHere) return;
          if (answer) void send(req, res, answer);
          else next();
        },
        // The version could not be read: the page is rendered as if there were no cache.
        () => {
          if (!rendersHere) next();
        },
      );
  };
}

/** Sends a kept answer (304 when the client has it); returns the status sent. */
function send(req: IncomingMessage, res: ServerResponse, answer: CachedAnswer): number {
  for (const [name, value] of Object.entries(answer.headers)) res.setHeader(name, value);
  res.setHeader("ETag", answer.etag);
  if (matchesEtag(req.headers["if-none-match"], answer.etag)) {
    res.statusCode = 304;
    res.end();
    return 304;
  }
  res.statusCode = answer.status;
  res.setHeader("Content-Length", answer.body.length);
  if (req.method === "HEAD") res.end();
  else res.end(answer.body);
  return answer.status;
}

/** Lets the rest of the chain answer, and resolves with the answer if it may be kept. */
function capture(res: Response, next: NextFunction): Promise<Renderable | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let keep = true;
    const take = (chunk: unknown, encoding?: unknown) => {
      if (!keep || chunk === undefined || chunk === null || typeof chunk === "function") return;
      const buffer = Buffer.isBuffer(chunk)
        ? chunk
        : typeof chunk === "string"
          ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8")
          : Buffer.from(chunk as Uint8Array);
      size += buffer.length;
      if (size > MAX_ENTRY_BYTES) {
        keep = false;
        chunks.length = 0;
      } else chunks.push(buffer);
    };
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    (res as { write: unknown }).write = (...args: unknown[]) => {
      take(args[0], args[1]);
      return write(...args);
    };
    (res as { end: unknown }).end = (...args: unknown[]) => {
      take(args[0], args[1]);
      return end(...args);
    };
    const finish = () => {
      const cacheControl = String(res.getHeader("cache-control") ?? "");
      const refused = /\b(no-store|private|no-cache)\b/.test(cacheControl);
      if (!keep || res.statusCode !== 200 || refused || res.getHeader("set-cookie")) return resolve(null);
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(res.getHeaders())) {
        if (value === undefined || NOT_KEPT.has(name)) continue;
        headers[name] = Array.isArray(value) ? value.join(", ") : String(value);
      }
      if (!/\bpublic\b/.test(cacheControl)) headers["cache-control"] = PUBLIC_CACHE_CONTROL;
      resolve({ status: 200, headers, body: Buffer.concat(chunks) });
    };
    res.once("finish", finish);
    res.once("close", () => {
      if (!res.writableFinished) resolve(null);
    });
    next();
  });
}
