import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Grant, TABS, type Tab } from "../../../shared/access.schemas.ts";
import { EVENT_AREAS, EVENTS_TOPIC, type EventArea } from "../../../shared/journal.ts";
import type { Person } from "../../../shared/persons.schemas.ts";
import type { AppContext } from "../../context.ts";
import { categoryIds, makePerson, userWithGrants } from "../../test/factories.ts";
import { buildTestApp, type TestApp, type TestUser } from "../../test/test-app.ts";
import type { Api } from "../../types.ts";
import { openStreams } from "./live.service.ts";

/**
 * GET /api/events over real HTTP (the app on a socket, node's fetch reading the stream): what is
 * delivered to whom, resuming, a revoked session, and two servers on one database.
 */

type Message = { id: string | null; event: string; data: string };

/** A Server-Sent Events reader over fetch: parses messages as they come. */
class SseClient {
  readonly messages: Message[] = [];
  ended = false;
  status = 0;
  private waiters: (() => void)[] = [];
  private readonly abort = new AbortController();

  static async open(base: string, cookie: string, headers: Record<string, string> = {}, query = "") {
    const client = new SseClient();
    const res = await fetch(`${base}/api/events${query}`, {
      headers: { cookie, accept: "text/event-stream", ...headers },
      signal: client.abort.signal,
    });
    client.status = res.status;
    if (!res.body) throw new Error("no body");
    void client.read(res.body);
    await client.until((m) => m.event === "ready" || m.event === "reset");
    return client;
  }

  private async read(body: ReadableStream<Uint8Array>) {
    const decoder = new TextDecoder();
    let buffer = "";
    try {
      for await (const chunk of body) {
        buffer += decoder.decode(chunk, { stream: true });
        let at = buffer.indexOf("\n\n");
        while (at >= 0) {
          const block = buffer.slice(0, at);
          buffer = buffer.slice(at + 2);
          const m: Message = { id: null, event: "message", data: "" };
          for (const line of block.split("\n")) {
            if (line.startsWith(":")) continue;
            const [field, ...rest] = line.split(": ");
            const value = rest.join(": ");
            if (field === "id") m.id = value;
            if (field === "event") m.event = value;
            if (field === "data") m.data = value;
          }
          if (m.data || m.event !== "message") this.messages.push(m);
          at = buffer.indexOf("\n\n");
        }
        this.notify();
      }
    } catch {
      // aborted
    }
    this.ended = true;
    this.notify();
  }

  private notify() {
    for (const w of this.waiters.splice(0)) w();
  }

