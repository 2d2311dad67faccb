import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { categoryIds, userWithGrants } from "../test/factories.ts";
import { buildTestApp, type TestApp, type TestUser, testDialect } from "../test/test-app.ts";
import { seedScale } from "./scale.ts";

/**
 * A large seed drops the search indexes and rebuilds them once at the end: afterwards the
 * quick search must find the seeded persons through both (words for names, trigrams for digits).
 */
describe("scale seed, bulk path", () => {
  let t: TestApp;
  let user: TestUser;
  beforeAll(async () => {
    t = await buildTestApp();
    await seedScale(t.ctx.handle, 300, () => {}, 100);
    const cats = await categoryIds(t.ctx);
    user = await userWithGrants(t, [
      ...Object.values(cats).map((categoryId) => ({ categoryId, tab: "addresses" as const, level: "read" as const })),
    ]);
  }, 120_000);
  afterAll(() => t.close());

  it("finds a seeded person by a word of the name and by a piece of the document", async () => {
    const person = await t.ctx.db
      .selectFrom("persons")
      .select(["code", "name", "document"])
      .where("document", "is not", null)
      .orderBy("id")
      .executeTakeFirstOrThrow();
    const word = person.name.split(" ").find((w) => w.length >= 4) as string;
    const byWord = await t.as(user, { method: "GET", url: `/api/persons?q=${encodeURIComponent(word)}&limit=500` });
    expect(byWord.statusCode).toBe(200);
    expect(byWord.json().items.map((p: { code: number }) => p.code)).toContain(person.code);
    const digits = (person.document as string).slice(2, 9);
    const byDocument = await t.as(user, { method: "GET", url: `/api/persons?q=${digits}&limit=500` });
    expect(byDocument.json().items.map((p: { code: number }) => p.code)).toContain(person.code);
  });

  it.skipIf(testDialect() === "sqlite")("leaves both PostgreSQL search indexes in place", async () => {
    const { rows } = await sql<{ indexname: string }>`select indexname from pg_indexes
      where schemaname = current_schema() and tablename = 'persons'`.execute(t.ctx.db);
    expect(rows.map((r) => r.indexname)).toEqual(expect.arrayContaining(["persons_name_words", "persons_search_trgm"]));
  });
});
