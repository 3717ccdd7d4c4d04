import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { MAX_PDF_PAGES, MAX_TEXT_CHARS, formatCount } from "../limits";
import { ImportReadError } from "../read-error";
import { layoutPages, type PdfPage, type PdfTextItem } from "./pdf-layout";

const BROKEN = "filen är skadad och kan inte läsas som PDF.";

// Fonts a PDF names without embedding them (Helvetica, Times): pdf.js maps their glyphs with these.
const standardFontDataUrl = `${join(
  dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json")),
  "standard_fonts",
)}/`;

let pdfjsLoading: Promise<typeof import("pdfjs-dist/legacy/build/pdf.mjs")> | null = null;

/**
 * Loads pdf.js and its parser ("worker") module into this thread: in Node pdf.js parses on the
 * calling thread anyway (which is the import worker's), and loading both up front keeps their
 * start-up (most of a second) out of the first PDF's time limit.
 */
export function loadPdfjs(): Promise<typeof import("pdfjs-dist/legacy/build/pdf.mjs")> {
  pdfjsLoading ??= (async () => {
    const [pdfjs, parser] = await Promise.all([
      import("pdfjs-dist/legacy/build/pdf.mjs"),
      import("pdfjs-dist/legacy/build/pdf.worker.mjs"),
    ]);
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = parser;
    return pdfjs;
  })();
  return pdfjsLoading;
}

/**
 * Reads a PDF's text with pdf.js (the legacy build, which runs in Node) and lays it out as
 * Markdown-flavoured text.
 * Throws UNREADABLE for a broken or password-protected file, TOO_LARGE past the page or text cap.
 */
export async function readPdf(bytes: Uint8Array): Promise<string> {
  const pdfjs = await loadPdfjs();
  let task: ReturnType<typeof pdfjs.getDocument>;
  try {
    task = pdfjs.getDocument({
      // A plain copy: pdf.js refuses a Buffer and may take the array over.
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      useSystemFonts: false,
      disableFontFace: true,
      enableXfa: false,
      standardFontDataUrl,
      verbosity: pdfjs.VerbosityLevel.ERRORS,
    });
  } catch {
    throw new ImportReadError("UNREADABLE", BROKEN);
  }
  try {
    const document = await task.promise.catch((error: unknown) => {
      throw (error as { name?: string } | null)?.name === "PasswordException"
        ? new ImportReadError("UNREADABLE", "PDF-filen är lösenordsskyddad och kan inte läsas.")
        : new ImportReadError("UNREADABLE", BROKEN);
    });
    if (document.numPages > MAX_PDF_PAGES) {
      throw new ImportReadError("TOO_LARGE", `PDF-filen har fler än ${MAX_PDF_PAGES} sidor.`);
    }
    const pages: PdfPage[] = [];
    let chars = 0;
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items: PdfTextItem[] = [];
      for (const item of content.items) {
        if (!("str" in item) || !item.str) continue;
        // Into page coordinates, whatever the page's rotation and origin; y from the bottom.
        const [a, b, c, d, e, f] = pdfjs.Util.transform(
          viewport.transform,
          item.transform as number[],
        ) as number[];
        if (
          a === undefined ||
          b === undefined ||
          c === undefined ||
          d === undefined ||
          e === undefined ||
          f === undefined
        )
          continue;
        // Text turned on its side (margin notes) has no place in the lines of the page.
        if (Math.abs(b) > Math.abs(a) * 0.1 || Math.abs(c) > Math.abs(d) * 0.1 || a <= 0) continue;
        items.push({
          text: item.str,
          x: e,
          y: viewport.height - f,
          width: item.width,
          fontSize: Math.hypot(c, d) || item.height,
        });
        chars += item.str.length;
      }
      if (chars > MAX_TEXT_CHARS) {
        throw new ImportReadError(
          "TOO_LARGE",
          `PDF-filen har mer än ${formatCount(MAX_TEXT_CHARS)} tecken text.`,
        );
      }
      pages.push({ width: viewport.width, height: viewport.height, items });
      page.cleanup();
    }
    return layoutPages(pages);
  } catch (error) {
    if (error instanceof ImportReadError) throw error;
    throw new ImportReadError("UNREADABLE", BROKEN);
  } finally {
    await task.destroy();
  }
}
