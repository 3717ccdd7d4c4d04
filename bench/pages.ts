import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  BIN,
  buildForBench,
  CONNECTIONS,
  log,
  measure,
  measureBaseline,
  rssMiB,
  runCommand,
  serverEnv,
  startServer,
  waitForLog,
  withFreshPgDatabase,
} from "./harness";

/**
 * The public pages under load: the production build, started as `tryggsam serve` on a fresh data
 * folder with the demo content (and, with DATABASE_URL, on a fresh PostgreSQL database), measured
 * by autocannon next to a bare node:http hello-world server in the same run, the same way.
 */

/** The pages measured, by result name; a page the build does not have yet is marked missing. */
export const PAGES: Record<string, string> = {
  kommun_ange: "/kommun/ange",
  oversikt: "/oversikt",
  api_public_municipalities: "/api/v1/public/municipalities",
};

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
  await buildForBench();
  const dir = mkdtempSync(join(tmpdir(), "tryggsam-bench-pages-"));
  const results: Record<string, PageResult | LoadResult> = {};
  try {
    // Embedded: a fresh data folder; the first start seeds the demo content in the background.
    {
      log("inbyggd databas …");
      const logFile = join(dir, "embedded.log");
      const server = await startServer({ DATA_DIR: join(dir, "data"), LOG_LEVEL: "info" }, logFile);
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
      await withFreshPgDatabase(adminUrl, "tryggsam_bench", async (databaseUrl, name) => {
        log(`PostgreSQL (${name}) …`);
        await runCommand([BIN, "seed-demo"], serverEnv({ DATABASE_URL: databaseUrl, LOG_LEVEL: "warn" }));
        const server = await startServer(
          { DATABASE_URL: databaseUrl, LOG_LEVEL: "info" },
          join(dir, "pg.log"),
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
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}
