import fs from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { MINUTE, testClock } from "../../test/clock.ts";
import { categoryIds, makePerson } from "../../test/factories.ts";
import { type SmtpPeer, startSmtpPeer } from "../../test/smtp-peer.ts";
import { buildTestApp, type TestApp, type TestUser } from "../../test/test-app.ts";
import { deliverDue } from "./outbox.delivery.ts";
import { enqueueMail } from "./outbox.service.ts";

const clock = testClock();

async function outbox(t: TestApp) {
  return t.ctx.db.selectFrom("mail_outbox").selectAll().orderBy("id").execute();
}

describe("mail: delivery by SMTP, through the administrator's settings", () => {
  let t: TestApp;
  let peer: SmtpPeer;
  let admin: TestUser;
  let code: number;

  beforeAll(async () => {
    peer = await startSmtpPeer();
    t = await buildTestApp({ now: clock.now });
    admin = await t.user({ isAdmin: true, name: "Márcia Conceição" });
    const cats = await categoryIds(t.ctx);
    code = (
      await makePerson(t.ctx, {
        categoryIds: [cats.Cliente],
        name: "João Carlos da Silva",
        emails: [{ address: "joao.silva@example.com", isMain: true }],
      })
    ).code;
    const company = await t.as(admin, { method: "GET", url: "/api/settings/company" });
    const patched = await t.as(admin, {
      method: "PATCH",
      url: "/api/settings/company",
      payload: {
        name: "Vínculo Demonstração Ltda",
        mailFrom: "contato@vinculo.example",
        version: company.json().version,
      },
    });
    expect(patched.statusCode).toBe(200);
    const smtp = await t.as(admin, { method: "GET", url: "/api/settings/smtp" });
    expect(smtp.json().delivery).toBe("files");
    const set = await t.as(admin, {
      method: "PATCH",
      url: "/api/settings/smtp",
      payload: { host: "127.0.0.1", port: peer.port, secure: false, enabled: true, version: smtp.json().version },
    });
    expect(set.statusCode).toBe(200);
    expect(set.json().delivery).toBe("settings");
  });
  afterAll(async () => {
    await t.close();
    await peer.stop();
  });

  it("delivers one well-formed message: UTF-8 headers, Reply-To, text and escaped HTML, Message-ID, Date", async () => {
    const body =
      'Olá, João!\n\nSegue o orçamento: https://vinculo.example/orcamento?id=7&v=2\n<script>alert("x")</script> & até logo.';
    const res = await t.as(admin, {
      method: "POST",
      url: `/api/persons/${code}/emails`,
      payload: {
        to: ["joao.silva@example.com"],
        cc: ["financeiro@example.com"],
        subject: "Orçamento de manutenção — ação nº 5",
        body,
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().status).toBe("queued");
    // Nothing was sent inside the request.
    expect(peer.received).toHaveLength(0);

    expect(await deliverDue(t.ctx)).toEqual({ claimed: 1, sent: 1, retried: 0, failed: 0 });
    expect(peer.received).toHaveLength(1);
    const [row] = await outbox(t);
    const { parsed, envelopeTo } = peer.received[0] ?? expect.fail("no message");
    expect(envelopeTo.sort()).toEqual(["financeiro@example.com", "joao.silva@example.com"]);
    expect(parsed.subject).toBe("Orçamento de manutenção — ação nº 5");
    expect(parsed.from?.value[0]).toEqual({ name: "Vínculo Demonstração Ltda", address: "contato@vinculo.example" });
    expect(parsed.replyTo?.value[0]?.address).toBe(`${admin.username}@example.com`);
    expect(parsed.messageId).toBe(row?.message_id);
    expect(parsed.messageId).toMatch(/^<[0-9a-f-]+@vinculo\.example>$/);
    expect(parsed.date?.toISOString()).toBe(clock.now().toISOString());
    expect(parsed.text?.trim()).toBe(body);
    const html = String(parsed.html);
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; até logo.");
    expect(html).not.toContain("<script>");
    expect(html).toContain('<a href="https://vinculo.example/orcamento?id=7&amp;v=2">');
    // Headers went out encoded (RFC 2047), not as raw 8-bit text.
    const rawHeaders = peer.received[0]?.raw.toString("latin1").split("\r\n\r\n")[0] ?? "";
    expect(rawHeaders).toMatch(/^Subject: =\?UTF-8\?/m);
    expect(rawHeaders).not.toContain("Orçamento");

    expect(row).toMatchObject({ status: "sent", attempts: 1, sent_at: clock.now().toISOString(), last_error: null });
    const list = await t.as(admin, { method: "GET", url: `/api/persons/${code}/emails` });
    expect(list.json().items[0]).toMatchObject({ status: "sent", subject: "Orçamento de manutenção — ação nº 5" });
  });
});

describe("mail: SMTP outage (VINCULO_SMTP_URL), files, racing workers", () => {
  let t: TestApp;
  let peer: SmtpPeer;

  beforeAll(async () => {
    peer = await startSmtpPeer();
    t = await buildTestApp({ now: clock.now, config: { smtpUrl: peer.url } });
  });
  afterAll(async () => {
    await t.close();
    await peer.stop();
  });
  afterEach(async () => {
    await t.ctx.db.deleteFrom("mail_outbox").execute();
    peer.received.length = 0;
    if (!peer.running) await peer.start();
  });

  const queue = (n: number, subject = "Aviso") =>
    t.ctx.db.transaction().execute(async (trx) => {
      const ids: number[] = [];
      for (let i = 0; i < n; i++) {
        ids.push(
          await enqueueMail(trx, t.ctx, {
            kind: "digest",
            to: [`c${i}@example.com`],
            subject: `${subject} ${i}`,
            text: ".",
          }),
        );
      }
      return ids;
    });

  it("keeps everything queued while the server is down, backing off, and delivers each message once when it is back", async () => {
    await peer.stop();
    await queue(3);
    const start = clock.now().getTime();
    expect(await deliverDue(t.ctx)).toMatchObject({ claimed: 3, retried: 3, sent: 0, failed: 0 });
    let rows = await outbox(t);
    expect(rows.map((r) => [r.status, r.attempts, r.next_attempt_at])).toEqual(
      rows.map(() => ["queued", 1, new Date(start + MINUTE).toISOString()]),
    );
    expect(rows.every((r) => /ECONNREFUSED/.test(r.last_error ?? ""))).toBe(true);
    // Not due yet: nothing is tried before the backoff has passed.
    expect((await deliverDue(t.ctx)).claimed).toBe(0);

    clock.advance(MINUTE);
    expect(await deliverDue(t.ctx)).toMatchObject({ claimed: 3, retried: 3 });
    rows = await outbox(t);
    expect(rows.map((r) => r.attempts)).toEqual([2, 2, 2]);
    expect(rows[0]?.next_attempt_at).toBe(new Date(clock.now().getTime() + 2 * MINUTE).toISOString());

    await peer.start();
    clock.advance(MINUTE);
    expect((await deliverDue(t.ctx)).claimed).toBe(0);
    clock.advance(MINUTE);
    expect(await deliverDue(t.ctx)).toMatchObject({ claimed: 3, sent: 3 });
    clock.advance(24 * 60 * MINUTE);
    expect((await deliverDue(t.ctx)).claimed).toBe(0);
    expect(peer.received.map((m) => m.parsed.subject).sort()).toEqual(["Aviso 0", "Aviso 1", "Aviso 2"]);
    expect((await outbox(t)).every((r) => r.status === "sent" && r.attempts === 3)).toBe(true);
  });

  it("two workers racing over the same rows deliver each message exactly once", async () => {
    const ids = await queue(24, "Corrida");
    const other = await t.reopen();
    // Several rounds at once from two servers (two connection pools), small batches so they interleave.
    const rounds = await Promise.all(
      [t.ctx, other.ctx, t.ctx, other.ctx, t.ctx, other.ctx].map(async (ctx) => {
        let sent = 0;
        for (;;) {
          const r = await deliverDue(ctx, { limit: 3 });
          if (r.claimed === 0) return sent;
          sent += r.sent;
        }
      }),
    );
    expect(rounds.reduce((a, b) => a + b, 0)).toBe(24);
    expect(peer.received).toHaveLength(24);
    const outboxIds = peer.received.map((m) => Number(m.parsed.headers.get("x-vinculo-outbox-id")));
    expect(new Set(outboxIds).size).toBe(24);
    expect(outboxIds.sort((a, b) => a - b)).toEqual(ids);
    expect((await outbox(t)).every((r) => r.status === "sent" && r.attempts === 1)).toBe(true);
  });

  it("reclaims a message whose worker died mid-send, but not one that is merely being sent", async () => {
    const [id] = await queue(1, "Órfã");
    await t.ctx.db
      .updateTable("mail_outbox")
      .set({ status: "sending", claimed_at: clock.now().toISOString(), attempts: 1 })
      .where("id", "=", id ?? 0)
      .execute();
    clock.advance(MINUTE);
    expect((await deliverDue(t.ctx)).claimed).toBe(0);
    clock.advance(5 * MINUTE);
    expect(await deliverDue(t.ctx)).toMatchObject({ claimed: 1, sent: 1 });
    expect((await outbox(t))[0]).toMatchObject({ status: "sent", attempts: 2 });
    expect(peer.received).toHaveLength(1);
  });
});

describe("mail: .eml files when no SMTP is configured", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ now: clock.now });
  });
  afterAll(() => t.close());

  it("writes each message to VINCULO_DATA_DIR/mail as a complete message", async () => {
    await t.ctx.db.transaction().execute((trx) =>
      enqueueMail(trx, t.ctx, {
        kind: "watch",
        to: ["ana@example.com"],
        cc: ["beto@example.com"],
        subject: "Atendimento nº 12 — parecer novo",
        text: "Parecer: <b>urgente</b>",
        replyTo: "suporte@example.com",
      }),
    );
    expect(await deliverDue(t.ctx)).toMatchObject({ claimed: 1, sent: 1 });
    const dir = path.join(t.ctx.config.dataDir, "mail");
    const files = fs.readdirSync(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^\d{8}T\d{6}Z-\d{6}\.eml$/);
    const parsed = await simpleParser(fs.readFileSync(path.join(dir, files[0] ?? "")));
    expect(parsed.subject).toBe("Atendimento nº 12 — parecer novo");
    expect(parsed.from?.value[0]).toEqual({ name: "Vínculo", address: "vinculo@localhost" });
    expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.value[0]?.address : null).toBe("ana@example.com");
    expect(parsed.cc && !Array.isArray(parsed.cc) ? parsed.cc.value[0]?.address : null).toBe("beto@example.com");
    expect(parsed.replyTo?.value[0]?.address).toBe("suporte@example.com");
    expect(String(parsed.html)).toContain("&lt;b&gt;urgente&lt;/b&gt;");
    expect((await outbox(t))[0]?.status).toBe("sent");
  });
});
