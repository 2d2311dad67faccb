import { defineConfig } from "vitest/config";

/**
 * Three projects: pure unit tests once, and every server test twice — on a fresh
 * SQLite file and on PostgreSQL (TEST_DATABASE_URL). `scripts/test.mjs` decides
 * which run; `--project sqlite` or `--project postgres` picks one by hand.
 */
const serverTests = ["src/server/**/*.test.ts"];
const withPostgres = Boolean(process.env.TEST_DATABASE_URL);

export default defineConfig({
  test: {
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        test: {
          name: "unit",
          include: ["src/shared/**/*.test.ts", "src/web/**/*.test.{ts,tsx}"],
          environment: "node",
        },
      },
      {
        test: {
          name: "sqlite",
          include: serverTests,
          setupFiles: ["src/server/test/setup.ts"],
          env: { VINCULO_TEST_DIALECT: "sqlite" },
        },
      },
      ...(withPostgres
        ? [
            {
              test: {
                name: "postgres",
                include: serverTests,
                setupFiles: ["src/server/test/setup.ts"],
                globalSetup: ["src/server/test/postgres-global-setup.ts"],
                env: { VINCULO_TEST_DIALECT: "postgres" },
              },
            },
          ]
        : []),
    ],
  },
});
