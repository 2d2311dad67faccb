import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import SQLite from "better-sqlite3";
import { sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type DbHandle } from "./create-db.ts";
import { migrateToLatest, migrations } from "./migrate.ts";
import { renameAppliedMigrations } from "./migration-renames.ts";
import type { Db, Dialect } from "./types.ts";

// Read here rather than from test-app.ts: this test needs no app, only databases.
const testDialect = (): Dialect => (process.env.VINCULO_TEST_DIALECT === "postgres" ? "postgres" : "sqlite");

/**
 * Databases made by earlier versions (fixtures/README.md says how) upgrade to what a new database
 * is: same tables, columns, indexes, constraints, triggers and PostgreSQL functions, same default
 * rows, today's migration names, and their data still counted right.
 */

const fixtures = path.join(import.meta.dirname, "fixtures");
const url = process.env.TEST_DATABASE_URL ?? "";
const newNames = migrations.map((m) => m.name);
const lockOrder = "0013-critical-counts-lock-order";

type Opened = { handle: DbHandle; schema: string | undefined; close: () => Promise<void> };

/** A database of its own: an SQLite file (loaded from a dump, or new) or a PostgreSQL schema. */
async function open(dump?: { text: string; fixtureSchema: string }): Promise<Opened> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vinculo-upgrade-"));
  if (testDialect() === "sqlite") {
    if (dump) {
      // The dump writes its FTS5 tables into sqlite_schema (writable_schema): only unsafe mode
      // allows that, and only a new connection sees them.
      const raw = new SQLite(path.join(dataDir, "vinculo.sqlite"));
      raw.unsafeMode(true);
      raw.exec(dump.text);
      raw.close();
    }
    const handle = createDb({ databaseUrl: undefined, dataDir });
    return {
      handle,
      schema: undefined,
      close: async () => {
        await handle.close();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const schema = `vt_${Date.now()}_${process.pid}_${randomBytes(3).toString("hex")}`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  if (dump) {
    // psql's \restrict lines are not SQL; the dump creates its schema, under the name we give it.
    const text = dump.text
      .split("\n")
      .filter((line) => !line.startsWith("\\"))
      .join("\n")
      .replaceAll(dump.fixtureSchema, schema);
    await client.query(text);
  } else await client.query(`create schema "${schema}"`);
  await client.end();
  const handle = createDb({ databaseUrl: url, dataDir, pgSchema: schema, poolSize: 2 });
  return {
    handle,
    schema,
    close: async () => {
      await handle.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop schema if exists "${schema}" cascade`);
      await c.end();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const rows = async (db: Db, query: ReturnType<typeof sql>) => (await query.execute(db)).rows;

/** The definition of every object, with the schema's name taken out so two schemas compare. */
async function schemaOf(o: Opened) {
  const db = o.handle.db;
  if (!o.schema) {
    return {
      objects: await rows(db, sql`select type, name, tbl_name, sql from sqlite_master order by type, name`),
      functions: [],
    };
  }
  const s = o.schema;
  const found = {
    objects: {
      columns: await rows(
        db,
        sql`select table_name, column_name, ordinal_position, data_type, is_nullable, column_default,
          collation_name, is_identity, identity_generation
        from information_schema.columns where table_schema = ${s} order by table_name, ordinal_position`,
      ),
      constraints: await rows(
        db,
        sql`select cl.relname as table_name, con.conname, con.contype, pg_get_constraintdef(con.oid) as def
        from pg_constraint con join pg_class cl on cl.oid = con.conrelid join pg_namespace n on n.oid = cl.relnamespace
        where n.nspname = ${s} order by 1, 2`,
      ),
      indexes: await rows(
        db,
        sql`select tablename, indexname, indexdef from pg_indexes where schemaname = ${s} order by 1, 2`,
      ),
      triggers: await rows(
        db,
        sql`select cl.relname as table_name, t.tgname, pg_get_triggerdef(t.oid) as def
        from pg_trigger t join pg_class cl on cl.oid = t.tgrelid join pg_namespace n on n.oid = cl.relnamespace
        where n.nspname = ${s} and not t.tgisinternal order by 1, 2`,
      ),
      sequences: await rows(
        db,
        sql`select sequencename, data_type, start_value, min_value, max_value, increment_by, cycle
        from pg_sequences where schemaname = ${s} order by 1`,
      ),
    },
    functions: await rows(
      db,
      sql`select p.proname, pg_get_function_identity_arguments(p.oid) as args, pg_get_functiondef(p.oid) as def
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = ${s} order by 1, 2`,
    ),
  };
  return JSON.parse(JSON.stringify(found).replaceAll(s, "<schema>")) as typeof found;
}

/** The rows the migrations insert (timestamps of the day they ran left out). */
async function defaultRows(db: Db) {
  const tables = [
    "categories",
    "relationship_types",
    "ticket_types",
    "sectors",
    "products",
    "appointment_types",
    "critical_factor_settings",
    "company_settings",
    "smtp_settings",
  ];
  const out: Record<string, unknown[]> = {};
  for (const table of tables) {
    out[table] = (await rows(db, sql`select * from ${sql.table(table)} order by id`)).map((r) => {
      const { updated_at: _, ...rest } = r as Record<string, unknown>;
      return rest;
    });
  }
  out.sequences = await rows(db, sql`select name from sequences order by name`);
  return out;
}

const applied = async (db: Db) =>
  (await rows(db, sql`select name, timestamp from vinculo_migrations order by timestamp, name`)) as {
    name: string;
    timestamp: string;
  }[];

/** Per due day, the running count against a recount of the open tickets. */
async function countsAgainstTickets(db: Db) {
  const kept = await rows(
    db,
    sql`select due_day as day, sum(n) as n from critical_factor_counts group by due_day having sum(n) <> 0 order by 1`,
  );
  const live = await rows(
    db,
    sql`select substr(due_at, 1, 10) as day, count(*) as n from tickets where status = 'open' group by 1 order by 1`,
  );
  const plain = (list: unknown[]) => list.map((r) => ({ ...(r as object), n: Number((r as { n: unknown }).n) }));
  return { kept: plain(kept), live: plain(live) };
}

/**
 * Each fixture, and how many of today's migrations make the same database: on PostgreSQL
 * d265405's is 0001…0012 (0008 as it first shipped), 4b2298e's needs 0013 too (its fix); on
 * SQLite the two commits made the same database, and 0013 changes nothing there.
 */
const cases =
  testDialect() === "sqlite"
    ? [{ commit: "4b2298e", through: "0012-imports" }]
    : [
        { commit: "4b2298e", through: lockOrder },
        { commit: "d265405", through: "0012-imports" },
      ];

describe.each(cases)("a $commit database", ({ commit, through }) => {
  let old: Opened;
  let fresh: Opened;
  let before: Awaited<ReturnType<typeof schemaOf>>;
  let appliedBefore: Awaited<ReturnType<typeof applied>>;
  let ran: string[];

  beforeAll(async () => {
    const file = path.join(fixtures, `${commit}.${testDialect()}.sql`);
    old = await open({ text: fs.readFileSync(file, "utf8"), fixtureSchema: `fixture_${commit}` });
    before = await schemaOf(old);
    appliedBefore = await applied(old.handle.db);
    ran = await migrateToLatest(old.handle);
    fresh = await open();
    await migrateToLatest(fresh.handle);
  });
  afterAll(async () => {
    await old?.close();
    await fresh?.close();
  });

  it(`is what today's migrations through ${through} make`, async () => {
    const list = migrations.slice(0, migrations.findIndex((m) => m.name === through) + 1);
    const rebuilt = await open();
    try {
      await migrateToLatest(rebuilt.handle, list);
      const made = await schemaOf(rebuilt);
      expect(before.objects).toEqual(made.objects);
      expect(before.functions).toEqual(made.functions);
      expect(await defaultRows(rebuilt.handle.db)).toEqual(await defaultRows(old.handle.db));
    } finally {
      await rebuilt.close();
    }
  });

  it("had the old names, and only the new migrations run", async () => {
    expect(appliedBefore.map((r) => r.name)).toContain("0007-watchers-critical");
    expect(appliedBefore.map((r) => r.name)).not.toContain("0008-watchers-critical");
    // The fixture predates 0013 and everything after it.
    expect(ran).toEqual(newNames.slice(newNames.indexOf(lockOrder)));
  });

  it("holds today's names, keeping when each ran", async () => {
    const after = await applied(old.handle.db);
    expect(after.map((r) => r.name)).toEqual(newNames);
    expect(after.slice(0, appliedBefore.length).map((r) => r.timestamp)).toEqual(appliedBefore.map((r) => r.timestamp));
  });

  it("ends with the schema and default rows of a new database", async () => {
    const upgraded = await schemaOf(old);
    const made = await schemaOf(fresh);
    expect(upgraded.objects).toEqual(made.objects);
    expect(upgraded.functions).toEqual(made.functions);
    expect(await defaultRows(old.handle.db)).toEqual(await defaultRows(fresh.handle.db));
  });

  it.runIf(testDialect() === "postgres")(
    "gets the lock-order fix on PostgreSQL, written as 4b2298e wrote it",
    async () => {
      const moveOf = (s: typeof before) =>
        s.functions.find((f) => (f as { proname: string }).proname === "critical_counts_move");
      const upgraded = await schemaOf(old);
      expect(moveOf(upgraded)).toBeDefined();
      if (commit === "d265405") expect(moveOf(before)).toBeUndefined();
      // 4b2298e already had it: replacing changed nothing, not a character (later migrations add functions of their own).
      else {
        const name = (f: unknown) => (f as { proname: string }).proname;
        const had = new Set(before.functions.map(name));
        expect(upgraded.functions.filter((f) => had.has(name(f)))).toEqual(before.functions);
      }
    },
  );

  it("keeps its data, and its counts follow a ticket that moves", async () => {
    const db = old.handle.db;
    expect((await countsAgainstTickets(db)).kept).toEqual([
      { day: "2026-11-01", n: 1 },
      { day: "2026-11-20", n: 1 },
    ]);
    await sql`update tickets set due_at = '2026-11-20T18:00:00.000Z' where number = 1`.execute(db);
    await sql`update tickets set status = 'open' where number = 3`.execute(db);
    const counts = await countsAgainstTickets(db);
    expect(counts.kept).toEqual([
      { day: "2026-10-20", n: 1 },
      { day: "2026-11-20", n: 2 },
    ]);
    expect(counts.kept).toEqual(counts.live);
  });

  it("runs nothing and renames nothing the second time", async () => {
    expect(await migrateToLatest(old.handle)).toEqual([]);
    expect(await renameAppliedMigrations(old.handle.db, old.handle.dialect, old.schema)).toBe(0);
    expect((await applied(old.handle.db)).map((r) => r.name)).toEqual(newNames);
  });
});
