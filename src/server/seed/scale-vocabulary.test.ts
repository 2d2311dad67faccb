import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isVocabularyWord } from "../features/persons/persons.search.typos.ts";
import { categoryIds } from "../test/factories.ts";
import { buildTestApp, type TestApp, type TestUser } from "../test/test-app.ts";
import { seedScale } from "./scale.ts";

/**
 * The bulk path of the scale seed leaves the vocabulary trigger aside on SQLite and adds the words
 * once at the end: afterwards the vocabulary holds every seeded name word, new persons still reach
 * it, and a misspelled seeded name is found.
 */
describe("scale seed, search vocabulary", () => {
  let t: TestApp;
  let admin: TestUser;
  beforeAll(async () => {
    t = await buildTestApp();
    admin = await t.user({ isAdmin: true });
    await seedScale(t.ctx.handle, 300, () => {}, 100);
  }, 120_000);
  afterAll(() => t.close());

  const vocabulary = async () =>
    new Set((await t.ctx.db.selectFrom("search_words").select("word").execute()).map((r) => r.word));

  it("holds every name word of the seeded persons, with its variants", async () => {
    const texts = await t.ctx.db.selectFrom("persons").select("search_text").execute();
    const expected = new Set(texts.flatMap((r) => r.search_text.split(" ").filter(isVocabularyWord)));
    expect(expected.size).toBeGreaterThan(20);
    expect(await vocabulary()).toEqual(expected);
    const orphans = await t.ctx.db
      .selectFrom("search_words as w")
      .select("w.word")
      // Words of 2 letters have no variant: no typed word that is corrected deletes down to them.
      .where((eb) => eb.fn("length", ["w.word"]), ">=", 3)
      .where((eb) =>
        eb.not(
          eb.exists(eb.selectFrom("search_word_variants as v").select("v.word").whereRef("v.word", "=", "w.word")),
        ),
      )
      .execute();
    expect(orphans).toEqual([]);
  });

  it("keeps following writes after the seed, and finds a seeded name with a typo", async () => {
    await seedScale(t.ctx.handle, 5, () => {}, 100);
    const res = await t.as(admin, {
      method: "POST",
      url: "/api/persons",
      payload: { kind: "individual", name: "Wendeline Pós-Semente", categoryIds: [(await categoryIds(t.ctx)).Cliente] },
    });
    expect(res.statusCode).toBe(201);
    expect((await vocabulary()).has("wendeline")).toBe(true);
    const person = await t.ctx.db
      .selectFrom("persons")
      .select(["code", "sort_name"])
      .where("kind", "=", "individual")
      .orderBy("id")
      .executeTakeFirstOrThrow();
    const word = person.sort_name.split(" ").find((w) => w.length >= 5 && w.length <= 7) as string;
    const typo = `${word.slice(0, 2)}${word[3]}${word[2]}${word.slice(4)}`;
    const found = await t.as(admin, { method: "GET", url: `/api/persons?q=${typo}&limit=500` });
    expect(found.statusCode).toBe(200);
    const names = found.json().items.map((p: { name: string }) => p.name);
    expect(names.length).toBeGreaterThan(0);
  });
});
