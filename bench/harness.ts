import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, openSync, readFileSync } from "node:fs";
import { join } from "node:path";
import autocannon from "autocannon";
import pg from "pg";

/**
 * What the benchmarks that run the server share: starting `tryggsam serve` (or any process) with
 * its log in a file, as in production; autocannon; the node:http hello-world baseline measured the
 * same way in the same run.
 */

export const root = new URL("../", import.meta.url).pathname;
export const BIN = join(root, "bin", "tryggsam.js");
export const BUILD_DIR = "build-bench";
export const CONNECTIONS = 50;
export const DURATION_S = 10;

/** Builds the web part into BUILD_DIR (once per run: the groups share it). */
let built: Promise<void> | null = null;
export function buildForBench(): Promise<void> {
  built ??= (async () => {
    log(`bygger till ${BUILD_DIR} …`);
    await runCommand([join(root, "node_modules", "@react-router", "dev", "bin.js"), "build"], {
      PATH: process.env.PATH ?? "",
      TRYGGSAM_BUILD_DIR: BUILD_DIR,
      NODE_ENV: "production",
    });
  })();
  return built;
}

export interface Measured {
  rps: number;
  p50_ms: number;
  p99_ms: number;
  requests: number;
  errors: number;
  timeouts: number;
  non_2xx: number;
}

export async function measure(
  url: string,
  connections = CONNECTIONS,
  duration = DURATION_S,
  options: Partial<autocannon.Options> = {},
): Promise<Measured> {
  const result = await autocannon({ url, connections, duration, ...options });
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

export function log(line: string) {
  process.stderr.write(`${line}\n`);
}

/** Starts a process and resolves with its URL once its log (a file, as in production) says it. */
export async function startProcess(
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

export async function waitForLog(logFile: string, pattern: RegExp, timeoutMs = 180_000): Promise<string> {
  const started = Date.now();
  for (;;) {
    const match = pattern.exec(readFileSync(logFile, "utf8"));
    if (match) return match[0];
    if (Date.now() - started > timeoutMs) throw new Error(`${pattern} kom inte i ${logFile} i tid`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export function rssMiB(pid: number): number {
  const kib = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  return kib ? Math.round(Number(kib) / 1024) : Number.NaN;
}

export async function runCommand(args: string[], env: Record<string, string>): Promise<void> {
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

export async function measureBaseline(dir: string): Promise<number> {
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

export function serverEnv(extra: Record<string, string>): Record<string, string> {
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

/** A fresh database on the PostgreSQL of `adminUrl` for `run`, dropped afterwards. */
export async function withFreshPgDatabase<T>(
  adminUrl: string,
  prefix: string,
  run: (databaseUrl: string, name: string) => Promise<T>,
): Promise<T> {
  const name = `${prefix}_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
    const databaseUrl = new URL(adminUrl);
    databaseUrl.pathname = `/${name}`;
    try {
      return await run(databaseUrl.href, name);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  } finally {
    await admin.end();
  }
}

/** `tryggsam serve` as in production, resolved once its log says where it listens. */
export function startServer(env: Record<string, string>, logFile: string) {
  return startProcess([BIN, "serve"], serverEnv(env), logFile, /Tryggsam kör på (http:\/\/\S+?)\s/);
}
