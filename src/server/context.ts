import type { Config } from "./config.ts";
import type { DbHandle } from "./db/create-db.ts";
import type { Db, Dialect } from "./db/types.ts";

/** What every service needs: the database and the configuration. */
export type AppContext = {
  db: Db;
  dialect: Dialect;
  handle: DbHandle;
  config: Config;
  /** Injectable clock, so rules that depend on time are testable. */
  now: () => Date;
};

export type AuthUser = {
  id: number;
  username: string;
  name: string;
  email: string;
  isAdmin: boolean;
};

export const nowIso = (ctx: AppContext) => ctx.now().toISOString();
