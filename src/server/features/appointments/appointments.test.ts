import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Appointment } from "../../../shared/appointments.schemas.ts";
import type { Person } from "../../../shared/persons.schemas.ts";
import { appointmentBody, appointmentTypeIds, createAppointment } from "../../test/appointments.ts";
import { DAY, testClock } from "../../test/clock.ts";
import { categoryIds, makePerson, userWithGrants } from "../../test/factories.ts";
import { buildTestApp, type TestApp, type TestUser } from "../../test/test-app.ts";

/** Creating, reading and listing appointments; the time model; the overlap warning; the types. */
describe("appointments", () => {
  const clock = testClock("2026-03-02T12:00:00.000Z");
  let t: TestApp;
  let admin: TestUser;
  let clerk: TestUser;
  let colleague: TestUser;
  let person: Person;
  let types: Record<string, number>;
  beforeAll(async () => {
    t = await buildTestApp({ now: clock.now });
    const cats = await categoryIds(t.ctx);
    admin = await t.user({ isAdmin: true });
    clerk = await userWithGrants(t, [{ categoryId: cats.Cliente, tab: "appointments", level: "write" }]);
    colleague = await userWithGrants(t, [{ categoryId: cats.Cliente, tab: "appointments", level: "write" }]);
    person = await makePerson(t.ctx, { categoryIds: [cats.Cliente], name: "João Carlos da Silva" });
    types = await appointmentTypeIds(t.ctx);
  });
  afterAll(() => t.close());

  const list = async (query: string, user: TestUser = clerk): Promise<Appointment[]> => {
    const res = await t.as(user, { method: "GET", url: `/api/persons/${person.code}/appointments?${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items;
  };

  it("creates one for the caller by default, with the type, the times in UTC and what the caller may do", async () => {
    const created = await createAppointment(
      t,
      clerk,
      person.code,
      appointmentBody(types, "2026-03-05T14:00:00-03:00", { endsAt: "2026-03-05T15:30:00-03:00" }),
    );
    expect(created).toMatchObject({
      person: { code: person.code, name: "João Carlos da Silva" },
      type: { id: types.Reunião, name: "Reunião" },
      allDay: false,
      startsAt: "2026-03-05T17:00:00.000Z",
      endsAt: "2026-03-05T18:30:00.000Z",
      startDate: null,
      endDate: null,
      assignedUser: { id: clerk.id },
      status: "open",
      past: false,
      lock: null,
      version: 1,
      canWrite: true,
      actions: { edit: true, delete: true, markDone: true, lock: true, unlock: false },
      overlaps: [],
    });
    const res = await t.as(clerk, { method: "GET", url: `/api/appointments/${created.id}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: created.id, subject: "Apresentar o módulo fiscal", version: 1 });
  });

  it("ends after the type's duration when no end is sent", async () => {
    const created = await createAppointment(t, clerk, person.code, {
      typeId: types["Visita técnica"],
      startsAt: "2026-03-06T09:00:00-03:00",
      subject: "Instalar o certificado digital",
    });
    expect(created.endsAt).toBe("2026-03-06T14:00:00.000Z");
  });

  it("keeps an all-day appointment as dates, never shifted by the time zone", async () => {
    const created = await createAppointment(t, clerk, person.code, {
      typeId: types.Treinamento,
      startsAt: "2026-03-10",
      endsAt: "2026-03-11",
      allDay: true,
      subject: "Treinamento da equipe fiscal",
    });
    expect(created).toMatchObject({
      allDay: true,
      startDate: "2026-03-10",
      endDate: "2026-03-11",
      startsAt: "2026-03-10T03:00:00.000Z",
      endsAt: "2026-03-12T03:00:00.000Z",
    });
    const row = await t.ctx.db
      .selectFrom("appointments")
      .select(["start_date", "end_date", "all_day"])
      .where("id", "=", created.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ start_date: "2026-03-10", end_date: "2026-03-11", all_day: 1 });
  });

  it("records a past appointment (allowed), shown as past and no longer editable", async () => {
    const created = await createAppointment(
      t,
      clerk,
      person.code,
      appointmentBody(types, new Date(clock.now().getTime() - 3 * DAY).toISOString(), { subject: "Visita de ontem" }),
    );
    expect(created).toMatchObject({
      past: true,
      status: "open",
      actions: { edit: false, delete: true, markDone: true },
    });
  });

  it("warns (never refuses) when the responsible user already has something at that time", async () => {
    const first = await createAppointment(
      t,
      colleague,
      person.code,
      appointmentBody(types, "2026-03-20T13:00:00.000Z", { subject: "Reunião de alinhamento" }),
    );
    const second = await createAppointment(
      t,
      clerk,
      person.code,
      appointmentBody(types, "2026-03-20T13:30:00.000Z", { assignedUserId: colleague.id, subject: "Outra reunião" }),
    );
    expect(second.assignedUser.id).toBe(colleague.id);
    expect(second.overlaps).toEqual([
      {
        id: first.id,
        subject: "Reunião de alinhamento",
        person: { code: person.code, name: "João Carlos da Silva" },
        allDay: false,
        startsAt: "2026-03-20T13:00:00.000Z",
        endsAt: "2026-03-20T14:00:00.000Z",
      },
    ]);
    // Back to back is not an overlap.
    const after = await createAppointment(
      t,
      colleague,
      person.code,
      appointmentBody(types, "2026-03-20T14:30:00.000Z", { subject: "Em seguida" }),
    );
    expect(after.overlaps).toEqual([]);
  });

  it("hides in the warning what the caller may not see of another person's appointment", async () => {
    const cats = await categoryIds(t.ctx);
    const supplier = await makePerson(t.ctx, { categoryIds: [cats.Fornecedor], name: "Fornecedor Secreto" });
    await createAppointment(
      t,
      admin,
      supplier.code,
      appointmentBody(types, "2026-03-25T13:00:00.000Z", { assignedUserId: admin.id, subject: "Negociação sigilosa" }),
    );
    const mine = await createAppointment(
      t,
      clerk,
      person.code,
      appointmentBody(types, "2026-03-25T13:00:00.000Z", { subject: "Visita" }),
    );
    expect(mine.overlaps).toEqual([]);
    const res = await t.as(clerk, {
      method: "PATCH",
      url: `/api/appointments/${mine.id}`,
      payload: { assignedUserId: admin.id, version: 1 },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().overlaps).toEqual([
      {
        id: null,
        subject: null,
        person: null,
        allDay: false,
        startsAt: "2026-03-25T13:00:00.000Z",
        endsAt: "2026-03-25T14:00:00.000Z",
      },
    ]);
  });

  it("lists open ones soonest first; past, done and deleted only when asked", async () => {
    const p = await makePerson(t.ctx, { categoryIds: [(await categoryIds(t.ctx)).Cliente], name: "Lista" });
    const make = (startsAt: string, subject: string) =>
      createAppointment(t, clerk, p.code, appointmentBody(types, startsAt, { subject }));
    const now = clock.now().getTime();
    const later = await make(new Date(now + 5 * DAY).toISOString(), "depois");
    const sooner = await make(new Date(now + DAY).toISOString(), "antes");
    const past = await make(new Date(now - 2 * DAY).toISOString(), "passado");
    const underWay = await make(new Date(now - 30 * 60_000).toISOString(), "em andamento");
    const deleted = await make(new Date(now + 2 * DAY).toISOString(), "excluído");
    const done = await make(new Date(now + 3 * DAY).toISOString(), "realizado");
    const ok = async (url: string, payload: object) =>
      expect((await t.as(clerk, { method: url.endsWith("done") ? "POST" : "DELETE", url, payload })).statusCode).toBe(
        200,
      );
    await ok(`/api/appointments/${deleted.id}`, { reason: "cliente cancelou" });
    await ok(`/api/appointments/${done.id}/done`, { result: "feito" });

    const subjects = async (q: string) =>
      (await t.as(clerk, { method: "GET", url: `/api/persons/${p.code}/appointments?${q}` }))
        .json()
        .items.map((a: Appointment) => a.subject);
    expect(await subjects("")).toEqual(["em andamento", "antes", "depois"]);
    expect(await subjects("includePast=true")).toEqual(["passado", "em andamento", "antes", "depois"]);
    expect(await subjects("includeDeleted=true")).toEqual(["em andamento", "antes", "excluído", "depois"]);
    expect(await subjects("status=done")).toEqual(["realizado"]);
    expect(await subjects("includePast=true&includeDeleted=true")).toHaveLength(5);
    // Each person's list is their own.
    expect((await list("includeDeleted=true&includePast=true")).map((a) => a.id)).not.toContain(deleted.id);
    const res = await t.as(clerk, { method: "GET", url: `/api/appointments/${deleted.id}` });
    expect(res.json()).toMatchObject({ deleteReason: "cliente cancelou", deletedBy: { id: clerk.id } });
    const ids = (await t.as(clerk, { method: "GET", url: `/api/persons/${p.code}/appointments?includePast=true` }))
      .json()
      .items.map((a: Appointment) => a.id);
    expect(ids).toEqual([past.id, underWay.id, sooner.id, later.id]);
  });

  it("pages with a cursor and refuses a bad one with 400 naming it", async () => {
    const first = await list("limit=2");
    const page1 = await t.as(clerk, { method: "GET", url: `/api/persons/${person.code}/appointments?limit=2` });
    const cursor = page1.json().nextCursor as string;
    expect(cursor).toBeTruthy();
    const page2 = await list(`limit=2&cursor=${cursor}`);
    expect(page2.map((a) => a.id)).not.toContain(first[0]?.id);
    expect(page2.every((a) => a.startsAt >= (first[1]?.startsAt ?? ""))).toBe(true);
    const bad = await t.as(clerk, { method: "GET", url: `/api/persons/${person.code}/appointments?cursor=xyz` });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([
      { field: "cursor", reason: "invalid_cursor", message: "cursor inválido" },
    ]);
    const flag = await t.as(clerk, { method: "GET", url: `/api/persons/${person.code}/appointments?includePast=sim` });
    expect(flag.statusCode).toBe(400);
    expect(flag.json().error.details[0].field).toBe("includePast");
  });

  it("starts with the usual appointment types, which administrators edit and everyone reads", async () => {
    const res = await t.as(clerk, { method: "GET", url: "/api/settings/appointment-types" });
    expect(res.statusCode).toBe(200);
    const names = res.json().items.map((i: { name: string }) => i.name);
    expect(names).toEqual(
      expect.arrayContaining(["Visita técnica", "Implantação", "Treinamento", "Reunião", "Ligação"]),
    );
    const created = await t.as(admin, {
      method: "POST",
      url: "/api/settings/appointment-types",
      payload: { name: "Almoço de negócios", color: "#aa3300", durationMinutes: 90 },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ name: "Almoço de negócios", durationMinutes: 90, isActive: true });
    const off = await t.as(admin, {
      method: "PATCH",
      url: `/api/settings/appointment-types/${created.json().id}`,
      payload: { isActive: false, version: 1 },
    });
    expect(off.json()).toMatchObject({ isActive: false, version: 2 });
    const refused = await t.as(clerk, {
      method: "POST",
      url: `/api/persons/${person.code}/appointments`,
      payload: appointmentBody(types, "2026-03-09T12:00:00Z", { typeId: created.json().id }),
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details[0].field).toBe("typeId");
    const bad = await t.as(admin, {
      method: "POST",
      url: "/api/settings/appointment-types",
      payload: { name: "X", durationMinutes: 2 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe("durationMinutes");
  });
});
