import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { categoryIds, makePerson } from "../../test/factories.ts";
import { buildTestApp, type TestApp, testDialect } from "../../test/test-app.ts";
import { openTicket, ticketBody, ticketRefs } from "../../test/tickets.ts";

/**
 * The running counts behind the company page are rows that many transactions update. Two open
 * tickets moving between the same two due days in opposite directions, at the same moment, must
 * never deadlock (each table's two rows are taken in key order), and the counts stay exact.
 */
describe.runIf(testDialect() === "postgres")("critical counts under concurrent moves (PostgreSQL)", () => {
  let t: TestApp;
  let ids: number[] = [];
  const dayA = "2026-10-01T15:00:00.000Z";
  const dayB = "2026-10-20T15:00:00.000Z";

  beforeAll(async () => {
    t = await buildTestApp();
    const admin = await t.user({ isAdmin: true });
    const cats = await categoryIds(t.ctx);
    const refs = await ticketRefs(t.ctx);
    const person = await makePerson(t.ctx, { categoryIds: [cats.Cliente] });
    ids = [];
    for (let i = 0; i < 8; i++)
      ids.push((await openTicket(t, admin, person.code, ticketBody(refs, { subject: `Movido ${i}` }))).id);
    await t.ctx.db.updateTable("tickets").set({ due_at: dayA }).where("id", "in", ids.slice(0, 4)).execute();
    await t.ctx.db.updateTable("tickets").set({ due_at: dayB }).where("id", "in", ids.slice(4)).execute();
  }, 60_000);
  afterAll(() => t.close());

  it("moves tickets both ways at once without a deadlock, and the counts match a recount", async () => {
    const move = (id: number, due: string) =>
      t.ctx.db.transaction().execute(async (trx) => {
        await trx.updateTable("tickets").set({ due_at: due }).where("id", "=", id).execute();
      });
    const failures: string[] = [];
    for (let round = 0; round < 60; round++) {
      const even = round % 2 === 0;
      const results = await Promise.allSettled(ids.map((id, i) => move(id, i < 4 === even ? dayB : dayA)));
      for (const r of results) if (r.status === "rejected") failures.push(String((r.reason as Error).message));
    }
    expect(failures).toEqual([]);
    const { rows } = await sql<{ day: string; n: number }>`select due_day as day, sum(n)::int as n
      from critical_factor_counts group by due_day having sum(n) <> 0 order by due_day`.execute(t.ctx.db);
    const live = await sql<{ day: string; n: number }>`select substr(due_at, 1, 10) as day, count(*)::int as n
      from tickets where status = 'open' group by 1 order by 1`.execute(t.ctx.db);
    expect(rows).toEqual(live.rows);
  }, 120_000);
});
