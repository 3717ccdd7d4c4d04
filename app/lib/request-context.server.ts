import { createContext } from "react-router";
import type { Db } from "~/db/client.server";
import type { Actor } from "~/domain/access/actor";
import type { Locale } from "~/i18n/messages";

/** What the HTTP server knows about the connection, set before React Router runs. */
export interface ConnectionInfo {
  clientAddress: string;
  secure: boolean;
}
export const connectionContext = createContext<ConnectionInfo>({ clientAddress: "unknown", secure: false });

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
