// Runs the embedded PostgreSQL (PGlite) off the request thread and serves it on a Unix socket,
// so the application talks to it with the same driver as to a PostgreSQL server.
// Plain JavaScript: a worker thread does not inherit the TypeScript loader of its parent.
// workerData: { dataDir: string | null, socketPath: string, templateFile: string | null }
import { readFile, writeFile } from "node:fs/promises";
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

const port = parentPort;
if (!port) throw new Error("embedded-worker must run in a worker thread");

try {
  const loadDataDir = workerData.templateFile
    ? new Blob([await readFile(workerData.templateFile)])
    : undefined;
  const db = await PGlite.create({
    ...(workerData.dataDir ? { dataDir: workerData.dataDir } : {}),
    ...(loadDataDir ? { loadDataDir } : {}),
  });
  const server = new PGLiteSocketServer({ db, path: workerData.socketPath, maxConnections: 100 });
  await server.start();
  port.postMessage({ type: "ready" });

  port.on("message", async (command) => {
    try {
      if (command.type === "dump") {
        const dump = await db.dumpDataDir("none");
        await writeFile(command.file, Buffer.from(await dump.arrayBuffer()));
        port.postMessage({ type: "dumped" });
      } else if (command.type === "stop") {
        await server.stop();
        await db.close();
        port.postMessage({ type: "stopped" });
      }
    } catch (error) {
      port.postMessage({ type: "error", message: error instanceof Error ? error.message : String(error) });
    }
  });
} catch (error) {
  port.postMessage({ type: "error", message: error instanceof Error ? error.message : String(error) });
}
