import { sql } from "kysely";
import { generateCnpj, generateCpf } from "../../shared/brazil.ts";
import { buildPersonSearchText, normalizeSearchText } from "../../shared/search-text.ts";
import type { DbHandle } from "../db/create-db.ts";
import { isVocabularyWord, soundKey } from "../features/persons/persons.search.typos.ts";
import {
  CITIES,
  COMPANY_NAMES,
  COMPANY_SUFFIXES,
  COMPANY_WORDS,
  DISTRICTS,
  FIRST_NAMES,
  PARTICLES,
  pickFrom,
  prng,
  STREETS,
  SURNAMES,
} from "./names.ts";

export type Progress = (done: number, total: number) => void;

type PersonRow = {
  id: number;
  code: number;
  kind: string;
  name: string;
  short_name: string | null;
  document: string;
  sort_name: string;
  search_text: string;
  email: string;
  phone: string;
  categories: number[];
  address: { zip: string; street: string; number: string; district: string; city: string; ibge: string; state: string };
};

const asciiLocal = (s: string) => normalizeSearchText(s).replace(/[^a-z0-9]+/g, ".");

/** Many persons of plausible shape: names, valid unique documents, one e-mail, phone and address each. */
function* generate(
  n: number,
  startId: number,
  startCode: number,
  categoryIds: Record<string, number>,
  seed: number,
): Generator<PersonRow> {
  const rand = prng(seed);
  const used = new Set<string>();
  const cat = (name: string) => categoryIds[name] as number;
  for (let i = 0; i < n; i++) {
    const company = rand() < 0.3;
    let document: string;
    do document = company ? generateCnpj(rand, { alphanumeric: rand() < 0.05 }) : generateCpf(rand);
    while (used.has(document));
    used.add(document);
    const place = pickFrom(rand, CITIES);
    let name: string;
    let shortName: string | null;
    if (company) {
      const brand = pickFrom(rand, COMPANY_NAMES);
      name = `${pickFrom(rand, COMPANY_WORDS)} ${brand} ${pickFrom(rand, COMPANY_SUFFIXES)}`;
      shortName = `${brand} ${place.city}`;
    } else {
      const first = pickFrom(rand, FIRST_NAMES);
      const middle =
        rand() < 0.5 ? ` ${pickFrom(rand, PARTICLES)} ${pickFrom(rand, SURNAMES)}` : ` ${pickFrom(rand, SURNAMES)}`;
      name = `${first}${middle} ${pickFrom(rand, SURNAMES)}`;
      shortName = rand() < 0.5 ? first : null;
    }
    const r = rand();
    const main =
      r < 0.7
        ? "Cliente"
        : r < 0.8
          ? "Fornecedor"
          : r < 0.88
            ? "Prospect"
            : r < 0.93
              ? "Transportadora"
              : r < 0.97
                ? "Representante"
                : "Funcionário";
    const categories = [cat(main)];
    if (rand() < 0.1 && main !== "Cliente") categories.push(cat("Cliente"));
    const code = startCode + i;
    const email = `${asciiLocal(shortName ?? name).slice(0, 30)}${code}@exemplo.com.br`;
    const mobile = !company || rand() < 0.3;
    const phone = `55${place.ddd}${mobile ? "9" : "3"}${String(Math.floor(rand() * 1e7)).padStart(mobile ? 8 : 7, "0")}`;
    yield {
      id: startId + i,
      code,
      kind: company ? "company" : "individual",
      name,
      short_name: shortName,
      document,
      sort_name: normalizeSearchText(name),
      search_text: buildPersonSearchText({ code, name, shortName, document, emails: [email], phones: [phone] }),
      email,
      phone,
      categories,
      address: {
        zip: `${place.cep}${String(Math.floor(rand() * 1e6)).padStart(6, "0")}`,
        street: pickFrom(rand, STREETS),
        number: String(1 + Math.floor(rand() * 3000)),
        district: pickFrom(rand, DISTRICTS),
        city: place.city,
        ibge: place.ibge,
        state: place.state,
      },
    };
  }
}

const BATCH = 5000;

