import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/** The one test run: unit, integration (real PostgreSQL), federated and browser tests. */
export default defineConfig({
  test: {
    root: fileURLToPath(new URL("../..", import.meta.url)),
    include: ["**/*.test.ts"],
    exclude: ["**/node_modules/**", "portal/build/**", "portal/.react-router/**", ".data/**"],
    globalSetup: ["packages/testkit/src/global-setup.ts"],
    setupFiles: ["packages/testkit/src/setup-file.ts"],
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 120_000,
    reporters: ["default"],
  },
});
