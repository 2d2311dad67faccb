import {
  type CreateTicketViewBody,
  queueFilter,
  type TicketView,
  type TicketViewsResponse,
  type UpdateTicketViewBody,
  VIEW_COUNT_CAP,
} from "../../../shared/ticket-queues.schemas.ts";
import type { TicketArea } from "../../../shared/tickets.schemas.ts";
import type { AppContext, AuthUser } from "../../context.ts";
import type { Executor } from "../../db/types.ts";
import { fail, fieldError } from "../../errors.ts";
import { inTransaction, recordChange } from "../audit/journal.ts";
import { checkQueueFilter, countQueue, type QueueClock, queueClock } from "./tickets.queue.service.ts";
import * as repo from "./tickets.views.repository.ts";

/**
 * Saved views of the ticket queues: a name and a filter, personal or shared with an access
 * profile (every user of it sees the view, and counts it with their own access). Only the owner,
 * or an administrator, changes or removes a view; anyone else gets 404, as for what they cannot see.
 * Each change is journaled (a shared view changes what a whole profile's users are shown).
 */

const viewNotFound = () => fail("not_found", "ticket_view_not_found");

/** The profiles a user may share with: their own (an administrator: every profile). */
async function shareableProfiles(db: Executor, user: AuthUser) {
  return user.isAdmin ? repo.allProfiles(db) : repo.profilesOfUser(db, user.id);
}

async function checkProfile(db: Executor, user: AuthUser, profileId: number | null | undefined): Promise<void> {
  if (profileId === null || profileId === undefined) return;
  const profiles = await shareableProfiles(db, user);
  if (!profiles.some((p) => p.id === profileId)) throw fieldError("sharedProfileId", "view_profile_not_yours");
}

async function toView(ctx: AppContext, user: AuthUser, row: repo.ViewRow, clock: QueueClock): Promise<TicketView> {
  // A view saved under an older filter shape still opens: what no longer parses is dropped.
  const parsed = queueFilter.safeParse(JSON.parse(row.filters));
  const filters = parsed.success ? parsed.data : queueFilter.parse({});
  const area = row.area as TicketArea;
  const counted = await countQueue(ctx, user, area, filters, VIEW_COUNT_CAP + 1, clock);
  return {
    id: row.id,
    name: row.name,
    area,
    filters,
    owner: { id: row.owner_id, name: row.owner_name },
    sharedProfile: row.shared_profile_id === null ? null : { id: row.shared_profile_id, name: row.profile_name ?? "" },
    mine: row.owner_id === user.id,
    count: Math.min(counted, VIEW_COUNT_CAP),
    countCapped: counted > VIEW_COUNT_CAP,
    version: row.version,
  };
}

/** The views of an area this user sees (own, and shared with one of their profiles), each with its count. */
export async function listViews(ctx: AppContext, user: AuthUser, area: TicketArea): Promise<TicketViewsResponse> {
  const mine = await repo.profilesOfUser(ctx.db, user.id);
  const rows = await repo.listViews(
    ctx.db,
    area,
    user.id,
    mine.map((p) => p.id),
  );
  const clock = await queueClock(ctx);
  const items: TicketView[] = [];
  for (const row of rows) items.push(await toView(ctx, user, row, clock));
  return { items, profiles: await shareableProfiles(ctx.db, user) };
}

/**
 * Every check runs before the write: the view answered is counted through the queue, and a filter
 * the queue refuses must be refused before it is stored, not after (a 400 changes nothing).
 */
export async function createView(ctx: AppContext, user: AuthUser, body: CreateTicketViewBody): Promise<TicketView> {
  checkQueueFilter(body.filters);
  await checkProfile(ctx.db, user, body.sharedProfileId);
  const at = ctx.now().toISOString();
  const values = {
    name: body.name,
    area: body.area,
    filters: JSON.stringify(body.filters),
    shared_profile_id: body.sharedProfileId,
  };
  const id = await inTransaction(ctx, async (trx) => {
    const id = await repo.insertView(trx, { ...values, owner_id: user.id, created_at: at, updated_at: at });
    recordChange(trx, ctx, { entity: "ticket_view", id, action: "create", after: viewFields(values) });
    return id;
  });
  return toView(ctx, user, (await repo.findView(ctx.db, id)) as repo.ViewRow, await queueClock(ctx));
}

/** What the journal keeps of a view: what it shows and to whom. */
const viewFields = (v: { name: string; area: string; filters: string; shared_profile_id: number | null }) => ({
  name: v.name,
  area: v.area,
  filters: JSON.parse(v.filters) as unknown,
  sharedProfileId: v.shared_profile_id,
});

/** A view this user may change: their own, or any for an administrator. */
async function ownView(ctx: AppContext, user: AuthUser, id: number): Promise<repo.ViewRow> {
  const row = await repo.findView(ctx.db, id);
  if (!row || (row.owner_id !== user.id && !user.isAdmin)) throw viewNotFound();
  return row;
}

export async function updateView(
  ctx: AppContext,
  user: AuthUser,
  id: number,
  body: UpdateTicketViewBody,
): Promise<TicketView> {
  const row = await ownView(ctx, user, id);
  if (row.version !== body.version)
    throw fail("stale_version", "ticket_view_changed", undefined, { currentVersion: row.version });
  if (body.filters !== undefined) checkQueueFilter(body.filters);
  await checkProfile(ctx.db, user, body.sharedProfileId);
  const change = {
    ...(body.name !== undefined ? { name: body.name } : {}),
    ...(body.filters !== undefined ? { filters: JSON.stringify(body.filters) } : {}),
    ...(body.sharedProfileId !== undefined ? { shared_profile_id: body.sharedProfileId } : {}),
  };
  const updated = await inTransaction(ctx, async (trx) => {
    const done = await repo.updateView(trx, id, row.version, { ...change, updated_at: ctx.now().toISOString() });
    if (done)
      recordChange(trx, ctx, {
        entity: "ticket_view",
        id,
        action: "update",
        before: viewFields(row),
        after: viewFields({ ...row, ...change }),
      });
    return done;
  });
  if (!updated) {
    const current = await repo.findView(ctx.db, id);
    if (!current) throw viewNotFound();
    throw fail("stale_version", "ticket_view_changed", undefined, { currentVersion: current.version });
  }
  return toView(ctx, user, (await repo.findView(ctx.db, id)) as repo.ViewRow, await queueClock(ctx));
}

export async function deleteView(ctx: AppContext, user: AuthUser, id: number): Promise<void> {
  const row = await ownView(ctx, user, id);
  await inTransaction(ctx, async (trx) => {
    await repo.deleteView(trx, id);
    recordChange(trx, ctx, { entity: "ticket_view", id, action: "delete", before: viewFields(row) });
  });
}
