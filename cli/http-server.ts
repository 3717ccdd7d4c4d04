import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createRequestHandler } from "@react-router/express";
import express from "express";
import { pino, type Logger } from "pino";
import { RouterContextProvider, type ServerBuild } from "react-router";
import type { Env } from "~/config/env.server";
import {
  isImportUpload,
  MAX_UPLOAD_BODY_BYTES,
  MAX_UPLOAD_FILE_BYTES,
  MAX_UPLOAD_FILES,
} from "~/import/upload-limits";
import { connectionContext } from "~/lib/request-context.server";
import { createServerPublicCache } from "./public-cache";

/** Sent with every answer. */
const SECURITY_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Frame-Options": "DENY",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
};

/** The largest request body accepted (forms, API; the upload has limits of its own); larger is 413. */
export const MAX_BODY_BYTES = 1024 * 1024;

const root = fileURLToPath(new URL("../", import.meta.url));
const buildDir = resolve(root, process.env.TRYGGSAM_BUILD_DIR ?? "build");
export const BUILD_FILE = join(buildDir, "server", "index.js");

/** Runs the Vite build of the web part (`react-router build`), output to the console. */
export async function buildWebApp(): Promise<void> {
  const cli = join(root, "node_modules", "@react-router", "dev", "bin.js");
  const code = await new Promise<number>((resolvePromise, reject) => {
    const child = spawn(process.execPath, [cli, "build"], {
      cwd: root,
      stdio: ["ignore", "inherit", "inherit"],
    });
    child.once("error", reject);
    child.once("exit", (exitCode) => resolvePromise(exitCode ?? 1));
  });
  if (code !== 0) throw new Error(`Bygget av webbdelen misslyckades (kod ${code}).`);
}

/** How long, and how much of it, the rest of an upload answered early is read and dropped. */
const LINGER_MS = 2_000;
const LINGER_BYTES = 4 * 1024 * 1024;

/**
 * An upload may be answered before its body is read in full (too large, no right, a bad token).
 * Closing at once would reset the connection under a client still sending, which then often
 * loses the answer; so what is left is read and dropped for a moment — never kept — and the
 * connection closed when that passes LINGER_MS or LINGER_BYTES.
 */
function dropRestAfterAnswer(req: express.Request, res: express.Response): void {
  res.once("finish", () => {
    if (req.complete) return;
    const socket = req.socket;
    // Counted on the socket: Node may already drop the body without emitting it.
    const start = socket.bytesRead;
    const stop = () => {
      clearTimeout(timer);
      clearInterval(watch);
    };
    const close = () => {
      stop();
      socket.destroy();
    };
    const timer = setTimeout(close, LINGER_MS);
    const watch = setInterval(() => {
      if (socket.bytesRead - start > LINGER_BYTES) close();
    }, 20);
    timer.unref();
    watch.unref();
    socket.once("close", stop);
    req.once("end", stop);
    // React Router's body stream may still listen; it must not queue what is dropped.
    req.removeAllListeners("data");
    req.resume();
  });
}

export async function loadBuild(): Promise<ServerBuild> {
  if (!existsSync(BUILD_FILE)) {
    throw new Error("Tryggsam är inte byggt: kör `npm run build` (eller `npm start`, som bygger först).");
  }
  return (await import(pathToFileURL(BUILD_FILE).href)) as ServerBuild;
}