const triggerSql = (s: NonNullable<DbHandle["sqlite"]>, name: string) =>
  (
    s.prepare("select sql from sqlite_master where type = 'trigger' and name = ?").get(name) as
      | { sql: string }
      | undefined
  )?.sql;

/**
 * Adds `n` persons in batched transactions (one per 5 000 persons). On SQLite
 * it writes through prepared statements; on PostgreSQL through multi-row
 * `unnest` inserts, with the trigram index rebuilt once at the end.
 */
export async function seedScale(
  handle: DbHandle,
  n: number,
  progress: Progress = () => {},
  /** From how many persons the search indexes are dropped and rebuilt once (tests lower it). */
  bulkFrom = 50_000,
): Promise<{ first: number; last: number }> {
  const { db } = handle;
  const cats = Object.fromEntries(
    (await db.selectFrom("categories").select(["id", "name"]).execute()).map((c) => [c.name, c.id]),
  );
  const maxId =
    (
      await db
        .selectFrom("persons")
        .select((eb) => eb.fn.max("id").as("m"))
        .executeTakeFirst()
    )?.m ?? 0;
  const seq = await db
    .selectFrom("sequences")
    .select("value")
    .where("name", "=", "person_code")
    .executeTakeFirstOrThrow();
  const startId = Number(maxId) + 1;
  const startCode = seq.value + 1;
  const now = new Date().toISOString();
  const rows = generate(n, startId, startCode, cats, startCode);

  const takeBatch = (): PersonRow[] => {
    const batch: PersonRow[] = [];
    for (let i = 0; i < BATCH; i++) {
      const next = rows.next();
      if (next.done) break;
      batch.push(next.value);
    }
    return batch;
  };

  let done = 0;
  if (handle.sqlite) {
    const s = handle.sqlite;
    // Generated data can be regenerated: skip the per-commit fsync, and build the
    // search index once at the end instead of row by row through the triggers.
    const big = n >= bulkFrom;
    s.pragma("synchronous = OFF");
    // The vocabulary's trigger (migration 0014) too: the words are added once at the end.
    const vocabularyTrigger = big ? triggerSql(s, "persons_vocabulary_ai") : undefined;
    const words = new Set<string>();
    if (big) {
      s.exec("drop trigger if exists persons_fts_ai; drop trigger if exists persons_words_ai");
      if (vocabularyTrigger) s.exec("drop trigger persons_vocabulary_ai");
    }
    const person = s.prepare(
      "insert into persons (id, code, kind, name, short_name, document, is_active, sort_name, search_text, created_at, updated_at, version) values (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, 1)",
    );
    const category = s.prepare("insert into person_categories (person_id, category_id) values (?, ?)");
    const email = s.prepare("insert into person_emails (person_id, address, is_main, position) values (?, ?, 1, 0)");
    const phone = s.prepare("insert into person_phones (person_id, number, is_main, position) values (?, ?, 1, 0)");
    const address = s.prepare(
      "insert into addresses (person_id, type, zip, street, number, district, city, ibge_code, state, country, is_main, created_at, updated_at, version) values (?, 'main', ?, ?, ?, ?, ?, ?, ?, 'Brasil', 1, ?, ?, 1)",
    );
    const write = s.transaction((batch: PersonRow[]) => {
      for (const p of batch) {
        person.run(p.id, p.code, p.kind, p.name, p.short_name, p.document, p.sort_name, p.search_text, now, now);
        if (vocabularyTrigger) for (const w of p.search_text.split(" ")) if (isVocabularyWord(w)) words.add(w);
        for (const c of p.categories) category.run(p.id, c);
        email.run(p.id, p.email);
        phone.run(p.id, p.phone);
        const a = p.address;
        address.run(p.id, a.zip, a.street, a.number, a.district, a.city, a.ibge, a.state, now, now);
      }
      s.prepare("update sequences set value = ? where name = 'person_code'").run(batch.at(-1)?.code ?? seq.value);
    });
    try {
      for (let batch = takeBatch(); batch.length; batch = takeBatch()) {
        write(batch);
        done += batch.length;
        progress(done, n);
      }
    } finally {
      if (big) {
        s.exec(`create trigger if not exists persons_fts_ai after insert on persons begin
          insert into persons_fts(rowid, search_text) values (new.id, new.search_text); end`);
        s.exec(`create trigger if not exists persons_words_ai after insert on persons begin
          insert into persons_words(rowid, search_text) values (new.id, new.search_text); end`);
        s.exec("insert into persons_fts(persons_fts) values ('rebuild')");
        s.exec("insert into persons_words(persons_words) values ('rebuild')");
        if (vocabularyTrigger) {
          // As the trigger would have: each new word with its sound key (search_words_ai adds its variants).
          const add = s.prepare("insert or ignore into search_words (word, sound) values (?, ?)");
          s.transaction(() => {
            for (const w of words) add.run(w, soundKey(w));
          })();
          s.exec(vocabularyTrigger);
        }
      }
      s.pragma("synchronous = FULL");
    }
  } else {
    const big = n >= bulkFrom;
    if (big) {
      await sql`drop index if exists persons_search_trgm`.execute(db);
      await sql`drop index if exists persons_name_words`.execute(db);
    }
    for (let batch = takeBatch(); batch.length; batch = takeBatch()) {
      const col = <K extends keyof PersonRow>(k: K) => batch.map((p) => p[k]);
      const ids = col("id");
      await db.transaction().execute(async (trx) => {
        await sql`insert into persons (id, code, kind, name, short_name, document, is_active, sort_name, search_text, created_at, updated_at, version)
          select id, code, kind, name, short_name, document, 1, sort_name, search_text, ${now}, ${now}, 1
          from unnest(${ids}::int[], ${col("code")}::int[], ${col("kind")}::text[], ${col("name")}::text[], ${col("short_name")}::text[],
                      ${col("document")}::text[], ${col("sort_name")}::text[], ${col("search_text")}::text[])
            as t(id, code, kind, name, short_name, document, sort_name, search_text)`.execute(trx);
        const catPairs = batch.flatMap((p) => p.categories.map((c) => [p.id, c] as const));
        await sql`insert into person_categories (person_id, category_id)
          select * from unnest(${catPairs.map((c) => c[0])}::int[], ${catPairs.map((c) => c[1])}::int[])`.execute(trx);
        await sql`insert into person_emails (person_id, address, is_main, position)
          select p, a, 1, 0 from unnest(${ids}::int[], ${col("email")}::text[]) as t(p, a)`.execute(trx);
        await sql`insert into person_phones (person_id, number, is_main, position)
          select p, n, 1, 0 from unnest(${ids}::int[], ${col("phone")}::text[]) as t(p, n)`.execute(trx);
        const a = (k: keyof PersonRow["address"]) => batch.map((p) => p.address[k]);
        await sql`insert into addresses (person_id, type, zip, street, number, district, city, ibge_code, state, country, is_main, created_at, updated_at, version)
          select p, 'main', z, s, n, d, c, i, u, 'Brasil', 1, ${now}, ${now}, 1
          from unnest(${ids}::int[], ${a("zip")}::text[], ${a("street")}::text[], ${a("number")}::text[], ${a("district")}::text[],
                      ${a("city")}::text[], ${a("ibge")}::text[], ${a("state")}::text[]) as t(p, z, s, n, d, c, i, u)`.execute(
          trx,
        );
        await trx
          .updateTable("sequences")
          .set({ value: batch.at(-1)?.code ?? seq.value })
          .where("name", "=", "person_code")
          .execute();
      });
      done += batch.length;
      progress(done, n);
    }
    await sql`select setval(pg_get_serial_sequence('persons', 'id'), (select max(id) from persons))`.execute(db);
    if (big) {
      // Both search indexes dropped above come back (the word index serves most searches; the
      // vocabulary needs nothing: its statement triggers took each batch's words).
      await sql`create index if not exists persons_search_trgm on persons using gin (search_text gin_trgm_ops)`.execute(
        db,
      );
      await sql`create index if not exists persons_name_words on persons using gin (name_words)`.execute(db);
    }
    await sql`analyze`.execute(db);
  }
  return { first: startCode, last: startCode + n - 1 };
}
