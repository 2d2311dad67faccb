import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Appointment } from "../../shared/appointments.schemas.ts";
import { testClock } from "../test/clock.ts";
import { buildTestApp, type TestApp } from "../test/test-app.ts";
import { seedDemo } from "./demo.ts";
import { seedDemoAppointments } from "./demo-appointments.ts";

describe("demo appointments", () => {
  const clock = testClock("2026-03-02T12:00:00.000Z");
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ now: clock.now });
    await seedDemo(t.ctx);
  }, 120_000);
  afterAll(() => t.close());

  const login = async (username: string, password: string) => ({ cookie: await t.login(username, password) });
  const get = async (user: { cookie: string }, url: string) => {
    const res = await t.as(user, { method: "GET", url });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it("gives João Carlos da Silva (code 1) one appointment of each state, relative to the seed time", async () => {
    const atendente = await login("atendente", "atendente123");
    const all = (await get(atendente, "/api/persons/1/appointments?includePast=true&includeDeleted=true"))
      .items as Appointment[];
    const done = (await get(atendente, "/api/persons/1/appointments?status=done&includePast=true"))
      .items as Appointment[];
    expect(done).toHaveLength(1);
    expect(done[0]).toMatchObject({ past: true, assignedUser: { name: "Aline Atendente" } });
    expect(done[0]?.ticket).not.toBeNull();
    expect(all.some((a) => a.past && a.status === "open")).toBe(true);
    expect(all.some((a) => a.deletedAt !== null && a.deleteReason)).toBe(true);
    const locked = all.find((a) => a.lock !== null);
    expect(locked).toMatchObject({ allDay: true, lock: { user: { name: "Gustavo Gerente" } } });
    const nextWeek = all.find((a) => a.subject === "Implantar o módulo fiscal");
    expect(nextWeek?.startsAt).toBe("2026-03-09T12:00:00.000Z");
    expect(nextWeek?.address?.text).toContain("Avenida Paulista");
    // The default list: open, not past, not deleted.
    const open = (await get(atendente, "/api/persons/1/appointments")).items as Appointment[];
    expect(open.every((a) => !a.past && a.deletedAt === null && a.status === "open")).toBe(true);
    expect(open.length).toBeGreaterThanOrEqual(3);
  });

  it("fills the agenda of each demo user and of others, and runs only once", async () => {
    const rows = await t.ctx.db.selectFrom("appointments").selectAll().execute();
    expect(new Set(rows.map((r) => r.person_id)).size).toBeGreaterThanOrEqual(15);
    const users = await t.ctx.db.selectFrom("users").select(["id", "username"]).execute();
    for (const name of ["atendente", "vendedor", "gerente"]) {
      const id = users.find((u) => u.username === name)?.id;
      expect(rows.filter((r) => r.assigned_user_id === id).length, name).toBeGreaterThan(1);
    }
    const vendedor = await login("vendedor", "vendedor123");
    const agenda = await get(vendedor, "/api/appointments?from=2026-03-01&to=2026-03-31&mine=true");
    expect(agenda.items.length).toBeGreaterThan(0);
    expect(await seedDemoAppointments(t.ctx)).toEqual({ appointments: 0 });
  });
});
