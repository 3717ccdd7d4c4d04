import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "./env.server";

describe("parseEnv", () => {
  it("gives working defaults for the embedded database", () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATA_DIR).toBe("./data");
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.LOG_LEVEL).toBe("info");
  });

  it("names every bad variable in Swedish", () => {
    let error: unknown;
    try {
      parseEnv({ PORT: "hej", DATABASE_URL: "mysql://x", SESSION_SECRET: "kort", LOG_LEVEL: "loud" });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toContain("PORT måste vara");
    expect(message).toContain("DATABASE_URL måste vara en adress som postgres://");
    expect(message).toContain("SESSION_SECRET måste vara minst 32 tecken");
    expect(message).toContain("LOG_LEVEL måste vara ett av");
  });

  it("treats an empty value as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", SMTP_URL: " " }).DATABASE_URL).toBeUndefined();
  });

  it("seeds the demo content unless TRYGGSAM_DEMO is 0", () => {
    expect(parseEnv({}).TRYGGSAM_DEMO).toBe(true);
    expect(parseEnv({ TRYGGSAM_DEMO: "1" }).TRYGGSAM_DEMO).toBe(true);
    expect(parseEnv({ TRYGGSAM_DEMO: "0" }).TRYGGSAM_DEMO).toBe(false);
    expect(() => parseEnv({ TRYGGSAM_DEMO: "nej" })).toThrow("TRYGGSAM_DEMO måste vara 0 eller 1");
  });
});
