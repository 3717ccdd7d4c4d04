import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

/** pg connects to `${host}/.s.PGSQL.${port}`; Unix socket paths are limited to ~107 bytes. */
export const EMBEDDED_PORT = 5432;
const SOCKET_PATH_LIMIT = 100;

/** The folder whose `.s.PGSQL.5432` is the embedded database's socket for this data folder. */
export function embeddedSocketDir(dataDir: string): string {
  const inside = join(resolve(dataDir), "run");
  if (join(inside, `.s.PGSQL.${EMBEDDED_PORT}`).length <= SOCKET_PATH_LIMIT) return inside;
  const hash = createHash("sha256").update(resolve(dataDir)).digest("hex").slice(0, 16);
  return join(tmpdir(), `tryggsam-${hash}`);
}
