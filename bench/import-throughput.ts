import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { closeImportPool, importPath } from "~/import/importer.server";
import { isImportFailure } from "~/import/import-v1";
import { benchmarkDocuments } from "./documents";

export interface ImportThroughput {
  documents: number;
  docs_per_s: number;
  baseline_docs_per_s: number;
  ratio: number;
  failed: number;
}

/**
 * Imports 1,000 text documents from files, as `tryggsam import --json` does (worker pool, read,
 * extract), against a baseline that only reads the same files and splits them into lines.
 */
export async function importThroughput(count = 1000): Promise<ImportThroughput> {
  const dir = mkdtempSync(join(tmpdir(), "tryggsam-bench-import-"));
  try {
    const paths = benchmarkDocuments(count).map(({ name, text }) => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    });

    // Baseline: read and split, nothing else.
    let lines = 0;
    const baselineStart = performance.now();
    for (const path of paths) lines += readFileSync(path, "utf8").split("\n").length;
    const baselineMs = performance.now() - baselineStart;
    if (lines === 0) throw new Error("no lines read");

    // Warm the pool, then import every file with as many in flight as the pool takes.
    await importPath(paths[0]!);
    const start = performance.now();
    const outcomes = await Promise.all(paths.map((path) => importPath(path)));
    const ms = performance.now() - start;
    const failed = outcomes.filter(isImportFailure).length;

    const docsPerS = count / (ms / 1000);
    const baselineDocsPerS = count / (baselineMs / 1000);
    return {
      documents: count,
      docs_per_s: round(docsPerS),
      baseline_docs_per_s: round(baselineDocsPerS),
      ratio: Number((docsPerS / baselineDocsPerS).toFixed(4)),
      failed,
    };
  } finally {
    await closeImportPool();
    rmSync(dir, { recursive: true, force: true });
  }
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
