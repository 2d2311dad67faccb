import fs from "node:fs";
import path from "node:path";
import { sql } from "kysely";
import pg from "pg";
import "../src/shared/zod-locale.ts";
import { progressBar } from "../src/server/cli/progress.ts";
import { loadConfig } from "../src/server/config.ts";
import type { AppContext, AuthUser } from "../src/server/context.ts";
import { createDb, type DbHandle } from "../src/server/db/create-db.ts";
import { migrateToLatest } from "../src/server/db/migrate.ts";
import { createProfile } from "../src/server/features/access/profiles.service.ts";
import { createToken } from "../src/server/features/tokens/tokens.service.ts";
import { createUser } from "../src/server/features/users/users.service.ts";
import { seedScale } from "../src/server/seed/scale.ts";
import { TABS } from "../src/shared/access.schemas.ts";

export const BENCH_DIR = path.resolve(import.meta.dirname, "../.bench");

export type Target = {
  dialect: "sqlite" | "postgres";
  env: Record<string, string>;
  token: string;
  persons: number;
  /** Codes of persons the bench user may see, so lookups measure the 200 path. */
  codes: number[];
  /** Tickets in the database (`vinculo seed --tickets M` adds them): the person-screen figure needs some. */
  tickets: number;
};

async function countTickets(handle: DbHandle): Promise<number> {
  const row = await handle.db
    .selectFrom("tickets")
    .select((eb) => eb.fn.max("id").as("n"))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

async function countPersons(handle: DbHandle): Promise<{ n: number; maxCode: number }> {
  const row = await handle.db
    .selectFrom("persons")
    .select((eb) => [eb.fn.countAll<number>().as("n"), eb.fn.max("code").as("max")])
    .executeTakeFirstOrThrow();
  return { n: Number(row.n), maxCode: Number(row.max ?? 0) };
}

/** A spread-out sample of codes in the categories the bench user sees (Cliente, Fornecedor). */
async function visibleCodes(handle: DbHandle, maxCode: number): Promise<number[]> {
  const step = Math.max(1, Math.floor(maxCode / 20_000));
  const rows = await handle.db
    .selectFrom("persons as p")
    .innerJoin("person_categories as pc", "pc.person_id", "p.id")
    .innerJoin("categories as c", "c.id", "pc.category_id")
    .select("p.code")
    .distinct()
    .where("c.name", "in", ["Cliente", "Fornecedor"])
    .where(sql<boolean>`p.code % ${step} = 0`)
    .limit(20_000)
    .execute();
  return rows.map((r) => r.code);
}

/**
 * A scale database built once and reused (SQLite under .bench/, PostgreSQL in
 * the database `vinculo_bench`): `persons` persons, an atendente who sees the
 * Cliente and Fornecedor categories, and an API token for her.
 */
async function prepare(
  handle: DbHandle,
  persons: number,
  label: string,
): Promise<{ token: string; codes: number[]; n: number }> {
  await migrateToLatest(handle);
  const config = loadConfig({ VINCULO_DATA_DIR: BENCH_DIR });
  const ctx: AppContext = { db: handle.db, dialect: handle.dialect, handle, config, now: () => new Date() };
  let { n, maxCode } = await countPersons(handle);
  if (n < persons) {
    const started = Date.now();
    await seedScale(handle, persons - n, progressBar(`${label}: semeando pessoas`));
    console.error(`${label}: ${persons - n} pessoas em ${((Date.now() - started) / 1000).toFixed(1)} s`);
    ({ n, maxCode } = await countPersons(handle));
  }
  const tokenFile = path.join(BENCH_DIR, `${label}.token`);
  const existing = await handle.db.selectFrom("users").select("id").where("username", "=", "bench").executeTakeFirst();
  const codes = await visibleCodes(handle, maxCode);
  if (existing && fs.existsSync(tokenFile)) return { token: fs.readFileSync(tokenFile, "utf8"), codes, n };
  const cats = await handle.db.selectFrom("categories").select(["id", "name"]).execute();
  const granted = cats.filter((c) => c.name === "Cliente" || c.name === "Fornecedor");
  const profile = await createProfile(ctx, {
    name: `bench-${Date.now()}`,
    grants: granted.flatMap((c) => TABS.map((tab) => ({ categoryId: c.id, tab, level: "write" as const }))),
  });
  const user =
    existing ??
    (await createUser(ctx, {
      username: "bench",
      name: "Atendente de Benchmark",
      email: "bench@exemplo.com.br",
      password: "bench-password-1",
      accessProfileIds: [profile.id],
    }));
  const system: AuthUser = { id: user.id, username: "bench", name: "", email: "", isAdmin: false };
  const { token } = await createToken(ctx, { userId: system.id, name: "benchmark", createdBy: null });
  fs.writeFileSync(tokenFile, token);
  return { token, codes, n };
}

export async function prepareSqlite(persons: number): Promise<Target> {
  const dataDir = path.join(BENCH_DIR, `sqlite-${persons}`);
  const handle = createDb({ databaseUrl: undefined, dataDir });
  try {
    const { token, codes, n } = await prepare(handle, persons, `sqlite-${persons}`);
    handle.sqlite?.pragma("optimize");
    return {
      dialect: "sqlite",
      env: { VINCULO_DATA_DIR: dataDir },
      token,
      persons: n,
      codes,
      tickets: await countTickets(handle),
    };
  } finally {
    await handle.close();
  }
}

export async function preparePostgres(baseUrl: string, persons: number): Promise<Target | null> {
  const admin = new pg.Client({ connectionString: baseUrl });
  try {
    await admin.connect();
  } catch {
    return null;
  }
  const dbName = `vinculo_bench_${persons}`;
  const exists = await admin.query("select 1 from pg_database where datname = $1", [dbName]);
  if (!exists.rowCount) await admin.query(`create database ${dbName}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${dbName}`;
  const handle = createDb({ databaseUrl: url.toString(), dataDir: BENCH_DIR });
  try {
    const { token, codes, n } = await prepare(handle, persons, `postgres-${persons}`);
    return {
      dialect: "postgres",
      env: { DATABASE_URL: url.toString(), VINCULO_DATA_DIR: BENCH_DIR },
      token,
      persons: n,
      codes,
      tickets: await countTickets(handle),
    };
  } finally {
    await handle.close();
  }
}