/** The HTTP server: health check, static assets, body limit, request log, then React Router. */
export function createHttpServer(env: Env, build: ServerBuild): Server {
  const log = pino({ level: env.LOG_LEVEL, base: undefined });
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", "loopback");
  app.use((_req, res, next) => {
    res.set(SECURITY_HEADERS);
    next();
  });

  // Answers without the database: shows that the process and its event loop are alive.
  app.get("/healthz", (_req, res) => {
    res.set("Cache-Control", "no-store").json({ status: "ok" });
  });

  app.use((req, res, next) => {
    const started = process.hrtime.bigint();
    res.on("finish", () => {
      log.info({
        method: req.method,
        path: req.path,
        status: res.statusCode,
        ms: Number(process.hrtime.bigint() - started) / 1e6,
      });
    });
    next();
  });

  // Public pages: a cached one is answered before Express (below); a miss is rendered by React
  // Router and kept (public-cache.ts).
  const publicCache = createServerPublicCache(env);
  app.use(publicCache.middleware);

  app.use(
    "/assets",
    express.static(join(buildDir, "client", "assets"), { immutable: true, maxAge: "1y", index: false }),
  );
  app.use(express.static(join(buildDir, "client"), { maxAge: "1h", index: false }));

  // The web upload of documents takes up to MAX_UPLOAD_FILES files of MAX_UPLOAD_FILE_BYTES and
  // enforces that itself while its body streams in (app/import/upload.server.ts); here only a
  // Content-Length that already says too much is refused, before a byte of the body is read.
  app.use((req, res, next) => {
    if (!isImportUpload(req.method, req.path, req.headers["content-type"] ?? null)) return next();
    dropRestAfterAnswer(req, res);
    const length = Number(req.headers["content-length"] ?? 0);
    if (!(length > MAX_UPLOAD_BODY_BYTES)) return next();
    res
      .status(413)
      .type("html")
      .send(
        '<!doctype html><html lang="sv"><meta charset="utf-8"><title>För stora filer – Tryggsam</title>' +
          `<main><h1>För stora filer</h1><p>Du kan läsa in högst ${MAX_UPLOAD_FILES} filer åt gången, ` +
          `högst ${MAX_UPLOAD_FILE_BYTES / 1024 / 1024} MB per fil. Inget lästes in.</p>` +
          `<p><a href="${req.path}">Tillbaka till inläsningen</a></p></main></html>`,
      );
  });

  app.use((req, res, next) => {
    const length = Number(req.headers["content-length"] ?? 0);
    const chunked = !req.headers["content-length"] && req.headers["transfer-encoding"] !== undefined;
    if (length <= MAX_BODY_BYTES && !chunked) return next();
    if (isImportUpload(req.method, req.path, req.headers["content-type"] ?? null)) return next();
    res.status(413);
    if (req.path.startsWith("/api/")) {
      res.type("application/problem+json").send(
        JSON.stringify({
          type: "about:blank",
          title: "För stor begäran",
          status: 413,
          detail: `Begäran får vara högst ${MAX_BODY_BYTES / 1024 / 1024} MiB (med Content-Length).`,
          code: "PAYLOAD_TOO_LARGE",
        }),
      );
    } else {
      res
        .type("html")
        .send(
          '<!doctype html><html lang="sv"><meta charset="utf-8"><title>För mycket data – Tryggsam</title>' +
            "<main><h1>För mycket data</h1><p>Det du skickade är större än vad Tryggsam tar emot. " +
            'Gå tillbaka och försök med mindre.</p><p><a href="/">Till startsidan</a></p></main></html>',
        );
    }
    req.resume();
  });

  app.all(
    "/{*splat}",
    createRequestHandler({
      build,
      mode: process.env.NODE_ENV === "development" ? "development" : "production",
      getLoadContext(req) {
        const context = new RouterContextProvider();
        context.set(connectionContext, { clientAddress: req.ip ?? "unknown", secure: req.secure });
        return context;
      },
    }),
  );

  app.use((error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    log.error({ err: error }, "unhandled error");
    if (!res.headersSent) res.status(500).type("text/plain").send("Internt fel");
  });

  const hits = new CacheHitLog(log);
  const server = createServer((req, res) => {
    const status = publicCache.answerFromCache(req, res, SECURITY_HEADERS);
    if (status === null) return void app(req, res);
    hits.count(req.url ?? "/", status);
  });
  server.once("close", () => {
    hits.stop();
    void publicCache.close();
  });
  return server;
}

/** How often the answers from the public cache are logged. */
export const CACHE_HIT_LOG_MS = 10_000;

/**
 * Answers from the public cache are logged as one line per CACHE_HIT_LOG_MS — how many, by path
 * and status — rather than a line each: they are anonymous reads of public pages, a busy minute
 * has millions of them, and formatting a line per answer costs a cached page about a tenth of its
 * rate. Every other request keeps its own line.
 */
class CacheHitLog {
  private counts = new Map<string, number>();
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly log: Logger) {
    this.timer = setInterval(() => this.write(), CACHE_HIT_LOG_MS);
    this.timer.unref();
  }

  count(url: string, status: number): void {
    const question = url.indexOf("?");
    const key = `${status} ${question === -1 ? url : url.slice(0, question)}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  stop(): void {
    clearInterval(this.timer);
    this.write();
  }

  private write(): void {
    if (this.counts.size === 0) return;
    const answers = [...this.counts].map(([key, count]) => {
      const space = key.indexOf(" ");
      return { path: key.slice(space + 1), status: Number(key.slice(0, space)), count };
    });
    this.counts = new Map();
    this.log.info({ cached: answers, seconds: CACHE_HIT_LOG_MS / 1000 }, "Svar ur den publika cachen");
  }
}
