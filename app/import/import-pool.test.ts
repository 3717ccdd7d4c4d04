import { afterEach, describe, expect, it } from "vitest";
import { makeDocxXml, wp } from "../../tests/support/import-files";
import { isImportFailure } from "./import-v1";
import { startImportPool, type ImportPool } from "./import-pool.server";

const text = (content: string) => new TextEncoder().encode(content);

describe("the import pool", () => {
  let pool: ImportPool | null = null;
  afterEach(async () => {
    await pool?.close();
    pool = null;
  });

  it("stops a file past its time limit, answers TIMEOUT naming it, and goes on with the next file", async () => {
    pool = startImportPool({ size: 1, timeoutMs: 500 });
    // Some 60 MB of WordprocessingML (just under the cap): seconds to read, not half of one.
    const slow = await makeDocxXml({ body: wp("Ett stycke text om trygghet i centrum.").repeat(700_000) });
    const started = Date.now();
    const [timedOut, next] = await Promise.all([
      pool.run({ name: "/uppladdat/långsam.docx", bytes: slow }),
      pool.run({ name: "nästa.txt", bytes: text("Samverkan i Ånge") }),
    ]);
    expect(timedOut).toEqual({
      source: "långsam.docx",
      error: {
        code: "TIMEOUT",
        message:
          "långsam.docx: läsningen tog mer än 0.5 sekunder och avbröts (filen kan vara skadad eller för komplicerad).",
      },
    });
    expect(isImportFailure(next), JSON.stringify(next)).toBe(false);
    expect(next.source).toBe("nästa.txt");
    expect(Date.now() - started).toBeLessThan(30_000);
  }, 60_000);

  it("reads files one after another in a pool of one, in order", async () => {
    pool = startImportPool({ size: 1 });
    const outcomes = await Promise.all(
      ["a.txt", "b.txt", "c.txt"].map((name) => pool!.run({ name, bytes: text(`Fil ${name}`) })),
    );
    expect(outcomes.map((outcome) => outcome.source)).toEqual(["a.txt", "b.txt", "c.txt"]);
  }, 60_000);

  it("stops a worker that has had nothing to read for a while, and starts one again for the next file", async () => {
    pool = startImportPool({ size: 1, idleMs: 200 });
    await pool.run({ name: "först.txt", bytes: text("Samverkan i Ånge") });
    expect(pool.workers()).toBe(1);
    await expect.poll(() => pool!.workers(), { timeout: 10_000 }).toBe(0);
    const again = await pool.run({ name: "sedan.txt", bytes: text("Samverkan i Bräcke") });
    expect(again.source).toBe("sedan.txt");
  }, 60_000);

  it("rejects files still waiting when it is closed", async () => {
    pool = startImportPool({ size: 1 });
    const waiting = expect(pool.run({ name: "sen.txt", bytes: text("Hej") })).rejects.toThrow(/stängdes/);
    await pool.close();
    await waiting;
    await expect(pool.run({ name: "efter.txt", bytes: text("Hej") })).rejects.toThrow(/stängd/);
  });
});
