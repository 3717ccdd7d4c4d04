import { getEnv } from "~/config/env.server";

/** The address residents reach: PUBLIC_URL when set, else the request's own origin. */
export function publicOrigin(request: Request): string {
  return (getEnv().PUBLIC_URL ?? new URL(request.url).origin).replace(/\/+$/, "");
}
