import { sql } from "kysely";
import type { MigrationDb, VinculoMigration } from "../migration-helpers/migration.ts";

/**
 * The vocabulary of the quick search, for typo tolerance: every distinct name and short-name word
 * of the persons (tens of thousands, not millions), with a symmetric-delete index; and, on
 * PostgreSQL, a word index of those words alone (postgresNameWords below).
 *
 * - search_words(word, sound): a word is a piece of persons.search_text made of 2–30 letters a–z
 *   (so never a code, document, phone or e-mail, which hold digits or "@"); `sound` is its sound
 *   key (the spelling variants folded, see persons.search.typos.ts);
 * - search_word_variants(variant, word): the word and its sound key, each with up to 1 letter
 *   deleted (2 from 8 letters), pieces of at least 3 letters.
 *
 * Kept by triggers, so every writer — the persons service, imports, a future anonymization, any
 * number of servers — keeps it right in the same transaction: a person's new words are added, and
 * a word leaves when the last person who had it loses it (checked on the word indexes). On
 * PostgreSQL a writer takes KEY SHARE on the words it relies on and a remover takes FOR UPDATE and
 * looks again in a new statement, so a word is never removed under a person being added with it.
 *
 * The sound rules are copied here, not imported: a shipped migration must keep meaning what it
 * means today. A change of the rules is a new migration that rebuilds both tables.
 */
export const searchVocabulary: VinculoMigration = {
  name: "0014-search-vocabulary",
  async up(db, dialect) {
    if (dialect === "sqlite") await sqliteUp(db);
    else await postgresUp(db);
  },
};

const SOUND_STEPS: [string, string][] = [
  ["ph", "f"],
  ["th", "t"],
  ["lh", "li"],
  ["nh", "ni"],
  ["ch", "#"],
  ["h", ""],
  ["#", "ch"],
  ["y", "i"],
  ["z", "s"],
  ..."abcdefghijklmnopqrstuvwxyz".split("").map((c): [string, string] => [c + c, c]),
];

/** The sound key of a SQL text expression, as nested replace() (the same in both dialects). */
const soundOf = (expr: string) => SOUND_STEPS.reduce((e, [from, to]) => `replace(${e}, '${from}', '${to}')`, expr);

const MAX_WORD = 30;

// ——— SQLite ———

/** Positions 1…30 as a table (json_each: triggers take no WITH clause). */
const POSITIONS = `json_each('[${Array.from({ length: MAX_WORD }, (_, i) => i + 1).join(",")}]')`;

/**
 * The pieces of a search text as a json_each table: the text holds only letters, digits and
 * `@ . + - _` separated by single spaces (shared/search-text.ts), so it makes a JSON array as is;
 * anything else gives no pieces rather than a failed write.
 */
const piecesOf = (text: string) => {
  const array = `'["' || replace(${text}, ' ', '","') || '"]'`;
  return `json_each(case when json_valid(${array}) then ${array} else '[]' end)`;
};
const isWord = (v: string) => `(length(${v}) between 2 and ${MAX_WORD} and ${v} not glob '*[^a-z]*')`;

/** Deletions of up to 1 letter (2 from 8 letters) of `s`, at least 3 letters long, as `select v`. */
const sqliteDeletions = (s: string) => `
  select ${s} as v
  union select substr(${s}, 1, a.value - 1) || substr(${s}, a.value + 1) from ${POSITIONS} a
    where a.value <= length(${s})
  union select substr(${s}, 1, a.value - 1) || substr(${s}, a.value + 1, b.value - a.value - 1) || substr(${s}, b.value + 1)
    from ${POSITIONS} a, ${POSITIONS} b where length(${s}) >= 8 and a.value < b.value and b.value <= length(${s})`;

/** Removes the words of `oldText` missing from `newText` that no other person has (FTS5 word index). */
const sqliteDropUnused = (oldText: string, newText: string | null, id: string) => `
  delete from search_words where word in (
    select value from ${piecesOf(oldText)} where ${isWord("value")}
    ${newText ? `and value not in (select value from ${piecesOf(newText)})` : ""}
  ) and not exists (
    select 1 from persons_words where persons_words match '"' || search_words.word || '"' and rowid <> ${id}
  );`;

