#!/usr/bin/env node
// The `tryggsam` command. The CLI is TypeScript, run through tsx; the web part is the built bundle.
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

// React and React Router pick their development or production build when first loaded, so the
// mode must be set before anything imports them: `serve` runs the production build.
if (process.argv[2] === "serve") process.env.NODE_ENV ??= "production";

register({ tsconfig: fileURLToPath(new URL("../tsconfig.json", import.meta.url)) });
const { main } = await import("../cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
