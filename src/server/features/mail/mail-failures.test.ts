import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { testClock } from "../../test/clock.ts";
import { type SmtpPeer, startSmtpPeer } from "../../test/smtp-peer.ts";
import { buildTestApp, type TestApp, type TestUser } from "../../test/test-app.ts";
import { deliverDue, MAIL_RETRY, retryDelayMs } from "./outbox.delivery.ts";
import { enqueueMail } from "./outbox.service.ts";
import { startMailWorker } from "./outbox.worker.ts";

const clock = testClock();

describe("mail: giving up, and the administrator's retry", () => {
  let t: TestApp;
  let peer: SmtpPeer;
  let admin: TestUser;

  beforeAll(async () => {
    peer = await startSmtpPeer();
    t = await buildTestApp({ now: clock.now, config: { smtpUrl: peer.url } });
    admin = await t.user({ isAdmin: true });
  });
  afterAll(async () => {
    await t.close();
    await peer.stop();
  });
  beforeEach(async () => {
    await t.ctx.db.deleteFrom("mail_outbox").execute();
    peer.received.length = 0;
    peer.reject = null;
  });

  const queueOne = (subject: string) =>
    t.ctx.db
      .transaction()
      .execute((trx) => enqueueMail(trx, t.ctx, { kind: "digest", to: ["ana@example.com"], subject, text: "Corpo." }));
  const row = (id: number) =>
    t.ctx.db.selectFrom("mail_outbox").selectAll().where("id", "=", id).executeTakeFirstOrThrow();

  it("retries a temporary refusal with growing waits, then fails it after the last attempt", async () => {
    peer.reject = { code: 451, message: "Caixa temporariamente indisponível" };
    const id = await queueOne("Vai falhar");
    const waits: number[] = [];
    for (let attempt = 1; attempt <= MAIL_RETRY.maxAttempts; attempt++) {
      const result = await deliverDue(t.ctx);
      expect(result.claimed).toBe(1);
      const r = await row(id);
      expect(r.attempts).toBe(attempt);
      if (attempt < MAIL_RETRY.maxAttempts) {
        expect(r.status).toBe("queued");
        const wait = Date.parse(r.next_attempt_at) - clock.now().getTime();
        expect(wait).toBe(retryDelayMs(attempt));
        waits.push(wait);
        clock.advance(wait);
      }
    }
    // 1, 2, 4 … minutes, never more than an hour apart.
    expect(waits.slice(0, 3)).toEqual([60_000, 120_000, 240_000]);
    expect(Math.max(...waits)).toBe(MAIL_RETRY.maxDelayMs);
    const failed = await row(id);
    expect(failed).toMatchObject({ status: "failed", attempts: MAIL_RETRY.maxAttempts });
    expect(failed.last_error).toMatch(/451/);
    clock.advance(24 * 3600_000);
    expect((await deliverDue(t.ctx)).claimed).toBe(0);

    // A day has passed on the test clock: the session has expired, log in again.
    admin.cookie = await t.login(admin.username, admin.password);
    const list = await t.as(admin, { method: "GET", url: "/api/outbox?status=failed" });
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toHaveLength(1);
    expect(list.json().items[0]).toMatchObject({ id, status: "failed", attempts: MAIL_RETRY.maxAttempts });
    expect(list.json().items[0].lastError).toMatch(/Caixa temporariamente indisponível/);
    expect((await t.as(admin, { method: "GET", url: "/api/outbox?status=sent" })).json().items).toHaveLength(0);

    peer.reject = null;
    const retried = await t.as(admin, { method: "POST", url: `/api/outbox/${id}/retry` });
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toMatchObject({ status: "queued", attempts: 0 });
    expect(await deliverDue(t.ctx)).toMatchObject({ claimed: 1, sent: 1 });
    expect(await row(id)).toMatchObject({ status: "sent", attempts: 1 });
    expect(peer.received).toHaveLength(1);

    // Only a failed message can be retried; an unknown one is a 404.
    expect((await t.as(admin, { method: "POST", url: `/api/outbox/${id}/retry` })).statusCode).toBe(409);
    expect((await t.as(admin, { method: "POST", url: "/api/outbox/999999/retry" })).statusCode).toBe(404);
    expect((await t.as(admin, { method: "GET", url: "/api/outbox?status=sent" })).json().items).toHaveLength(1);
  });

  it("fails at once on a permanent refusal (5xx): retrying the same message cannot help", async () => {
    peer.reject = { code: 550, message: "Usuário desconhecido" };
    const id = await queueOne("Destinatário inexistente");
    expect(await deliverDue(t.ctx)).toMatchObject({ claimed: 1, failed: 1 });
    expect(await row(id)).toMatchObject({ status: "failed", attempts: 1 });
    expect((await row(id)).last_error).toMatch(/550/);
  });

  it("the running worker delivers right after the request that queued the mail, without waiting for its poll", async () => {
    admin.cookie = await t.login(admin.username, admin.password);
    const worker = startMailWorker(t.ctx, { intervalMs: 60_000 });
    try {
      await new Promise((r) => setTimeout(r, 100));
      const res = await t.as(admin, { method: "POST", url: "/api/settings/smtp/test" });
      expect(res.statusCode).toBe(202);
      expect(res.json().to).toBe(`${admin.username}@example.com`);
      for (let i = 0; i < 50 && peer.received.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
      expect(peer.received).toHaveLength(1);
      expect(peer.received[0]?.parsed.subject).toBe("Teste de e-mail do Vínculo");
      expect(peer.received[0]?.envelopeTo).toEqual([`${admin.username}@example.com`]);
    } finally {
      await worker.stop();
    }
  });
});