async function sqliteUp(db: MigrationDb): Promise<void> {
  await sql`create table search_words (word text primary key, sound text not null) without rowid`.execute(db);
  await sql`create table search_word_variants (variant text not null, word text not null, primary key (variant, word)) without rowid`.execute(
    db,
  );
  await sql`create index search_word_variants_word on search_word_variants (word)`.execute(db);

  await sql
    .raw(`create trigger search_words_ai after insert on search_words begin
      insert or ignore into search_word_variants (variant, word)
        select v, new.word from (${sqliteDeletions("new.word")} union ${sqliteDeletions("new.sound")}) where length(v) >= 3;
    end`)
    .execute(db);
  await sql
    .raw(`create trigger search_words_ad after delete on search_words begin
      delete from search_word_variants where word = old.word;
    end`)
    .execute(db);

  const addWords = (text: string) => `
    insert or ignore into search_words (word, sound)
      select distinct value, ${soundOf("value")} from ${piecesOf(text)} where ${isWord("value")};`;
  await sql
    .raw(`create trigger persons_vocabulary_ai after insert on persons begin ${addWords("new.search_text")} end`)
    .execute(db);
  await sql
    .raw(`create trigger persons_vocabulary_au after update of search_text on persons
      when old.search_text is not new.search_text begin
      ${addWords("new.search_text")}
      ${sqliteDropUnused("old.search_text", "new.search_text", "new.id")}
    end`)
    .execute(db);
  await sql
    .raw(`create trigger persons_vocabulary_ad after delete on persons begin
      ${sqliteDropUnused("old.search_text", null, "old.id")}
    end`)
    .execute(db);

  // The persons already there (the variants follow through search_words_ai).
  await sql
    .raw(`insert or ignore into search_words (word, sound)
      select value, ${soundOf("value")} from (
        select distinct j.value from persons p, ${piecesOf("p.search_text")} j where ${isWord("j.value")}
      )`)
    .execute(db);
}

// ——— PostgreSQL ———

const pgWordsOf = (rows: string) => `
  select distinct w from ${rows} r, regexp_split_to_table(r.search_text, ' ') w where w ~ '^[a-z]{2,${MAX_WORD}}$'`;

/**
 * PostgreSQL's word index, on the name words alone. The index 0004-person-words made holds every
 * e-mail, code, document and phone as a lexeme too, so a prefix (`joao:*`) walked ~16 000 e-mail
 * entries at a million persons, and the planner had no cheap way to check a row while walking the
 * primary key newest first (to_tsvector on every row it passes). A stored tsvector of the a–z pieces
 * of search_text (the vocabulary's words) is a small index, its statistics tell the planner how
 * common a word is, and checking it on a row is a lookup, not a parse.
 */
async function postgresNameWords(db: MigrationDb): Promise<void> {
  await sql`alter table persons add column name_words tsvector generated always as
    (to_tsvector('simple'::regconfig, regexp_replace(search_text, '\S*[^a-z ]\S*', ' ', 'g'))) stored`.execute(db);
  await sql`create index persons_name_words on persons using gin (name_words)`.execute(db);
  await sql`drop index if exists persons_words_gin`.execute(db);
  await sql`analyze persons`.execute(db);
}

