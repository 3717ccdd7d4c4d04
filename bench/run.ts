import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { importThroughput } from "./import-throughput";

/**
 * `npm run bench`: Tryggsam's benchmarks. Each measures against a baseline taken in the same run,
 * so the ratios compare across machines; the figures go to bench/results/latest.json and a table.
 * `npm run bench -- import` runs only the benchmarks named.
 */

type Result = Record<string, number | string>;

const BENCHMARKS: Record<string, () => Promise<Result>> = {
  import_text: async () => ({ ...(await importThroughput()) }),
};

const only = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const RESULTS = new URL("./results/latest.json", import.meta.url).pathname;

const results: Record<string, Result> = readPrevious();
for (const [name, run] of Object.entries(BENCHMARKS)) {
  if (only.length && !only.some((o) => name.startsWith(o))) continue;
  process.stderr.write(`${name} …\n`);
  results[name] = await run();
}
results.machine = {
  cpus: cpus().length,
  cpu: cpus()[0]?.model ?? "unknown",
  memory_gib: Math.round(totalmem() / 1024 ** 3),
  node: process.version,
  measured_at: new Date().toISOString(),
};

mkdirSync(new URL("./results/", import.meta.url).pathname, { recursive: true });
writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
printTable(results);
process.stdout.write(`${JSON.stringify(results)}\n`);

function readPrevious(): Record<string, Result> {
  try {
    return JSON.parse(readFileSync(RESULTS, "utf8")) as Record<string, Result>;
  } catch {
    return {};
  }
}

function printTable(all: Record<string, Result>) {
  const rows = Object.entries(all)
    .filter(([name]) => name !== "machine")
    .map(([name, r]) => [name, ...Object.entries(r).map(([k, v]) => `${k}=${v}`)].join("  "));
  process.stderr.write(`\n${rows.join("\n")}\n\n`);
}
