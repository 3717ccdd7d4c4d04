/**
 * A line that only numbers the page: "2", "- 2 -", "Sida 2 av 5", "Sida 2 (5)", "2 (5)", "2/5",
 * "Page 2 of 5" — and the same with the numbers left out, as a DOCX footer's fields are when Word
 * has not filled them in ("Sida  av ").
 */
export function isPageNumberLine(line: string): boolean {
  const text = line.replace(/\s+/g, " ").trim().toLowerCase();
  if (!text) return true;
  return (
    /^[-–—]?\s*\d{1,3}\s*[-–—]?$/.test(text) ||
    /^(?:sida|sid\.?|s\.|page|p\.)\s*\d{0,4}\s*(?:(?:av|of|\/)\s*\d{0,4}|\(\s*\d{0,4}\s*\))?$/.test(text) ||
    /^\d{1,4}\s*(?:\(\s*\d{1,4}\s*\)|(?:\/|av|of)\s*\d{1,4})$/.test(text)
  );
}
