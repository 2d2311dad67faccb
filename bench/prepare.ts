import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { TABS } from "../src/shared/access.schemas.ts";
import { type BenchDb, type Location, one, openBenchDb } from "./bench-db.ts";
import { BENCH_DIR, config, type Dialect, ROOT } from "./config.ts";
import { startServer } from "./servers.ts";

/**
 * Scale databases built once and reused (SQLite under .bench/sqlite-N, PostgreSQL in the
 * database vinculo_bench_N), through the same doors a user has: `vinculo seed --scale` and
 * `vinculo seed --tickets` (src/server/seed/scale*.ts), `vinculo user create`, `vinculo token
 * create`, and the HTTP API for the access profile. Each step only adds what is missing, so a
 * run at 1 M persons after one at 1 M tickets adds only the tickets asked for on top.
 */
export type Target = {
  dialect: Dialect;
  name: string;
  location: Location;
  /** Environment that points a server or the CLI at this database. */
  env: Record<string, string>;
  /** API token of "bench", an atendente who sees the Cliente and Fornecedor categories (write on every tab). */
  token: string;
  persons: number;
  tickets: number;
  /** Codes of persons the bench user may see, spread over the table, so lookups measure the 200 path. */
  codes: number[];
  /** Open tickets of those persons: where the writes of the mixed load add notes. */
  openTickets: number[];
  /** For the tickets the mixed load opens. */
  newTicket: { typeId: number; sectorId: number } | null;
};

const VISIBLE = ["Cliente", "Fornecedor"];

/** Runs `vinculo <args>` in its own process (as `npx vinculo` does) and returns its stdout. */
export async function vinculo(args: string[], env: Record<string, string>): Promise<string> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/server/cli.ts", ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  child.stdout.on("data", (c: Buffer) => {
    out += c.toString();
  });
  const status = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (status !== 0) throw new Error(`vinculo ${args.join(" ")}: saiu com status ${status}`);
  return out.trim();
}

async function postgresLocation(dbName: string): Promise<Location | null> {
  const admin = new pg.Client({ connectionString: config.pgUrl });
  try {
    await admin.connect();
  } catch {
    return null;
  }
  try {
    const exists = await admin.query("select 1 from pg_database where datname = $1", [dbName]);
    if (!exists.rowCount) await admin.query(`create database ${dbName}`);
  } finally {
    await admin.end();
  }
  const url = new URL(config.pgUrl);
  url.pathname = `/${dbName}`;
  return { dialect: "postgres", dataDir: BENCH_DIR, databaseUrl: url.toString() };
}

async function userExists(db: BenchDb, username: string): Promise<boolean> {
  return Boolean(await one(db, "select id from users where username = ?", [username]));
}

