import type { DbOrTx } from "~/db/client.server";
import { sessionCookie } from "~/lib/cookies.server";
import { startSession } from "~/domain/users/sessions.server";

/** `name=value` of a cookie the response sets, ready for a Cookie header; null when not set. */
export function setCookie(response: Response, name: string): string | null {
  const header = response.headers.getSetCookie().find((c) => c.startsWith(`${name}=`));
  return header ? header.split(";")[0]! : null;
}

/** A signed-in browser's session cookie for the user, without going through the login form. */
export async function sessionCookieFor(db: DbOrTx, userId: string): Promise<string> {
  const serialized = await sessionCookie(false).serialize(await startSession(db, userId));
  return serialized.split(";")[0]!;
}

/** The hidden `csrf` field of a page's form. */
export function csrfField(html: string): string | null {
  return /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? null;
}

/**
 * A CSRF cookie and the token that goes with it, as a browser gets them from a page with a form.
 * The token depends only on the cookie, so one pair serves every visitor in a test.
 */
export async function fetchCsrf(
  baseUrl: string,
  path = "/logga-in",
): Promise<{ cookie: string; token: string }> {
  const response = await fetch(`${baseUrl}${path}`, { redirect: "manual" });
  const cookie = setCookie(response, "tryggsam_csrf");
  const token = csrfField(await response.text());
  if (!cookie || !token) throw new Error(`${path} gave no CSRF cookie and field (status ${response.status})`);
  return { cookie, token };
}

/** Form fields as a browser sends them without JavaScript. */
export function formBody(fields: Record<string, string | readonly string[]>): URLSearchParams {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    for (const one of typeof value === "string" ? [value] : value) body.append(name, one);
  }
  return body;
}

/** Joins cookies into one Cookie header, skipping missing ones. */
export function cookies(...values: (string | null | undefined)[]): string {
  return values.filter(Boolean).join("; ");
}
