import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestClock, testClock } from "../../test/clock.ts";
import { categoryIds, makePerson, userWithGrants } from "../../test/factories.ts";
import { buildTestApp, type TestApp, type TestUser } from "../../test/test-app.ts";
import { openTicket, type TicketRefs, ticketBody, ticketRefs } from "../../test/tickets.ts";
import { runWatchDigests } from "./watchers.digest.service.ts";

describe("Spy System: the daily digest", () => {
  let t: TestApp;
  let clock: TestClock;
  let refs: TicketRefs;
  let agent: TestUser;
  let digester: TestUser;
  let instant: TestUser;
  let code: number;
  let otherCode: number;

  beforeAll(async () => {
    // 10/03/2026 09:00 in São Paulo.
    clock = testClock("2026-03-10T12:00:00.000Z");
    t = await buildTestApp({ now: clock.now });
    const cats = await categoryIds(t.ctx);
    refs = await ticketRefs(t.ctx);
    const grants = [{ categoryId: cats.Cliente, tab: "tickets" as const, level: "write" as const }];
    agent = await userWithGrants(t, grants, "autora");
    digester = await userWithGrants(t, grants, "resumida");
    instant = await userWithGrants(t, grants, "imediata");
    code = (await makePerson(t.ctx, { categoryIds: [cats.Cliente], name: "Cliente do Resumo" })).code;
    otherCode = (await makePerson(t.ctx, { categoryIds: [cats.Cliente], name: "Outra Cliente" })).code;
    for (const u of [digester, instant]) {
      for (const c of [code, otherCode]) {
        expect((await t.as(u, { method: "PUT", url: `/api/persons/${c}/watchers/me` })).statusCode).toBe(200);
      }
    }
  });
  afterAll(() => t.close());

  const mail = (kind: "watch" | "digest", to: TestUser) =>
    t.ctx.db
      .selectFrom("mail_outbox")
      .selectAll()
      .where("kind", "=", kind)
      .where("to_addresses", "=", JSON.stringify([`${to.username}@example.com`]))
      .orderBy("id")
      .execute();
  const relogin = async () => {
    for (const u of [agent, digester, instant]) u.cookie = await t.login(u.username, u.password);
  };

  it("keeps each user's choice, and refuses anything but immediate or digest", async () => {
    const get = () => t.as(digester, { method: "GET", url: "/api/me/watch-preferences" });
    expect((await get()).json()).toEqual({ delivery: "immediate" });
    const put = (payload: Record<string, unknown>) =>
      t.as(digester, { method: "PUT", url: "/api/me/watch-preferences", payload });
    const bad = await put({ delivery: "weekly" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain("delivery");
    expect((await get()).json()).toEqual({ delivery: "immediate" });
    expect((await put({ delivery: "digest" })).json()).toEqual({ delivery: "digest" });
    expect((await get()).json()).toEqual({ delivery: "digest" });
  });

  it("sends a digest user one message for the day, after the day ends, once", async () => {
    const first = await openTicket(t, agent, code, ticketBody(refs, { subject: "Primeiro do dia", note: "Abertura." }));
    clock.set("2026-03-10T18:00:00.000Z");
    await t.as(agent, {
      method: "POST",
      url: `/api/tickets/${first.id}/notes`,
      payload: { text: "Parecer da tarde." },
    });
    await openTicket(t, agent, otherCode, ticketBody(refs, { subject: "Da outra cliente", note: "Outra abertura." }));
    // The immediate watcher got three messages; the digest user none yet.
    expect(await mail("watch", instant)).toHaveLength(3);
    expect(await mail("watch", digester)).toHaveLength(0);
    expect(await runWatchDigests(t.ctx)).toEqual({ sent: 0, empty: 0, skipped: 0 });

    // 23:50 in São Paulo is already the 11th in UTC: the day is not over yet.
    clock.set("2026-03-11T02:50:00.000Z");
    await relogin();
    expect((await runWatchDigests(t.ctx)).sent).toBe(0);
    clock.set("2026-03-11T03:10:00.000Z");
    expect(await runWatchDigests(t.ctx)).toEqual({ sent: 1, empty: 0, skipped: 0 });
    const digests = await mail("digest", digester);
    expect(digests).toHaveLength(1);
    const digest = digests[0];
    expect(digest?.subject).toBe("[Vínculo] Resumo do monitoramento de 10/03/2026 — 3 eventos");
    for (const text of [
      "Primeiro do dia",
      "Parecer da tarde.",
      "Da outra cliente",
      "Cliente do Resumo",
      "Outra Cliente",
    ]) {
      expect(digest?.body_text).toContain(text);
    }
    expect(digest?.body_text).toContain(`/pessoas/${String(code).padStart(6, "0")}?aba=atendimentos`);
    expect(await runWatchDigests(t.ctx)).toEqual({ sent: 0, empty: 0, skipped: 0 });
    expect(await mail("digest", digester)).toHaveLength(1);
    expect(await mail("digest", instant)).toHaveLength(0);
    expect(await t.ctx.db.selectFrom("watch_events").selectAll().execute()).toEqual([]);
  });

  it("goes out once when several servers run the job at the same moment", async () => {
    clock.set("2026-03-11T15:00:00.000Z");
    await relogin();
    await openTicket(t, agent, code, ticketBody(refs, { subject: "Dia 11" }));
    clock.set("2026-03-12T04:00:00.000Z");
    const other = await t.reopen();
    const other2 = await t.reopen();
    const jobs = [t.ctx, { ...other.ctx, now: clock.now }, { ...other2.ctx, now: clock.now }] as const;
    // PostgreSQL: truly at once, on three pools. SQLite serves one process (its connections in one
    // thread would wait on each other's write locks), so there the servers take turns.
    const runs =
      t.ctx.dialect === "postgres"
        ? await Promise.all(jobs.map((ctx) => runWatchDigests(ctx)))
        : [await runWatchDigests(jobs[0]), await runWatchDigests(jobs[1]), await runWatchDigests(jobs[2])];
    expect(runs.reduce((n, r) => n + r.sent, 0)).toBe(1);
    const digests = await mail("digest", digester);
    expect(digests.map((d) => d.subject)).toEqual([
      "[Vínculo] Resumo do monitoramento de 10/03/2026 — 3 eventos",
      "[Vínculo] Resumo do monitoramento de 11/03/2026 — 1 evento",
    ]);
  });

  it("moves an event that arrives after its day's digest to the next one, and drops what the user may no longer see", async () => {
    const ticket = await t.ctx.db.selectFrom("tickets").select(["id", "person_id"]).executeTakeFirstOrThrow();
    // Written for the 11th after the 11th's digest went out (a transaction that straddled midnight).
    await t.ctx.db
      .insertInto("watch_events")
      .values({
        user_id: digester.id,
        person_id: ticket.person_id,
        ticket_id: ticket.id,
        event: "note",
        actor_id: agent.id,
        text: "Atrasado.",
        day: "2026-03-11",
        created_at: "2026-03-12T02:59:59.000Z",
      })
      .execute();
    expect(await runWatchDigests(t.ctx)).toEqual({ sent: 0, empty: 0, skipped: 1 });
    expect((await t.ctx.db.selectFrom("watch_events").select("day").execute()).map((e) => e.day)).toEqual([
      "2026-03-12",
    ]);
    // The user loses Atendimentos before the 12th's digest: nothing is sent, nothing is left.
    await t.ctx.db.deleteFrom("user_access_profiles").where("user_id", "=", digester.id).execute();
    clock.set("2026-03-13T04:00:00.000Z");
    expect(await runWatchDigests(t.ctx)).toEqual({ sent: 0, empty: 1, skipped: 0 });
    expect(await mail("digest", digester)).toHaveLength(2);
    expect(await t.ctx.db.selectFrom("watch_events").selectAll().execute()).toEqual([]);
  });
});
