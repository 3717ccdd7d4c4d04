import type { PersonalDataFinding } from "../import-v1";

/**
 * Personnummer (with a valid check digit, with or without century and separator; samordningsnummer
 * too) and Swedish phone numbers in the text, with the line each stands on.
 */
export function findPersonalData(lines: string[]): PersonalDataFinding[] {
  const found: PersonalDataFinding[] = [];
  for (const [i, line] of lines.entries()) {
    if (!/\d/.test(line)) continue;
    const taken: [number, number][] = [];
    for (const m of line.matchAll(PERSONNUMMER)) {
      const tenDigits = (m[1] ?? "").slice(-6) + m[2]!;
      if (!isPersonnummer(tenDigits)) continue;
      found.push({ kind: "personnummer", text: m[0], line: i + 1 });
      taken.push([m.index, m.index + m[0].length]);
    }
    for (const m of line.matchAll(PHONE)) {
      if (taken.some(([a, b]) => m.index < b && a < m.index + m[0].length)) continue;
      const digits = m[0].replace(/\D/g, "").replace(/^(?:00)?46/, "0");
      if (digits.length < 8 || digits.length > 10 || !digits.startsWith("0") || digits.startsWith("00"))
        continue;
      found.push({ kind: "phone", text: m[0].trim(), line: i + 1 });
    }
  }
  return found;
}

/** YYYYMMDD-NNNN, YYMMDD-NNNN, YYMMDD+NNNN (over 100), YYYYMMDDNNNN, YYMMDDNNNN. */
const PERSONNUMMER = /(?<![\d-])((?:19|20)?\d{6})\s?[-+]?\s?(\d{4})(?![\d-])/g;

/** Month and day (samordningsnummer adds 60 to the day) and the Luhn check digit. */
export function isPersonnummer(tenDigits: string): boolean {
  if (!/^\d{10}$/.test(tenDigits)) return false;
  const month = Number(tenDigits.slice(2, 4));
  const day = Number(tenDigits.slice(4, 6));
  if (month < 1 || month > 12) return false;
  if (!((day >= 1 && day <= 31) || (day >= 61 && day <= 91))) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let d = Number(tenDigits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return (10 - (sum % 10)) % 10 === Number(tenDigits[9]);
}

/** 070-123 45 67, 08-123 456 78, 0611-34 56 78, +46 70 123 45 67. */
const PHONE =
  /(?<![\d\w+/.-])(?:\+46|0046|0)(?:\s?\(0\))?[\s-]?\d{1,3}[\s-]?\d{2,3}(?:[\s-]?\d{2,3}){1,2}(?!\d|[/.-]\d)/g;
