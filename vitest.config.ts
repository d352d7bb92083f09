import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/support/global-setup.ts"],
    // The server logs a line per request to stdout; tests that read the log turn it back on.
    env: { LOG_LEVEL: "silent" },
    // Tests start real servers on real SQLite files; two cores make more forks slower, not faster.
    pool: "forks",
    maxWorkers: 2,
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
