/**
 * CSV for spreadsheets as Swedish users open them: `;` between fields (Excel with Swedish regional
 * settings uses the comma as decimal separator and expects `;`), CRLF line ends, a UTF-8 byte
 * order mark so Excel reads å, ä and ö right, and RFC 4180 quoting. Browser-safe.
 */

export const CSV_SEPARATOR = ";";
export const CSV_BOM = "\uFEFF";

/**
 * A cell starting with = + - @ (or a tab or carriage return) is read as a formula by Excel and
 * LibreOffice (CSV injection): such text gets a leading apostrophe, which shows it as text.
 */
export function guardFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** One field: guarded, then quoted when it holds the separator, a quote, a line break or edge spaces. */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  const text = guardFormula(value);
  return /[";\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole file: BOM, header row, rows; every line ends with CRLF. */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | boolean | null)[])[],
): string {
  const lines = [header, ...rows].map((row) => row.map(csvField).join(CSV_SEPARATOR));
  return `${CSV_BOM}${lines.join("\r\n")}\r\n`;
}
