import type { Config } from "./config.ts";
import type { DbHandle } from "./db/create-db.ts";
import type { Db, Dialect } from "./db/types.ts";
import type { BusLog, ChangeBus } from "./events/bus.ts";
import { createBus } from "./events/create-bus.ts";
import { createLocalBus } from "./events/local-bus.ts";
import { type AuthCache, attachAuthCache, createAuthCache } from "./features/auth/auth.cache.ts";

/** What every service needs: the database, the configuration, and the change bus with the caches it keeps exact. */
export type AppContext = {
  db: Db;
  dialect: Dialect;
  handle: DbHandle;
  config: Config;
  /** Injectable clock, so rules that depend on time are testable. */
  now: () => Date;
  /** Tells every server (this one included) what changed: see src/server/events/. */
  bus: ChangeBus;
  /** Sessions, tokens and grants held in the process, dropped through the bus. */
  authCache: AuthCache;
};

export type AuthUser = {
  id: number;
  username: string;
  name: string;
  email: string;
  isAdmin: boolean;
};

export const nowIso = (ctx: AppContext) => ctx.now().toISOString();

/**
 * A service context on an open database: its bus (one per SQLite file in this process, relayed
 * across cluster workers; LISTEN/NOTIFY per PostgreSQL schema) and the caches on it. Close it
 * with `closeContext`.
 */
export async function createContext(
  handle: DbHandle,
  config: Config,
  options: {
    now?: () => Date;
    pgSchema?: string | undefined;
    log?: BusLog;
    /**
     * A bus heard in this process only (the CLI: it creates users and tokens, which no cache has
     * to forget). A command that revokes or changes access must not set it, so servers hear it.
     */
    inProcessBus?: boolean;
  } = {},
): Promise<AppContext> {
  const bus = options.inProcessBus
    ? createLocalBus({ relay: false, ...(options.log ? { log: options.log } : {}) })
    : await createBus(
        handle.dialect === "sqlite"
          ? { dialect: "sqlite", file: handle.sqliteFile ?? "" }
          : { dialect: "postgres", url: config.databaseUrl ?? "", schema: options.pgSchema },
        options.log,
      );
  const authCache = createAuthCache(bus);
  attachAuthCache(handle.db, authCache);
  return {
    db: handle.db,
    dialect: handle.dialect,
    handle,
    config,
    now: options.now ?? (() => new Date()),
    bus,
    authCache,
  };
}

/** Leaves the bus, then closes the database. */
export async function closeContext(ctx: AppContext): Promise<void> {
  await ctx.bus.close();
  await ctx.handle.close();
}
