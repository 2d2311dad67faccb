import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

/**
 * End-to-end journeys on Debian's chromium (never `npx playwright install`) against a
 * real server on a fresh SQLite database. `scripts/test.mjs` picks a free port and asks
 * for a JSON report; run by hand, `npx playwright test` uses port 3100. The phone project
 * (390×844) has a server and a database of its own on the next port, so each journey finds the
 * demo company as it was seeded, whichever project ran before.
 */
const port = Number(process.env.VINCULO_E2E_PORT ?? 3100);
const phonePort = port + 1;
const baseURL = `http://127.0.0.1:${port}`;
const phoneURL = `http://127.0.0.1:${phonePort}`;

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

const chromium = {
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
};

/** One server per project, each on a fresh database in its own folder. */
function server(serverPort: number, folder: string) {
  const url = `http://127.0.0.1:${serverPort}`;
  const dir = path.join(dataDir as string, folder);
  fs.mkdirSync(dir, { recursive: true });
  return {
    command: "node --import tsx src/server/main.ts",
    url: `${url}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe" as const,
    stderr: "pipe" as const,
    env: {
      PORT: String(serverPort),
      HOST: "127.0.0.1",
      VINCULO_DATA_DIR: dir,
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
  };
}

/**
 * The journeys whose screens change shape on a phone run there too (measured: running every
 * journey twice doubled the e2e time for screens that are the same list at any width).
 */
const PHONE_JOURNEYS = /(persons|tickets|appointments|mail|keyboard|layout|watchers)\.spec\.ts$/;

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
  // Prints how many pages and dialogs axe checked (e2e/support/a11y.ts writes one line per check).
  globalTeardown: "./e2e/support/global-teardown.ts",
  projects: [
    {
      name: "chromium",
      // layout.spec.ts is the phone's layout (layout-desktop.spec.ts the desktop's).
      testIgnore: /(^|\/)layout\.spec\.ts$/,
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: chromium,
        // A journey is one visit; the service worker is tested on its own (pwa.spec.ts).
        serviceWorkers: "block",
      },
    },
    {
      name: "phone",
      testMatch: PHONE_JOURNEYS,
      use: {
        baseURL: phoneURL,
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 3,
        isMobile: true,
        hasTouch: true,
        launchOptions: chromium,
        serviceWorkers: "block",
      },
    },
  ],
  webServer: [server(port, "desktop"), server(phonePort, "phone")],
});
