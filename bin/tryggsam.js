#!/usr/bin/env node
// The `tryggsam` command. The CLI is TypeScript, run through tsx; the web part is the built bundle.
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

register({ tsconfig: fileURLToPath(new URL("../tsconfig.json", import.meta.url)) });
const { main } = await import("../cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
