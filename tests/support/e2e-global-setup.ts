import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** Chromium's path, or null when it is missing (the browser tests then skip, naming it). */
    chromiumPath: string | null;
  }
}

const root = fileURLToPath(new URL("../../", import.meta.url));
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Finds Chromium and builds the app once for the browser tests, into their own build folder. */
export default function setup(project: TestProject) {
  if (!existsSync(CHROMIUM_PATH)) {
    const message =
      `Chromium saknas (${CHROMIUM_PATH}): webbläsartesterna hoppas över. ` +
      "Installera Debian-paketet chromium (apt-get install chromium) eller ange CHROMIUM_PATH.";
    if (process.env.TRYGGSAM_REQUIRE_BROWSER === "1") throw new Error(message);
    console.warn(message);
    project.provide("chromiumPath", null);
    return;
  }
  project.provide("chromiumPath", CHROMIUM_PATH);
  const buildDir = project.config.env?.TRYGGSAM_BUILD_DIR;
  if (!buildDir) throw new Error("The e2e project needs env.TRYGGSAM_BUILD_DIR.");
  const result = spawnSync(
    process.execPath,
    [join(root, "node_modules", "@react-router", "dev", "bin.js"), "build"],
    { cwd: root, env: { ...process.env, TRYGGSAM_BUILD_DIR: buildDir }, encoding: "utf8" },
  );
  if (result.status !== 0) throw new Error(`react-router build failed:\n${result.stdout}\n${result.stderr}`);
}
