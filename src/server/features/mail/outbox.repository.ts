import type { Insertable, Selectable } from "kysely";
import type { Dialect, Executor, MailOutboxTable } from "../../db/types.ts";

export type OutboxRow = Selectable<MailOutboxTable>;
export type OutboxStatus = "queued" | "sending" | "sent" | "failed";

/** A new message, written in the caller's transaction; its id. */
export async function insertMail(db: Executor, values: Insertable<MailOutboxTable>): Promise<number> {
  const { id } = await db.insertInto("mail_outbox").values(values).returning("id").executeTakeFirstOrThrow();
  return Number(id);
}

/**
 * Claims up to `limit` messages that are due — queued with their next attempt reached, or
 * 'sending' under a claim older than `staleBefore` (the worker that held it died mid-send) —
 * in one statement, counting the attempt. On PostgreSQL the rows are picked FOR UPDATE SKIP
 * LOCKED, so servers sharing the database never claim the same row; SQLite has one writer at a
 * time, and its single UPDATE is the whole claim.
 */
export async function claimDue(
  db: Executor,
  dialect: Dialect,
  at: string,
  staleBefore: string,
  limit: number,
): Promise<OutboxRow[]> {
  const due = db
    .selectFrom("mail_outbox")
    .select("id")
    .where((eb) =>
      eb.or([
        eb.and([eb("status", "=", "queued"), eb("next_attempt_at", "<=", at)]),
        eb.and([eb("status", "=", "sending"), eb("claimed_at", "<", staleBefore)]),
      ]),
    )
    .orderBy("next_attempt_at")
    .orderBy("id")
    .limit(limit);
  const pick = dialect === "postgres" ? due.forUpdate().skipLocked() : due;
  const rows = await db
    .updateTable("mail_outbox")
    .set((eb) => ({
      status: "sending",
      claimed_at: at,
      attempts: eb("attempts", "+", 1),
      updated_at: at,
    }))
    .where("id", "in", pick)
    .returningAll()
    .execute();
  return rows.sort((a, b) => a.id - b.id);
}

/** Only the claim that sent it may settle it: a row re-claimed since then has a higher attempt count. */
function settle(db: Executor, row: OutboxRow) {
  return db
    .updateTable("mail_outbox")
    .where("id", "=", row.id)
    .where("status", "=", "sending")
    .where("attempts", "=", row.attempts);
}

/** Whether this claim settled it (false: another worker has re-claimed it since). */
export async function markSent(db: Executor, row: OutboxRow, at: string): Promise<boolean> {
  const result = await settle(db, row)
    .set((eb) => ({
      status: "sent",
      sent_at: at,
      claimed_at: null,
      last_error: null,
      updated_at: at,
      version: eb("version", "+", 1),
    }))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function markRetry(db: Executor, row: OutboxRow, nextAt: string, error: string, at: string) {
  await settle(db, row)
    .set((eb) => ({
      status: "queued",
      next_attempt_at: nextAt,
      claimed_at: null,
      last_error: error,
      updated_at: at,
      version: eb("version", "+", 1),
    }))
    .execute();
}

export async function markFailed(db: Executor, row: OutboxRow, error: string, at: string): Promise<boolean> {
  const result = await settle(db, row)
    .set((eb) => ({
      status: "failed",
      claimed_at: null,
      last_error: error,
      updated_at: at,
      version: eb("version", "+", 1),
    }))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A failed message goes back to the queue with a fresh set of attempts; false when it is not failed. */
export async function requeueFailed(db: Executor, id: number, at: string): Promise<boolean> {
  const result = await db
    .updateTable("mail_outbox")
    .set((eb) => ({
      status: "queued",
      attempts: 0,
      next_attempt_at: at,
      updated_at: at,
      version: eb("version", "+", 1),
    }))
    .where("id", "=", id)
    .where("status", "=", "failed")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export type ListedMail = OutboxRow & {
  created_by_name: string | null;
  person_code: number | null;
  person_name: string | null;
};

/** Newest first, keyset on id (ids only grow, so "newest" is the highest id). */
export async function listMail(
  db: Executor,
  filter: { personId?: number; statuses?: OutboxStatus[]; id?: number },
  beforeId: number | undefined,
  limit: number,
): Promise<ListedMail[]> {
  let q = db
    .selectFrom("mail_outbox as m")
    .leftJoin("users as u", "u.id", "m.created_by")
    .leftJoin("persons as p", "p.id", "m.person_id")
    .selectAll("m")
    .select(["u.name as created_by_name", "p.code as person_code", "p.name as person_name"]);
  if (filter.id !== undefined) q = q.where("m.id", "=", filter.id);
  if (filter.personId !== undefined) q = q.where("m.person_id", "=", filter.personId).where("m.kind", "=", "person");
  if (filter.statuses?.length) q = q.where("m.status", "in", filter.statuses);
  if (beforeId !== undefined) q = q.where("m.id", "<", beforeId);
  return q.orderBy("m.id", "desc").limit(limit).execute();
}
