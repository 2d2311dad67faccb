import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { expect } from "vitest";
import { buildApp } from "../app.ts";
import { loadConfig } from "../config.ts";
import { type AppContext, closeContext, createContext } from "../context.ts";
import { createDb } from "../db/create-db.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { testDialect } from "../test/test-app.ts";

/**
 * Test harness for the CLI: the real `vinculo` command in a child process, on a
 * database of its own — a fresh SQLite data dir, or on PostgreSQL a fresh schema
 * reached through DATABASE_URL's `options=-c search_path=…` (so the CLI needs no
 * test-only setting). Outcomes are checked through the app built on that database.
 */
const ROOT = path.resolve(import.meta.dirname, "../../..");
const CLI = path.join(ROOT, "src/server/cli.ts");

export type Run = { code: number | null; stdout: string; stderr: string };

export type Database = {
  dataDir: string;
  /** Runs `vinculo <args>` against this database; `input` is written to its stdin (then closed). */
  cli: (args: string[], options?: { env?: Record<string, string>; input?: string }) => Promise<Run>;
  /** The app on this database, as the server would build it. */
  openApp: () => Promise<{ app: Awaited<ReturnType<typeof buildApp>>; ctx: AppContext; close: () => Promise<void> }>;
  close: () => Promise<void>;
};

const opened: Database[] = [];
/** For `afterEach`: drops every database made by the test that ends. */
export async function closeDatabases(): Promise<void> {
  for (const db of opened.splice(0)) await db.close();
}

export async function freshDatabase(): Promise<Database> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vinculo-cli-"));
  const url = process.env.TEST_DATABASE_URL;
  let schema: string | undefined;
  let databaseUrl: string | undefined;
  if (testDialect() === "postgres") {
    if (!url) throw new Error("VINCULO_TEST_DIALECT=postgres needs TEST_DATABASE_URL");
    schema = `vt_${Date.now()}_${process.pid}_${randomBytes(3).toString("hex")}`;
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`create schema "${schema}"`);
    await client.end();
    const options = encodeURIComponent(`-c search_path=${schema},public`);
    databaseUrl = `${url}${url.includes("?") ? "&" : "?"}options=${options}`;
  }

  const baseEnv: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith("VINCULO_") || key === "DATABASE_URL" || key === "NODE_OPTIONS") continue;
    baseEnv[key] = value;
  }

  const db: Database = {
    dataDir,
    cli: (args, options = {}) =>
      new Promise((resolve) => {
        const env = {
          ...baseEnv,
          VINCULO_DATA_DIR: dataDir,
          ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
          ...options.env,
        };
        const child = execFile(
          process.execPath,
          ["--import", "tsx", CLI, ...args],
          { cwd: ROOT, env, timeout: 90_000 },
          (_error, stdout, stderr) => resolve({ code: child.exitCode, stdout, stderr }),
        );
        child.stdin?.end(options.input ?? "");
      }),
    openApp: async () => {
      const handle = createDb({
        databaseUrl: url && schema ? url : undefined,
        dataDir,
        poolSize: 2,
        ...(schema ? { pgSchema: schema } : {}),
      });
      const config = { ...loadConfig({ VINCULO_DATA_DIR: dataDir }), databaseUrl: schema ? url : undefined };
      const ctx = await createContext(handle, config, { pgSchema: schema });
      await migrateToLatest(handle);
      const app = await buildApp(ctx);
      await app.ready();
      return {
        app,
        ctx,
        close: async () => {
          await app.close();
          await closeContext(ctx);
        },
      };
    },
    close: async () => {
      if (schema && url) {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        await client.query(`drop schema if exists "${schema}" cascade`);
        await client.end();
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  opened.push(db);
  return db;
}

export async function expectOk(run: Promise<Run>): Promise<Run> {
  const res = await run;
  expect(res.code, res.stderr).toBe(0);
  return res;
}

export const login = (app: Awaited<ReturnType<typeof buildApp>>, username: string, password: string) =>
  app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password } });
