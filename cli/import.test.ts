import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { importFailureSchema, importResultSchema } from "~/import/import-v1";

const bin = new URL("../bin/tryggsam.js", import.meta.url).pathname;
const demo = (file: string) => new URL(`../app/demo/documents/${file}`, import.meta.url).pathname;
const folder = mkdtempSync(join(tmpdir(), "tryggsam-cli-import-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function tryggsam(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    encoding: "utf8",
    env: { PATH: process.env.PATH, TZ: "Europe/Stockholm", ...env },
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const lines = (stdout: string) =>
  stdout
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as unknown);

describe("tryggsam import --json", () => {
  it("prints one object per file in the contract's shape, in order, and needs no database", () => {
    const dataDir = join(folder, "ingen-databas");
    const { code, stdout, stderr } = tryggsam(
      ["import", "--json", demo("ange-2023-2026.txt"), demo("solleftea-2017.txt")],
      // A database that cannot be reached, and a data folder that must not be created.
      { DATA_DIR: dataDir, DATABASE_URL: "postgres://nobody@127.0.0.1:1/none" },
    );
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const [ange, solleftea, ...rest] = lines(stdout);
    expect(rest).toEqual([]);
    expect(importResultSchema.strict().parse(ange)).toMatchObject({
      format: "tryggsam-import/1",
      source: "ange-2023-2026.txt",
    });
    expect(importResultSchema.strict().parse(solleftea)).toMatchObject({ source: "solleftea-2017.txt" });
    expect(existsSync(dataDir)).toBe(false);
  }, 60_000);

  it("prints a missing file's error in its place, goes on with the others, and exits 1", () => {
    const { code, stdout } = tryggsam([
      "import",
      "--json",
      join(folder, "finns-inte.docx"),
      demo("bracke-2023-2026.txt"),
    ]);
    expect(code).toBe(1);
    const [missing, bracke] = lines(stdout);
    expect(importFailureSchema.strict().parse(missing)).toEqual({
      source: "finns-inte.docx",
      error: { code: "NOT_FOUND", message: expect.stringContaining("finns-inte.docx") as string },
    });
    expect(importResultSchema.strict().parse(bracke).source).toBe("bracke-2023-2026.txt");
  }, 60_000);

  it("refuses flags that store together with --json, and no files at all, with exit code 2", () => {
    const mixed = tryggsam(["import", "--json", "--as-signed", demo("ange-2023-2026.txt")]);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toContain("--json sparar ingenting och går inte ihop med --as-signed.");
    const none = tryggsam(["import"]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("Ange minst en fil.");
    const bad = tryggsam(["import", "--partnership", "inte-ett-id", demo("ange-2023-2026.txt")]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--partnership ska vara en samverkans id");
  });
});

// Storing: one embedded database for the tests below, in order (each command starts it anew).
describe("tryggsam import and seed-demo on the embedded database", () => {
  const dataDir = join(folder, "data");
  const env = { DATA_DIR: dataDir };

  it("skips a document that names no municipality with a message, and a missing file; exit 1", () => {
    const note = join(folder, "anteckning.txt");
    writeFileSync(note, "Minnesanteckningar från mötet\n\nVi pratade om belysningen vid skolan.\n");
    const { code, stdout, stderr } = tryggsam(["import", note, join(folder, "borta.txt")], env);
    expect(code).toBe(1);
    // Not a terminal: plain progress lines on stderr, the summary table on stdout.
    expect(stderr).toContain("[1/2] anteckning.txt: ej sparad: dokumentet nämner ingen kommun");
    expect(stderr).toContain("[2/2] borta.txt: filen finns inte.");
    expect(stdout).toMatch(/^Fil\s+Typ\s+Rubrik\s+Samverkan\s+Resultat$/m);
    expect(stdout).toContain("0 av 2 filer sparade.");
  }, 120_000);

  // Depends on the extractor: the municipality, LPO, period and signatories come from the text.
  it("stores documents as signed in partnerships it sets up with --create-partnerships, then finds them", () => {
    const first = tryggsam(
      [
        "import",
        "--as-signed",
        "--create-partnerships",
        demo("ange-2023-2026.txt"),
        demo("solleftea-2017.txt"),
      ],
      env,
    );
    expect(first.stderr).not.toContain("ej sparad");
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(
      /ange-2023-2026\.txt\s+överenskommelse\s+Samverkansöverenskommelse mellan Polisen och Ånge kommun 20…\s+Ånge kommun och LPO Medelpad\s+sparad \(undertecknad 2023-01-01, periodens första dag: dokumentet anger inget datum\), ny samverkan/,
    );
    expect(first.stdout).toMatch(
      /solleftea-2017\.txt\s+medborgarlöfte\s+Medborgarlöfte 2017 Polis och Sollefteå kommun\s+Sollefteå kommun och LPO Södra Ångermanland\s+sparad \(undertecknad 2017-01-01, periodens första dag/,
    );
    // A second import finds the partnership set up by the first, as a draft this time.
    const again = tryggsam(["import", demo("ange-2023-2026.txt")], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/Ånge kommun och LPO Medelpad\s+sparad \(utkast\)$/m);

    const listed = tryggsam(["list-documents", "--json"], env);
    const documents = lines(listed.stdout) as { title: string; partnership: string; status: string }[];
    expect(documents.filter((d) => d.title.includes("Ånge kommun 2023 - 2026"))).toHaveLength(2);
    expect(documents).toContainEqual(
      expect.objectContaining({
        title: "Medborgarlöfte 2017 Polis och Sollefteå kommun",
        partnership: "Sollefteå kommun och LPO Södra Ångermanland",
        status: "expired",
      }),
    );
  }, 180_000);

  // Depends on the extractor: as signed needs each document's dates and signatories.
  it("seed-demo adds the five demo documents once; run again, it adds nothing", () => {
    const first = tryggsam(["seed-demo"], env);
    expect(first.code, first.stdout + first.stderr).toBe(0);
    // Ånge's partnership and document are there from the test before.
    expect(first.stdout).toMatch(/ange-2023-2026\.txt\s+Ånge kommun och LPO Medelpad\s+fanns redan/);
    expect(first.stdout).toMatch(
      /bracke-2023-2026\.txt\s+Bräcke kommun och LPO Östersund\s+.*inlagt, ny samverkan/,
    );
    const before = lines(tryggsam(["list-documents", "--json"], env).stdout);

    const second = tryggsam(["seed-demo"], env);
    expect(second.code).toBe(0);
    expect(second.stdout.match(/fanns redan/g)).toHaveLength(5);
    expect(lines(tryggsam(["list-documents", "--json"], env).stdout)).toHaveLength(before.length);
  }, 180_000);
});
