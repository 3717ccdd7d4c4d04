import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

/**
 * The importer against documents with known answers, scored by the same scorer other tools use
 * (tests/fixtures/import/score-import.mjs, a copy of shared/tools/score-import.mjs): the five
 * seeds must come out exactly, the corpus written in other styles at 0.95 or better.
 */

const root = new URL("..", import.meta.url).pathname;
const fixtures = join(root, "tests/fixtures/import");
const folder = mkdtempSync(join(tmpdir(), "tryggsam-import-score-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function importJson(dir: string): string {
  const files = readdirSync(dir)
    .filter((f) => /\.(txt|md|docx|pdf)$/.test(f))
    .map((f) => join(dir, f));
  const result = spawnSync("npx", ["--no-install", "tryggsam", "import", "--json", ...files], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, TZ: "Europe/Stockholm" },
    timeout: 120_000,
  });
  expect(result.status, result.stderr).toBe(0);
  expect(result.stdout.trim().split("\n")).toHaveLength(files.length);
  const out = join(folder, `${dir.split("/").at(-1)}.jsonl`);
  writeFileSync(out, result.stdout);
  return out;
}

function score(expectedDir: string, output: string, min: number) {
  const result = spawnSync(
    process.execPath,
    [join(fixtures, "score-import.mjs"), expectedDir, output, "--min", String(min)],
    {
      encoding: "utf8",
    },
  );
  return { passed: result.status === 0, report: result.stdout };
}

// Each test starts the command (and its worker pool): generous on a busy machine.
describe("import accuracy", { timeout: 120_000 }, () => {
  it("reads the five seed documents exactly (score 1.0)", () => {
    const { passed, report } = score(
      join(fixtures, "seeds/expected"),
      importJson(join(fixtures, "seeds")),
      1.0,
    );
    expect(report).toContain("import accuracy: 1.000 over 74 fields in 5 documents");
    expect(passed, report).toBe(true);
  });

  it("reads 15 documents in other styles (DOCX, PDF, Markdown, text) at 0.95 or better", () => {
    const { passed, report } = score(
      join(fixtures, "corpus/expected"),
      importJson(join(fixtures, "corpus")),
      0.95,
    );
    expect(report).toMatch(/in 15 documents/);
    expect(passed, report).toBe(true);
  });

  it("reads 12 more documents, written later to check how it generalises, at 0.9 or better", () => {
    const { passed, report } = score(
      join(fixtures, "corpus2/expected"),
      importJson(join(fixtures, "corpus2")),
      0.9,
    );
    expect(report).toMatch(/in 12 documents/);
    expect(passed, report).toBe(true);
  });
});
