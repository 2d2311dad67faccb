import { sql } from "kysely";
import { notNull, withId } from "../migration-helpers/columns.ts";
import type { MigrationDb, VinculoMigration } from "../migration-helpers/migration.ts";

/**
 * The change journal (issues 14 and 17), written in the same transaction as every change:
 *
 * - domain_events: what happened, for live screens and webhooks. The id is the SSE Last-Event-ID
 *   ("events after id N": the primary key); `refs` is JSON of the ids touched, never data.
 * - audit_log: who changed what, from where, with the fields before and after. Tamper-evident:
 *   each row belongs to one of AUDIT_SHARDS hash chains (by a stable hash of entity and id) and
 *   carries its place in it (`seq`), the previous row's hash and its own (SHA-256 over its
 *   content and the previous hash). audit_chain_heads holds each chain's last link (locked per
 *   shard while appending, so writers serialize per shard, not on one row) and its anchor: where
 *   the chain starts after the retention job removed its oldest rows.
 *   Append-only: triggers refuse any UPDATE or DELETE unless the same transaction holds a row of
 *   audit_delete_permits (only the retention job writes one, and deletes it before committing).
 * - access_log: logins, failed logins, logouts, token use, exports, dossiers, person views
 *   (Marco Civil, art. 15). `dedupe_key` (unique, null for rows never deduplicated) keeps the
 *   frequent kinds to one row per actor, person and minute across every server.
 * - retention_settings (one row) and retention_runs (one row per day the job ran: its claim).
 *
 * No foreign keys: the journal outlives whatever it names, and a check per row would slow the
 * imports that write one audit row per imported row.
 */
const AUDIT_SHARDS = 16;
const GENESIS = "0".repeat(64);

export const journal: VinculoMigration = {
  name: "0015-journal",
  async up(db, dialect) {
    await withId(db.schema.createTable("domain_events"), dialect)
      .addColumn("at", "text", notNull)
      .addColumn("type", "text", notNull)
      /** 'user' | 'token' | 'import' | 'cli' | 'system' */
      .addColumn("actor_kind", "text", notNull)
      .addColumn("actor_user_id", "integer")
      .addColumn("person_id", "integer")
      .addColumn("person_code", "integer")
      /** A tab, or 'person' | 'settings' | 'admin' (shared/journal.ts). */
      .addColumn("area", "text", notNull)
      .addColumn("refs", "text", (c) => c.notNull().defaultTo("{}"))
      .execute();
    await db.schema.createIndex("domain_events_person").on("domain_events").columns(["person_id", "id"]).execute();

    await withId(db.schema.createTable("audit_log"), dialect)
      .addColumn("at", "text", notNull)
      .addColumn("shard", "integer", notNull)
      .addColumn("seq", "integer", notNull)
      .addColumn("actor_kind", "text", notNull)
      .addColumn("user_id", "integer")
      .addColumn("token_id", "integer")
      .addColumn("import_run_id", "integer")
      .addColumn("ip", "text")
      .addColumn("user_agent", "text")
      .addColumn("entity", "text", notNull)
      .addColumn("entity_id", "text")
      .addColumn("person_id", "integer")
      .addColumn("person_code", "integer")
      .addColumn("action", "text", notNull)
      /** JSON {field: [before, after]}; secrets as "[redacted]". */
      .addColumn("changes", "text", (c) => c.notNull().defaultTo("{}"))
      .addColumn("prev_hash", "text", notNull)
      .addColumn("hash", "text", notNull)
      .execute();
    await db.schema.createIndex("audit_log_chain").on("audit_log").columns(["shard", "seq"]).unique().execute();
    await db.schema.createIndex("audit_log_person").on("audit_log").columns(["person_id", "id"]).execute();
    await db.schema.createIndex("audit_log_entity").on("audit_log").columns(["entity", "entity_id", "id"]).execute();
    await db.schema.createIndex("audit_log_at").on("audit_log").column("at").execute();

    await db.schema
      .createTable("audit_chain_heads")
      .addColumn("shard", "integer", (c) => c.primaryKey())
      .addColumn("seq", "integer", notNull)
      .addColumn("hash", "text", notNull)
      /** The chain starts after this link (0 and the genesis hash until retention removes rows). */
      .addColumn("anchor_seq", "integer", notNull)
      .addColumn("anchor_hash", "text", notNull)
      .execute();
    await db
      .insertInto("audit_chain_heads")
      .values(
        Array.from({ length: AUDIT_SHARDS }, (_, shard) => ({
          shard,
          seq: 0,
          hash: GENESIS,
          anchor_seq: 0,
          anchor_hash: GENESIS,
        })),
      )
      .execute();
    await db.schema
      .createTable("audit_delete_permits")
      .addColumn("id", "integer", (c) => c.primaryKey())
      .execute();
    if (dialect === "sqlite") await sqliteGuards(db);
    else await postgresGuards(db);

    await withId(db.schema.createTable("access_log"), dialect)
      .addColumn("at", "text", notNull)
      /** 'login' | 'login_failed' | 'logout' | 'token_use' | 'export' | 'dossier' | 'person_view' */
      .addColumn("kind", "text", notNull)
      .addColumn("user_id", "integer")
      .addColumn("token_id", "integer")
      .addColumn("person_id", "integer")
      .addColumn("ip", "text")
      .addColumn("user_agent", "text")
      .addColumn("detail", "text")
      .addColumn("dedupe_key", "text", (c) => c.unique())
      .execute();
    await db.schema.createIndex("access_log_at").on("access_log").column("at").execute();
    await db.schema.createIndex("access_log_user").on("access_log").columns(["user_id", "id"]).execute();
    await db.schema.createIndex("access_log_person").on("access_log").columns(["person_id", "id"]).execute();

    await db.schema
      .createTable("retention_settings")
      .addColumn("id", "integer", (c) => c.primaryKey())
      .addColumn("audit_log_months", "integer", notNull)
      .addColumn("access_log_months", "integer", notNull)
      .addColumn("updated_at", "text", notNull)
      .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
      .execute();
    await db
      .insertInto("retention_settings")
      .values({ id: 1, audit_log_months: 60, access_log_months: 6, updated_at: new Date().toISOString() })
      .execute();
    await db.schema
      .createTable("retention_runs")
      .addColumn("day", "text", (c) => c.primaryKey())
      .addColumn("started_at", "text", notNull)
      .addColumn("finished_at", "text")
      .addColumn("audit_removed", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("access_removed", "integer", (c) => c.notNull().defaultTo(0))
      .execute();
  },
};

const REFUSAL = "audit_log is append-only";

async function sqliteGuards(db: MigrationDb): Promise<void> {
  for (const op of ["update", "delete"]) {
    await sql
      .raw(`create trigger audit_log_no_${op} before ${op} on audit_log
        when not exists (select 1 from audit_delete_permits)
        begin select raise(abort, '${REFUSAL}'); end`)
      .execute(db);
  }
}

async function postgresGuards(db: MigrationDb): Promise<void> {
  await sql
    .raw(`create function audit_log_guard() returns trigger language plpgsql as $$
      begin
        if not exists (select 1 from audit_delete_permits) then
          raise exception '${REFUSAL}';
        end if;
        return null;
      end $$`)
    .execute(db);
  // Per statement: the retention job deletes many rows at once.
  await sql`create trigger audit_log_guard before update or delete on audit_log
    for each statement execute function audit_log_guard()`.execute(db);
}
