import {
  type AuditAction,
  EVENTS_TOPIC,
  type EventArea,
  type EventRefs,
  type EventType,
} from "../../../shared/journal.ts";
import type { AppContext } from "../../context.ts";
import type { Executor, Trx } from "../../db/types.ts";
import { type Actor, currentActor, journalEnabled } from "./actor.ts";
import { auditHash, diffFields, type Fields, shardOf } from "./journal.hash.ts";
import * as repo from "./journal.repository.ts";

/**
 * The change journal's writing side (issues 14 and 17). A service opens its transaction with
 * `inTransaction(ctx, trx => …)` instead of `ctx.db.transaction().execute(…)` and calls
 * `recordChange(trx, ctx, change)` for what it changed. The change is held with the transaction
 * and written at its end, still inside it: one audit row (who, from where, what, the fields
 * before and after, chained by hash) and the domain events. A refused request throws, the
 * transaction rolls back, and nothing of it is written. After the commit every server's event
 * streams are woken through the bus (`EVENTS_TOPIC`, payload `{upTo: id}`); a stream also polls
 * domain_events, since writers without a bus (the command line) wake nobody.
 *
 * Writing everything at the end keeps the chain heads locked only from there to the commit, and
 * after every row lock the change itself took, so the head locks never take part in a deadlock.
 * On PostgreSQL event ids are handed out at that same moment, right before the commit: a reader
 * of "events after N" can still see N+1 commit before N (concurrent transactions), so it must
 * read up to a moment ago and look again (the SSE side's concern; the ids stay in commit order
 * per person as long as one person's changes serialize on its rows, which they do).
 */

export type PersonRef = { id: number; code: number };

export type EventSpec = {
  type: EventType;
  area: EventArea;
  refs?: EventRefs;
  /** Default: the change's person; null for an event about no person in particular. */
  person?: PersonRef | null;
};

export type Change = {
  /** What was changed, in the singular: person, address, ticket, ticket_note, user, category… */
  entity: string;
  /** Its id ("1" for the one-row settings); null only when there is none. */
  id: number | string | null;
  action: AuditAction;
  /** The person it belongs to, when it does (for the person's history and the events). */
  person?: PersonRef | null;
  /** The fields before and after (API names, plain values); secrets are redacted in the diff. */
  before?: Fields | null;
  after?: Fields | null;
  /**
   * Written even when no field differs (a new password, whose values are never seen; a retry).
   * Otherwise a change that is not a create or a delete and whose fields are all the same (an
   * unlock of what was not locked, a save with the stored values) writes nothing: no row, no event.
   */
  always?: boolean;
  events?: EventSpec[];
};

type Pending = {
  audits: repo.AuditRow[];
  events: repo.EventRow[];
  after: (() => void | Promise<void>)[];
};

const open = new WeakMap<object, Pending>();

function pendingOf(trx: Executor): Pending {
  const pending = open.get(trx);
  if (!pending) {
    // A change recorded where it would never be written is a bug to find at once, not a lost row.
    throw new Error("journal: recordChange needs a transaction opened with inTransaction(ctx, …)");
  }
  return pending;
}

/**
 * The caller's transaction, with the journal: what `fn` records is written before the commit;
 * what it schedules with `afterCommit` runs after it (and never when it rolls back).
 */
export async function inTransaction<T>(ctx: AppContext, fn: (trx: Trx) => Promise<T>): Promise<T> {
  let pending: Pending | undefined;
  let lastEventId = 0;
  const result = await ctx.db.transaction().execute(async (trx) => {
    pending = { audits: [], events: [], after: [] };
    open.set(trx, pending);
    const value = await fn(trx);
    lastEventId = await flush(ctx, trx, pending);
    return value;
  });
  if (lastEventId > 0) {
    // A wake-up, not the event: a stream that misses it finds the event at its next poll.
    ctx.bus.publish(EVENTS_TOPIC, { upTo: lastEventId }).catch(() => {});
  }
  for (const action of pending?.after ?? []) await action();
  return result;
}

