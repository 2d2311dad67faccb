import type { Tab } from "../../../shared/access.schemas.ts";
import { EVENTS_TOPIC, type EventArea, type EventType } from "../../../shared/journal.ts";
import type { LiveChange } from "../../../shared/live.schemas.ts";
import type { AppContext, AuthUser } from "../../context.ts";
import { canSeePerson, loadAccess, tabLevel, type UserAccess } from "../access/access.service.ts";
import { AUTH_TOPIC } from "../auth/auth.cache.ts";
import { apiTokenUser, sessionUserQuiet } from "../auth/auth.service.ts";
import * as repo from "./live.repository.ts";

/**
 * The live screens (issue 14): one Server-Sent Events stream per browser tab, fed from
 * domain_events. A stream keeps a cursor (the last id it delivered or passed) and reads "events
 * after the cursor" whenever it is woken: by the bus after a commit on any server (EVENTS_TOPIC),
 * by this server's poll of the newest id (writers without a bus, the command line, wake nobody),
 * and by its heartbeat. Visibility is decided at delivery, for each event, with the user's grants
 * of that moment (cached, exact); an auth change on the bus (a logout, a revoked grant) makes
 * every stream look again, and a stream whose session is gone ends.
 *
 * PostgreSQL hands out event ids right before each commit, so N+1 can be visible before N: a
 * hole in the ids is waited for (`holeWaitMs`) before the stream passes it (a rolled-back
 * transaction leaves one for good). So a resumed stream gets exactly the missed events, in order.
 */

export const LIVE_LIMITS = {
  heartbeatMs: 15_000,
  pollMs: 2_000,
  holeWaitMs: 1_500,
  /** More missed events than this, and a resumed stream is told to refetch everything. */
  maxBacklog: 1_000,
  /** A resume whose first missed event is older than this is a reset too. */
  maxGapMs: 24 * 60 * 60 * 1000,
  batch: 200,
};

export type Credentials = { via: "session"; secret: string } | { via: "token"; token: string };

/** Where a stream writes (the raw HTTP response, in the route). */
export type LiveSink = { write: (chunk: string) => void; end: () => void };

type Stream = { wake: () => void; close: () => void; cursor: () => number };

export type LiveHub = {
  readonly size: number;
  /** Ends every stream (the server is closing) and leaves the bus. */
  close: () => void;
  add: (stream: Stream) => () => void;
};

/** The hubs on each bus (the servers of one database in this process share it on SQLite). */
const hubs = new WeakMap<object, Set<LiveHub>>();

/** How many streams the servers on this context's bus have open (a disconnect must leave none). */
export const openStreams = (ctx: AppContext): number =>
  [...(hubs.get(ctx.bus) ?? [])].reduce((sum, hub) => sum + hub.size, 0);

/** One per server: the bus subscriptions and the poll, shared by every open stream. */
export function createLiveHub(ctx: AppContext, limits = LIVE_LIMITS): LiveHub {
  const streams = new Set<Stream>();
  const wakeAll = () => {
    for (const s of streams) s.wake();
  };
  const offs = [
    ctx.bus.subscribe(EVENTS_TOPIC, wakeAll),
    ctx.bus.subscribe(AUTH_TOPIC, wakeAll),
    ctx.bus.onGap(wakeAll),
  ];
  let poll: NodeJS.Timeout | null = null;
  let polling = false;
  const tick = async () => {
    if (polling) return;
    polling = true;
    try {
      const newest = await repo.newestEventId(ctx.db);
      for (const s of streams) if (newest > s.cursor()) s.wake();
    } catch {
      // The next tick tries again; a stream reading meanwhile sees the same error and ends.
    } finally {
      polling = false;
    }
  };
  const hub: LiveHub = {
    get size() {
      return streams.size;
    },
    add(stream) {
      streams.add(stream);
      if (!poll) {
        poll = setInterval(() => void tick(), limits.pollMs);
        poll.unref();
      }
      return () => {
        streams.delete(stream);
        if (!streams.size && poll) {
          clearInterval(poll);
          poll = null;
        }
      };
    },
    close() {
      for (const s of [...streams]) s.close();
      for (const off of offs) off();
      hubs.get(ctx.bus)?.delete(hub);
      if (poll) clearInterval(poll);
      poll = null;
    },
  };
  const onBus = hubs.get(ctx.bus) ?? new Set<LiveHub>();
  onBus.add(hub);
  hubs.set(ctx.bus, onBus);
  return hub;
}

