import type { KyselyPlugin } from "kysely";
import { sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../app.ts";
import type { AppContext } from "../../context.ts";
import { type ChangeBus, Handlers } from "../../events/bus.ts";
import { channelOf } from "../../events/create-bus.ts";
import { categoryIds, makePerson, userWithGrants } from "../../test/factories.ts";
import { queryRecorder, type RecordedQuery } from "../../test/query-hooks.ts";
import { buildTestApp, TEST_ORIGIN, type TestApp, type TestUser, testDialect } from "../../test/test-app.ts";
import { loadAccess } from "../access/access.service.ts";
import { attachAuthCache, createAuthCache } from "./auth.cache.ts";
import { userFromSession } from "./auth.service.ts";
import { sha256 } from "./tokens.ts";

const AUTH_TABLES = ["sessions", "api_tokens", "user_access_profiles", "access_grants"];
const authQueries = (queries: RecordedQuery[]) =>
  queries.filter((q) => q.tables.some((table) => AUTH_TABLES.includes(table)));
const secretOf = (user: { cookie: string }) => user.cookie.slice(user.cookie.indexOf("=") + 1);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Holds the first select of `table` after the database answered it, until released. */
function pauseAfterRead(table: string) {
  let release: () => void = () => {};
  let reached: () => void = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const arrived = new Promise<void>((resolve) => {
    reached = resolve;
  });
  const held = new WeakSet<object>();
  let armed = true;
  const plugin: KyselyPlugin = {
    transformQuery(args) {
      const tables = JSON.stringify(args.node);
      if (armed && args.node.kind === "SelectQueryNode" && tables.includes(`"name":"${table}"`)) {
        armed = false;
        held.add(args.queryId);
      }
      return args.node;
    },
    async transformResult(args) {
      if (held.has(args.queryId)) {
        reached();
        await released;
      }
      return args.result;
    },
  };
  return { plugin, arrived, release };
}

describe("auth cache: a read that an invalidation overtook is never cached", () => {
  let t: TestApp;
  let admin: TestUser;
  beforeAll(async () => {
    t = await buildTestApp();
    admin = await t.user({ isAdmin: true });
  });
  afterAll(() => t.close());

  const userRow = async (id: number) =>
    (await t.as(admin, { method: "GET", url: "/api/users" })).json().items.find((u: { id: number }) => u.id === id);

  /** The other server's context, with its database reads paused at `table` (its own connections). */
  async function pausedServer(table: string) {
    const other = await t.reopen();
    const pause = pauseAfterRead(table);
    const db = other.ctx.handle.db.withPlugin(pause.plugin);
    attachAuthCache(db, other.ctx.authCache);
    const ctx: AppContext = { ...other.ctx, db };
    return { ctx, cache: other.ctx.authCache, ...pause };
  }

  it("a session read before a user edit is answered but not cached; without the edit it is", async () => {
    const ivo = await t.user({ name: "Ivo Antes" });
    const paused = await pausedServer("sessions");
    const lookup = userFromSession(paused.ctx, secretOf(ivo));
    await paused.arrived;
    const row = await userRow(ivo.id);
    const edit = await t.as(admin, {
      method: "PATCH",
      url: `/api/users/${ivo.id}`,
      payload: { name: "Ivo Depois", version: row.version },
    });
    expect(edit.statusCode).toBe(200);
    paused.release();
    // The request in flight answers what it read (it began before the change)…
    expect((await lookup)?.name).toBe("Ivo Antes");
    // …but leaves nothing stale behind: the next lookup reads the new name.
    expect(paused.cache.sessions.get(sha256(secretOf(ivo)))).toBeUndefined();
    expect((await userFromSession(paused.ctx, secretOf(ivo)))?.name).toBe("Ivo Depois");

    // The control: the same paused read with no change in between is cached.
    const jon = await t.user();
    const control = await pausedServer("sessions");
    const controlLookup = userFromSession(control.ctx, secretOf(jon));
    await control.arrived;
    control.release();
    expect((await controlLookup)?.id).toBe(jon.id);
    expect(control.cache.sessions.get(sha256(secretOf(jon)))?.user.id).toBe(jon.id);
  });

  it("grants read before a profile edit are not cached", async () => {
    const cat = await categoryIds(t.ctx);
    const kim = await userWithGrants(t, [{ categoryId: cat.Cliente, tab: "addresses", level: "read" }]);
    const [profileId] = (await userRow(kim.id)).accessProfileIds as number[];
    const paused = await pausedServer("access_grants");
    const user = { id: kim.id, username: kim.username, name: "", email: "", isAdmin: false };
    const lookup = loadAccess(paused.ctx.db, user);
    await paused.arrived;
    const profile = (await t.as(admin, { method: "GET", url: "/api/access-profiles" }))
      .json()
      .items.find((p: { id: number }) => p.id === profileId);
    const edit = await t.as(admin, {
      method: "PATCH",
      url: `/api/access-profiles/${profileId}`,
      payload: { grants: [{ categoryId: cat.Fornecedor, tab: "addresses", level: "read" }], version: profile.version },
    });
    expect(edit.statusCode).toBe(200);
    paused.release();
    expect([...(await lookup).byCategory.keys()]).toEqual([cat.Cliente]);
    expect(paused.cache.grants.get(kim.id)).toBeUndefined();
    expect([...(await loadAccess(paused.ctx.db, user)).byCategory.keys()]).toEqual([cat.Fornecedor]);
  });
});

/** A bus whose health a test switches, and whose gaps it raises; messages pass to the real one. */
function switchableBus(real: ChangeBus): ChangeBus & { up: boolean; gap: () => void } {
  const gaps = new Handlers(() => {});
  return {
    up: true,
    get id() {
      return real.id;
    },
    get healthy() {
      return this.up && real.healthy;
    },
    publish: (topic, data, options) => real.publish(topic, data, options),
    subscribe: (topic, handler) => real.subscribe(topic, handler),
    onGap: (handler) => gaps.onGap(handler),
    gap: () => gaps.gap(),
    close: async () => {},
  };
}

describe("auth cache: an unhealthy bus means the database answers", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it("serves from the database while the bus may miss messages, and drops everything on a gap", async () => {
    const cat = await categoryIds(t.ctx);
    const code = (await makePerson(t.ctx, { categoryIds: [cat.Cliente] })).code;
    const lia = await userWithGrants(t, [{ categoryId: cat.Cliente, tab: "addresses", level: "read" }]);
    const bus = switchableBus(t.ctx.bus);
    const authCache = createAuthCache(bus);
    const seen: RecordedQuery[] = [];
    // The server's own handle, not the test's: what it writes here publishes nothing (a missed message).
    const db = t.ctx.handle.db.withPlugin(
      queryRecorder(
        () => true,
        (q) => seen.push(q),
      ),
    );
    attachAuthCache(db, authCache);
    const app = await buildApp({ ...t.ctx, db, bus, authCache });
    try {
      const get = async () => {
        seen.length = 0;
        const res = await app.inject({
          method: "GET",
          url: `/api/persons/${code}`,
          headers: { origin: TEST_ORIGIN, cookie: lia.cookie },
        });
        return { status: res.statusCode, auth: authQueries(seen).length };
      };
      await get();
      expect(await get()).toEqual({ status: 200, auth: 0 });

      bus.up = false;
      expect(await get()).toEqual({ status: 200, auth: 2 });
      expect(await get()).toEqual({ status: 200, auth: 2 });
      // A change nobody heard of (it bypassed the services) is seen at once while unhealthy.
      await t.ctx.handle.db.updateTable("users").set({ is_active: 0 }).where("id", "=", lia.id).execute();
      expect((await get()).status).toBe(401);
      await t.ctx.handle.db.updateTable("users").set({ is_active: 1 }).where("id", "=", lia.id).execute();

      // Back, with the gap the bus reports on reconnecting: the cache starts over.
      bus.up = true;
      expect(authCache.sessions.size).toBeGreaterThan(0);
      bus.gap();
      expect([authCache.sessions.size, authCache.grants.size]).toEqual([0, 0]);
      expect(await get()).toEqual({ status: 200, auth: 2 });
      expect(await get()).toEqual({ status: 200, auth: 0 });
    } finally {
      await app.close();
    }
  });

  it.runIf(testDialect() === "postgres")(
    "on PostgreSQL, a lost listener drops the cache and requests keep answering until it is back",
    async () => {
      const mia = await t.user();
      const me = () => t.as(mia, { method: "GET", url: "/api/me" });
      await me();
      expect(authQueries(await t.queries(me))).toEqual([]);

      let gaps = 0;
      let cachedAtGap = -1;
      const stop = t.ctx.bus.onGap(() => {
        gaps += 1;
        if (cachedAtGap < 0) cachedAtGap = t.ctx.authCache.sessions.size;
      });
      const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(t.ctx.db);
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      try {
        const killed = await admin.query(
          "select pg_terminate_backend(pid) from pg_stat_activity where query ilike $1 and pid <> pg_backend_pid()",
          [`listen "${channelOf(rows[0]?.schema)}"%`],
        );
        expect(killed.rowCount).toBeGreaterThan(0);
      } finally {
        await admin.end();
      }
      const statuses: number[] = [];
      const deadline = Date.now() + 15_000;
      while ((gaps < 2 || !t.ctx.bus.healthy) && Date.now() < deadline) {
        statuses.push((await me()).statusCode);
        await sleep(5);
      }
      stop();
      expect(gaps).toBeGreaterThanOrEqual(2);
      expect(t.ctx.bus.healthy).toBe(true);
      expect(cachedAtGap).toBe(0);
      expect(statuses.length).toBeGreaterThan(0);
      expect(new Set(statuses)).toEqual(new Set([200]));
      // Listening again: the cache serves again.
      await me();
      expect(authQueries(await t.queries(me))).toEqual([]);
    },
  );
});
