import http from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Person } from "../../../shared/persons.schemas.ts";
import { testClock } from "../../test/clock.ts";
import { categoryIds, makePerson, userWithGrants } from "../../test/factories.ts";
import { buildTestApp, type TestApp, type TestUser, testDialect } from "../../test/test-app.ts";
import { guardedLookup } from "./webhooks.address.ts";
import { dispatchEvents, dispatchWebhook, sendDue, WEBHOOK_LIMITS } from "./webhooks.dispatch.service.ts";
import { activeWebhooks } from "./webhooks.repository.ts";
import { sendSigned } from "./webhooks.send.ts";

/**
 * Outbound webhooks against a real HTTP receiver on this machine: registration and its refusals
 * (the SSRF guard), signed deliveries a Standard Webhooks library verifies, a receiver that is
 * down and comes back (every event once, in order per person), what the webhook's user may see,
 * two servers dispatching at once, and the administrator's list and retry. Both databases.
 */

type Received = { headers: http.IncomingHttpHeaders; body: string };

class Receiver {
  status = 200;
  /** Every request, also those answered with an error. */
  readonly all: Received[] = [];
  private server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      this.all.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(this.status, { "content-type": "text/plain" });
      res.end(this.status === 200 ? "ok" : "fora do ar para manutenção");
    });
  });
  url = "";
  async start() {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks/vinculo`;
  }
  close() {
    this.server.closeAllConnections();
    return new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

describe("outbound webhooks", () => {
  const clock = testClock(new Date().toISOString());
  let t: TestApp;
  let admin: TestUser;
  let cats: Awaited<ReturnType<typeof categoryIds>>;
  const receiver = new Receiver();
  beforeAll(async () => {
    t = await buildTestApp({ now: clock.now });
    admin = await t.user({ isAdmin: true });
    cats = await categoryIds(t.ctx);
    await receiver.start();
  });
  afterAll(async () => {
    await receiver.close();
    await t.close();
  });

  const register = (body: object) => t.as(admin, { method: "POST", url: "/api/webhooks", payload: body });
  const local = (over: object = {}) => ({
    url: receiver.url,
    eventTypes: ["person.created", "person.changed"],
    userId: admin.id,
    allowPrivate: true,
    ...over,
  });
  /** Runs the worker's rounds until nothing is left to do now. */
  const drain = async () => {
    for (let i = 0; i < 50; i += 1) {
      const made = await dispatchEvents(t.ctx);
      const sent = await sendDue(t.ctx);
      if (made === 0 && sent === 0) return;
    }
    throw new Error("the worker never ran out of work");
  };
  const rename = async (person: Person, name: string) => {
    const current = await t.as(admin, { method: "GET", url: `/api/persons/${person.code}` });
    const res = await t.as(admin, {
      method: "PATCH",
      url: `/api/persons/${person.code}`,
      payload: { name, version: current.json().version },
    });
    expect(res.statusCode).toBe(200);
  };
  const deactivateAll = () => t.ctx.db.updateTable("webhooks").set({ is_active: 0 }).execute();

  it("is registered by an administrator; the secret is shown once, never listed nor journaled", async () => {
    const res = await register(local({ description: "ERP" }));
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/=]{32}$/);
    expect(created.secret.startsWith(created.secretPrefix)).toBe(true);
    expect(created).toMatchObject({ url: receiver.url, active: true, pending: 0, failed: 0, username: admin.username });

    const list = await t.as(admin, { method: "GET", url: "/api/webhooks" });
    expect(list.json().items.map((w: { id: number }) => w.id)).toContain(created.id);
    expect(list.body).not.toContain(created.secret);
    const audit = await t.ctx.db.selectFrom("audit_log").selectAll().where("entity", "=", "webhook").execute();
    expect(audit.length).toBeGreaterThan(0);
    expect(JSON.stringify(audit)).not.toContain(created.secret);
    // The URL's path may be the receiver's token: the journal keeps the origin and a fingerprint.
    expect(JSON.stringify(audit)).not.toContain(receiver.url);
    const changes = JSON.parse(audit.at(-1)?.changes ?? "{}") as { url: [null, string] };
    expect(changes.url[1]).toMatch(new RegExp(`^${new URL(receiver.url).origin}/… #[0-9a-f]{8}$`));
    await deactivateAll();
  });

  it("refuses addresses into the local network unless allowed, credentials in the URL and inactive users", async () => {
    const refused = async (over: object, field: string, reason: string) => {
      const res = await register(local({ allowPrivate: false, ...over }));
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      expect(res.json().error.details).toEqual(expect.arrayContaining([expect.objectContaining({ field, reason })]));
    };
    await refused({}, "url", "webhook_url_private");
    await refused({ url: "http://localhost:8080/x" }, "url", "webhook_url_private");
    await refused({ url: "http://169.254.169.254/latest/meta-data/" }, "url", "webhook_url_private");
    await refused({ url: "http://[::ffff:127.0.0.1]/x" }, "url", "webhook_url_private");
    await refused({ url: "http://10.1.2.3/x" }, "url", "webhook_url_private");
    await refused({ url: "http://intranet/x" }, "url", "webhook_url_private");
    await refused({ url: "https://erp.example.com.br/x", eventTypes: [] }, "eventTypes", "too_small");
    await refused({ url: "https://joao:senha@erp.example.com.br/x" }, "url", "webhook_url_credentials");
    await refused({ url: "ftp://erp.example.com.br/x" }, "url", "webhook_url_invalid");
    const gone = await t.user();
    await t.ctx.db.updateTable("users").set({ is_active: 0 }).where("id", "=", gone.id).execute();
    await refused({ url: "https://erp.example.com.br/x", userId: gone.id }, "userId", "webhook_user_inactive");
    // Nothing of the refused ones was stored.
    const stored = await t.ctx.db.selectFrom("webhooks").select("url").execute();
    expect(stored.map((r) => r.url)).not.toContain("https://erp.example.com.br/x");
  });

  it("sends each event once, signed so that a Standard Webhooks library verifies it", async () => {
    const { secret, id } = (await register(local())).json();
    const before = receiver.all.length;
    const person = await makePerson(t.ctx, { name: "Benedita Assinada", categoryIds: [cats.Cliente] });
    await drain();
    await drain();
    const got = receiver.all.slice(before);
    expect(got).toHaveLength(1);
    const [request] = got as [Received];
    const payload = new Webhook(secret).verify(request.body, request.headers as Record<string, string>) as {
      type: string;
      data: { personCode: number; id: number };
    };
    expect(payload.type).toBe("person.created");
    expect(payload.data.personCode).toBe(person.code);
    expect(request.headers["webhook-id"]).toBe(`evt_${payload.data.id}`);
    // Any other secret fails the check: the signature is the receiver's proof.
    expect(() =>
      new Webhook(`whsec_${Buffer.alloc(24, 7).toString("base64")}`).verify(
        request.body,
        request.headers as Record<string, string>,
      ),
    ).toThrow();
    const deliveries = await t.as(admin, { method: "GET", url: `/api/webhooks/${id}/deliveries` });
    expect(deliveries.json().items).toEqual([
      expect.objectContaining({ status: "delivered", attempts: 1, lastStatus: 200, personCode: person.code }),
    ]);
    await deactivateAll();
  });

  it("waits while the receiver is down, then delivers every event once, in order per person", async () => {
    const { id } = (await register(local())).json();
    const a = await makePerson(t.ctx, { name: "Ana Fila", categoryIds: [cats.Cliente] });
    const b = await makePerson(t.ctx, { name: "Bruno Fila", categoryIds: [cats.Cliente] });
    receiver.status = 503;
    for (const n of [1, 2, 3]) {
      await rename(a, `Ana Fila ${n}`);
      await rename(b, `Bruno Fila ${n}`);
    }
    const before = receiver.all.length;
    await drain();
    // Refused at the first attempt: the webhook then waits; nothing else is sent meanwhile.
    const tried = receiver.all.length - before;
    expect(tried).toBe(1);
    await drain();
    expect(receiver.all.length - before).toBe(1);
    const waiting = (await t.as(admin, { method: "GET", url: `/api/webhooks/${id}` })).json();
    expect(waiting).toMatchObject({ pending: 8, failures: 1 });
    expect(waiting.lastError).toContain("HTTP 503");
    expect(Date.parse(waiting.retryAt)).toBe(clock.now().getTime() + WEBHOOK_LIMITS.firstRetryMs);

    // Still down at the next try: the wait doubles.
    clock.advance(WEBHOOK_LIMITS.firstRetryMs);
    await drain();
    const longer = (await t.as(admin, { method: "GET", url: `/api/webhooks/${id}` })).json();
    expect(longer.failures).toBe(2);
    expect(Date.parse(longer.retryAt)).toBe(clock.now().getTime() + 2 * WEBHOOK_LIMITS.firstRetryMs);

    receiver.status = 200;
    const upFrom = receiver.all.length;
    clock.advance(2 * WEBHOOK_LIMITS.firstRetryMs);
    await drain();
    const accepted = receiver.all
      .slice(upFrom)
      .map((r) => JSON.parse(r.body) as { type: string; data: { id: number; personCode: number } });
    expect(accepted).toHaveLength(8);
    expect(new Set(accepted.map((p) => p.data.id)).size).toBe(8);
    for (const person of [a, b]) {
      const ids = accepted.filter((p) => p.data.personCode === person.code).map((p) => p.data.id);
      expect(ids).toHaveLength(4);
      expect(ids).toEqual([...ids].sort((x, y) => x - y));
    }
    const after = (await t.as(admin, { method: "GET", url: `/api/webhooks/${id}` })).json();
    expect(after).toMatchObject({ pending: 0, failed: 0, failures: 0, retryAt: null, lastError: null });
    await deactivateAll();
  });

  it("carries only what its user may see, checked again when sending", async () => {
    const clerk = await userWithGrants(t, [{ categoryId: cats.Cliente, tab: "addresses", level: "read" }]);
    const { id } = (await register(local({ userId: clerk.id }))).json();
    const before = receiver.all.length;
    const seen = await makePerson(t.ctx, { name: "Cliente Visível", categoryIds: [cats.Cliente] });
    const hidden = await makePerson(t.ctx, { name: "Fornecedor Oculto", categoryIds: [cats.Fornecedor] });
    await drain();
    const got = receiver.all.slice(before).map((r) => JSON.parse(r.body).data.personCode);
    expect(got).toEqual([seen.code]);
    const list = (await t.as(admin, { method: "GET", url: `/api/webhooks/${id}/deliveries` })).json();
    expect(list.items.find((d: { personCode: number }) => d.personCode === hidden.code).status).toBe("skipped");
    expect(
      receiver.all
        .slice(before)
        .map((r) => r.body)
        .join(),
    ).not.toContain("Fornecedor Oculto");

    // A change while the user is still allowed, sent after the user was deactivated: not sent.
    receiver.status = 503;
    await rename(seen, "Cliente Visível 2");
    await drain();
    await t.ctx.db.updateTable("users").set({ is_active: 0 }).where("id", "=", clerk.id).execute();
    receiver.status = 200;
    clock.advance(WEBHOOK_LIMITS.maxRetryMs);
    const from = receiver.all.length;
    await drain();
    expect(receiver.all.length).toBe(from);
    const later = (await t.as(admin, { method: "GET", url: `/api/webhooks/${id}/deliveries?status=skipped` })).json();
    expect(later.items).toHaveLength(2);
    await deactivateAll();
  });

  it("is dispatched once when two servers look at the same events", async () => {
    const { id } = (await register(local({ eventTypes: ["person.created"] }))).json();
    const other = await t.reopen();
    try {
      for (let n = 0; n < 5; n += 1) await makePerson(t.ctx, { name: `Dupla ${n}`, categoryIds: [cats.Cliente] });
      // The other server read the webhook before this one dispatched: its cursor is stale.
      const stale = (await activeWebhooks(other.ctx.db)).find((w) => w.id === id);
      if (!stale) throw new Error("webhook not active");
      expect(await dispatchEvents(t.ctx)).toBe(5);
      expect(await dispatchWebhook(other.ctx, stale)).toBe(0);
      if (testDialect() === "postgres") {
        // Really at once (SQLite's servers are processes of their own, never two in one).
        for (let n = 0; n < 5; n += 1) await makePerson(t.ctx, { name: `Tripla ${n}`, categoryIds: [cats.Cliente] });
        await Promise.all([dispatchEvents(t.ctx), dispatchEvents(other.ctx), dispatchEvents(t.ctx)]);
      }
      const expected = testDialect() === "postgres" ? 10 : 5;
      const rows = await t.ctx.db
        .selectFrom("webhook_deliveries")
        .select("event_id")
        .where("webhook_id", "=", id)
        .execute();
      expect(rows).toHaveLength(expected);
      const before = receiver.all.length;
      await sendDue(other.ctx);
      await drain();
      expect(receiver.all.length - before).toBe(expected);
      const ids = receiver.all.slice(before).map((r) => r.headers["webhook-id"]);
      expect(new Set(ids).size).toBe(expected);
    } finally {
      await other.close();
    }
    await deactivateAll();
  });

  it("refuses at delivery a name that resolves into the local network", async () => {
    const before = receiver.all.length;
    const port = new URL(receiver.url).port;
    // A name that is not local on its face is only checked when used: here it resolves to 127.0.0.1.
    const result = await sendSigned({
      url: `http://localhost:${port}/hooks/vinculo`,
      allowPrivate: false,
      secret: `whsec_${Buffer.alloc(24, 1).toString("base64")}`,
      messageId: "evt_1",
      timestamp: new Date(),
      body: "{}",
    });
    expect(result).toMatchObject({ ok: false, status: null });
    expect(!result.ok && result.error).toContain("rede local");
    expect(receiver.all.length).toBe(before);
    const refused = await new Promise<NodeJS.ErrnoException | null>((resolve) =>
      guardedLookup("localhost", {}, (err) => resolve(err)),
    );
    expect(refused?.message).toMatch(/rede local recusado: (127\.0\.0\.1|::1)/);
  });

  it("changes only at the version read (412 otherwise); a new secret signs from then on", async () => {
    // Receivers check the signature's time against their own clock: send at the real time.
    clock.set(new Date().toISOString());
    const created = (await register(local())).json();
    const patch = (payload: object) => t.as(admin, { method: "PATCH", url: `/api/webhooks/${created.id}`, payload });
    const changed = await patch({ description: "Faturamento", version: created.version });
    expect(changed.statusCode).toBe(200);
    const stale = await patch({ description: "Outra", version: created.version });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().error.details).toMatchObject({ currentVersion: created.version + 1 });
    expect((await t.as(admin, { method: "GET", url: `/api/webhooks/${created.id}` })).json().description).toBe(
      "Faturamento",
    );

    const rotated = (await t.as(admin, { method: "POST", url: `/api/webhooks/${created.id}/secret` })).json();
    expect(rotated.secret).not.toBe(created.secret);
    const before = receiver.all.length;
    await makePerson(t.ctx, { name: "Depois da Troca", categoryIds: [cats.Cliente] });
    await drain();
    const [request] = receiver.all.slice(before) as [Received];
    const headers = request.headers as Record<string, string>;
    expect(() => new Webhook(rotated.secret).verify(request.body, headers)).not.toThrow();
    expect(() => new Webhook(created.secret).verify(request.body, headers)).toThrow();
    await deactivateAll();
  });

  it("lists deliveries newest first, page by page, and sends a failed one again", async () => {
    const { id, version } = (await register(local({ eventTypes: ["person.created"] }))).json();
    for (let n = 0; n < 3; n += 1) await makePerson(t.ctx, { name: `Página ${n}`, categoryIds: [cats.Cliente] });
    await drain();
    const first = (await t.as(admin, { method: "GET", url: `/api/webhooks/${id}/deliveries?limit=2` })).json();
    expect(first.items).toHaveLength(2);
    const second = (
      await t.as(admin, { method: "GET", url: `/api/webhooks/${id}/deliveries?limit=2&cursor=${first.nextCursor}` })
    ).json();
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    const ids = [...first.items, ...second.items].map((d: { id: number }) => d.id);
    expect(ids).toEqual([...ids].sort((x, y) => y - x));
    // A cursor of another status's list is refused.
    const foreign = await t.as(admin, {
      method: "GET",
      url: `/api/webhooks/${id}/deliveries?status=failed&cursor=${first.nextCursor}`,
    });
    expect(foreign.statusCode).toBe(400);

    const target = first.items[0] as { id: number };
    await t.ctx.db.updateTable("webhook_deliveries").set({ status: "failed" }).where("id", "=", target.id).execute();
    const before = receiver.all.length;
    const retried = await t.as(admin, { method: "POST", url: `/api/webhooks/${id}/deliveries/${target.id}/retry` });
    expect(retried.statusCode).toBe(200);
    expect(retried.json().status).toBe("pending");
    await drain();
    expect(receiver.all.length - before).toBe(1);
    const missing = await t.as(admin, { method: "POST", url: `/api/webhooks/${id}/deliveries/999999/retry` });
    expect(missing.statusCode).toBe(404);

    const removed = await t.as(admin, { method: "DELETE", url: `/api/webhooks/${id}` });
    expect(removed.statusCode).toBe(204);
    const left = await t.ctx.db.selectFrom("webhook_deliveries").select("id").where("webhook_id", "=", id).execute();
    expect(left).toHaveLength(0);
    expect((await t.as(admin, { method: "PATCH", url: `/api/webhooks/${id}`, payload: { version } })).statusCode).toBe(
      404,
    );
  });
});
