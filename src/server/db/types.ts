import type { Generated, Kysely, Transaction } from "kysely";

/**
 * Table shapes shared by SQLite and PostgreSQL. Portable choices: timestamps are
 * ISO-8601 UTC text, calendar dates `YYYY-MM-DD` text, booleans 0/1 integers,
 * money integer cents.
 */
export type UsersTable = {
  id: Generated<number>;
  username: string;
  name: string;
  email: string;
  password_hash: string;
  is_admin: number;
  is_active: number;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
};

export type SessionsTable = {
  /** SHA-256 of the cookie value: a copy of the table never yields a usable session. */
  id_hash: string;
  user_id: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  user_agent: string | null;
};

export type ApiTokensTable = {
  id: Generated<number>;
  user_id: number;
  name: string;
  token_hash: string;
  /** First characters of the token, so a user can tell tokens apart. */
  prefix: string;
  created_at: string;
  created_by: number | null;
  last_used_at: string | null;
  revoked_at: string | null;
};

export type AuthFailuresTable = {
  id: Generated<number>;
  /** `ip:<address>` or `user:<username>` */
  key: string;
  at: string;
};

export type Database = {
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  auth_failures: AuthFailuresTable;
};

export type Dialect = "sqlite" | "postgres";
export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
/** Repositories take either the database or a transaction first. */
export type Executor = Db | Trx;
