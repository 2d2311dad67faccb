import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestClock, testClock } from "../../test/clock.ts";
import { categoryIds, makePerson, userWithGrants } from "../../test/factories.ts";
import { buildTestApp, type TestApp, type TestUser } from "../../test/test-app.ts";
import { openTicket, type TicketRefs, ticketBody, ticketRefs } from "../../test/tickets.ts";
import { deliverDue } from "../mail/outbox.delivery.ts";

describe("Spy System: watchers and their e-mail", () => {
  let t: TestApp;
  let clock: TestClock;
  let refs: TicketRefs;
  let admin: TestUser;
  let agent: TestUser;
  let manager: TestUser;
  let reader: TestUser;
  let outsider: TestUser;
  let code: number;

  beforeAll(async () => {
    clock = testClock("2026-03-10T13:00:00.000Z");
    t = await buildTestApp({ now: clock.now });
    const cats = await categoryIds(t.ctx);
    refs = await ticketRefs(t.ctx);
    admin = await t.user({ isAdmin: true });
    agent = await userWithGrants(t, [{ categoryId: cats.Cliente, tab: "tickets", level: "write" }], "aline");
    manager = await userWithGrants(
      t,
      [
        { categoryId: cats.Cliente, tab: "tickets", level: "read" },
        { categoryId: cats.Cliente, tab: "production", level: "read" },
      ],
      "gustavo",
    );
    reader = await userWithGrants(t, [{ categoryId: cats.Cliente, tab: "tickets", level: "read" }], "rita");
    outsider = await userWithGrants(t, [{ categoryId: cats.Fornecedor, tab: "tickets", level: "write" }], "otto");
    code = (await makePerson(t.ctx, { categoryIds: [cats.Cliente], name: "João Monitorado" })).code;
  });
  afterAll(() => t.close());

  const call = (user: TestUser, method: "GET" | "PUT" | "DELETE", c = code) =>
    t.as(user, { method, url: `/api/persons/${c}/watchers${method === "GET" ? "" : "/me"}` });
  /** Watch-mail queued since `afterId`, by recipient. */
  const mailSince = async (afterId: number) =>
    (
      await t.ctx.db
        .selectFrom("mail_outbox")
        .selectAll()
        .where("id", ">", afterId)
        .where("kind", "=", "watch")
        .orderBy("id")
        .execute()
    ).map((m) => ({ to: JSON.parse(m.to_addresses)[0] as string, subject: m.subject, text: m.body_text }));
  const lastMailId = async () =>
    Number(
      (
        await t.ctx.db
          .selectFrom("mail_outbox")
          .select((eb) => eb.fn.max("id").as("m"))
          .executeTakeFirst()
      )?.m ?? 0,
    );
  const emailOf = (u: TestUser) => `${u.username}@example.com`;

  it("lets any user who sees the person watch, list the watchers and stop watching", async () => {
    expect((await call(agent, "GET")).json()).toEqual({ items: [], watching: false, count: 0 });
    const watched = await call(agent, "PUT");
    expect(watched.statusCode, watched.body).toBe(200);
    expect(watched.json()).toMatchObject({ watching: true, count: 1, items: [{ user: { id: agent.id }, me: true }] });
    expect((await call(agent, "PUT")).json().count).toBe(1); // twice is once
    await call(reader, "PUT");
    const list = (await call(reader, "GET")).json();
    expect(list.count).toBe(2);
    expect(list.items.map((w: { user: { id: number }; me: boolean }) => [w.user.id, w.me])).toEqual(
      expect.arrayContaining([
        [agent.id, false],
        [reader.id, true],
      ]),
    );
    const left = await call(reader, "DELETE");
    expect(left.json()).toMatchObject({ watching: false, count: 1 });
    expect((await call(reader, "DELETE")).statusCode).toBe(200);
    for (const method of ["GET", "PUT", "DELETE"] as const) {
      const res = await call(outsider, method);
      expect(res.statusCode, method).toBe(404);
    }
    expect((await call(agent, "GET", 999999)).statusCode).toBe(404);
  });

  it("e-mails every watcher but the author when a ticket is opened, noted, closed and reopened", async () => {
    await call(manager, "PUT");
    await call(reader, "PUT");
    let since = await lastMailId();
    const ticket = await openTicket(
      t,
      agent,
      code,
      ticketBody(refs, { subject: "Sistema lento", note: "Lento desde ontem." }),
    );
    let mail = await mailSince(since);
    expect(mail.map((m) => m.to).sort()).toEqual([emailOf(manager), emailOf(reader)].sort());
    const first = mail[0];
    expect(first?.subject).toContain(`Atendimento ${ticket.number}`);
    expect(first?.subject).toContain(`${String(code).padStart(6, "0")} — João Monitorado`);
    expect(first?.text).toContain("Sistema lento");
    expect(first?.text).toContain("Lento desde ontem.");
    expect(first?.text).toContain("abriu o atendimento");
    expect(first?.text).toContain(`http://127.0.0.1:3000/pessoas/${String(code).padStart(6, "0")}?aba=atendimentos`);

    const note = (payload: Record<string, unknown>, user = agent) =>
      t.as(user, { method: "POST", url: `/api/tickets/${ticket.id}/notes`, payload });
    since = await lastMailId();
    expect((await note({ text: "Limpamos o cache do navegador." })).statusCode).toBe(201);
    mail = await mailSince(since);
    expect(mail).toHaveLength(2);
    expect(mail.every((m) => m.text.includes("Limpamos o cache do navegador.") && m.text.includes("parecer"))).toBe(
      true,
    );

    since = await lastMailId();
    expect((await note({ text: "Resolvido.", close: true })).statusCode).toBe(201);
    mail = await mailSince(since);
    expect(mail.map((m) => m.subject.includes("encerrado") && m.text.includes("encerrou"))).toEqual([true, true]);

    // A refused change queues nothing: a note on the closed ticket is a 409.
    since = await lastMailId();
    expect((await note({ text: "Mais uma coisa." })).statusCode).toBe(409);
    expect((await note({ text: "Velho.", version: 1 })).statusCode).toBe(412);
    expect(await mailSince(since)).toEqual([]);

    // The manager reopens it: the agent (a watcher now) hears of it, the manager does not.
    await call(agent, "PUT");
    const managerWrites = await userWithGrants(t, [
      { categoryId: (await categoryIds(t.ctx)).Cliente, tab: "tickets", level: "write" },
    ]);
    await call(managerWrites, "PUT");
    const current = (await t.as(agent, { method: "GET", url: `/api/tickets/${ticket.id}` })).json();
    const reopened = await t.as(managerWrites, {
      method: "POST",
      url: `/api/tickets/${ticket.id}/reopen`,
      payload: { text: "Voltou a acontecer.", version: current.version },
    });
    expect(reopened.statusCode, reopened.body).toBe(200);
    mail = await mailSince(since);
    expect(mail.map((m) => m.to).sort()).toEqual([emailOf(agent), emailOf(manager), emailOf(reader)].sort());
    expect(mail.every((m) => m.text.includes("reabriu") && m.text.includes("Voltou a acontecer."))).toBe(true);
    await call(managerWrites, "DELETE");
  });

  it("tells of production tickets only watchers with the Produção grant", async () => {
    const since = await lastMailId();
    const ticket = await openTicket(
      t,
      admin,
      code,
      ticketBody(refs, { area: "production", subject: "Relatório errado", note: "Soma o frete duas vezes." }),
    );
    const mail = await mailSince(since);
    expect(mail.map((m) => m.to)).toEqual([emailOf(manager)]);
    expect(mail[0]?.subject).toContain(`Produção ${ticket.number}`);
    expect(mail[0]?.text).toContain("?aba=producao");
  });

  it("stops at a watcher who lost the tab's grant or was deactivated", async () => {
    const ticket = await openTicket(t, agent, code, ticketBody(refs, { subject: "Acesso perdido" }));
    await t.ctx.db.deleteFrom("user_access_profiles").where("user_id", "=", reader.id).execute();
    await t.ctx.db.updateTable("users").set({ is_active: 0 }).where("id", "=", manager.id).execute();
    try {
      const since = await lastMailId();
      const res = await t.as(agent, {
        method: "POST",
        url: `/api/tickets/${ticket.id}/notes`,
        payload: { text: "Oi." },
      });
      expect(res.statusCode).toBe(201);
      expect(await mailSince(since)).toEqual([]);
      // And the list no longer shows the deactivated user.
      const ids = (await call(agent, "GET")).json().items.map((w: { user: { id: number } }) => w.user.id);
      expect(ids).not.toContain(manager.id);
      expect(ids).toContain(reader.id);
    } finally {
      await t.ctx.db.updateTable("users").set({ is_active: 1 }).where("id", "=", manager.id).execute();
    }
  });

  it("is delivered by the mail worker (an .eml file without SMTP)", async () => {
    const since = await lastMailId();
    const ticket = await openTicket(t, agent, code, ticketBody(refs, { subject: "Entrega real" }));
    expect(await mailSince(since)).toHaveLength(1);
    const result = await deliverDue(t.ctx, { limit: 500 });
    expect(result.failed).toBe(0);
    const dir = path.join(t.ctx.config.dataDir, "mail");
    const files = fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f), "utf8"));
    const found = files.find((f) => f.includes(`Atendimento ${ticket.number}`));
    expect(found).toBeDefined();
    expect(found).toContain(`To: ${emailOf(manager)}`);
  });
});
