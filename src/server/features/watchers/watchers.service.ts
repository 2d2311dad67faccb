import type { PersonWatchers, WatchDelivery, WatchPreferences } from "../../../shared/watchers.schemas.ts";
import type { AppContext, AuthUser } from "../../context.ts";
import type { Executor } from "../../db/types.ts";
import { visiblePerson } from "../persons/persons.service.ts";
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

/** Starts watching (idempotent: watching twice is watching). */
export async function watchPerson(ctx: AppContext, user: AuthUser, code: number): Promise<PersonWatchers> {
  return ctx.db.transaction().execute(async (trx) => {
    const { row } = await visiblePerson(ctx, user, code, trx);
    await repo.addWatcher(trx, row.id, user.id, ctx.now().toISOString());
    return watchersOf(trx, row.id, user.id);
  });
}

/** Stops watching (idempotent). */
export async function unwatchPerson(ctx: AppContext, user: AuthUser, code: number): Promise<PersonWatchers> {
  return ctx.db.transaction().execute(async (trx) => {
    const { row } = await visiblePerson(ctx, user, code, trx);
    await repo.removeWatcher(trx, row.id, user.id);
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
  await repo.setDelivery(ctx.db, user.id, delivery, ctx.now().toISOString());
  return { delivery };
}
