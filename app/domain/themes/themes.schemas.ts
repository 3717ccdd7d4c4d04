import { z } from "zod";
import { THEMES } from "./themes";

/** At most every theme once. */
export const THEMES_MAX = THEMES.length;

/**
 * A focus area's or a commitment's themes. `.default([])` keeps revisions saved before themes
 * existed valid when their JSON is read back. Safe for the browser.
 */
export const themesSchema = z
  .array(z.enum(THEMES, { message: "Välj teman ur listan." }))
  .max(THEMES_MAX, `Välj högst ${THEMES_MAX} teman.`)
  .default([])
  .describe(
    "Teman ur den fasta listan, så att dokument kan jämföras över landet. Föreslås utifrån texten i redigeraren och vid import.",
  );
