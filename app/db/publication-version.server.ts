import { eq, sql } from "drizzle-orm";
import pg from "pg";
import type { DbOrTx } from "./client.server";
import { publicationVersion } from "./schema";

/** The scope of everything residents see: public pages, the open data, feeds. */
export const PUBLIC_SCOPE = "public";
/** The PostgreSQL channel a raised version is announced on (payload: the new version). */
export const PUBLICATION_CHANNEL = "tryggsam_publication";

interface LocalBumps {
  /** The highest version raised by a transaction of this process (committed or not yet). */
  raised: number;
  listeners: Set<(version: number) => void>;
}

// The web bundle and the HTTP server (run from source) each hold a copy of this module: the
// domain raises the version in the bundle's copy, the cache in front of React Router reads it in
// the server's, so the two meet on globalThis.
const LOCAL_KEY = Symbol.for("tryggsam.publicationVersion.local");
function local(): LocalBumps {
  const holder = globalThis as { [LOCAL_KEY]?: LocalBumps };
  return (holder[LOCAL_KEY] ??= { raised: 0, listeners: new Set() });
}

/**
 * Raises the public version inside the caller's transaction and announces it (NOTIFY, delivered
 * by PostgreSQL at commit; dropped on rollback). Call it in every write that changes what a public
 * page, the open data or a feed shows, last in its transaction: the row lock serialises such
 * writes (they are rare), and taken after the write's own row locks it is always taken in the
 * same order, so two of them cannot deadlock over it.
 */
export async function raisePublicationVersion(tx: DbOrTx): Promise<number> {
  const [row] = await tx
    .insert(publicationVersion)
    .values({ scope: PUBLIC_SCOPE, version: 1 })
    .onConflictDoUpdate({
      target: publicationVersion.scope,
      set: { version: sql`${publicationVersion.version} + 1`, updatedAt: sql`now()` },
    })
    .returning({ version: publicationVersion.version });
  const version = row!.version;
  await tx.execute(sql`select pg_notify(${PUBLICATION_CHANNEL}, ${String(version)})`);
  const bumps = local();
  bumps.raised = Math.max(bumps.raised, version);
  for (const listener of bumps.listeners) listener(version);
  return version;
}

/** The committed public version (0 before the first public change). */
export async function readPublicationVersion(db: DbOrTx): Promise<number> {
  const [row] = await db
    .select({ version: publicationVersion.version })
    .from(publicationVersion)
    .where(eq(publicationVersion.scope, PUBLIC_SCOPE));
  return row?.version ?? 0;
}

/**
 * Calls back with each version a transaction of this process raises — before it commits, so the
 * caller must read the committed version before trusting it. Returns the unsubscribe.
 */
export function onLocalPublicationRaise(listener: (version: number) => void): () => void {
  const bumps = local();
  bumps.listeners.add(listener);
  return () => bumps.listeners.delete(listener);
}

export interface PublicationListener {
  /** True while LISTEN is established (a notification may have been missed while it was not). */
  connected(): boolean;
  close(): Promise<void>;
}

/**
 * LISTENs on PostgreSQL for raised versions (other instances' commits), on one connection of its
 * own, reconnecting after a loss. onConnected runs after each (re)connect: a version raised while
 * disconnected is not announced again, so the caller reads it then.
 */
export function listenForPublicationVersions(
  databaseUrl: string,
  handlers: { onVersion(version: number): void; onConnected(): void },
): PublicationListener {
  let client: pg.Client | null = null;
  let connected = false;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;

  const connect = async () => {
    const next = new pg.Client({ connectionString: databaseUrl });
    client = next;
    const lost = () => {
      if (client !== next) return;
      connected = false;
      client = null;
      next.end().catch(() => undefined);
      if (!closed) retry = setTimeout(() => void connect(), 1_000);
    };
    next.on("error", lost);
    next.on("end", lost);
    next.on("notification", (message) => {
      const version = Number(message.payload);
      if (message.channel === PUBLICATION_CHANNEL && Number.isInteger(version)) handlers.onVersion(version);
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${PUBLICATION_CHANNEL}`);
      if (closed || client !== next) return;
      connected = true;
      handlers.onConnected();
    } catch {
      lost();
    }
  };
  void connect();

  return {
    connected: () => connected,
    async close() {
      closed = true;
      clearTimeout(retry);
      const open = client;
      client = null;
      connected = false;
      await open?.end().catch(() => undefined);
    },
  };
}
