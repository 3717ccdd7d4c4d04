import { defineConfig } from "vitest/config";

const alias = { "~": new URL("./app", import.meta.url).pathname };

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["app/**/*.test.{ts,tsx}", "cli/**/*.test.ts"],
          exclude: ["**/*.db.test.ts", "node_modules/**"],
          setupFiles: ["tests/support/fail-on-console-error.ts"],
          env: { TZ: "Europe/Stockholm" },
        },
      },
      {
        resolve: { alias },
        test: {
          name: "db",
          include: ["app/**/*.db.test.ts", "cli/**/*.db.test.ts", "tests/db/**/*.db.test.ts"],
          globalSetup: ["tests/support/db-global-setup.ts"],
          setupFiles: ["tests/support/fail-on-console-error.ts"],
          env: { TZ: "Europe/Stockholm" },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "http",
          include: ["tests/http/**/*.http.test.ts"],
          globalSetup: ["tests/support/http-global-setup.ts"],
          setupFiles: ["tests/support/fail-on-console-error.ts"],
          env: {
            TZ: "Europe/Stockholm",
            TRYGGSAM_BUILD_DIR: process.env.TRYGGSAM_BUILD_DIR ?? "build-http-test",
          },
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.spec.ts"],
          globalSetup: ["tests/support/e2e-global-setup.ts"],
          env: {
            TZ: "Europe/Stockholm",
            TRYGGSAM_BUILD_DIR: process.env.TRYGGSAM_E2E_BUILD_DIR ?? "build-e2e",
          },
          setupFiles: ["tests/support/fail-on-console-error.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
