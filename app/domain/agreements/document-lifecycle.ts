import { AppError } from "~/errors/app-error";
import type { LifecycleStage, SignatoryParty } from "./document-parts.schemas";

/**
 * The rules agreements and citizen promises share: which step of their life they are at, which
 * writes that step allows, and when the signatures are complete. Pure; the use cases load rows.
 */

/** The lifecycle columns of an agreement or a citizen promise row. */
export interface LifecycleRow {
  currentRevision: number;
  readyForSigningAt: Date | null;
  signedOn: string | null;
  publishedAt: Date | null;
  terminatedOn: string | null;
}

/** The document's words for messages: "Överenskommelsen", "Medborgarlöftet". */
export interface DocumentWords {
  /** Definite form, capitalised: "Överenskommelsen". */
  the: string;
  /** Neuter nouns take -t participles: "löftet är undertecknat", "överenskommelsen är undertecknad". */
  neuter: boolean;
}

export const AGREEMENT_WORDS: DocumentWords = { the: "Överenskommelsen", neuter: false };
export const CITIZEN_PROMISE_WORDS: DocumentWords = { the: "Medborgarlöftet", neuter: true };

/** "undertecknad" → "undertecknat" for neuter nouns; "klar" → "klart". */
const agree = (words: DocumentWords, word: string) =>
  words.neuter ? (word.endsWith("d") ? `${word.slice(0, -1)}t` : `${word}t`) : word;

export function lifecycleStage(row: LifecycleRow): LifecycleStage {
  if (row.publishedAt) return "published";
  if (row.signedOn) return "signed";
  if (row.readyForSigningAt) return "ready-for-signing";
  return "draft";
}

/** Both parties must sign: at least one police and one municipality signature. */
export const REQUIRED_PARTIES: readonly SignatoryParty[] = ["police", "municipality"];

/** Whether the signatures of one revision make the document signed. */
export function hasRequiredSignatures(signatures: readonly { party: string }[]): boolean {
  return REQUIRED_PARTIES.every((party) => signatures.some((s) => s.party === party));
}

function conflict(message: string): AppError {
  return new AppError("CONFLICT", message);
}

function requireNotTerminated(row: LifecycleRow, words: DocumentWords): void {
  if (row.terminatedOn) throw conflict(`${words.the} är ${agree(words, "uppsagd")} och kan inte ändras.`);
}

/**
 * A save is allowed unless terminated; after signing it is an amendment and needs a reason.
 * Returns the reason to store (null before signing). Throws CONFLICT, VALIDATION (amendmentReason).
 */
export function requireSavable(
  row: LifecycleRow,
  amendmentReason: string | undefined,
  words: DocumentWords,
): string | null {
  requireNotTerminated(row, words);
  if (!row.signedOn) return null;
  if (!amendmentReason) {
    throw new AppError(
      "VALIDATION",
      `${words.the} är ${agree(words, "undertecknad")}. Ange varför ${words.neuter ? "det" : "den"} ändras (revidering).`,
      {
        amendmentReason: ["Ange varför dokumentet ändras efter att det undertecknats."],
      },
    );
  }
  return amendmentReason;
}

/** Throws CONFLICT unless the document is a draft. */
export function requireMarkableReady(row: LifecycleRow, words: DocumentWords): void {
  requireNotTerminated(row, words);
  const stage = lifecycleStage(row);
  if (stage === "ready-for-signing")
    throw conflict(`${words.the} är redan ${agree(words, "klar")} för undertecknande.`);
  if (stage !== "draft") throw conflict(`${words.the} är redan ${agree(words, "undertecknad")}.`);
}

/** Throws CONFLICT unless the document is ready for signing or signed but not yet published. */
export function requireSignable(row: LifecycleRow, words: DocumentWords): void {
  requireNotTerminated(row, words);
  const stage = lifecycleStage(row);
  if (stage === "draft")
    throw conflict(`${words.the} är inte ${agree(words, "klar")} för undertecknande än.`);
  if (stage === "published") throw conflict(`${words.the} är redan ${agree(words, "publicerad")}.`);
}

/** Throws CONFLICT unless the document is signed and not yet published. */
export function requirePublishable(row: LifecycleRow, words: DocumentWords): void {
  requireNotTerminated(row, words);
  const stage = lifecycleStage(row);
  if (stage === "published") throw conflict(`${words.the} är redan ${agree(words, "publicerad")}.`);
  if (stage !== "signed") throw conflict(`${words.the} kan publiceras först när båda parter undertecknat.`);
}

/** Throws CONFLICT unless the document is signed and not already terminated. */
export function requireTerminable(row: LifecycleRow, words: DocumentWords): void {
  if (row.terminatedOn) throw conflict(`${words.the} är redan ${agree(words, "uppsagd")}.`);
  if (!row.signedOn)
    throw conflict(
      `${words.the} är inte ${agree(words, "undertecknad")}; ett utkast behöver inte sägas upp.`,
    );
}

/** The revision a stale save collided with, as the editor shows it. */
export interface CurrentRevision {
  number: number;
  authorName: string | null;
  createdAt: Date;
  amendmentReason: string | null;
  content: unknown;
}

/** CONFLICT for a save based on an old revision, carrying the one saved meanwhile. */
export function staleRevisionError(words: DocumentWords, baseRevision: number, current: CurrentRevision) {
  const who = current.authorName ?? "någon annan";
  return new AppError(
    "CONFLICT",
    `${words.the} har ändrats av ${who} sedan du öppnade ${words.neuter ? "det" : "den"} (version ${baseRevision}). ` +
      `Din ändring är inte sparad: jämför med version ${current.number} och gör om den där.`,
    {},
    { current },
  );
}

/** Today's date in Sweden, "YYYY-MM-DD", for the date-derived status. */
export function swedishDate(now: Date): string {
  return now.toLocaleDateString("sv-SE", { timeZone: "Europe/Stockholm" });
}
