import { z } from "zod";

/** Opening a wave of a survey: the form and the API take the same schema. Browser-safe. */

export const MAX_CODES = 20_000;

const isoDate = z.iso.date({ error: "Skriv datumet som ÅÅÅÅ-MM-DD." });

export const openSurveyWaveSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, { error: "Skriv omgångens namn, t.ex. året." })
      .max(100, { error: "Högst 100 tecken." }),
    opensOn: isoDate,
    closesOn: isoDate,
    /** Single-use codes for a sampled survey: how many to make (0 = an open link). */
    codes: z.coerce
      .number({ error: "Skriv ett antal." })
      .int({ error: "Skriv ett heltal." })
      .min(0, { error: "Antalet kan inte vara negativt." })
      .max(MAX_CODES, { error: `Högst ${MAX_CODES} koder.` })
      .default(0),
  })
  .refine((wave) => wave.closesOn >= wave.opensOn, {
    path: ["closesOn"],
    error: "Sista svarsdagen kan inte vara före första.",
  });
export type OpenSurveyWaveInput = z.input<typeof openSurveyWaveSchema>;

/** Whether a wave takes answers on `today` (YYYY-MM-DD in Europe/Stockholm). */
export function isWaveOpen(wave: { opensOn: string; closesOn: string }, today: string): boolean {
  return wave.opensOn <= today && today <= wave.closesOn;
}
