import { type KyselyPlugin, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { categoryIds, makePerson } from "../test/factories.ts";
import { buildTestApp, type TestApp, testDialect } from "../test/test-app.ts";
import { createDb, type DbHandle } from "./create-db.ts";
import { inArray, prepared } from "./prepared.ts";

describe("prepared queries (compiled once, run on held statements)", () => {
  let t: TestApp;
  let ids: number[];
  let codes: number[];
  let builds = 0;

  /** Persons by code or by a list of ids: a number, an array and a limit as parameters. */
  const byCodeOrIds = prepared(
    "test.persons.code_or_ids",
    (db, p: { code: number; ids: number[]; limit: number }, dialect) => {
      builds += 1;
      return db
        .selectFrom("persons as p")
        .select(["p.id", "p.code", "p.name"])
        .where((eb) => eb.or([eb("p.code", "=", p.code), inArray(eb.ref("p.id"), p.ids, dialect)]))
        .orderBy("p.id")
        .limit(p.limit);
    },
  );

  beforeAll(async () => {
    t = await buildTestApp();
    const cat = await categoryIds(t.ctx);
    const made = [];
    for (const name of ["Ana", "Bruno", "Carla", "Davi"])
      made.push(await makePerson(t.ctx, { name, categoryIds: [cat.Cliente] }));
    codes = made.map((p) => p.code);
    const rows = await t.ctx.db.selectFrom("persons").select(["id", "code"]).orderBy("id").execute();
    ids = codes.map((code) => rows.find((r) => r.code === code)?.id ?? 0);
  });
  afterAll(() => t.close());

  it("fill each call's values into the one compiled query, arrays of any length included", async () => {
    const names = async (p: { code: number; ids: number[]; limit: number }) =>
      (await byCodeOrIds(t.ctx.db, p)).map((r) => r.name);
    const [ana, bruno, carla, davi] = ids as [number, number, number, number];
    expect(await names({ code: codes[0] ?? 0, ids: [], limit: 10 })).toEqual(["Ana"]);
    expect(await names({ code: -1, ids: [bruno, davi], limit: 10 })).toEqual(["Bruno", "Davi"]);
    expect(await names({ code: codes[2] ?? 0, ids: [ana, bruno, davi], limit: 10 })).toEqual([
      "Ana",
      "Bruno",
      "Carla",
      "Davi",
    ]);
    expect(await names({ code: -1, ids: [carla, davi], limit: 1 })).toEqual(["Carla"]);
    expect(await names({ code: -1, ids: [], limit: 10 })).toEqual([]);
    // Every handle of the dialect (the server's with plugins, the bare one) shares the compilation.
    await byCodeOrIds(t.ctx.handle.db, { code: -1, ids: [ana], limit: 10 });
    expect(builds).toBe(1);
  });

  it("run inside a transaction on its connection: they see its uncommitted rows", async () => {
    const before = builds;
    await t.ctx.handle.db
      .transaction()
      .execute(async (trx) => {
        await trx
          .updateTable("persons")
          .set({ name: "Ana Maria" })
          .where("id", "=", ids[0] ?? 0)
          .execute();
        const rows = await byCodeOrIds(trx, { code: codes[0] ?? 0, ids: [], limit: 10 });
        expect(rows.map((r) => r.name)).toEqual(["Ana Maria"]);
        throw new Error("rollback");
      })
      .catch((e: Error) => expect(e.message).toBe("rollback"));
    const after = await byCodeOrIds(t.ctx.db, { code: codes[0] ?? 0, ids: [], limit: 10 });
    expect(after.map((r) => r.name)).toEqual(["Ana"]);
    expect(builds).toBe(before);
  });

  it("pass through the handle's plugins, which see each call (how tests count queries)", async () => {
    const seen: string[] = [];
    const plugin: KyselyPlugin = {
      transformQuery: (args) => {
        seen.push(args.node.kind);
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const db = t.ctx.handle.db.withPlugin(plugin);
    await byCodeOrIds(db, { code: codes[1] ?? 0, ids: [], limit: 10 });
    await byCodeOrIds(db, { code: codes[1] ?? 0, ids: [], limit: 10 });
    expect(seen).toEqual(["SelectQueryNode", "SelectQueryNode"]);
  });

  it("refuse a parameter used inside a larger value, which would be bound as text", async () => {
    const broken = prepared("test.persons.like", (db, p: { term: string }) =>
      db.selectFrom("persons").select("id").where("name", "like", `%${p.term}%`),
    );
    await expect(broken(t.ctx.db, { term: "Ana" })).rejects.toThrow(/part of a value/);
  });

  it("refuse a call that lacks a parameter", async () => {
    await expect(byCodeOrIds(t.ctx.db, { code: 1, ids: [] } as never)).rejects.toThrow(/parameter limit is missing/);
  });

  it.skipIf(testDialect() !== "sqlite")("on SQLite, prepare the statement once however many calls", async () => {
    const sqlite = t.ctx.handle.sqlite;
    if (!sqlite) throw new Error("no SQLite handle");
    const query = prepared("test.persons.count", (db, p: { min: number }) =>
      db
        .selectFrom("persons")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("id", ">=", p.min),
    );
    const original = sqlite.prepare.bind(sqlite);
    const texts: string[] = [];
    sqlite.prepare = ((source: string) => {
      texts.push(source);
      return original(source);
    }) as typeof sqlite.prepare;
    try {
      for (let i = 0; i < 5; i += 1) expect((await query(t.ctx.db, { min: ids[i % 4] ?? 0 }))[0]?.n).toBe(4 - (i % 4));
    } finally {
      sqlite.prepare = original;
    }
    expect(texts).toHaveLength(1);
    expect(texts[0]).toMatch(/^\/\* prepared:test_persons_count_[0-9a-f]{10} \*\/ select/);
  });

  it.skipIf(testDialect() !== "postgres")(
    "on PostgreSQL, run as a named statement that the connection keeps",
    async () => {
      const schema = (await sql<{ s: string }>`select current_schema() as s`.execute(t.ctx.db)).rows[0]?.s ?? "";
      // One connection, so the statement and the catalog read meet on the same one.
      const single: DbHandle = createDb({
        databaseUrl: process.env.TEST_DATABASE_URL,
        dataDir: "",
        pgSchema: schema,
        poolSize: 1,
      });
      try {
        await byCodeOrIds(single.db, { code: codes[3] ?? 0, ids: [], limit: 10 });
        const rows = await byCodeOrIds(single.db, { code: codes[2] ?? 0, ids: [], limit: 10 });
        expect(rows.map((r) => r.name)).toEqual(["Carla"]);
        const statements = await sql<{ name: string; statement: string }>`
        select name, statement from pg_prepared_statements`.execute(single.db);
        const ours = statements.rows.filter((r) => r.name.startsWith("test_persons_code_or_ids_"));
        expect(ours).toHaveLength(1);
        expect(ours[0]?.statement).toContain("= any($");
      } finally {
        await single.close();
      }
    },
  );
});
