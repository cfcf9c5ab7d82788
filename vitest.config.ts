import path from "node:path";
import { defineConfig } from "vitest/config";

/**
 * Unit (`*.test.ts`) and integration (`*.int.test.ts`) tests. Integration tests run against
 * in-memory PGlite loaded from a migrated dump (test/global-setup.ts), and against real
 * PostgreSQL too when TEST_DATABASE_URL is set (each file gets its own fresh database).
 */
export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(__dirname),
      // `server-only` throws outside React Server Components; tests are server code.
      "server-only": path.resolve(__dirname, "test/empty-module.ts"),
    },
  },
  test: {
    environment: "node",
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", ".next/**", "e2e/**", "data/**"],
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: "forks",
    maxWorkers: 2,
  },
});