  private wait(ms: number) {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  async until(check: (m: Message) => boolean, ms = 8000): Promise<Message> {
    const end = Date.now() + ms;
    for (;;) {
      const found = this.messages.find(check);
      if (found) return found;
      if (this.ended || Date.now() > end) throw new Error(`not received; got ${JSON.stringify(this.messages)}`);
      await this.wait(end - Date.now());
    }
  }

  async untilEnded(ms = 8000) {
    const end = Date.now() + ms;
    while (!this.ended && Date.now() < end) await this.wait(end - Date.now());
    return this.ended;
  }

  changes() {
    return this.messages
      .filter((m) => m.event === "change")
      .map((m) => JSON.parse(m.data) as { id: number; area: string });
  }

  close() {
    this.abort.abort();
  }
}

async function listen(app: Api): Promise<string> {
  await app.listen({ port: 0, host: "127.0.0.1" });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

/** A domain event as the journal writes it, then the wake-up it publishes. */
type Ref = { id: number; code: number };

async function addEvent(ctx: AppContext, area: EventArea, person: Ref | null): Promise<number> {
  const row = await ctx.db
    .insertInto("domain_events")
    .values({
      at: new Date().toISOString(),
      type: area === "settings" ? "settings.changed" : "person.changed",
      actor_kind: "system",
      actor_user_id: null,
      person_id: person?.id ?? null,
      person_code: person?.code ?? null,
      area,
      refs: JSON.stringify({ n: 1 }),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

const wake = (ctx: AppContext, upTo: number) => ctx.bus.publish(EVENTS_TOPIC, { upTo });

describe("GET /api/events (live screens)", () => {
  let t: TestApp;
  let base: string;
  let admin: TestUser;
  let cats: Awaited<ReturnType<typeof categoryIds>>;
  let person: Ref;
  const open: SseClient[] = [];
  beforeAll(async () => {
    t = await buildTestApp();
    base = await listen(t.app);
    admin = await t.user({ isAdmin: true });
    cats = await categoryIds(t.ctx);
    const made: Person = await makePerson(t.ctx, { categoryIds: [cats.Cliente] });
    const row = await t.ctx.db
      .selectFrom("persons")
      .select("id")
      .where("code", "=", made.code)
      .executeTakeFirstOrThrow();
    person = { id: row.id, code: made.code };
  });
  afterAll(async () => {
    for (const c of open) c.close();
    // The client's own pooled sockets (fetch keeps them alive): not the server's streams, which
    // the disconnect test proves are gone.
    t.app.server.closeAllConnections();
    await t.close();
  });
  const sse = async (user: { cookie: string }, headers: Record<string, string> = {}, query = "") => {
    const client = await SseClient.open(base, user.cookie, headers, query);
    open.push(client);
    return client;
  };

  it("answers 401 without a session", async () => {
    const res = await fetch(`${base}/api/events`);
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe("unauthorized");
  });

  it("never delivers an event of a person or tab the user cannot see (every area, every situation)", async () => {
    const grant = (categoryId: number, tab: Tab): Grant => ({ categoryId, tab, level: "read" });
    const users: { name: string; user: TestUser; isAdmin: boolean; grants: Grant[] }[] = [
      { name: "admin", user: admin, isAdmin: true, grants: [] },
    ];
    users.push({ name: "noGrant", user: await userWithGrants(t, []), isAdmin: false, grants: [] });
    const other = TABS.map((tab) => grant(cats.Fornecedor, tab));
    users.push({ name: "otherCategory", user: await userWithGrants(t, other), isAdmin: false, grants: other });
    for (const tab of TABS) {
      const grants = [grant(cats.Cliente, tab)];
      users.push({ name: `only ${tab}`, user: await userWithGrants(t, grants), isAdmin: false, grants });
    }
    const streams = await Promise.all(users.map((u) => sse(u.user)));

    const made: { id: number; area: EventArea; withPerson: boolean }[] = [];
    for (const area of EVENT_AREAS) {
      made.push({ id: await addEvent(t.ctx, area, person), area, withPerson: true });
      made.push({ id: await addEvent(t.ctx, area, null), area, withPerson: false });
    }
    const marker = await addEvent(t.ctx, "settings", null);
    await wake(t.ctx, marker);

    const expected = (u: (typeof users)[number], e: (typeof made)[number]) => {
      if (e.area === "settings") return true;
      if (u.isAdmin) return true;
      if (e.area === "admin") return false;
      if (e.area === "person") return e.withPerson && u.grants.some((g) => g.categoryId === cats.Cliente);
      if (!e.withPerson) return u.grants.some((g) => g.tab === e.area);
      return u.grants.some((g) => g.categoryId === cats.Cliente && g.tab === e.area);
    };
    for (const [i, u] of users.entries()) {
      const stream = streams[i] as SseClient;
      await stream.until((m) => m.id === String(marker) && m.event === "change");
      const got = stream
        .changes()
        .map((c) => c.id)
        .filter((id) => id !== marker);
      const want = made.filter((e) => expected(u, e)).map((e) => e.id);
      expect(got, u.name).toEqual(want);
      stream.close();
    }
  });

  it("resumes after Last-Event-ID (or ?lastEventId=) with exactly the missed events, in order", async () => {
    const first = await sse(admin);
    const ready = await first.until((m) => m.event === "ready");
    first.close();
    const missed: number[] = [];
    for (let i = 0; i < 5; i += 1) missed.push(await addEvent(t.ctx, i % 2 ? "tickets" : "person", person));
    const resumed = await sse(admin, { "last-event-id": String(ready.id) });
    await resumed.until((m) => m.id === String(missed.at(-1)));
    expect(resumed.messages[0]?.event).toBe("ready");
    expect(resumed.changes().map((c) => c.id)).toEqual(missed);
    resumed.close();

    const viaQuery = await sse(admin, {}, `?lastEventId=${missed[1]}`);
    await viaQuery.until((m) => m.id === String(missed.at(-1)));
    expect(viaQuery.changes().map((c) => c.id)).toEqual(missed.slice(2));
    viaQuery.close();
  });

  it("an event written with no wake-up (the command line publishes none) arrives by the poll", async () => {
    const stream = await sse(admin);
    const id = await addEvent(t.ctx, "person", person);
    await stream.until((m) => m.id === String(id) && m.event === "change", 6000);
    stream.close();
  });

  it("tells the client to refetch everything when the id is unknown or malformed", async () => {
    for (const id of ["999999999", "abc"]) {
      const stream = await sse(admin, { "last-event-id": id });
      expect(stream.messages[0]?.event).toBe("reset");
      stream.close();
    }
  });

  it("a client that disconnects leaves no stream, listener or timer behind", async () => {
    const settle = async (count: number) => {
      const end = Date.now() + 5000;
      while (openStreams(t.ctx) !== count && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
      return openStreams(t.ctx);
    };
    // The earlier tests' clients have all left.
    expect(await settle(0)).toBe(0);
    const clients = await Promise.all([sse(admin), sse(admin), sse(admin)]);
    expect(openStreams(t.ctx)).toBe(3);
    for (const c of clients) c.close();
    expect(await settle(0)).toBe(0);
  });

  it("ends the stream when the session is revoked (logout)", async () => {
    const clerk = await userWithGrants(t, [{ categoryId: cats.Cliente, tab: "tickets", level: "read" }]);
    const stream = await sse(clerk);
    const res = await t.as(clerk, { method: "POST", url: "/api/auth/logout" });
    expect(res.statusCode).toBeLessThan(300);
    expect(await stream.untilEnded(5000)).toBe(true);
  });

  it("stops delivering when a grant is revoked mid-stream", async () => {
    const clerk = await userWithGrants(t, [{ categoryId: cats.Cliente, tab: "addresses", level: "read" }]);
    const stream = await sse(clerk);
    const seen = await addEvent(t.ctx, "addresses", person);
    await wake(t.ctx, seen);
    await stream.until((m) => m.id === String(seen) && m.event === "change");
    // Writing the grants directly stands for an outside change: the test's db handle drops the caches.
    await t.ctx.db.deleteFrom("user_access_profiles").where("user_id", "=", clerk.id).execute();
    const hidden = await addEvent(t.ctx, "addresses", person);
    const marker = await addEvent(t.ctx, "settings", null);
    await wake(t.ctx, marker);
    await stream.until((m) => m.id === String(marker) && m.event === "change");
    expect(stream.changes().map((c) => c.id)).not.toContain(hidden);
    stream.close();
  });

  it("an event made through the API of one server reaches a stream on another server of the same database", async () => {
    const other = await t.reopen();
    try {
      const otherBase = await listen(other.app);
      const client = await SseClient.open(otherBase, admin.cookie);
      open.push(client);
      const res = await t.as(admin, {
        method: "POST",
        url: `/api/persons/${person.code}/addresses`,
        payload: {
          type: "delivery",
          zip: "20040-020",
          street: "Av. Rio Branco",
          number: "156",
          district: "Centro",
          city: "Rio de Janeiro",
          state: "RJ",
        },
      });
      expect(res.statusCode).toBe(201);
      const change = await client.until((m) => m.event === "change" && m.data.includes('"address.changed"'));
      expect(JSON.parse(change.data)).toMatchObject({
        type: "address.changed",
        area: "addresses",
        personCode: person.code,
        refs: { addressId: res.json().id },
      });
      client.close();
    } finally {
      other.app.server.closeAllConnections();
      await other.close();
    }
  });
});
