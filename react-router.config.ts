import type { Config } from "@react-router/dev/config";

export default {
  ssr: true,
  // Lets tests and parallel checkouts build side by side; `tryggsam serve` reads the same variable.
  buildDirectory: process.env.TRYGGSAM_BUILD_DIR ?? "build",
  future: { v8_middleware: true },
} satisfies Config;
