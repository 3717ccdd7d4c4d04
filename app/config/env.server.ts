import { z } from "zod";

export const LOG_LEVELS = ["debug", "info", "warn", "error", "silent"] as const;

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const urlWith = (protocols: string[], message: string) =>
  optionalString.refine(
    (value) => {
      if (value === undefined) return true;
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    { message },
  );

export const envSchema = z.object({
  PORT: z.coerce
    .number({ message: "måste vara ett portnummer" })
    .int("måste vara ett heltal")
    .min(0, "måste vara mellan 0 och 65535")
    .max(65535, "måste vara mellan 0 och 65535")
    .default(3000),
  HOST: optionalString.default("0.0.0.0"),
  DATABASE_URL: urlWith(
    ["postgres:", "postgresql:"],
    "måste vara en adress som postgres://användare@värd:5432/databas",
  ),
  DATA_DIR: optionalString.default("./data"),
  PUBLIC_URL: urlWith(
    ["http:", "https:"],
    "måste vara en http- eller https-adress, t.ex. https://tryggsam.example.se",
  ),
  SMTP_URL: urlWith(["smtp:", "smtps:"], "måste vara en adress som smtp://användare:lösenord@värd:587"),
  SESSION_SECRET: optionalString.refine((value) => value === undefined || value.length >= 32, {
    message: "måste vara minst 32 tecken",
  }),
  LOG_LEVEL: z.enum(LOG_LEVELS, { message: `måste vara ett av ${LOG_LEVELS.join(", ")}` }).default("info"),
  NODE_ENV: optionalString,
  /** "0" turns off the demo content the first start of the embedded database imports. */
  TRYGGSAM_DEMO: optionalString
    .refine((value) => value === undefined || value === "0" || value === "1", {
      message: "måste vara 0 eller 1",
    })
    .transform((value) => value !== "0"),
  /**
   * Survey answers (and drafts) one client address may send per minute, counted per process: a
   * school class on one network answers within the limit, a script posting in a loop does not.
   */
  SURVEY_SUBMISSIONS_PER_MINUTE: z.coerce
    .number({ message: "måste vara ett antal" })
    .int("måste vara ett heltal")
    .min(1, "måste vara minst 1")
    .default(30),
  /**
   * Background tiles for the survey maps, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png.
   * Optional: without it the maps show no background but still work (the named places' markers,
   * a click sets a point), and the typed place stays the primary way in any case.
   */
  MAP_TILE_URL: urlWith(
    ["http:", "https:"],
    "måste vara en http- eller https-adress, t.ex. https://tile.openstreetmap.org/{z}/{x}/{y}.png",
  ),
  /** The tiles' attribution shown in the map's corner, e.g. "© OpenStreetMap contributors". */
  MAP_TILE_ATTRIBUTION: optionalString,
});

export type Env = z.infer<typeof envSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Felaktig konfiguration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

/** Reads and checks the environment; throws ConfigError naming every bad variable. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`));
}

let cached: Env | undefined;

/** The process's configuration, read once. */
export function getEnv(): Env {
  cached ??= parseEnv();
  return cached;
}
