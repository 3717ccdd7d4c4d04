import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import pg from "pg";

/**
 * The public pages under load: the production build, started as `tryggsam serve` on a fresh data
 * folder with the demo content (and, with DATABASE_URL, on a fresh PostgreSQL database), measured
 * by autocannon next to a bare node:http hello-world server in the same run, the same way.
 */

const root = new URL("../", import.meta.url).pathname;
const BIN = join(root, "bin", "tryggsam.js");
const BUILD_DIR = "build-bench";

/** The pages measured, by result name; a page the build does not have yet is marked missing. */
export const PAGES: Record<string, string> = {
  kommun_ange: "/kommun/ange",
  oversikt: "/oversikt",
  api_public_municipalities: "/api/v1/public/municipalities",
};

const CONNECTIONS = 50;
const DURATION_S = 10;
const LOAD_CONNECTIONS = 200;
const LOAD_DURATION_S = 30;

export type PageResult =
  | {
      rps: number;
      p50_ms: number;
      p99_ms: number;
      baseline_rps: number;
      ratio: number;
      errors: number;
      non_2xx: number;
    }
  | { missing: true; status: number };

export interface LoadResult {
  path: string;
  connections: number;
  duration_s: number;
  requests: number;
  rps: number;
  p99_ms: number;
  errors: number;
  timeouts: number;
  non_2xx: number;
  rss_before_mib: number;
  rss_after_mib: number;
}

interface Measured {
  rps: number;
  p50_ms: number;
  p99_ms: number;
  requests: number;
  errors: number;
  timeouts: number;
  non_2xx: number;
}

async function measure(url: string, connections = CONNECTIONS, duration = DURATION_S): Promise<Measured> {
  const result = await autocannon({ url, connections, duration });
  return {
    rps: Math.round(result.requests.average),
    p50_ms: result.latency.p50,
    p99_ms: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors,
    timeouts: result.timeouts,
    non_2xx: result.non2xx,
  };
}

function log(line: string) {
  process.stderr.write(`${line}\n`);
}

