import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const bin = new URL("../bin/tryggsam.js", import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), "tryggsam-cli-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function tryggsam(args: string[], input?: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    input,
    encoding: "utf8",
    env: { PATH: process.env.PATH, DATA_DIR: dataDir, ...env },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("tryggsam CLI", () => {
  it("lists its commands in Swedish with --help", () => {
    const { code, stdout } = tryggsam(["--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain("user create");
    expect(stdout).toContain("Startar webbservern");
  });

  it("creates an administrator on the embedded database, and refuses the same e-mail twice", () => {
    const created = tryggsam(
      ["user", "create", "--admin", "--email", "Admin@Ange.se", "--name", "Anna Admin", "--password-stdin"],
      "ett långt lösenord\n",
    );
    expect(created.stderr).toBe("");
    expect(created.stdout).toContain("Kontot admin@ange.se är skapat (administratör).");
    expect(created.code).toBe(0);

    const again = tryggsam(
      ["user", "create", "--email", "admin@ange.se", "--name", "Anna", "--password-stdin"],
      "ett annat långt lösenord\n",
    );
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("Det finns redan ett konto med den e-postadressen.");
  }, 60_000);

  it("explains bad arguments field by field and writes nothing", () => {
    const { code, stderr } = tryggsam(
      ["user", "create", "--email", "inte-en-adress", "--password-stdin"],
      "kort\n",
    );
    expect(code).toBe(2);
    expect(stderr).toContain("--email: Ange en giltig e-postadress");
    expect(stderr).toContain("--name: Ange ett namn.");
    expect(stderr).toContain("--password: Lösenordet måste vara minst 12 tecken.");
  });

  it("refuses a bad configuration with a message naming the variable", () => {
    const { code, stderr } = tryggsam(["migrate"], undefined, { DATABASE_URL: "mysql://db/x" });
    expect(code).toBe(1);
    expect(stderr).toContain("DATABASE_URL måste vara en adress som postgres://");
  });

  it("answers an unknown command with the help and exit code 2", () => {
    const { code, stderr } = tryggsam(["frobnicate"]);
    expect(code).toBe(2);
    expect(stderr).toContain("Okänt kommando: frobnicate");
  });
});
