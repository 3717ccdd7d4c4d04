// The import worker: reads and extracts files off the main thread, under memory limits, where a
// hostile file can be stopped by terminating the thread. Plain JavaScript: a worker thread does
// not inherit its parent's TypeScript loader, so it registers tsx itself (as bin/tryggsam.js does).
// Messages in: { id, name, bytes }; out: { type: "ready" } once, then { id, outcome } per file.
import { fileURLToPath } from "node:url";
import { parentPort } from "node:worker_threads";
import { register } from "tsx/esm/api";

const port = parentPort;
if (!port) throw new Error("import-worker must run in a worker thread");

register({ tsconfig: fileURLToPath(new URL("../../tsconfig.json", import.meta.url)) });
const { prepareImport, runImport } = await import("./import-task.server.ts");
await prepareImport();

// Each answer goes back through its own message; a stray rejection inside a parser after it has
// answered (pdf.js cleaning up a broken file) must not take the thread and the next file with it.
process.on("unhandledRejection", () => {});

port.on("message", async (job) => {
  const outcome = await runImport({ name: job.name, bytes: job.bytes });
  port.postMessage({ id: job.id, outcome });
});
port.postMessage({ type: "ready" });
