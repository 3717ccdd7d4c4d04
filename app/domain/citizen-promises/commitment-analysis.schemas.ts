import { z } from "zod";

/**
 * What Tryggsam reads out of a commitment's text and the user accepts or edits: how often
 * something happens, a numeric target, a deadline. Later issues turn it into activities and
 * indicators. Safe for the browser.
 */

export const FREQUENCY_UNITS = ["day", "week", "month", "term", "year"] as const;
export type FrequencyUnit = (typeof FREQUENCY_UNITS)[number];

const month = z.number().int().min(1).max(12);

export const scheduleSchema = z.object({
  kind: z.literal("schedule"),
  /** How many times per `per` unit (every other week: 1 per 2 weeks → `times: 1, every: 2`). */
  times: z.number().int().min(1).max(1000),
  every: z.number().int().min(1).max(52).default(1),
  per: z.enum(FREQUENCY_UNITS),
  /** "undantaget juni–augusti" → [6, 7, 8]. */
  exceptMonths: z.array(month).max(12).default([]),
  /** Only in these months ("under våren och hösten"); empty: all year. */
  onlyMonths: z.array(month).max(12).default([]),
});
export type Schedule = z.infer<typeof scheduleSchema>;

export const targetSchema = z.object({
  kind: z.literal("target"),
  value: z.number().min(0).max(1e9),
  unit: z.string().trim().min(1).max(100),
  /** "by period end" unless a date is given. */
  by: z.union([z.literal("period-end"), z.string().regex(/^\d{4}-\d{2}-\d{2}$/)]).default("period-end"),
  direction: z.enum(["increase", "decrease", "reach"]).default("reach"),
});
export type Target = z.infer<typeof targetSchema>;

export const deadlineSchema = z.object({
  kind: z.literal("deadline"),
  /** "senast 30 juni" → month 6, day 30 (of the period's year, or every year). */
  month,
  day: z.number().int().min(1).max(31),
});
export type Deadline = z.infer<typeof deadlineSchema>;

/** "under året": once during the period, no finer schedule. */
export const duringPeriodSchema = z.object({ kind: z.literal("during-period") });

export const commitmentMeasureSchema = z.discriminatedUnion("kind", [
  scheduleSchema,
  targetSchema,
  deadlineSchema,
  duringPeriodSchema,
]);
export type CommitmentMeasure = z.infer<typeof commitmentMeasureSchema>;
