import { sql } from "kysely";
import type { VinculoMigration } from "../migration-helpers/migration.ts";

/**
 * A word index beside the trigram one. Trigrams find any substring (a piece of a
 * phone, a CPF), but a name query such as "maria souza" must merge the long lists
 * of very common trigrams; whole-word prefixes ("maria"*, "souza"*) are far
 * shorter lists. The search uses words when every term has a letter, trigrams
 * otherwise or when words find nothing.
 */
export const personWords: VinculoMigration = {
  name: "0004-person-words",
  async up(db, dialect) {
    if (dialect === "sqlite") {
      await sql`create virtual table persons_words using fts5(search_text, content='persons', content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='1 2 3 4 5 6')`.execute(
        db,
      );
      await sql`create trigger persons_words_ai after insert on persons begin
        insert into persons_words(rowid, search_text) values (new.id, new.search_text); end`.execute(db);
      await sql`create trigger persons_words_ad after delete on persons begin
        insert into persons_words(persons_words, rowid, search_text) values ('delete', old.id, old.search_text); end`.execute(
        db,
      );
      await sql`create trigger persons_words_au after update of search_text on persons begin
        insert into persons_words(persons_words, rowid, search_text) values ('delete', old.id, old.search_text);
        insert into persons_words(rowid, search_text) values (new.id, new.search_text); end`.execute(db);
      await sql`insert into persons_words(persons_words) values ('rebuild')`.execute(db);
    } else {
      await sql`create index persons_words_gin on persons using gin (to_tsvector('simple', search_text))`.execute(db);
    }
  },
};
