import { sql } from "kysely";
import { notNull, withId } from "../migration-helpers/columns.ts";
import type { VinculoMigration } from "../migration-helpers/migration.ts";

/** Persons and what hangs from them, the settings they use, and access profiles. */
export const persons: VinculoMigration = {
  name: "0002-persons",
  async up(db, dialect) {
    // Counters for human-facing numbers (person code, later ticket number): one row each,
    // bumped with UPDATE … RETURNING inside the writing transaction.
    await db.schema
      .createTable("sequences")
      .addColumn("name", "text", (c) => c.primaryKey())
      .addColumn("value", "integer", notNull)
      .execute();

    await withId(db.schema.createTable("categories"), dialect)
      .addColumn("name", "text", (c) => c.notNull().unique())
      .addColumn("role", "text", notNull)
      .addColumn("is_active", "integer", (c) => c.notNull().defaultTo(1))
      .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
      .execute();

    await withId(db.schema.createTable("characteristics"), dialect)
      .addColumn("name", "text", (c) => c.notNull().unique())
      .addColumn("color", "text", notNull)
      .addColumn("is_active", "integer", (c) => c.notNull().defaultTo(1))
      .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
      .execute();

    await withId(db.schema.createTable("relationship_types"), dialect)
      .addColumn("name", "text", (c) => c.notNull().unique())
      /** How the link reads from the other side ("Representado por"); null = same name. */
      .addColumn("inverse_name", "text")
      .addColumn("is_active", "integer", (c) => c.notNull().defaultTo(1))
      .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
      .execute();

    await withId(db.schema.createTable("persons"), dialect)
      .addColumn("code", "integer", (c) => c.notNull().unique())
      .addColumn("kind", "text", notNull)
      .addColumn("name", "text", notNull)
      .addColumn("short_name", "text")
      .addColumn("document", "text", (c) => c.unique())
      .addColumn("is_active", "integer", (c) => c.notNull().defaultTo(1))
      .addColumn("notes", "text")
      /** Normalized name, for sorting and prefix search. */
      // Byte order on both databases (the text is already folded), so ranges and keyset pages agree.
      .addColumn("sort_name", dialect === "postgres" ? sql`text collate "C"` : "text", notNull)
      /** Lower case, no accents, code, document digits, e-mails, phones: the quick-search haystack. */
      .addColumn("search_text", "text", notNull)
      .addColumn("external_id", "text", (c) => c.unique())
      .addColumn("created_at", "text", notNull)
      .addColumn("updated_at", "text", notNull)
      .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema.createIndex("persons_sort_name").on("persons").columns(["sort_name", "id"]).execute();

    await db.schema
      .createTable("person_categories")
      .addColumn("person_id", "integer", (c) => c.notNull().references("persons.id").onDelete("cascade"))
      .addColumn("category_id", "integer", (c) => c.notNull().references("categories.id"))
      .addPrimaryKeyConstraint("person_categories_pk", ["person_id", "category_id"])
      .execute();
    await db.schema
      .createIndex("person_categories_category")
      .on("person_categories")
      .columns(["category_id", "person_id"])
      .execute();

    await db.schema
      .createTable("person_characteristics")
      .addColumn("person_id", "integer", (c) => c.notNull().references("persons.id").onDelete("cascade"))
      .addColumn("characteristic_id", "integer", (c) => c.notNull().references("characteristics.id"))
      .addPrimaryKeyConstraint("person_characteristics_pk", ["person_id", "characteristic_id"])
      .execute();

    await withId(db.schema.createTable("person_emails"), dialect)
      .addColumn("person_id", "integer", (c) => c.notNull().references("persons.id").onDelete("cascade"))
      .addColumn("address", "text", notNull)
      .addColumn("is_main", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("position", "integer", (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex("person_emails_person").on("person_emails").column("person_id").execute();

    await withId(db.schema.createTable("person_phones"), dialect)
      .addColumn("person_id", "integer", (c) => c.notNull().references("persons.id").onDelete("cascade"))
      .addColumn("number", "text", notNull)
      .addColumn("is_main", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("position", "integer", (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex("person_phones_person").on("person_phones").column("person_id").execute();

    await withId(db.schema.createTable("addresses"), dialect)
      .addColumn("person_id", "integer", (c) => c.notNull().references("persons.id").onDelete("cascade"))
      .addColumn("type", "text", notNull)
      .addColumn("zip", "text", notNull)
      .addColumn("street", "text", notNull)
      .addColumn("number", "text", notNull)
      .addColumn("complement", "text")
      .addColumn("district", "text", notNull)
      .addColumn("city", "text", notNull)
      .addColumn("ibge_code", "text")
      .addColumn("state", "text", notNull)
      .addColumn("country", "text", (c) => c.notNull().defaultTo("Brasil"))
      .addColumn("reference", "text")
      .addColumn("is_main", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("created_at", "text", notNull)
      .addColumn("updated_at", "text", notNull)
      .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema.createIndex("addresses_person").on("addresses").column("person_id").execute();

    await withId(db.schema.createTable("person_relationships"), dialect)
      .addColumn("person_id", "integer", (c) => c.notNull().references("persons.id").onDelete("cascade"))
      .addColumn("related_person_id", "integer", (c) => c.notNull().references("persons.id").onDelete("cascade"))
      .addColumn("type_id", "integer", (c) => c.notNull().references("relationship_types.id"))
      .addColumn("created_at", "text", notNull)
      .addColumn("created_by", "integer", (c) => c.references("users.id"))
      .addUniqueConstraint("person_relationships_unique", ["person_id", "related_person_id", "type_id"])
      .execute();
    await db.schema
      .createIndex("person_relationships_related")
      .on("person_relationships")
      .column("related_person_id")
      .execute();

    await withId(db.schema.createTable("access_profiles"), dialect)
      .addColumn("name", "text", (c) => c.notNull().unique())
      .addColumn("created_at", "text", notNull)
      .addColumn("updated_at", "text", notNull)
      .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
      .execute();

    await db.schema
      .createTable("access_grants")
      .addColumn("profile_id", "integer", (c) => c.notNull().references("access_profiles.id").onDelete("cascade"))
      .addColumn("category_id", "integer", (c) => c.notNull().references("categories.id"))
      .addColumn("tab", "text", notNull)
      .addColumn("level", "text", notNull)
      .addPrimaryKeyConstraint("access_grants_pk", ["profile_id", "category_id", "tab"])
      .execute();

    await db.schema
      .createTable("user_access_profiles")
      .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
      .addColumn("profile_id", "integer", (c) => c.notNull().references("access_profiles.id").onDelete("cascade"))
      .addPrimaryKeyConstraint("user_access_profiles_pk", ["user_id", "profile_id"])
      .execute();

    await db.schema
      .alterTable("users")
      .addColumn("person_id", "integer", (c) => c.references("persons.id"))
      .execute();

    // Quick search index: FTS5 trigram on SQLite, pg_trgm GIN on PostgreSQL, over the same column.
    if (dialect === "sqlite") {
      await sql`create virtual table persons_fts using fts5(search_text, content='persons', content_rowid='id', tokenize='trigram remove_diacritics 1')`.execute(
        db,
      );
      await sql`create trigger persons_fts_ai after insert on persons begin
        insert into persons_fts(rowid, search_text) values (new.id, new.search_text); end`.execute(db);
      await sql`create trigger persons_fts_ad after delete on persons begin
        insert into persons_fts(persons_fts, rowid, search_text) values ('delete', old.id, old.search_text); end`.execute(
        db,
      );
      await sql`create trigger persons_fts_au after update of search_text on persons begin
        insert into persons_fts(persons_fts, rowid, search_text) values ('delete', old.id, old.search_text);
        insert into persons_fts(rowid, search_text) values (new.id, new.search_text); end`.execute(db);
    } else {
      await sql`create extension if not exists pg_trgm`.execute(db);
      await sql`create index persons_search_trgm on persons using gin (search_text gin_trgm_ops)`.execute(db);
    }
  },
};
