import path from "node:path";
import { defineConfig } from "vitest/config";
import { writeLocales } from "./scripts/locales.mjs";

// the languages of messages/, for lib/platform/locale.ts (lib/generated/locales.ts)
writeLocales();

const alias = {
  "@": path.resolve(import.meta.dirname),
  // lib/platform/db.ts guards against client bundles with `server-only`; tests are server code
  "server-only": path.resolve(import.meta.dirname, "tests/helpers/server-only-stub.ts"),
};

// Three projects: fast unit tests of lib/ (no database), and the integration
// tests of the data layer, run once on SQLite and once on PostgreSQL.
export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      // the sandbox's tests run bots to their limits: seconds of CPU on a busy 2-core machine
      { resolve: { alias }, test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node", testTimeout: 20_000 } },
      {
        resolve: { alias },
        test: {
          name: "sqlite",
          include: ["tests/integration/**/*.test.ts"],
          env: { HEXATHON_TEST_DB: "sqlite" },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "postgres",
          include: ["tests/integration/**/*.test.ts"],
          env: { HEXATHON_TEST_DB: "postgresql" },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
