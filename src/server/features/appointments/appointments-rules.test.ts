import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Person } from "../../../shared/persons.schemas.ts";
import { appointmentBody, appointmentRow, appointmentTypeIds, createAppointment } from "../../test/appointments.ts";
import { DAY, HOUR, testClock } from "../../test/clock.ts";
import { categoryIds, makePerson, userWithGrants } from "../../test/factories.ts";
import { buildTestApp, type TestApp, type TestUser } from "../../test/test-app.ts";

/** The rules of DESIGN.md "Appointments", enforced by the server (the pure rules: appointments.rules.test.ts). */
describe("appointment rules over the API", () => {
  const clock = testClock("2026-03-02T12:00:00.000Z");
  let t: TestApp;
  let admin: TestUser;
  let ana: TestUser;
  let bruno: TestUser;
  let reader: TestUser;
  let person: Person;
  let types: Record<string, number>;
  beforeAll(async () => {
    t = await buildTestApp({ now: clock.now });
    const cats = await categoryIds(t.ctx);
    const write = [{ categoryId: cats.Cliente, tab: "appointments" as const, level: "write" as const }];
    admin = await t.user({ isAdmin: true, name: "Administradora" });
    ana = await userWithGrants(t, write);
    bruno = await userWithGrants(t, write);
    reader = await userWithGrants(t, [{ categoryId: cats.Cliente, tab: "appointments", level: "read" }]);
    await t.ctx.db.updateTable("users").set({ name: "Ana Souza" }).where("id", "=", ana.id).execute();
    person = await makePerson(t.ctx, { categoryIds: [cats.Cliente] });
    types = await appointmentTypeIds(t.ctx);
  });
  afterAll(() => t.close());

  const inDays = (days: number) => new Date(clock.now().getTime() + days * DAY).toISOString();
  const fresh = (startsAt = inDays(2), user: TestUser = ana) =>
    createAppointment(t, user, person.code, appointmentBody(types, startsAt));
  const patch = (user: TestUser, id: number, payload: object, headers: Record<string, string> = {}) =>
    t.as(user, { method: "PATCH", url: `/api/appointments/${id}`, payload, headers });
  const del = (user: TestUser, id: number, reason = "cancelado") =>
    t.as(user, { method: "DELETE", url: `/api/appointments/${id}`, payload: { reason } });
  const lock = (user: TestUser, id: number, reason = "aguardando o cliente") =>
    t.as(user, { method: "POST", url: `/api/appointments/${id}/lock`, payload: { reason } });
  const unlock = (user: TestUser, id: number) => t.as(user, { method: "DELETE", url: `/api/appointments/${id}/lock` });
  const done = (user: TestUser, id: number) =>
    t.as(user, { method: "POST", url: `/api/appointments/${id}/done`, payload: { result: "Cliente atendido" } });

  /** The refusal, and proof that the stored appointment did not change. */
  async function refused(res: LightMyRequestResponse, id: number, before: object, status: number, code: string) {
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().error.code).toBe(code);
    expect(await appointmentRow(t.ctx, id)).toEqual(before);
    return res.json().error as { message: string; details?: unknown };
  }

  it("edits a future appointment and bumps its version", async () => {
    const a = await fresh();
    const res = await patch(ana, a.id, { subject: "Assunto novo", version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ subject: "Assunto novo", version: 2 });
  });

  it("refuses editing a past appointment with 409 appointment_past, saying why", async () => {
    const a = await fresh(inDays(-1));
    const before = await appointmentRow(t.ctx, a.id);
    const error = await refused(
      await patch(ana, a.id, { subject: "x", version: 1 }),
      a.id,
      before,
      409,
      "appointment_past",
    );
    expect(error.message).toMatch(/no passado \(terminou em \d\d\/03\/2026 \d\d:\d\d\): não pode mais ser editado/);
  });

  it("refuses editing and deleting a done appointment with 409 appointment_done", async () => {
    const a = await fresh();
    expect((await done(ana, a.id)).statusCode).toBe(200);
    const before = await appointmentRow(t.ctx, a.id);
    expect(before).toMatchObject({ status: "done", done_by: ana.id, result: "Cliente atendido", version: 2 });
    const edit = await refused(
      await patch(ana, a.id, { subject: "x", version: 2 }),
      a.id,
      before,
      409,
      "appointment_done",
    );
    expect(edit.message).toBe("Agendamento já realizado: não pode ser editado.");
    const remove = await refused(await del(ana, a.id), a.id, before, 409, "appointment_done");
    expect(remove.message).toBe("Agendamento já realizado: não pode ser excluído.");
    await refused(await done(ana, a.id), a.id, before, 409, "appointment_done");
  });

  it("refuses moving an appointment into the past, and accepts moving it later", async () => {
    const a = await fresh();
    const before = await appointmentRow(t.ctx, a.id);
    await refused(
      await patch(ana, a.id, { startsAt: inDays(-2), endsAt: inDays(-2 + 1 / 24), version: 1 }),
      a.id,
      before,
      409,
      "appointment_past",
    );
    const moved = await patch(ana, a.id, { startsAt: inDays(4), version: 1 });
    expect(moved.statusCode, moved.body).toBe(200);
    // The duration is kept when only the start moves.
    expect(Date.parse(moved.json().endsAt) - Date.parse(moved.json().startsAt)).toBe(HOUR);
  });

  it("locks with a reason; others get 423 with who holds it on edit, delete, done, lock and unlock", async () => {
    const a = await fresh();
    const locked = await lock(ana, a.id);
    expect(locked.statusCode, locked.body).toBe(200);
    expect(locked.json()).toMatchObject({
      lock: {
        user: { id: ana.id, name: "Ana Souza" },
        since: clock.now().toISOString(),
        reason: "aguardando o cliente",
      },
      actions: { edit: true, unlock: true, lock: false },
    });
    const before = await appointmentRow(t.ctx, a.id);
    const edit = await refused(await patch(bruno, a.id, { subject: "x", version: 2 }), a.id, before, 423, "locked");
    expect(edit.message).toContain("bloqueado por Ana Souza desde 02/03/2026 09:00 (aguardando o cliente)");
    expect(edit.details).toEqual({
      lockedBy: { id: ana.id, name: "Ana Souza" },
      lockedAt: clock.now().toISOString(),
      reason: "aguardando o cliente",
    });
    await refused(await del(bruno, a.id), a.id, before, 423, "locked");
    await refused(await done(bruno, a.id), a.id, before, 423, "locked");
    await refused(await lock(bruno, a.id, "eu também"), a.id, before, 423, "locked");
    await refused(await unlock(bruno, a.id), a.id, before, 423, "locked");
    // The holder still edits it.
    expect((await patch(ana, a.id, { subject: "Ajustado por quem bloqueou", version: 2 })).statusCode).toBe(200);
    // Seen by another user: who holds it, and no actions.
    const seen = await t.as(bruno, { method: "GET", url: `/api/appointments/${a.id}` });
    expect(seen.json().actions).toEqual({ edit: false, delete: false, markDone: false, lock: false, unlock: false });
  });

  it("unlocks as the holder", async () => {
    const a = await fresh();
    await lock(ana, a.id);
    const res = await unlock(ana, a.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().lock).toBeNull();
    expect(await appointmentRow(t.ctx, a.id)).toMatchObject({ locked_by: null, locked_at: null, lock_reason: null });
    expect((await patch(bruno, a.id, { subject: "Agora pode", version: 3 })).statusCode).toBe(200);
  });

  it("lets an administrator unlock someone else's lock (but not edit through it)", async () => {
    const a = await fresh();
    await lock(ana, a.id);
    const before = await appointmentRow(t.ctx, a.id);
    await refused(await patch(admin, a.id, { subject: "x", version: 2 }), a.id, before, 423, "locked");
    const res = await unlock(admin, a.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().lock).toBeNull();
  });

  it("keeps writes from read-only users with 403", async () => {
    const a = await fresh();
    const before = await appointmentRow(t.ctx, a.id);
    await refused(await patch(reader, a.id, { subject: "x", version: 1 }), a.id, before, 403, "forbidden");
    await refused(await lock(reader, a.id), a.id, before, 403, "forbidden");
    await refused(await del(reader, a.id), a.id, before, 403, "forbidden");
    const seen = await t.as(reader, { method: "GET", url: `/api/appointments/${a.id}` });
    expect(seen.json()).toMatchObject({ canWrite: false, actions: { edit: false, delete: false } });
  });

  it("soft-deletes with the reason; a deleted one accepts no change", async () => {
    const a = await fresh(inDays(-3));
    const res = await del(ana, a.id, "lançado em duplicidade");
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      deletedAt: clock.now().toISOString(),
      deletedBy: { id: ana.id },
      deleteReason: "lançado em duplicidade",
    });
    const before = await appointmentRow(t.ctx, a.id);
    await refused(await del(ana, a.id), a.id, before, 409, "appointment_deleted");
    await refused(await done(ana, a.id), a.id, before, 409, "appointment_deleted");
    await refused(await lock(ana, a.id), a.id, before, 409, "appointment_deleted");
    const noReason = await t.as(ana, { method: "DELETE", url: `/api/appointments/${(await fresh()).id}`, payload: {} });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details[0].field).toBe("reason");
  });

  it("answers 412 to a stale version, in the body or in If-Match, and changes nothing", async () => {
    const a = await fresh();
    expect((await patch(ana, a.id, { subject: "v2", version: 1 })).statusCode).toBe(200);
    const before = await appointmentRow(t.ctx, a.id);
    const stale = await refused(
      await patch(bruno, a.id, { subject: "x", version: 1 }),
      a.id,
      before,
      412,
      "stale_version",
    );
    expect(stale.details).toEqual({ currentVersion: 2 });
    await refused(
      await patch(bruno, a.id, { subject: "x" }, { "if-match": '"1"' }),
      a.id,
      before,
      412,
      "stale_version",
    );
    const viaHeader = await patch(bruno, a.id, { subject: "v3" }, { "if-match": '"2"' });
    expect(viaHeader.statusCode, viaHeader.body).toBe(200);
    const staleLock = await t.as(ana, {
      method: "POST",
      url: `/api/appointments/${a.id}/lock`,
      payload: { reason: "r", version: 2 },
    });
    expect(staleLock.statusCode).toBe(412);
  });

  it("answers 404 for an appointment of a person the user cannot see, and for one that does not exist", async () => {
    const a = await fresh();
    const stranger = await userWithGrants(t, []);
    const res = await t.as(stranger, { method: "GET", url: `/api/appointments/${a.id}` });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toBe("Agendamento não encontrado.");
    expect((await t.as(ana, { method: "GET", url: "/api/appointments/999999" })).statusCode).toBe(404);
  });
});
