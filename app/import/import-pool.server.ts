import { availableParallelism } from "node:os";
import { basename } from "node:path";
import { Worker } from "node:worker_threads";
import type { ImportFailure, ImportOutcome } from "./import-v1";
import { IMPORT_TIMEOUT_MS, IMPORT_WORKER_HEAP_MB } from "./limits";

export interface ImportPoolOptions {
  /** Worker threads, each reading one file at a time (default: 2, at most the cores). */
  size?: number;
  /** Wall time for one file from the moment a worker takes it (default IMPORT_TIMEOUT_MS). */
  timeoutMs?: number;
  /** V8 heap of one worker in MB (default IMPORT_WORKER_HEAP_MB). */
  heapMb?: number;
  /** A worker with nothing to read for this long stops, giving its memory back (default 30 s). */
  idleMs?: number;
}

/** A small pool of import workers, reused between files; files wait their turn in order. */
export interface ImportPool {
  run(file: { name: string; bytes: Uint8Array }): Promise<ImportOutcome>;
  /** Stops the workers; files still waiting are rejected. */
  close(): Promise<void>;
  /** How many worker threads are running now. */
  workers(): number;
}

interface Job {
  id: number;
  source: string;
  name: string;
  bytes: Uint8Array;
  resolve(outcome: ImportOutcome): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job: Job | null;
  timer: NodeJS.Timeout | null;
  idle: NodeJS.Timeout | null;
}

const WORKER_URL = new URL("./import-worker.mjs", import.meta.url);

/**
 * Starts a pool of `import-worker.mjs` threads. Each file runs under a memory limit and a hard
 * time limit: past it the worker is terminated (and replaced on demand) and the file answers
 * TIMEOUT. Idle workers do not keep the process alive.
 */
export function startImportPool(options: ImportPoolOptions = {}): ImportPool {
  const size = Math.max(1, options.size ?? Math.min(2, availableParallelism()));
  const timeoutMs = options.timeoutMs ?? IMPORT_TIMEOUT_MS;
  const heapMb = options.heapMb ?? IMPORT_WORKER_HEAP_MB;
  const idleMs = options.idleMs ?? 30_000;
  const slots = new Set<Slot>();
  const queue: Job[] = [];
  let nextId = 1;
  let closed = false;

  const failure = (job: Job, code: ImportFailure["error"]["code"], reason: string): ImportFailure => ({
    source: job.source,
    error: { code, message: `${job.source}: ${reason}` },
  });

  const finish = (slot: Slot, outcome: ImportOutcome) => {
    const job = slot.job;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
    job?.resolve(outcome);
  };

  const remove = (slot: Slot) => {
    if (!slots.delete(slot)) return;
    if (slot.timer) clearTimeout(slot.timer);
    if (slot.idle) clearTimeout(slot.idle);
    void slot.worker.terminate();
  };

  const spawn = () => {
    const worker = new Worker(WORKER_URL, {
      resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 64 },
      // The worker's output would interleave with the server's; it has nothing to say.
      stdout: true,
      stderr: true,
    });
    worker.stdout.resume();
    worker.stderr.resume();
    const slot: Slot = { worker, ready: false, job: null, timer: null, idle: null };
    slots.add(slot);
    worker.on("message", (message: { type?: string; id?: number; outcome?: ImportOutcome }) => {
      if (message.type === "ready") {
        slot.ready = true;
        dispatch();
      } else if (slot.job && message.id === slot.job.id && message.outcome) {
        finish(slot, message.outcome);
        dispatch();
      }
    });
    const lost = (error: Error | null) => {
      if (!slots.has(slot)) return;
      slots.delete(slot);
      if (slot.job) {
        const job = slot.job;
        const outOfMemory = (error as { code?: unknown } | null)?.code === "ERR_WORKER_OUT_OF_MEMORY";
        finish(
          slot,
          outOfMemory
            ? failure(job, "TOO_LARGE", "filen kräver för mycket minne för att läsas.")
            : failure(job, "UNREADABLE", "filen kunde inte läsas (läsningen avbröts oväntat)."),
        );
      } else if (!slot.ready && queue.length) {
        // A worker that cannot even start is no file's fault: the waiting files fail loudly.
        const reason = new Error(
          `Importen kunde inte starta: ${error?.message ?? "arbetstråden avslutades"}`,
        );
        for (const job of queue.splice(0)) job.reject(reason);
      }
      dispatch();
    };
    worker.on("error", (error) => lost(error));
    worker.on("exit", () => lost(null));
  };

  const dispatch = () => {
    if (closed) return;
    for (const slot of slots) {
      if (!slot.ready || slot.job) continue;
      const job = queue.shift();
      if (!job) break;
      if (slot.idle) clearTimeout(slot.idle);
      slot.idle = null;
      slot.job = job;
      slot.timer = setTimeout(() => {
        finish(
          slot,
          failure(
            job,
            "TIMEOUT",
            `läsningen tog mer än ${timeoutMs / 1000} sekunder och avbröts (filen kan vara skadad eller för komplicerad).`,
          ),
        );
        remove(slot);
        dispatch();
      }, timeoutMs);
      slot.worker.postMessage({ id: job.id, name: job.name, bytes: job.bytes });
    }
    const starting = [...slots].filter((slot) => !slot.ready).length;
    const idle = [...slots].filter((slot) => slot.ready && !slot.job).length;
    for (let missing = queue.length - starting - idle; missing > 0 && slots.size < size; missing--) spawn();
    // An idle worker stops after a while: a server that imported once does not keep its memory.
    for (const slot of slots) {
      if (!slot.ready || slot.job || slot.idle) continue;
      slot.idle = setTimeout(() => remove(slot), idleMs);
      slot.idle.unref();
    }
    // Only a worker with a file to read, or one starting for a waiting file, keeps the process alive.
    for (const slot of slots) {
      if (slot.job || (!slot.ready && queue.length)) slot.worker.ref();
      else slot.worker.unref();
    }
  };

  return {
    run(file) {
      if (closed) return Promise.reject(new Error("Importen är stängd."));
      return new Promise<ImportOutcome>((resolve, reject) => {
        queue.push({
          id: nextId++,
          source: basename(file.name),
          name: file.name,
          bytes: file.bytes,
          resolve,
          reject,
        });
        dispatch();
      });
    },
    workers() {
      return slots.size;
    },
    async close() {
      closed = true;
      const error = new Error("Importen stängdes innan filen hann läsas.");
      for (const job of queue.splice(0)) job.reject(error);
      const running = [...slots];
      slots.clear();
      await Promise.all(
        running.map(async (slot) => {
          if (slot.timer) clearTimeout(slot.timer);
          if (slot.idle) clearTimeout(slot.idle);
          slot.job?.reject(error);
          await slot.worker.terminate();
        }),
      );
    },
  };
}

// One pool per process, shared by the CLI's modules and the web server's bundle (which has its
// own copy of this module): the CLI starts it before loading the bundle, which then finds it here.
const POOL_KEY = Symbol.for("tryggsam.importPool");
type PoolHolder = { [POOL_KEY]?: ImportPool };

/** The process's import pool, started on first use. */
export function getImportPool(): ImportPool {
  const holder = globalThis as PoolHolder;
  holder[POOL_KEY] ??= startImportPool();
  return holder[POOL_KEY];
}

/** Stops the process's import pool (the CLI on exit, tests after their last import); a later import starts a new one. */
export async function closeImportPool(): Promise<void> {
  const holder = globalThis as PoolHolder;
  const pool = holder[POOL_KEY];
  delete holder[POOL_KEY];
  await pool?.close();
}
