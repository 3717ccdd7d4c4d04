import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { importThroughput } from "./import-throughput";
import { pageBenchmarks } from "./pages";
import { surveyBenchmarks } from "./surveys";

/**
 * `npm run bench`: Tryggsam's benchmarks. Each measures against a baseline taken in the same run,
 * so the ratios compare across machines; the figures go to bench/results/latest.json (other
 * entries kept) and a table. `npm run bench -- import` / `-- pages` / `-- surveys` runs only the groups named.
 */

type Result = Record<string, number | string | boolean>;

const GROUPS: Record<string, () => Promise<Record<string, Result>>> = {
  import: async () => ({ import_text: { ...(await importThroughput()) } }),
  pages: async () => ({ ...(await pageBenchmarks()) }) as Record<string, Result>,
  surveys: async () => ({ ...(await surveyBenchmarks()) }),
};

const only = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const unknown = only.filter((o) => !(o in GROUPS));
if (unknown.length) {
  process.stderr.write(`Okänd del: ${unknown.join(", ")}. Välj bland: ${Object.keys(GROUPS).join(", ")}.\n`);
  process.exit(2);
}
const RESULTS = new URL("./results/latest.json", import.meta.url).pathname;

const results: Record<string, Result> = readPrevious();
for (const [group, run] of Object.entries(GROUPS)) {
  if (only.length && !only.includes(group)) continue;
  process.stderr.write(`${group} …\n`);
  Object.assign(results, await run());
}
// The machine last, after the figures it explains.
delete results.machine;
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
    .map(([name, r]) => [name.padEnd(36), ...Object.entries(r).map(([k, v]) => `${k}=${v}`)].join("  "));
  process.stderr.write(`\n${rows.join("\n")}\n\n`);
}
