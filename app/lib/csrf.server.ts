import { hmac, randomToken, safeEqual } from "~/auth/crypto.server";

/** The token a form must send for this visitor's CSRF cookie id. */
export function csrfTokenFor(secret: string, cookieId: string): string {
  return hmac(secret, `csrf:${cookieId}`);
}

export function isValidCsrfToken(secret: string, cookieId: string | null, token: unknown): boolean {
  return typeof token === "string" && !!cookieId && safeEqual(csrfTokenFor(secret, cookieId), token);
}

export const newCsrfCookieId = randomToken;
