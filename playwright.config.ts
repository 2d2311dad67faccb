import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

/**
 * End-to-end journeys on Debian's chromium (never `npx playwright install`) against a
 * real server on a fresh SQLite database. `scripts/test.mjs` picks a free port and asks
 * for a JSON report; run by hand, `npx playwright test` uses port 3100.
 */
const port = Number(process.env.VINCULO_E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;

// This file is loaded again in every worker: create the data folder once (in the
// runner) and hand it to the workers through the environment they inherit.
let dataDir = process.env.VINCULO_E2E_DATA_DIR;
if (!dataDir) {
  const created = fs.mkdtempSync(path.join(os.tmpdir(), "vinculo-e2e-"));
  dataDir = created;
  process.env.VINCULO_E2E_DATA_DIR = created;
  process.on("exit", () => fs.rmSync(created, { recursive: true, force: true }));
}

const jsonReport = process.env.VINCULO_PLAYWRIGHT_JSON;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  // One server, one database: journeys run one after another so they never trip over each other.
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: jsonReport ? [["list"], ["json", { outputFile: jsonReport }]] : [["list"]],
  use: {
    baseURL,
    locale: "pt-BR",
    timezoneId: "America/Sao_Paulo",
    headless: true,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: "/usr/bin/chromium",
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
          ],
        },
      },
    },
  ],
  webServer: {
    command: "node --import tsx src/server/main.ts",
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(port),
      HOST: "127.0.0.1",
      VINCULO_DATA_DIR: dataDir,
      VINCULO_ADMIN_PASSWORD: "admin-e2e-123",
      LOG_LEVEL: "warn",
      // Playwright passes its own environment on: keep a developer's settings out of the test server.
      DATABASE_URL: "",
      // The demo company (users atendente, vendedor, financeiro, gerente and their persons) for
      // the journeys by role; `admin` is still created from VINCULO_ADMIN_PASSWORD.
      VINCULO_DEMO: "1",
      VINCULO_PUBLIC_URL: "",
      VINCULO_TRUST_PROXY: "",
    },
  },
});
