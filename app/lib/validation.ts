import type { z } from "zod";
import { AppError } from "~/errors/app-error";

/** Zod issues → Swedish messages per field ("" for the form as a whole). */
export function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".");
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

/** Parses input at an edge; throws AppError VALIDATION with a message per field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new AppError("VALIDATION", "Uppgifterna innehåller fel.", fieldErrors(result.error));
}
