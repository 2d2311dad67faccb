import { sql } from "kysely";
import type { MigrationDb, VinculoMigration } from "../migration-helpers/migration.ts";

/**
 * Critical counts on PostgreSQL: a ticket that stays open but moves (due date, sector,
 * responsible…) leaves one count row and enters another in each count table. Two such moves in
 * opposite directions at the same moment locked the same two rows in opposite orders (a deadlock,
 * every time under load): take each table's two rows in key order instead.
 *
 * The fix first shipped as an edit of a shipped migration (commit 4b2298e changed the one now named
 * 0008-watchers-critical), so databases migrated before it never got it; it ships again here, as
 * a migration of its own. Both statements are CREATE OR REPLACE and write what 4b2298e wrote, so a
 * database that already has the fixed functions ends up exactly as it was.
 *
 * SQLite needs nothing: it serializes writers, so two moves never hold a row the other waits for.
 */
export const criticalCountsLockOrder: VinculoMigration = {
  name: "0013-critical-counts-lock-order",
  async up(db, dialect) {
    // SQLite: nothing to replace (see above); its triggers stay as 0008-watchers-critical made them.
    if (dialect === "sqlite") return;
    await postgresLockOrder(db);
  },
};

// The count tables as 0008-watchers-critical made them (copied, not imported: that file is frozen
// and this one must keep meaning what it means today).
const GRAINS = [
  { table: "critical_factor_counts", date: "due_day", length: 10, byUser: false },
  { table: "critical_factor_months", date: "due_month", length: 7, byUser: false },
  { table: "critical_factor_user_counts", date: "due_day", length: 10, byUser: true },
  { table: "critical_factor_user_months", date: "due_month", length: 7, byUser: true },
] as const;
type Grain = (typeof GRAINS)[number];

const columns = (g: Grain) => [
  ...(g.byUser ? ["responsible_id"] : []),
  g.date,
  "sector_id",
  "area",
  "type_id",
  "category_set",
];

const into = (g: Grain) => sql.raw(`insert into ${g.table} (${columns(g).join(", ")}, n)`);
const upsert = (g: Grain) =>
  sql.raw(`on conflict (${columns(g).join(", ")}) do update set n = ${g.table}.n + excluded.n`);

async function postgresLockOrder(db: MigrationDb): Promise<void> {
  // o_ = the row before the update, n_ = after; r = the responsible user (0: none), s = sector,
  // a = area, ty = type, cs = category set. The count row with the smaller key is written first.
  const moveKey = (g: Grain, p: "o" | "n") =>
    `${g.byUser ? `${p}_r, ` : ""}substr(${p}_due, 1, ${g.length}), ${p}_s, ${p}_a, ${p}_ty, ${p}_cs`;
  const orderedMoves = GRAINS.map((g) => {
    const bump = (p: "o" | "n", delta: string) =>
      sql`${into(g)} values (${sql.raw(moveKey(g, p))}, ${sql.raw(delta)}) ${upsert(g)};`;
    return sql`if row(${sql.raw(moveKey(g, "o"))}) <= row(${sql.raw(moveKey(g, "n"))}) then ${bump("o", "-1")} ${bump("n", "1")}
      else ${bump("n", "1")} ${bump("o", "-1")} end if;`;
  });
  await sql`create or replace function critical_counts_move(o_r integer, o_s integer, o_a text, o_ty integer, o_cs text, o_due text,
      n_r integer, n_s integer, n_a text, n_ty integer, n_cs text, n_due text)
    returns void language plpgsql as $$ begin ${sql.join(orderedMoves, sql` `)} end $$`.execute(db);
  // The ticket trigger of 0008-watchers-critical, with the open → open case sent to the ordered move
  // (the trigger itself points at this function by name and stays).
  await sql`create or replace function critical_counts_ticket() returns trigger language plpgsql as $$
    begin
      if tg_op = 'UPDATE' and old.status = 'open' and new.status = 'open' then
        perform critical_counts_move(coalesce(old.responsible_user_id, 0), old.sector_id, old.area, old.type_id,
          critical_counts_set_of(old.person_id), old.due_at,
          coalesce(new.responsible_user_id, 0), new.sector_id, new.area, new.type_id,
          critical_counts_set_of(new.person_id), new.due_at);
        return null;
      end if;
      if tg_op in ('UPDATE', 'DELETE') then
        if old.status = 'open' then
          perform critical_counts_bump(coalesce(old.responsible_user_id, 0), old.sector_id, old.area, old.type_id,
            critical_counts_set_of(old.person_id), old.due_at, -1);
        end if;
      end if;
      if tg_op in ('INSERT', 'UPDATE') then
        if new.status = 'open' then
          perform critical_counts_bump(coalesce(new.responsible_user_id, 0), new.sector_id, new.area, new.type_id,
            critical_counts_set_of(new.person_id), new.due_at, 1);
        end if;
      end if;
      return null;
    end $$`.execute(db);
}