/** Runs `action` once the transaction of `trx` has committed. */
export function afterCommit(trx: Executor, action: () => void | Promise<void>): void {
  pendingOf(trx).after.push(action);
}

const refsJson = (refs: EventRefs | undefined) => (refs ? JSON.stringify(refs) : "{}");

function eventRow(at: string, actor: Actor, spec: EventSpec, person: PersonRef | null | undefined): repo.EventRow {
  const who = spec.person === undefined ? (person ?? null) : spec.person;
  return {
    at,
    type: spec.type,
    actor_kind: actor.kind,
    actor_user_id: actor.userId,
    person_id: who?.id ?? null,
    person_code: who?.code ?? null,
    area: spec.area,
    refs: refsJson(spec.refs),
  };
}

/**
 * Records one change in the caller's transaction (opened with `inTransaction`): its audit row and
 * its events. Returns false when nothing was recorded (an update that changed no field).
 */
export function recordChange(trx: Executor, ctx: AppContext, change: Change): boolean {
  if (!journalEnabled()) return false;
  const pending = pendingOf(trx);
  const diff = diffFields(change.before, change.after);
  const made = change.action === "create" || change.action === "delete";
  if (!made && !change.always && Object.keys(diff).length === 0) return false;
  const actor = currentActor();
  const at = ctx.now().toISOString();
  const entityId = change.id === null ? null : String(change.id);
  pending.audits.push({
    at,
    shard: shardOf(change.entity, entityId),
    seq: 0,
    actor_kind: actor.kind,
    user_id: actor.userId,
    token_id: actor.tokenId,
    import_run_id: actor.importRunId,
    ip: actor.ip,
    user_agent: actor.userAgent,
    entity: change.entity,
    entity_id: entityId,
    person_id: change.person?.id ?? null,
    person_code: change.person?.code ?? null,
    action: change.action,
    changes: JSON.stringify(diff),
    prev_hash: "",
    hash: "",
  });
  for (const spec of change.events ?? []) pending.events.push(eventRow(at, actor, spec, change.person));
  return true;
}

/** Many changes at once (an import batch): the same as recordChange for each. */
export function recordChanges(trx: Executor, ctx: AppContext, changes: Change[]): number {
  let recorded = 0;
  for (const change of changes) if (recordChange(trx, ctx, change)) recorded += 1;
  return recorded;
}

/** Domain events with no audit row of their own (an import batch's summary events). */
export function recordEvents(trx: Executor, ctx: AppContext, events: EventSpec[]): void {
  if (!journalEnabled() || !events.length) return;
  const pending = pendingOf(trx);
  const actor = currentActor();
  const at = ctx.now().toISOString();
  for (const spec of events) pending.events.push(eventRow(at, actor, spec, null));
}

/** The person's code when a service knows only its id. */
export async function personRef(db: Executor, personId: number): Promise<PersonRef | null> {
  const code = await repo.personCodeOf(db, personId);
  return code === null ? null : { id: personId, code };
}

/** Chains the held audit rows to their shards' heads and writes them with the events. */
async function flush(ctx: AppContext, trx: Trx, pending: Pending): Promise<number> {
  const { audits, events } = pending;
  if (audits.length) {
    const shards = [...new Set(audits.map((a) => a.shard))].sort((a, b) => a - b);
    const heads = await repo.lockHeads(ctx, trx, shards);
    for (const row of audits) {
      const head = heads.get(row.shard) as repo.Head;
      row.seq = head.seq + 1;
      row.prev_hash = head.hash;
      row.hash = auditHash(row);
      head.seq = row.seq;
      head.hash = row.hash;
    }
    await repo.insertAuditRows(ctx, trx, audits);
    await repo.saveHeads(ctx, trx, heads);
  }
  return events.length ? repo.insertEvents(ctx, trx, events) : 0;
}