const ONLY_DIGITS = /^\d{1,15}$/;

/** The id to resume after: the `Last-Event-ID` header, else `?lastEventId=`; "bad" when malformed. */
export function resumeIdOf(header: string | string[] | undefined, query: number | undefined): number | "bad" | null {
  const value = Array.isArray(header) ? header[0] : header;
  if (value !== undefined && value.trim() !== "") return ONLY_DIGITS.test(value.trim()) ? Number(value.trim()) : "bad";
  return query ?? null;
}

export type StreamStart = { cursor: number; reset: boolean };

/** Where a new stream starts: after the id it resumes from, or now; a reset when the gap is too old or too long. */
export async function startOf(
  ctx: AppContext,
  resume: number | "bad" | null,
  limits = LIVE_LIMITS,
): Promise<StreamStart> {
  const newest = await repo.newestEventId(ctx.db);
  if (resume === null) return { cursor: newest, reset: false };
  if (resume === "bad" || resume > newest) return { cursor: newest, reset: true };
  if (resume === newest) return { cursor: resume, reset: false };
  if (await repo.moreEventsThan(ctx.db, resume, limits.maxBacklog)) return { cursor: newest, reset: true };
  const [first] = await repo.eventsAfter(ctx.db, resume, 1);
  if (first && Date.parse(first.at) < ctx.now().getTime() - limits.maxGapMs) return { cursor: newest, reset: true };
  return { cursor: resume, reset: false };
}

const TABS_SET = new Set<string>([
  "addresses",
  "tickets",
  "production",
  "receivables",
  "currentAccount",
  "contracts",
  "related",
  "appointments",
]);

/** Whether this user may be told about this event now (shared/journal.ts EVENT_AREAS). */
export function visibleTo(
  user: AuthUser,
  access: UserAccess,
  row: repo.LiveEventRow,
  personCategories: number[] | undefined,
): boolean {
  if (row.area === "settings") return true;
  if (row.area === "admin" || user.isAdmin) return user.isAdmin;
  if (row.area === "person") return personCategories !== undefined && canSeePerson(access, personCategories);
  if (!TABS_SET.has(row.area)) return false;
  const tab = row.area as Tab;
  if (personCategories === undefined) {
    // An event of a tab about no person in particular (an import batch): whoever has the tab somewhere.
    return [...access.byCategory.values()].some((tabs) => tabs.has(tab));
  }
  return tabLevel(access, personCategories, tab) !== null;
}

/**
 * The ids of these events the user may be told about now: the stream's rule, for the other
 * receivers of the journal (webhooks act for a user and carry only what that user may see).
 */
export async function visibleEventIds(
  ctx: AppContext,
  user: AuthUser,
  rows: repo.LiveEventRow[],
): Promise<Set<number>> {
  const access = await loadAccess(ctx.db, user);
  const personIds = [...new Set(rows.flatMap((r) => (r.person_id === null ? [] : [r.person_id])))];
  const categories = user.isAdmin ? new Map<number, number[]>() : await repo.categoriesOfPersons(ctx.db, personIds);
  const visible = new Set<number>();
  for (const row of rows) {
    const cats = row.person_id === null ? undefined : (categories.get(row.person_id) ?? []);
    if (visibleTo(user, access, row, cats)) visible.add(Number(row.id));
  }
  return visible;
}

function refsOf(text: string): Record<string, number> {
  try {
    const parsed = JSON.parse(text) as unknown;
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return {};
    const out: Record<string, number> = {};
    for (const [k, v] of Object.entries(parsed)) if (typeof v === "number") out[k] = v;
    return out;
  } catch {
    return {};
  }
}

