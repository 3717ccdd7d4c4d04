import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync, openSync, closeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Worker } from "node:worker_threads";
import { EMBEDDED_PORT, embeddedSocketDir } from "./embedded-paths.server";

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `Datamappen ${dataDir} används redan av en annan Tryggsam-process (PID ${pid}). ` +
        `Stoppa den först, eller ange en annan DATA_DIR.`,
    );
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Takes the data folder for this process: PGlite does not lock its files, and a second process
 * on the same folder silently loses committed rows. A lock left by a dead process is taken over.
 * Throws DataDirLockedError when a live process holds it.
 */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockFile = join(dataDir, "tryggsam.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, "wx");
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        if (readLockPid(lockFile) === process.pid) rmSync(lockFile, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const pid = readLockPid(lockFile);
      if (pid !== null && pid !== process.pid && isRunning(pid)) throw new DataDirLockedError(dataDir, pid);
      rmSync(lockFile, { force: true });
    }
  }
  throw new Error(`Kunde inte låsa datamappen ${dataDir}`);
}

function readLockPid(lockFile: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(lockFile, "utf8").trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

export interface EmbeddedDatabase {
  socketDir: string;
  /** Writes a dump of the whole database to a file (for test templates). */
  dump(file: string): Promise<void>;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** The data folder; the caller must hold its lock. Null: in memory. */
  dataDir: string | null;
  /** Where the socket goes for an in-memory database. */
  socketDir?: string;
  templateFile?: string;
}

/** Starts PGlite in a worker thread, serving the PostgreSQL protocol on a Unix socket. */
export async function startEmbeddedDatabase(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const socketDir = options.socketDir ?? embeddedSocketDir(options.dataDir ?? tmpdir());
  mkdirSync(socketDir, { recursive: true });
  const socketPath = join(socketDir, `.s.PGSQL.${EMBEDDED_PORT}`);
  // Only reached with the data folder's lock held, so a socket file here is a crashed run's.
  if (existsSync(socketPath)) rmSync(socketPath);
  const pgdata = options.dataDir ? join(resolve(options.dataDir), "pgdata") : null;
  const worker = new Worker(new URL("./embedded-worker.mjs", import.meta.url), {
    workerData: { dataDir: pgdata, socketPath, templateFile: options.templateFile ?? null },
  });

  const next = (expected: string) =>
    new Promise<void>((resolvePromise, reject) => {
      const onMessage = (message: { type: string; message?: string }) => {
        if (message.type === expected) {
          cleanup();
          resolvePromise();
        } else if (message.type === "error") {
          cleanup();
          reject(new Error(message.message));
        }
      };
      const onError = (error: Error) => {
        cleanup();
        reject(error);
      };
      const onExit = (code: number) => {
        cleanup();
        reject(new Error(`Den inbyggda databasen avslutades oväntat (kod ${code})`));
      };
      const cleanup = () => {
        worker.off("message", onMessage);
        worker.off("error", onError);
        worker.off("exit", onExit);
      };
      worker.on("message", onMessage);
      worker.on("error", onError);
      worker.on("exit", onExit);
    });

  await next("ready");
  let stopped = false;
  return {
    socketDir,
    async dump(file) {
      const done = next("dumped");
      worker.postMessage({ type: "dump", file });
      await done;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      const done = next("stopped");
      worker.postMessage({ type: "stop" });
      await done.catch(() => undefined);
      await worker.terminate();
    },
  };
}
