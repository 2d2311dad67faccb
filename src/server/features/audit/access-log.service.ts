import type { AccessKind } from "../../../shared/journal.ts";
import type { AppContext } from "../../context.ts";
import type { DbHandle } from "../../db/create-db.ts";
import type { Db, Executor } from "../../db/types.ts";
import { type AccessRow, insertAccessRows } from "./access-log.repository.ts";
import { currentActor } from "./actor.ts";

/**
 * The access log (Marco Civil da Internet, art. 15: application access records, kept six months
 * by default): who came in, from where, and what they looked at.
 *
 * - `recordAccess`: written before the request answers (logins, failed logins, logouts, exports,
 *   dossiers): rare, and each one matters.
 * - `noteAccess`: the frequent ones (a person's screen read, an API token used), at most one row
 *   per (kind, user, token, person, minute): this server remembers what it wrote this minute and
 *   drops the repeats without a query; across servers the row's dedupe_key (unique) keeps one.
 *   They are written in the background, a batch at most every second, so a read never waits on a
 *   write; closing the app (and `flushAccessLog`) writes what is held. A crash loses at most the
 *   last second of views; the audit log, written in the change's transaction, loses nothing.
 */
export type AccessEntry = {
  kind: AccessKind;
  /** Default: the acting user (and token) of the request. */
  userId?: number | null;
  tokenId?: number | null;
  personId?: number | null;
  detail?: string | null;
};

const FLUSH_MS = 1000;
const BATCH = 500;
/** What is held while the database refuses the writes; older views go first beyond it. */
const MAX_HELD = 20_000;
const MAX_REMEMBERED = 50_000;

type Warn = (obj: object, msg: string) => void;

type Buffer = {
  db: Db;
  rows: AccessRow[];
  timer: NodeJS.Timeout | null;
  flushing: Promise<void> | null;
  minute: string;
  seen: Set<string>;
  warn: Warn;
};

const buffers = new WeakMap<DbHandle, Buffer>();

function bufferOf(ctx: AppContext): Buffer {
  let buffer = buffers.get(ctx.handle);
  if (!buffer) {
    buffer = { db: ctx.db, rows: [], timer: null, flushing: null, minute: "", seen: new Set(), warn: () => {} };
    buffers.set(ctx.handle, buffer);
  }
  return buffer;
}

/** Where a failed background write is told (the app's logger, set by plugins/actor.ts). */
export function setAccessLogWarn(ctx: AppContext, warn: Warn): void {
  bufferOf(ctx).warn = warn;
}

function rowOf(ctx: AppContext, entry: AccessEntry, dedupe: boolean): AccessRow {
  const actor = currentActor();
  const at = ctx.now().toISOString();
  const userId = entry.userId !== undefined ? entry.userId : actor.userId;
  const tokenId = entry.tokenId !== undefined ? entry.tokenId : actor.tokenId;
  const personId = entry.personId ?? null;
  return {
    at,
    kind: entry.kind,
    user_id: userId,
    token_id: tokenId,
    person_id: personId,
    ip: actor.ip,
    user_agent: actor.userAgent,
    detail: entry.detail ?? null,
    dedupe_key: dedupe ? `${entry.kind}:${userId ?? ""}:${tokenId ?? ""}:${personId ?? ""}:${at.slice(0, 16)}` : null,
  };
}

/** Writes one access now, in `db` (a transaction of the caller's, or the database). */
export async function recordAccess(ctx: AppContext, entry: AccessEntry, db: Executor = ctx.db): Promise<void> {
  await insertAccessRows(db, [rowOf(ctx, entry, false)]);
}

/** Notes a frequent access: once per actor, person and minute; written within a second. */
export function noteAccess(ctx: AppContext, entry: AccessEntry): void {
  const buffer = bufferOf(ctx);
  const row = rowOf(ctx, entry, true);
  const key = row.dedupe_key as string;
  const minute = row.at.slice(0, 16);
  if (minute !== buffer.minute || buffer.seen.size >= MAX_REMEMBERED) {
    buffer.minute = minute;
    buffer.seen.clear();
  }
  if (buffer.seen.has(key)) return;
  buffer.seen.add(key);
  buffer.rows.push(row);
  if (buffer.rows.length > MAX_HELD) buffer.rows.splice(0, buffer.rows.length - MAX_HELD);
  if (buffer.rows.length >= BATCH) void flushAccessLog(ctx);
  else if (!buffer.timer) {
    buffer.timer = setTimeout(() => void flushAccessLog(ctx), FLUSH_MS);
    buffer.timer.unref();
  }
}

/** Writes every noted access held in memory (tests, and the app as it closes). */
export async function flushAccessLog(ctx: AppContext): Promise<void> {
  const buffer = buffers.get(ctx.handle);
  if (!buffer) return;
  if (buffer.timer) {
    clearTimeout(buffer.timer);
    buffer.timer = null;
  }
  if (buffer.flushing) await buffer.flushing;
  while (buffer.rows.length) {
    const rows = buffer.rows.splice(0, BATCH);
    const writing = insertAccessRows(buffer.db, rows).catch((err: unknown) => {
      // Kept for the next flush: the database may be back by then.
      buffer.rows.unshift(...rows);
      buffer.warn({ err, rows: rows.length }, "access log: write failed, kept for the next try");
      throw err;
    });
    buffer.flushing = writing.then(
      () => {},
      () => {},
    );
    try {
      await writing;
    } catch {
      if (!buffer.timer) {
        buffer.timer = setTimeout(() => void flushAccessLog(ctx), FLUSH_MS * 5);
        buffer.timer.unref();
      }
      return;
    } finally {
      buffer.flushing = null;
    }
  }
}
