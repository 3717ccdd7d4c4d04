import yauzl, { type Entry, type ZipFile } from "yauzl";
import { ImportReadError } from "../read-error";
import { MAX_DOCX_XML_BYTES, MAX_ZIP_ENTRIES, formatMiB } from "../limits";

const BROKEN = "filen är skadad och kan inte läsas som Word-dokument.";
const TOO_MUCH =
  `Word-dokumentet packas upp till mer än ${formatMiB(MAX_DOCX_XML_BYTES)} text ` +
  "(kanske en så kallad zip-bomb) och kan inte läsas.";

/**
 * A zip archive in memory, read through its central directory. Parts are inflated as a stream
 * and stopped as soon as the archive's budget of unpacked bytes is spent: the sizes an entry
 * declares are checked first, and the bytes actually produced are counted (yauzl also fails an
 * entry that inflates past its declared size).
 */
export class ZipArchive {
  private remaining: number;

  private constructor(
    private readonly zip: ZipFile,
    private readonly entries: Map<string, Entry>,
    budget: number,
  ) {
    this.remaining = budget;
  }

  /** Opens the archive and lists its entries. Throws UNREADABLE, or TOO_LARGE for too many entries. */
  static async open(bytes: Uint8Array, budget = MAX_DOCX_XML_BYTES): Promise<ZipArchive> {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const zip = await new Promise<ZipFile>((resolve, reject) => {
      yauzl.fromBuffer(
        buffer,
        { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false },
        (error, zipFile) => (error ? reject(broken()) : resolve(zipFile)),
      );
    });
    if (zip.entryCount > MAX_ZIP_ENTRIES) {
      zip.close();
      throw new ImportReadError("TOO_LARGE", `zip-arkivet har fler än ${MAX_ZIP_ENTRIES} delar.`);
    }
    const entries = new Map<string, Entry>();
    await new Promise<void>((resolve, reject) => {
      zip.on("entry", (entry: Entry) => {
        entries.set(entry.fileName, entry);
        zip.readEntry();
      });
      zip.once("end", () => resolve());
      zip.once("error", () => reject(broken()));
      zip.readEntry();
    });
    return new ZipArchive(zip, entries, budget);
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  /** Sizes the entries declare, unpacked: checked before any is inflated. */
  declaredSize(names: string[]): number {
    return names.reduce((sum, name) => sum + (this.entries.get(name)?.uncompressedSize ?? 0), 0);
  }

  /** Throws TOO_LARGE when these entries declare more than the budget left. */
  requireDeclaredWithinBudget(names: string[]): void {
    if (this.declaredSize(names) > this.remaining) throw new ImportReadError("TOO_LARGE", TOO_MUCH);
  }

  /**
   * Inflates one entry as UTF-8 text, handing it over in pieces as it arrives (to a streaming
   * XML parser). Throws UNREADABLE for a broken entry, TOO_LARGE past the budget; an error thrown
   * by `onText` stops the entry and is thrown as is.
   */
  async readText(name: string, onText: (text: string) => void): Promise<void> {
    const entry = this.entries.get(name);
    if (!entry) throw broken();
    if (entry.uncompressedSize > this.remaining) throw new ImportReadError("TOO_LARGE", TOO_MUCH);
    const stream = await new Promise<NodeJS.ReadableStream & { destroy(): void }>((resolve, reject) => {
      this.zip.openReadStream(entry, (error, readStream) => (error ? reject(broken()) : resolve(readStream)));
    });
    const decoder = new TextDecoder("utf-8");
    await new Promise<void>((resolve, reject) => {
      let settled = false;
      const fail = (error: unknown) => {
        if (settled) return;
        settled = true;
        stream.destroy();
        reject(error instanceof Error ? error : broken());
      };
      stream.on("data", (chunk: Buffer) => {
        if (settled) return;
        this.remaining -= chunk.length;
        if (this.remaining < 0) return fail(new ImportReadError("TOO_LARGE", TOO_MUCH));
        try {
          onText(decoder.decode(chunk, { stream: true }));
        } catch (error) {
          fail(error);
        }
      });
      stream.on("error", () => fail(broken()));
      stream.on("end", () => {
        if (settled) return;
        try {
          onText(decoder.decode());
          settled = true;
          resolve();
        } catch (error) {
          fail(error);
        }
      });
    });
  }

  close(): void {
    this.zip.close();
  }
}

function broken(): ImportReadError {
  return new ImportReadError("UNREADABLE", BROKEN);
}