async function postgresUp(db: MigrationDb): Promise<void> {
  await postgresNameWords(db);
  await sql`create table search_words (word text collate "C" primary key, sound text not null)`.execute(db);
  await sql`create table search_word_variants (variant text collate "C" not null, word text collate "C" not null, primary key (variant, word))`.execute(
    db,
  );
  await sql`create index search_word_variants_word on search_word_variants (word)`.execute(db);

  await sql
    .raw(`create function search_words_variants() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        delete from search_word_variants where word = old.word;
        return null;
      end if;
      insert into search_word_variants (variant, word)
      select distinct v, new.word from (
        select s as v from unnest(array[new.word, new.sound]) s
        union select substr(s, 1, i - 1) || substr(s, i + 1)
          from unnest(array[new.word, new.sound]) s, generate_series(1, length(s)) i
        union select substr(s, 1, i - 1) || substr(s, i + 1, j - i - 1) || substr(s, j + 1)
          from unnest(array[new.word, new.sound]) s, generate_series(1, length(s)) i, generate_series(1, length(s)) j
          where length(s) >= 8 and i < j
      ) d where length(v) >= 3
      on conflict do nothing;
      return null;
    end $$`)
    .execute(db);
  await sql`create trigger search_words_variants after insert or delete on search_words
    for each row execute function search_words_variants()`.execute(db);

  // Adds words (sorted, so two writers never wait on each other in opposite orders) and holds
  // KEY SHARE on them until commit; a word a remover took meanwhile is inserted again.
  await sql
    .raw(`create function search_words_add(words text[]) returns void language plpgsql as $$
    declare held integer;
    begin
      if coalesce(cardinality(words), 0) = 0 then return; end if;
      loop
        insert into search_words (word, sound)
          select w, ${soundOf("w")} from unnest(words) w order by w
          on conflict do nothing;
        select count(*) into held from (
          select 1 from search_words where word = any(words) order by word for key share
        ) locked;
        exit when held = cardinality(words);
      end loop;
    end $$`)
    .execute(db);

  // Removes the words no person has any longer: a look without locks first (most removed words
  // are still someone's), then FOR UPDATE on the rest, which waits for writers adding them, and
  // a second look in a new statement that sees what they committed.
  const unused = (list: string) => `
    select w from unnest(${list}) w where not exists (
      select 1 from persons p where p.name_words @@ to_tsquery('simple', w))`;
  await sql
    .raw(`create function search_words_remove(words text[]) returns void language plpgsql as $$
    declare gone text[];
    begin
      if coalesce(cardinality(words), 0) = 0 then return; end if;
      select array_agg(w order by w) into gone from (${unused("words")}) u;
      if gone is null then return; end if;
      perform 1 from search_words where word = any(gone) order by word for update;
      delete from search_words where word in (${unused("gone")});
    end $$`)
    .execute(db);

  // Statement triggers with transition tables: an import's multi-row insert adds its words in one go.
  // On an update, only rows whose text changed count, and only the words that text gained or lost.
  const changedWords = (from: string, to: string) => `
    select distinct w from old_rows o join new_rows n using (id), regexp_split_to_table(${from}.search_text, ' ') w
    where o.search_text is distinct from n.search_text and w ~ '^[a-z]{2,${MAX_WORD}}$'
      and not w = any(regexp_split_to_array(${to}.search_text, ' '))`;
  const triggers = [
    {
      op: "insert",
      tables: "new table as new_rows",
      body: `perform search_words_add(array(${pgWordsOf("new_rows")}));`,
    },
    {
      op: "update",
      tables: "old table as old_rows new table as new_rows",
      body: `perform search_words_add(array(${changedWords("n", "o")}));
        perform search_words_remove(array(${changedWords("o", "n")}));`,
    },
    {
      op: "delete",
      tables: "old table as old_rows",
      body: `perform search_words_remove(array(${pgWordsOf("old_rows")}));`,
    },
  ];
  for (const t of triggers) {
    await sql
      .raw(`create function persons_vocabulary_${t.op}() returns trigger language plpgsql as $$
      begin ${t.body} return null; end $$`)
      .execute(db);
    await sql
      .raw(`create trigger persons_vocabulary_${t.op} after ${t.op} on persons
      referencing ${t.tables} for each statement execute function persons_vocabulary_${t.op}()`)
      .execute(db);
  }

  await sql
    .raw(`insert into search_words (word, sound)
      select w, ${soundOf("w")} from (${pgWordsOf("persons")}) d order by w`)
    .execute(db);
}
