import { afterEach, vi } from "vitest";

// An unexpected console.error is a bug the test did not look for.
let errors: unknown[][] = [];
const original = console.error;
console.error = (...args: unknown[]) => {
  errors.push(args);
  original(...args);
};
afterEach(() => {
  const seen = errors;
  errors = [];
  if (seen.length)
    throw new Error(`console.error was called:\n${seen.map((a) => a.map(String).join(" ")).join("\n")}`);
});
vi.stubEnv("TZ", "Europe/Stockholm");