/** "bench" with a profile of write grants on every tab of Cliente and Fornecedor, through the API as an administrator. */
async function createBenchUser(db: BenchDb, env: Record<string, string>, label: string): Promise<void> {
  const password = "bench-password-1";
  if (!(await userExists(db, "bench-admin"))) {
    await vinculo(["user", "create", "bench-admin", "--admin", "--name", "Administrador do benchmark"], {
      ...env,
      VINCULO_USER_PASSWORD: password,
    });
  }
  const adminToken = await vinculo(["token", "create", "--user", "bench-admin", "--name", "benchmark (preparo)"], env);
  const categories = await db.all<{ id: number }>(
    `select id from categories where name in (${VISIBLE.map(() => "?").join(", ")})`,
    VISIBLE,
  );
  const server = await startServer({
    script: "src/server/main.ts",
    env: { ...env, LOG_LEVEL: "warn" },
    healthPath: "/api/health",
    expectedWorkers: 1,
    label: `${label} (preparo)`,
  });
  try {
    const post = async (p: string, body: unknown) => {
      const res = await fetch(server.url + p, {
        method: "POST",
        headers: { authorization: `Bearer ${adminToken}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      if (res.status !== 201) throw new Error(`POST ${p}: ${res.status} ${await res.text()}`);
      return (await res.json()) as { id: number };
    };
    const profile = await post("/api/access-profiles", {
      name: `bench-${Date.now()}`,
      grants: categories.flatMap((c) => TABS.map((tab) => ({ categoryId: c.id, tab, level: "write" }))),
    });
    await post("/api/users", {
      username: "bench",
      name: "Atendente de Benchmark",
      email: "bench@exemplo.com.br",
      password,
      accessProfileIds: [profile.id],
    });
  } finally {
    await server.stop();
  }
}

/** A new API token for "bench" (when the stored one is missing or no longer accepted). */
export async function newBenchToken(target: Target): Promise<string> {
  const token = await vinculo(["token", "create", "--user", "bench", "--name", "benchmark"], target.env);
  fs.writeFileSync(path.join(BENCH_DIR, `${target.name}.token`), token);
  return token;
}

const count = async (db: BenchDb, text: string) => Number((await one<{ n: number | string }>(db, text))?.n ?? 0);

/**
 * A database with at least `persons` persons and `tickets` tickets, the bench user and its
 * token; null when PostgreSQL is not there.
 */
export async function prepareTarget(dialect: Dialect, persons: number, tickets: number): Promise<Target | null> {
  const name = `${dialect}-${persons}`;
  fs.mkdirSync(BENCH_DIR, { recursive: true });
  const location =
    dialect === "sqlite"
      ? { dialect, dataDir: path.join(BENCH_DIR, name), databaseUrl: undefined }
      : await postgresLocation(`vinculo_bench_${persons}`);
  if (!location) return null;
  // DATABASE_URL empty = SQLite, even when the shell that runs the bench has one set.
  const env = { VINCULO_DATA_DIR: location.dataDir, DATABASE_URL: location.databaseUrl ?? "" };
  fs.mkdirSync(location.dataDir, { recursive: true });

  // Always: the bench's SQL below expects today's schema, and colleagues add migrations.
  await vinculo(["migrate"], env);
  const db = await openBenchDb(location);
  try {
    const have = await count(db, "select count(*) as n from persons");
    if (have < persons) {
      console.log(`${name}: semeando ${(persons - have).toLocaleString("pt-BR")} pessoas (vinculo seed --scale)…`);
      await vinculo(["seed", "--scale", String(persons - have)], env);
    }
    const tokenFile = path.join(BENCH_DIR, `${name}.token`);
    if (!(await userExists(db, "bench"))) {
      await createBenchUser(db, env, name);
      fs.rmSync(tokenFile, { force: true });
    }
    // Tickets after the users, so some are the bench users' (critical factors by responsible).
    // max(id) and not count(*): a count over 10 M rows takes seconds, the ids are dense.
    const haveTickets = await count(db, "select max(id) as n from tickets");
    if (haveTickets < tickets) {
      console.log(
        `${name}: semeando ${(tickets - haveTickets).toLocaleString("pt-BR")} atendimentos (vinculo seed --tickets)…`,
      );
      await vinculo(["seed", "--tickets", String(tickets - haveTickets)], env);
    }
    // Fresh statistics for SQLite's planner after the bulk load (PostgreSQL's seed analyzes).
    if (dialect === "sqlite") await db.all("pragma optimize");
    const maxCode = await count(db, "select max(code) as n from persons");
    const step = Math.max(1, Math.floor(maxCode / 20_000));
    const inVisible = `select pc.person_id from person_categories pc join categories c on c.id = pc.category_id
       where c.name in (${VISIBLE.map(() => "?").join(", ")})`;
    const codes = await db.all<{ code: number }>(
      `select p.code from persons p where p.code % ? = 0 and p.id in (${inVisible}) order by p.code limit 20000`,
      [step, ...VISIBLE],
    );
    const open = await db.all<{ id: number }>(
      `select t.id from tickets t where t.status = 'open' and t.person_id in (${inVisible}) limit 2000`,
      VISIBLE,
    );
    const type = await one<{ id: number }>(
      db,
      "select id from ticket_types where area = 'service' and is_active = 1 order by id limit 1",
    );
    const sector = await one<{ id: number }>(db, "select id from sectors where is_active = 1 order by id limit 1");
    const token = fs.existsSync(tokenFile) ? fs.readFileSync(tokenFile, "utf8").trim() : "";
    const target: Target = {
      dialect,
      name,
      location,
      env,
      token,
      persons: await count(db, "select count(*) as n from persons"),
      tickets: Math.max(haveTickets, await count(db, "select max(id) as n from tickets")),
      codes: codes.map((r) => Number(r.code)),
      openTickets: open.map((r) => Number(r.id)),
      newTicket: type && sector ? { typeId: Number(type.id), sectorId: Number(sector.id) } : null,
    };
    if (!target.codes.length) throw new Error(`${name}: nenhuma pessoa visível ao usuário do bench`);
    if (!token) target.token = await newBenchToken(target);
    return target;
  } finally {
    await db.close();
  }
}
