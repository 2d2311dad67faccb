import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TicketSummary } from "../../shared/tickets.schemas.ts";
import { categoryIds, userWithGrants } from "../test/factories.ts";
import { buildTestApp, type TestApp, type TestUser } from "../test/test-app.ts";
import { openTicket, ticketBody, ticketRefs } from "../test/tickets.ts";
import { seedScale } from "./scale.ts";
import { seedScaleTickets } from "./scale-tickets.ts";

describe("scale tickets", () => {
  let t: TestApp;
  let admin: TestUser;
  const calls: [number, number][] = [];
  let result: { first: number; last: number };

  beforeAll(async () => {
    t = await buildTestApp();
    admin = await t.user({ isAdmin: true });
    await seedScale(t.ctx.handle, 150);
    result = await seedScaleTickets(t.ctx.handle, 6_200, (done, total) => calls.push([done, total]));
  }, 120_000);
  afterAll(() => t.close());

  const count = async (table: "tickets" | "ticket_notes") =>
    Number(
      (
        await t.ctx.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it("writes n tickets in batches, numbered from the sequence, with ~3 notes each, counted on the ticket", async () => {
    expect(result).toEqual({ first: 1, last: 6_200 });
    expect(calls).toEqual([
      [5_000, 6_200],
      [6_200, 6_200],
    ]);
    expect(await count("tickets")).toBe(6_200);
    const notes = await count("ticket_notes");
    expect(notes / 6_200).toBeGreaterThan(2.5);
    expect(notes / 6_200).toBeLessThan(3.5);
    const sums = await t.ctx.db
      .selectFrom("tickets")
      .select((eb) => [eb.fn.sum<number>("note_count").as("notes"), eb.fn.max("number").as("max")])
      .executeTakeFirstOrThrow();
    expect(Number(sums.notes)).toBe(notes);
    expect(Number(sums.max)).toBe(6_200);
    const seq = await t.ctx.db
      .selectFrom("sequences")
      .select("value")
      .where("name", "=", "ticket_number")
      .executeTakeFirstOrThrow();
    expect(seq.value).toBe(6_200);
    // Both areas, both statuses, and each type in its own area.
    const mismatched = await t.ctx.db
      .selectFrom("tickets as t")
      .innerJoin("ticket_types as ty", "ty.id", "t.type_id")
      .select("t.id")
      .whereRef("ty.area", "!=", "t.area")
      .execute();
    expect(mismatched).toEqual([]);
    const groups = await t.ctx.db
      .selectFrom("tickets")
      .select(["area", "status", (eb) => eb.fn.countAll<number>().as("n")])
      .groupBy(["area", "status"])
      .execute();
    expect(groups).toHaveLength(4);
    // Some persons carry long lists (the lists' keyset pages get exercised).
    const busiest = await t.ctx.db
      .selectFrom("tickets")
      .select(["person_id", (eb) => eb.fn.countAll<number>().as("n")])
      .groupBy("person_id")
      .orderBy("n", "desc")
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(Number(busiest.n)).toBeGreaterThan(100);
  });

  it("restores SQLite's synchronous=FULL after the load", () => {
    if (!t.ctx.handle.sqlite) return;
    expect(t.ctx.handle.sqlite.pragma("synchronous", { simple: true })).toBe(2);
  });

  it("leaves the database ready for the API: new tickets continue the numbers and ids", async () => {
    const cats = await categoryIds(t.ctx);
    const refs = await ticketRefs(t.ctx);
    const busiest = await t.ctx.db
      .selectFrom("tickets as t")
      .innerJoin("persons as p", "p.id", "t.person_id")
      .select(["p.code", (eb) => eb.fn.countAll<number>().as("n")])
      .groupBy("p.code")
      .orderBy("n", "desc")
      .limit(1)
      .executeTakeFirstOrThrow();
    const created = await openTicket(t, admin, busiest.code, ticketBody(refs));
    expect(created.number).toBe(6_201);
    const note = await t.as(admin, {
      method: "POST",
      url: `/api/tickets/${created.id}/notes`,
      payload: { text: "Ok" },
    });
    expect(note.statusCode).toBe(201);

    const agent = await userWithGrants(t, [
      { categoryId: cats.Cliente, tab: "tickets", level: "read" },
      { categoryId: cats.Fornecedor, tab: "tickets", level: "read" },
    ]);
    const page = await t.as(agent, {
      method: "GET",
      url: `/api/persons/${busiest.code}/tickets?status=closed&limit=50`,
    });
    // The busiest person may be of a category the agent cannot see; the administrator always can.
    const res =
      page.statusCode === 200
        ? page
        : await t.as(admin, { method: "GET", url: `/api/persons/${busiest.code}/tickets?status=closed&limit=50` });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as TicketSummary[];
    expect(items).toHaveLength(50);
    expect(res.json().nextCursor).toEqual(expect.any(String));
    const opened = items.map((i) => i.openedAt);
    expect([...opened].sort().reverse()).toEqual(opened);
  });

  it("appends on a second run, numbers continuing", async () => {
    const before = await count("tickets");
    expect(await seedScaleTickets(t.ctx.handle, 10)).toEqual({ first: 6_202, last: 6_211 });
    expect(await count("tickets")).toBe(before + 10);
  });
});
