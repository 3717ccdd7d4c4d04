import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import type { Env } from "~/config/env.server";
import type { Db } from "~/db/client.server";
import { appSetting } from "~/db/schema";

/**
 * The secret behind CSRF tokens: SESSION_SECRET when set; otherwise generated once and kept,
 * in DATA_DIR for the embedded database, or in the database so every instance shares it.
 */
export async function ensureSessionSecret(env: Env, db: Db): Promise<string> {
  if (env.SESSION_SECRET) return env.SESSION_SECRET;
  if (!env.DATABASE_URL) {
    const file = join(env.DATA_DIR, "session-secret");
    if (existsSync(file)) return readFileSync(file, "utf8").trim();
    mkdirSync(env.DATA_DIR, { recursive: true });
    const secret = randomBytes(48).toString("base64url");
    writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
  await db
    .insert(appSetting)
    .values({ key: "session_secret", value: randomBytes(48).toString("base64url") })
    .onConflictDoNothing();
  const [row] = await db.select().from(appSetting).where(eq(appSetting.key, "session_secret"));
  return row!.value;
}
