import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp, testDialect } from "../test/test-app.ts";
import { createDb } from "./create-db.ts";
import { migrateToLatest, migrations } from "./migrate.ts";

describe("migrations", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it("run once: a second run at start-up applies nothing", async () => {
    expect(await migrateToLatest(t.ctx.handle)).toEqual([]);
    const done = await sql<{ name: string }>`select name from vinculo_migrations order by name`.execute(t.ctx.db);
    expect(done.rows.map((r) => r.name)).toEqual(migrations.map((m) => m.name).sort());
  });

  // Each test file has its own PostgreSQL schema; a database may also hold a staging copy.
  it.skipIf(testDialect() === "sqlite")(
    "keep to their own schema when another schema already has Vínculo",
    async () => {
      const url = process.env.TEST_DATABASE_URL ?? "";
      const schema = `vt_${Date.now()}_${process.pid}_${randomBytes(3).toString("hex")}`;
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vinculo-test-"));
      try {
        await client.query(`create schema "${schema}"`);
        const handle = createDb({ databaseUrl: url, dataDir, pgSchema: schema, poolSize: 1 });
        try {
          expect(await migrateToLatest(handle)).toEqual(migrations.map((m) => m.name));
        } finally {
          await handle.close();
        }
        const { rows } = await client.query(
          "select table_name from information_schema.tables where table_schema = $1 and table_name like 'vinculo_migrations%'",
          [schema],
        );
        expect(rows.map((r) => r.table_name).sort()).toEqual(["vinculo_migrations", "vinculo_migrations_lock"]);
      } finally {
        await client.query(`drop schema if exists "${schema}" cascade`);
        await client.end();
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    },
  );
});