export function changeOf(row: repo.LiveEventRow): LiveChange {
  return {
    id: Number(row.id),
    type: row.type as EventType,
    at: row.at,
    personCode: row.person_code,
    area: row.area as EventArea,
    refs: refsOf(row.refs),
  };
}

const message = (event: string, id: number, data: object) =>
  `id: ${id}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

async function currentUser(ctx: AppContext, credentials: Credentials): Promise<AuthUser | null> {
  if (credentials.via === "session") return sessionUserQuiet(ctx, credentials.secret);
  return (await apiTokenUser(ctx, credentials.token))?.user ?? null;
}

/**
 * Runs one stream until the client leaves (`onClose` of the route), the session ends, or the
 * server closes. Returns the function that ends it from the outside (the client's disconnect).
 */
export function runStream(
  ctx: AppContext,
  hub: LiveHub,
  options: { credentials: Credentials; start: StreamStart; sink: LiveSink },
  limits = LIVE_LIMITS,
): () => void {
  const { credentials, sink } = options;
  let cursor = options.start.cursor;
  let closed = false;
  let busy = false;
  let again = false;
  let holeTimer: NodeJS.Timeout | null = null;
  /** Where each hole in the ids starts → when this stream first saw it. */
  const holes = new Map<number, number>();

  const close = () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    if (holeTimer) clearTimeout(holeTimer);
    remove();
    sink.end();
  };

  const step = async () => {
    const user = await currentUser(ctx, credentials);
    if (!user) return close();
    const rows = await repo.eventsAfter(ctx.db, cursor, limits.batch);
    const now = Date.now();
    const deliverable: repo.LiveEventRow[] = [];
    let expected = cursor + 1;
    let blocked = false;
    for (const row of rows) {
      const id = Number(row.id);
      if (id > expected) {
        const seen = holes.get(expected) ?? now;
        holes.set(expected, seen);
        if (now - seen < limits.holeWaitMs) blocked = true;
      }
      if (!blocked) deliverable.push(row);
      expected = id + 1;
    }
    if (blocked && !holeTimer) {
      holeTimer = setTimeout(() => {
        holeTimer = null;
        wake();
      }, limits.holeWaitMs);
      holeTimer.unref();
    }
    if (!deliverable.length) return;
    const access = await loadAccess(ctx.db, user);
    const personIds = [...new Set(deliverable.flatMap((r) => (r.person_id === null ? [] : [r.person_id])))];
    const categories = user.isAdmin ? new Map<number, number[]>() : await repo.categoriesOfPersons(ctx.db, personIds);
    let lastSent = cursor;
    for (const row of deliverable) {
      if (closed) return;
      const cats = row.person_id === null ? undefined : (categories.get(row.person_id) ?? []);
      if (visibleTo(user, access, row, cats)) {
        const change = changeOf(row);
        sink.write(message("change", change.id, change));
        lastSent = change.id;
      }
      cursor = Number(row.id);
    }
    // Past events this user may not see: move the client's Last-Event-ID on too (an id alone
    // dispatches nothing), so a reconnection does not read them again.
    if (lastSent !== cursor) sink.write(`id: ${cursor}\n\n`);
    for (const start of holes.keys()) if (start <= cursor) holes.delete(start);
    if (rows.length === limits.batch && !blocked) again = true;
  };

  const wake = () => {
    if (closed) return;
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    void (async () => {
      try {
        do {
          again = false;
          await step();
        } while (again && !closed);
      } catch {
        // A failed read ends the stream; the browser reconnects with its Last-Event-ID.
        close();
      } finally {
        busy = false;
      }
    })();
  };

  const heartbeat = setInterval(() => {
    if (closed) return;
    sink.write(": heartbeat\n\n");
    wake();
  }, limits.heartbeatMs);
  heartbeat.unref();
  const remove = hub.add({ wake, close, cursor: () => cursor });

  sink.write(`retry: 3000\n\n`);
  if (options.start.reset) sink.write(message("reset", cursor, { id: cursor }));
  else sink.write(message("ready", cursor, { id: cursor }));
  wake();
  return close;
}
