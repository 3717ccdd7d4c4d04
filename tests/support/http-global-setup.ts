import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";

const root = fileURLToPath(new URL("../../", import.meta.url));

/** Builds the app once for the HTTP tests, into their own build folder (TRYGGSAM_BUILD_DIR). */
export default function setup(project: TestProject) {
  const buildDir = project.config.env?.TRYGGSAM_BUILD_DIR;
  if (!buildDir) throw new Error("The http project needs env.TRYGGSAM_BUILD_DIR.");
  const result = spawnSync(
    process.execPath,
    [join(root, "node_modules", "@react-router", "dev", "bin.js"), "build"],
    { cwd: root, env: { ...process.env, TRYGGSAM_BUILD_DIR: buildDir }, encoding: "utf8" },
  );
  if (result.status !== 0) throw new Error(`react-router build failed:\n${result.stdout}\n${result.stderr}`);
}
