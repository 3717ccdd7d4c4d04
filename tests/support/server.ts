import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase, type Database } from "~/db/client.server";
import { embeddedSocketDir } from "~/db/embedded-paths.server";

const bin = new URL("../../bin/tryggsam.js", import.meta.url).pathname;

export interface TestServer {
  /** e.g. http://127.0.0.1:41234, no trailing slash. */
  url: string;
  /** The server process's id. */
  pid: number;
  /** The data folder of the embedded database ("" on PostgreSQL). */
  dataDir: string;
  /** A pool to the server's database (its embedded one through the socket, or PostgreSQL). */
  openDatabase(): Database;
  /** What the server printed so far (for failure messages). */
  output(): string;
  stop(): Promise<void>;
}

export interface TestServerOptions {
  /** Extra environment; DATABASE_URL defaults to TEST_DATABASE_URL, else a fresh DATA_DIR is used. */
  env?: Record<string, string>;
  /** Build folder of `react-router build`; defaults to TRYGGSAM_BUILD_DIR. */
  buildDir?: string;
  timeoutMs?: number;
  /** Build the web part first, as `npm start` does (`serve --build`). */
  build?: boolean;
}

/**
 * Starts `tryggsam serve` on a free port, as in production, and resolves once it listens.
 * Without DATABASE_URL it gets its own temporary data folder, removed by stop().
 */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const databaseUrl = options.env?.DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "";
  const ownDataDir = !databaseUrl && !options.env?.DATA_DIR;
  const dataDir = options.env?.DATA_DIR ?? (ownDataDir ? mkdtempSync(join(tmpdir(), "tryggsam-http-")) : "");
  const buildDir = options.buildDir ?? process.env.TRYGGSAM_BUILD_DIR ?? "build";
  const child = spawn(process.execPath, [bin, "serve", ...(options.build ? ["--build"] : [])], {
    env: {
      PATH: process.env.PATH,
      TZ: "Europe/Stockholm",
      NODE_ENV: "production",
      LOG_LEVEL: "warn",
      PORT: "0",
      HOST: "127.0.0.1",
      TRYGGSAM_BUILD_DIR: buildDir,
      // Tests start from an empty database; the demo content's own test turns it on
      // (TRYGGSAM_DEMO: "", i.e. unset, as in production).
      TRYGGSAM_DEMO: "0",
      ...(dataDir ? { DATA_DIR: dataDir } : {}),
      ...options.env,
      DATABASE_URL: databaseUrl,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const cleanUp = () => {
    if (ownDataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const killer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(killer);
    }
    cleanUp();
  };

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop().then(() => reject(new Error(`Servern startade inte i tid:\n${output}`)));
    }, options.timeoutMs ?? 60_000);
    const onData = () => {
      const match = /Tryggsam kör på (http:\/\/\S+?)\s/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.stdout.off("data", onData);
      resolve(match[1]!);
    };
    child.stdout.on("data", onData);
    void exited.then(() => {
      clearTimeout(timer);
      cleanUp();
      reject(new Error(`Servern avslutades innan den började lyssna:\n${output}`));
    });
  });

  return {
    url,
    pid: child.pid!,
    dataDir,
    output: () => output,
    stop,
    openDatabase: () =>
      databaseUrl
        ? openDatabase({ databaseUrl, max: 4 })
        : openDatabase({ socketDir: embeddedSocketDir(dataDir), max: 4 }),
  };
}
