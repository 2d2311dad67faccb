import type { PersonWatchers, WatchDelivery, WatchPreferences } from "../../../shared/watchers.schemas.ts";
import type { AppContext, AuthUser } from "../../context.ts";
import type { Executor } from "../../db/types.ts";
import { visiblePerson } from "../access/access.service.ts";
import { type Change, inTransaction, recordChange } from "../audit/journal.ts";
import * as repo from "./watchers.repository.ts";

/**
 * Spy System: any user who may see a person may watch it, see who watches it and stop watching
 * (DESIGN.md); a person the user may not see answers 404 here like everywhere else.
 */

async function watchersOf(db: Executor, personId: number, me: number): Promise<PersonWatchers> {
  const rows = await repo.listWatchers(db, personId);
  const items = rows.map((r) => ({ user: { id: r.user_id, name: r.name }, me: r.user_id === me, since: r.created_at }));
  return { items, watching: items.some((w) => w.me), count: items.length };
}

export async function listPersonWatchers(ctx: AppContext, user: AuthUser, code: number): Promise<PersonWatchers> {
  const { row } = await visiblePerson(ctx, user, code);
  return watchersOf(ctx.db, row.id, user.id);
}

/** A watch started or ended: on the person's history, and an event for whoever has the person open. */
const watchChange = (person: { id: number; code: number }, userId: number, added: boolean): Change => ({
  entity: "watcher",
  id: `${person.id}:${userId}`,
  action: added ? "create" : "delete",
  person: { id: person.id, code: person.code },
  ...(added ? { after: { userId } } : { before: { userId } }),
  events: [{ type: added ? "watcher.added" : "watcher.removed", area: "person", refs: { userId } }],
});

/** Starts watching (idempotent: watching twice is watching, and is journaled once). */
export async function watchPerson(ctx: AppContext, user: AuthUser, code: number): Promise<PersonWatchers> {
  return inTransaction(ctx, async (trx) => {
    const { row } = await visiblePerson(ctx, user, code, trx);
    if (await repo.addWatcher(trx, row.id, user.id, ctx.now().toISOString())) {
      recordChange(trx, ctx, watchChange(row, user.id, true));
    }
    return watchersOf(trx, row.id, user.id);
  });
}

/** Stops watching (idempotent). */
export async function unwatchPerson(ctx: AppContext, user: AuthUser, code: number): Promise<PersonWatchers> {
  return inTransaction(ctx, async (trx) => {
    const { row } = await visiblePerson(ctx, user, code, trx);
    if (await repo.removeWatcher(trx, row.id, user.id)) recordChange(trx, ctx, watchChange(row, user.id, false));
    return watchersOf(trx, row.id, user.id);
  });
}

export async function getWatchPreferences(ctx: AppContext, user: AuthUser): Promise<WatchPreferences> {
  return { delivery: await repo.deliveryOf(ctx.db, user.id) };
}

export async function setWatchPreferences(
  ctx: AppContext,
  user: AuthUser,
  delivery: WatchDelivery,
): Promise<WatchPreferences> {
  await inTransaction(ctx, async (trx) => {
    const before = await repo.deliveryOf(trx, user.id);
    await repo.setDelivery(trx, user.id, delivery, ctx.now().toISOString());
    recordChange(trx, ctx, {
      entity: "watch_preferences",
      id: user.id,
      action: "update",
      before: { delivery: before },
      after: { delivery },
    });
  });
  return { delivery };
}
