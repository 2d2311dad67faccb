import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPersonSearchText, normalizeSearchText } from "../../../shared/search-text.ts";
import { categoryIds, makePerson } from "../../test/factories.ts";
import { buildTestApp, type TestApp, type TestUser, testDialect } from "../../test/test-app.ts";
import { ndjson } from "../imports/imports-test-helpers.ts";
import { indexedVariants, soundKey } from "./persons.search.typos.ts";

/**
 * The quick search's vocabulary (migration 0014-search-vocabulary) is kept by triggers on persons:
 * right after creates, edits, imports and deletes, whoever writes, on both databases, and with the
 * same sound keys and variants as the rules the search applies to what is typed.
 */
describe("search vocabulary", () => {
  let t: TestApp;
  let admin: TestUser;
  let cats: Awaited<ReturnType<typeof categoryIds>>;

  beforeAll(async () => {
    t = await buildTestApp();
    admin = await t.user({ isAdmin: true });
    cats = await categoryIds(t.ctx);
  });
  afterAll(() => t.close());

  const has = async (...words: string[]) => {
    const rows = await t.ctx.db.selectFrom("search_words").select("word").where("word", "in", words).execute();
    return words.map((w) => rows.some((r) => r.word === w));
  };

  it("takes the name and short-name words of a new person, never codes, documents, e-mails or phones", async () => {
    const p = await makePerson(t.ctx, {
      categoryIds: [cats.Cliente],
      name: "Zuleika Thyago da Xavantes",
      shortName: "Zuzu",
      emails: [{ address: "zuleika.contato@exemplo.com.br" }],
      phones: [{ number: "(11) 98765-4321" }],
    });
    expect(await has("zuleika", "thyago", "da", "xavantes", "zuzu")).toEqual([true, true, true, true, true]);
    const all = (await t.ctx.db.selectFrom("search_words").select("word").execute()).map((r) => r.word);
    expect(all.every((w) => /^[a-z]{2,30}$/.test(w))).toBe(true);
    expect(all).not.toContain("contato");
    expect(all).not.toContain(String(p.code));
    expect(all.some((w) => w.includes("exemplo"))).toBe(false);
  });

  it("holds the same sound keys and variants as the typed-word rules", async () => {
    await makePerson(t.ctx, { categoryIds: [cats.Cliente], name: "Phelippe Gonçalves Assunção Nascimento" });
    const words = await t.ctx.db.selectFrom("search_words").select(["word", "sound"]).execute();
    for (const w of words) expect(w.sound, w.word).toBe(soundKey(w.word));
    const variants = await t.ctx.db
      .selectFrom("search_word_variants")
      .select(["variant", "word"])
      .where("word", "in", ["phelippe", "goncalves", "assuncao", "nascimento"])
      .execute();
    for (const word of ["phelippe", "goncalves", "assuncao", "nascimento"]) {
      const stored = new Set(variants.filter((v) => v.word === word).map((v) => v.variant));
      expect(stored, word).toEqual(indexedVariants(word));
    }
  });

  it("drops a word when its last person loses it, and keeps one another person still has", async () => {
    const a = await makePerson(t.ctx, { categoryIds: [cats.Cliente], name: "Quirino Wolfgang" });
    await makePerson(t.ctx, { categoryIds: [cats.Cliente], name: "Wolfgang Outro" });
    const res = await t.as(admin, {
      method: "PATCH",
      url: `/api/persons/${a.code}`,
      payload: { name: "Quitéria Nova", version: a.version },
    });
    expect(res.statusCode).toBe(200);
    expect(await has("quirino", "wolfgang", "quiteria", "nova")).toEqual([false, true, true, true]);
    const variants = await t.ctx.db
      .selectFrom("search_word_variants")
      .select("variant")
      .where("word", "=", "quirino")
      .execute();
    expect(variants).toEqual([]);
  });

  it("keeps the words when only other columns change (deactivating)", async () => {
    const p = await makePerson(t.ctx, { categoryIds: [cats.Cliente], name: "Ubaldino Inativo" });
    const res = await t.as(admin, {
      method: "PATCH",
      url: `/api/persons/${p.code}`,
      payload: { isActive: false, version: p.version },
    });
    expect(res.statusCode).toBe(200);
    expect(await has("ubaldino")).toEqual([true]);
  });

  it("follows an import (multi-row writes) and a direct delete", async () => {
    const file = ndjson([
      { externalId: "V-1", name: "Genésio Importado", kind: "individual", categories: ["Cliente"] },
      { externalId: "V-2", name: "Rosicleide Importada", kind: "individual", categories: ["Cliente"] },
    ]);
    const res = await t.as(admin, {
      method: "POST",
      url: "/api/import/persons",
      payload: file,
      headers: { "content-type": "application/x-ndjson" },
    });
    expect(res.statusCode).toBe(200);
    expect(await has("genesio", "rosicleide", "importado", "importada")).toEqual([true, true, true, true]);
    // An anonymization (or any writer outside the services) rewrites the row: the name leaves too.
    const row = await t.ctx.db
      .selectFrom("persons")
      .select(["id", "code"])
      .where("external_id", "=", "V-1")
      .executeTakeFirstOrThrow();
    await t.ctx.db
      .updateTable("persons")
      .set({
        name: "Pessoa anonimizada",
        sort_name: "pessoa anonimizada",
        search_text: buildPersonSearchText({ code: row.code, name: "Pessoa anonimizada" }),
      })
      .where("id", "=", row.id)
      .execute();
    expect(await has("genesio", "anonimizada")).toEqual([false, true]);
    const other = await t.ctx.db
      .selectFrom("persons")
      .select("id")
      .where("external_id", "=", "V-2")
      .executeTakeFirstOrThrow();
    await t.ctx.db.deleteFrom("person_categories").where("person_id", "=", other.id).execute();
    await t.ctx.db.deleteFrom("persons").where("id", "=", other.id).execute();
    expect(await has("rosicleide", "importado")).toEqual([false, false]);
  });

  it("is what the persons hold, word for word", async () => {
    const texts = await t.ctx.db.selectFrom("persons").select("search_text").execute();
    const expected = new Set(texts.flatMap((r) => r.search_text.split(" ").filter((w) => /^[a-z]{2,30}$/.test(w))));
    const stored = await t.ctx.db.selectFrom("search_words").select("word").execute();
    expect(new Set(stored.map((r) => r.word))).toEqual(expected);
    // A name is normalized before it gets there.
    expect(expected.has(normalizeSearchText("Quitéria"))).toBe(true);
    const count = await sql<{ n: number }>`select count(*) as n from search_word_variants v
      where not exists (select 1 from search_words w where w.word = v.word)`.execute(t.ctx.db);
    expect(Number(count.rows[0]?.n)).toBe(0);
  });

  /** A person row written straight through SQL, as a second server (or an import) would. */
  const insertRow = (db: typeof t.ctx.db, code: number, name: string) =>
    db
      .insertInto("persons")
      .values({
        code,
        kind: "individual",
        name,
        sort_name: normalizeSearchText(name),
        search_text: buildPersonSearchText({ code, name }),
        created_at: "2026-01-01T00:00:00.000Z",
        updated_at: "2026-01-01T00:00:00.000Z",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
  const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

  // Two transactions at once, on two connections, as two servers: one removes the last person
  // with a word while the other adds a person with it. Whichever goes first, the word stays.
  it.skipIf(testDialect() === "sqlite")("never loses a word a concurrent writer adds (PostgreSQL)", async () => {
    for (const removerFirst of [true, false]) {
      const word = removerFirst ? "wzorek" : "wzorak";
      const a = await insertRow(t.ctx.db, removerFirst ? 91001 : 91002, `Primeiro ${word}`);
      let release = () => {};
      const gate = new Promise<void>((r) => {
        release = r;
      });
      const rename = (db: typeof t.ctx.db) =>
        db
          .updateTable("persons")
          .set({ search_text: buildPersonSearchText({ code: 1, name: "Primeiro Renomeado" }) })
          .where("id", "=", a.id)
          .execute();
      const add = (db: typeof t.ctx.db) => insertRow(db, removerFirst ? 91011 : 91012, `Segundo ${word}`);
      // The first holds its transaction open until the second has started (and is waiting on it).
      const first = t.ctx.db.transaction().execute(async (trx) => {
        await (removerFirst ? rename(trx) : add(trx));
        await gate;
      });
      await pause(150);
      const second = t.ctx.db.transaction().execute(async (trx) => {
        await (removerFirst ? add(trx) : rename(trx));
      });
      await pause(150);
      release();
      await Promise.all([first, second]);
      expect(await has(word), removerFirst ? "remover first" : "adder first").toEqual([true]);
    }
  });
});
