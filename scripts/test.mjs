// `npm test`: every check the project has, in order, stopping at the first failure:
//   1. biome check   2. tsc --noEmit   3. vitest (unit, SQLite and, when it answers, PostgreSQL)
//   4. vite build (when dist/web is missing or older than the web sources) and the first-load JS
//      budget (scripts/bundle-size.mjs)   5. Playwright
// The last line is always `vinculo: N passed, M failed[, K skipped]`; the exit status is 0
// only when nothing failed. With CI set, a missing PostgreSQL or chromium is a failure;
// without it, a warning (and those tests do not run).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

const root = path.resolve(import.meta.dirname, "..");
const ci = Boolean(process.env.CI);
const DEFAULT_TEST_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/vinculo_test";
const CHROMIUM = "/usr/bin/chromium";
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "vinculo-test-run-"));
const totals = { passed: 0, failed: 0, skipped: 0 };
const steps = 5;
let step = 0;

function finish(code) {
  fs.rmSync(tmp, { recursive: true, force: true });
  const skipped = totals.skipped ? `, ${totals.skipped} skipped` : "";
  console.log(`\nvinculo: ${totals.passed} passed, ${totals.failed} failed${skipped}`);
  process.exit(code);
}

function fail(message) {
  console.error(`\n✗ ${message}`);
  // A step that failed outside any test still counts, so the summary never says "0 failed" on a failure.
  if (totals.failed === 0) totals.failed = 1;
  finish(1);
}

const warn = (message) => console.warn(`! ${message}`);

function title(name) {
  step += 1;
  console.log(`\n▶ [${step}/${steps}] ${name}`);
}

function run(command, args, env = process.env) {
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env });
  if (result.error) fail(`${command} ${args.join(" ")}: ${result.error.message}`);
  console.log(`  (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return result.status ?? 1;
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
}

/** Connects to the server's `postgres` database and creates the test database when missing. */
async function preparePostgres(url) {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ""));
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`nome de banco inesperado em TEST_DATABASE_URL: "${name}"`);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [name]);
    if (!rowCount) {
      await client.query(`create database "${name}"`);
      console.log(`  banco ${name} criado`);
    }
  } finally {
    await client.end();
  }
}

/** The newest modification time under these paths (files and folders, recursively). */
function newestMtime(paths) {
  let newest = 0;
  const visit = (p) => {
    let stat;
    try {
      stat = fs.statSync(p);
    } catch {
      return;
    }
    newest = Math.max(newest, stat.mtimeMs);
    if (stat.isDirectory()) for (const entry of fs.readdirSync(p)) visit(path.join(p, entry));
  };
  for (const p of paths) visit(path.join(root, p));
  return newest;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// 1. Lint and format
title("biome check .");
if (run("npx", ["biome", "check", "."]) !== 0)
  fail("biome check encontrou problemas (npm run format corrige a formatação).");
// The house rules (SQL only in repositories, no feature-to-feature imports on the web, no cycles…).
if (run("node", ["scripts/check-layers.mjs"]) !== 0) fail("check-layers encontrou violações das camadas.");

// 2. Types
title("tsc --noEmit");
if (run("npx", ["tsc", "--noEmit"]) !== 0) fail("tsc encontrou erros de tipo.");

// 3. Unit and API tests, on SQLite and PostgreSQL
title("vitest (unit, sqlite, postgres)");
const explicitUrl = process.env.TEST_DATABASE_URL;
const testDatabaseUrl = explicitUrl || DEFAULT_TEST_DATABASE_URL;
const vitestEnv = { ...process.env };
try {
  await preparePostgres(testDatabaseUrl);
  vitestEnv.TEST_DATABASE_URL = testDatabaseUrl;
  console.log(`  PostgreSQL: ${testDatabaseUrl.replace(/\/\/([^:@/]+):[^@]+@/, "//$1:***@")}`);
} catch (error) {
  const why = `PostgreSQL não respondeu em ${testDatabaseUrl.replace(/\/\/([^:@/]+):[^@]+@/, "//$1:***@")} (${error.message})`;
  if (ci || explicitUrl) {
    fail(`${why}. Inicie o PostgreSQL ou ajuste TEST_DATABASE_URL.`);
  }
  warn(`${why}: os testes rodam só no SQLite. Inicie o PostgreSQL para rodá-los também nele.`);
  delete vitestEnv.TEST_DATABASE_URL;
}
const vitestJson = path.join(tmp, "vitest.json");
const vitestStatus = run(
  "npx",
  ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`],
  vitestEnv,
);
const vitest = readJson(vitestJson);
if (vitest) {
  totals.passed += vitest.numPassedTests ?? 0;
  totals.failed += vitest.numFailedTests ?? 0;
  totals.skipped += (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0);
}
if (vitestStatus !== 0) fail("vitest falhou.");
if (!vitest) fail("vitest não gravou o relatório JSON.");

// 4. The web bundle the e2e server serves
title("vite build (se preciso)");
const builtIndex = path.join(root, "dist/web/index.html");
const sources = ["src/web", "src/shared", "vite.config.ts", "package-lock.json"];
if (!fs.existsSync(builtIndex)) {
  console.log("  dist/web ausente: construindo");
  if (run("npx", ["vite", "build"]) !== 0) fail("vite build falhou.");
} else if (newestMtime(sources) > fs.statSync(builtIndex).mtimeMs) {
  // A stale bundle would let the journeys test yesterday's screens.
  console.log("  dist/web é mais antigo que src/web: reconstruindo");
  if (run("npx", ["vite", "build"]) !== 0) fail("vite build falhou.");
} else {
  console.log("  dist/web em dia");
}
// The first screens' JavaScript within its budget (fails over it), measured on the bundle just built.
if (run("node", ["scripts/bundle-size.mjs"]) !== 0)
  fail("o JS de uma primeira tela passou do orçamento (bundle-size).");

// 5. Journeys in a real browser
title("playwright");
if (!fs.existsSync(CHROMIUM)) {
  const why = `${CHROMIUM} não encontrado (apt-get install -y chromium)`;
  if (ci) fail(`${why}: os testes de ponta a ponta não podem rodar.`);
  warn(`${why}: testes de ponta a ponta pulados.`);
  finish(totals.failed ? 1 : 0);
}
const playwrightJson = path.join(tmp, "playwright.json");
const playwrightStatus = run("npx", ["playwright", "test"], {
  ...process.env,
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1",
  VINCULO_PLAYWRIGHT_JSON: playwrightJson,
  VINCULO_E2E_PORT: String(await freePort()),
});
const playwright = readJson(playwrightJson);
if (playwright?.stats) {
  const s = playwright.stats;
  totals.passed += (s.expected ?? 0) + (s.flaky ?? 0);
  totals.failed += s.unexpected ?? 0;
  totals.skipped += s.skipped ?? 0;
}
if (playwrightStatus !== 0) fail("playwright falhou.");
if (!playwright?.stats) fail("playwright não gravou o relatório JSON.");

finish(0);
