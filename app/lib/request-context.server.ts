import { createContext } from "react-router";
import type { Db } from "~/db/client.server";
import type { Actor } from "~/domain/access/actor";
import type { Locale } from "~/i18n/messages";

/** What the HTTP server knows about the connection, set before React Router runs. */
export interface ConnectionInfo {
  clientAddress: string;
  secure: boolean;
}
/**
 * One key for both copies of this module: the HTTP server (cli/, run from source) sets it, the
 * built bundle's root middleware reads it. Two `createContext` calls would make two keys, and the
 * bundle would always read the default.
 */
const CONNECTION_CONTEXT = Symbol.for("tryggsam.connectionContext");
const shared = globalThis as { [CONNECTION_CONTEXT]?: ReturnType<typeof createContext<ConnectionInfo>> };
export const connectionContext = (shared[CONNECTION_CONTEXT] ??= createContext<ConnectionInfo>({
  clientAddress: "unknown",
  secure: false,
}));

/** Everything a route needs to call the domain, set once per request by the root middleware. */
export interface AppContext {
  db: Db;
  actor: Actor;
  /** The session cookie's token, when signed in through the browser. */
  sessionToken: string | null;
  /** The token forms must send back (hidden field `csrf`). */
  csrfToken: string;
  locale: Locale;
  clientAddress: string;
  secure: boolean;
}
export const appContext = createContext<AppContext>();