/** Starts a process and resolves with its URL once its log (a file, as in production) says it. */
async function startProcess(
  args: string[],
  env: Record<string, string>,
  logFile: string,
  ready: RegExp,
  timeoutMs = 120_000,
): Promise<{ url: string; child: ChildProcess; stop(): Promise<void> }> {
  const fd = openSync(logFile, "w");
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ["ignore", fd, fd] });
  closeSync(fd);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const killer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(killer);
    }
  };
  const started = Date.now();
  for (;;) {
    const match = ready.exec(readFileSync(logFile, "utf8"));
    if (match) return { url: match[1]!, child, stop };
    if (child.exitCode !== null)
      throw new Error(`${args.join(" ")} avslutades:\n${readFileSync(logFile, "utf8")}`);
    if (Date.now() - started > timeoutMs) {
      await stop();
      throw new Error(`${args.join(" ")} startade inte i tid:\n${readFileSync(logFile, "utf8")}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function waitForLog(logFile: string, pattern: RegExp, timeoutMs = 180_000): Promise<string> {
  const started = Date.now();
  for (;;) {
    const match = pattern.exec(readFileSync(logFile, "utf8"));
    if (match) return match[0];
    if (Date.now() - started > timeoutMs) throw new Error(`${pattern} kom inte i ${logFile} i tid`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function rssMiB(pid: number): number {
  const kib = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  return kib ? Math.round(Number(kib) / 1024) : Number.NaN;
}

async function runCommand(args: string[], env: Record<string, string>): Promise<void> {
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
  const code = await new Promise<number>((resolve) => child.once("exit", (c) => resolve(c ?? 1)));
  if (code !== 0) throw new Error(`${args.join(" ")} misslyckades (kod ${code})`);
}

const HELLO_WORLD = `
const http = require("node:http");
const server = http.createServer((req, res) => {
  res.writeHead(200, { "Content-Type": "text/plain; charset=utf-8" });
  res.end("Hello world");
});
server.listen(0, "127.0.0.1", () => console.log("listening on http://127.0.0.1:" + server.address().port + " "));
`;

async function measureBaseline(dir: string): Promise<number> {
  const hello = await startProcess(
    ["-e", HELLO_WORLD],
    { PATH: process.env.PATH ?? "" },
    join(dir, "hello.log"),
    /listening on (\S+) /,
  );
  try {
    await measure(hello.url, CONNECTIONS, 2);
    const baseline = await measure(hello.url);
    log(`  hello world: ${baseline.rps} req/s, p99 ${baseline.p99_ms} ms`);
    return baseline.rps;
  } finally {
    await hello.stop();
  }
}

function serverEnv(extra: Record<string, string>): Record<string, string> {
  return {
    PATH: process.env.PATH ?? "",
    TZ: "Europe/Stockholm",
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    PORT: "0",
    TRYGGSAM_BUILD_DIR: BUILD_DIR,
    ...extra,
  };
}

async function measurePages(
  engine: "embedded" | "pg",
  url: string,
  baselineRps: number,
): Promise<Record<string, PageResult>> {
  const results: Record<string, PageResult> = {};
  for (const [name, path] of Object.entries(PAGES)) {
    const first = await fetch(url + path);
    await first.arrayBuffer();
    if (first.status === 404) {
      log(`  ${path}: finns inte (${first.status})`);
      results[`${name}_${engine}`] = { missing: true, status: first.status };
      continue;
    }
    await measure(url + path, CONNECTIONS, 2);
    const m = await measure(url + path);
    const ratio = Math.round((m.rps / baselineRps) * 1000) / 1000;
    log(
      `  ${path}: ${m.rps} req/s (${ratio} av hello world), p50 ${m.p50_ms} ms, p99 ${m.p99_ms} ms, status ${first.status}`,
    );
    results[`${name}_${engine}`] = {
      rps: m.rps,
      p50_ms: m.p50_ms,
      p99_ms: m.p99_ms,
      baseline_rps: baselineRps,
      ratio,
      errors: m.errors + m.timeouts,
      non_2xx: m.non_2xx,
    };
  }
  return results;
}

async function loadRun(url: string, pid: number): Promise<LoadResult> {
  const path = PAGES.kommun_ange!;
  const before = rssMiB(pid);
  const m = await measure(url + path, LOAD_CONNECTIONS, LOAD_DURATION_S);
  const after = rssMiB(pid);
  log(
    `  last ${path}, ${LOAD_CONNECTIONS} anslutningar i ${LOAD_DURATION_S} s: ${m.requests} svar, ` +
      `${m.errors} fel, ${m.timeouts} timeouts, ${m.non_2xx} ej 2xx; RSS ${before} → ${after} MiB`,
  );
  return {
    path,
    connections: LOAD_CONNECTIONS,
    duration_s: LOAD_DURATION_S,
    requests: m.requests,
    rps: m.rps,
    p99_ms: m.p99_ms,
    errors: m.errors,
    timeouts: m.timeouts,
    non_2xx: m.non_2xx,
    rss_before_mib: before,
    rss_after_mib: after,
  };
}

/** Builds, then measures the pages on the embedded database and, with DATABASE_URL, on PostgreSQL. */
export async function pageBenchmarks(): Promise<Record<string, PageResult | LoadResult>> {
  log(`bygger till ${BUILD_DIR} …`);
  await runCommand([join(root, "node_modules", "@react-router", "dev", "bin.js"), "build"], {
    PATH: process.env.PATH ?? "",
    TRYGGSAM_BUILD_DIR: BUILD_DIR,
    NODE_ENV: "production",
  });
  const dir = mkdtempSync(join(tmpdir(), "tryggsam-bench-pages-"));
  const results: Record<string, PageResult | LoadResult> = {};
  try {
    // Embedded: a fresh data folder; the first start seeds the demo content in the background.
    {
      log("inbyggd databas …");
      const logFile = join(dir, "embedded.log");
      const server = await startProcess(
        [BIN, "serve"],
        serverEnv({ DATA_DIR: join(dir, "data"), LOG_LEVEL: "info" }),
        logFile,
        /Tryggsam kör på (http:\/\/\S+?)\s/,
      );
      try {
        log(
          `  ${await waitForLog(logFile, /Exempeldokument inlagda: \d+ av \d+|Exempeldokumenten kunde inte läggas in/)}`,
        );
        const baseline = await measureBaseline(dir);
        Object.assign(results, await measurePages("embedded", server.url, baseline));
        if (!("missing" in results.kommun_ange_embedded!)) {
          results.load_kommun_ange_embedded = await loadRun(server.url, server.child.pid!);
        }
      } finally {
        await server.stop();
      }
    }

    const adminUrl = process.env.DATABASE_URL;
    if (adminUrl) {
      const name = `tryggsam_bench_${process.pid}_${Date.now()}`;
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      const databaseUrl = new URL(adminUrl);
      databaseUrl.pathname = `/${name}`;
      log(`PostgreSQL (${name}) …`);
      try {
        await runCommand(
          [BIN, "seed-demo"],
          serverEnv({ DATABASE_URL: databaseUrl.href, LOG_LEVEL: "warn" }),
        );
        const server = await startProcess(
          [BIN, "serve"],
          serverEnv({ DATABASE_URL: databaseUrl.href, LOG_LEVEL: "info" }),
          join(dir, "pg.log"),
          /Tryggsam kör på (http:\/\/\S+?)\s/,
        );
        try {
          const baseline = await measureBaseline(dir);
          Object.assign(results, await measurePages("pg", server.url, baseline));
          if (!("missing" in results.kommun_ange_pg!)) {
            results.load_kommun_ange_pg = await loadRun(server.url, server.child.pid!);
          }
        } finally {
          await server.stop();
        }
      } finally {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}
