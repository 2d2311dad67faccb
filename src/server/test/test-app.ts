import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { InjectOptions, LightMyRequestResponse } from "fastify";
import pg from "pg";
import { buildApp } from "../app.ts";
import { type Config, loadConfig } from "../config.ts";
import { type AppContext, closeContext, createContext } from "../context.ts";
import { createDb } from "../db/create-db.ts";
import { migrateToLatest } from "../db/migrate.ts";
import type { Dialect } from "../db/types.ts";
import { attachAuthCache } from "../features/auth/auth.cache.ts";
import { createUser } from "../features/users/users.service.ts";
import type { Api } from "../types.ts";
import { dropCachesOnDirectWrites, queryRecorder, type RecordedQuery } from "./query-hooks.ts";

export const testDialect = (): Dialect => (process.env.VINCULO_TEST_DIALECT === "postgres" ? "postgres" : "sqlite");

/** The Origin the app expects for `inject()` requests (light-my-request's default Host). */
export const TEST_ORIGIN = "http://localhost:80";

export type TestUser = { id: number; username: string; password: string; cookie: string };

export type TestApp = {
  app: Api;
  ctx: AppContext;
  /** A request as this user: session cookie and same-origin header set. */
  as: (user: { cookie: string }, options: InjectOptions) => Promise<LightMyRequestResponse>;
  /** Creates a user through the service and logs in through the API. */
  user: (
    overrides?: Partial<{ username: string; name: string; isAdmin: boolean; password: string }>,
  ) => Promise<TestUser>;
  login: (username: string, password: string) => Promise<string>;
  /**
   * Another server on the same database, with connections of its own: what a
   * second process behind a load balancer, or the same one after a restart, sees.
   */
  reopen: () => Promise<{ app: Api; ctx: AppContext; close: () => Promise<void> }>;
  /** The queries the servers of this test ran while `fn` ran (not the test's own, through `ctx`). */
  queries: (fn: () => Promise<unknown>) => Promise<RecordedQuery[]>;
  close: () => Promise<void>;
};

/** The `name=value` part of a response's session Set-Cookie, ready for a Cookie header. */
export function cookieOf(res: LightMyRequestResponse): string {
  const setCookie = res.headers["set-cookie"];
  const raw = Array.isArray(setCookie) ? setCookie[0] : setCookie;
  return (raw ?? "").split(";")[0] ?? "";
}

let counter = 0;

/**
 * A real app on a real database of its own: a new SQLite file, or a new
 * PostgreSQL schema on TEST_DATABASE_URL. Nothing is shared between test files.
 */
export async function buildTestApp(options: { now?: () => Date; config?: Partial<Config> } = {}): Promise<TestApp> {
  const dialect = testDialect();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vinculo-test-"));
  const config: Config = { ...loadConfig({ VINCULO_DATA_DIR: dataDir }), ...options.config };
  let schema: string | undefined;
  const url = process.env.TEST_DATABASE_URL;
  if (dialect === "postgres") {
    if (!url) throw new Error("VINCULO_TEST_DIALECT=postgres needs TEST_DATABASE_URL");
    schema = `vt_${Date.now()}_${process.pid}_${randomBytes(3).toString("hex")}`;
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`create schema "${schema}"`);
    await client.end();
  }
  const recorded: RecordedQuery[] = [];
  let recording = false;
  const open = async (): Promise<AppContext> => {
    const handle = createDb({
      databaseUrl: dialect === "postgres" ? url : undefined,
      dataDir,
      poolSize: 4,
      ...(schema ? { pgSchema: schema } : {}),
    });
    const base = await createContext(
      handle,
      { ...config, databaseUrl: dialect === "postgres" ? url : undefined },
      { ...(options.now ? { now: options.now } : {}), pgSchema: schema },
    );
    // The server's own queries pass a recorder, so a test can count what a request asked the database.
    const db = handle.db.withPlugin(
      queryRecorder(
        () => recording,
        (q) => recorded.push(q),
      ),
    );
    attachAuthCache(db, base.authCache);
    return { ...base, db };
  };
  const server = await open();
  const handle = server.handle;
  await migrateToLatest(handle);
  const app = await buildApp(server);
  await app.ready();
  // The test's own hand on the database: what it writes directly stands for an outside writer (a
  // DBA, a script) that no service published, so a direct write to what the caches hold drops them
  // everywhere. The servers' own writes do not pass here: their invalidations stay under test.
  const outOfBand = handle.db.withPlugin(dropCachesOnDirectWrites(server));
  attachAuthCache(outOfBand, server.authCache);
  const ctx: AppContext = { ...server, db: outOfBand };

  const login = async (username: string, password: string) => {
    const res = await app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password } });
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    return cookieOf(res);
  };
  const reopened: (() => Promise<void>)[] = [];

  return {
    app,
    ctx,
    login,
    as: (user, opts) => app.inject({ ...opts, headers: { origin: TEST_ORIGIN, ...opts.headers, cookie: user.cookie } }),
    user: async (overrides = {}) => {
      counter += 1;
      const username = overrides.username ?? `user${counter}`;
      const password = overrides.password ?? "senha-de-teste";
      const created = await createUser(ctx, {
        username,
        name: overrides.name ?? `Usuária ${counter}`,
        email: `${username}@example.com`,
        password,
        isAdmin: overrides.isAdmin ?? false,
      });
      return { id: created.id, username, password, cookie: await login(username, password) };
    },
    queries: async (fn) => {
      recorded.length = 0;
      recording = true;
      try {
        await fn();
      } finally {
        recording = false;
      }
      return recorded.splice(0);
    },
    reopen: async () => {
      const other = await open();
      const otherApp = await buildApp(other);
      await otherApp.ready();
      let closed = false;
      const closeOther = async () => {
        if (closed) return;
        closed = true;
        await otherApp.close();
        await closeContext(other);
      };
      reopened.push(closeOther);
      return { app: otherApp, ctx: other, close: closeOther };
    },
    close: async () => {
      for (const closeOther of reopened) await closeOther();
      await app.close();
      await closeContext(server);
      if (schema && url) {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        await client.query(`drop schema if exists "${schema}" cascade`);
        await client.end();
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
