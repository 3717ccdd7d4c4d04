import { createCookie } from "react-router";
import { SESSION_DAYS } from "~/domain/users/sessions.server";

const common = { httpOnly: true, sameSite: "lax" as const, path: "/" };

export const sessionCookie = (secure: boolean) =>
  createCookie("tryggsam_session", { ...common, secure, maxAge: SESSION_DAYS * 24 * 3600 });

/** Holds a random id; forms send back its HMAC under the server's secret (signed double submit). */
export const csrfCookie = (secure: boolean) => createCookie("tryggsam_csrf", { ...common, secure });

export const localeCookie = createCookie("tryggsam_lang", {
  sameSite: "lax",
  path: "/",
  maxAge: 365 * 24 * 3600,
});
