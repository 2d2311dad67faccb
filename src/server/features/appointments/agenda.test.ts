import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Appointment } from "../../../shared/appointments.schemas.ts";
import type { Person } from "../../../shared/persons.schemas.ts";
import { appointmentBody, appointmentTypeIds, createAppointment } from "../../test/appointments.ts";
import { testClock } from "../../test/clock.ts";
import { categoryIds, makePerson, userWithGrants } from "../../test/factories.ts";
import { buildTestApp, type TestApp, type TestUser } from "../../test/test-app.ts";

/** The agenda: a window of appointments, only those the user may see. */
describe("agenda", () => {
  const clock = testClock("2026-03-02T12:00:00.000Z");
  let t: TestApp;
  let admin: TestUser;
  let clientSide: TestUser;
  let supplierSide: TestUser;
  let ticketsOnly: TestUser;
  let customer: Person;
  let supplier: Person;
  const ids: Record<string, number> = {};
  beforeAll(async () => {
    t = await buildTestApp({ now: clock.now });
    const cats = await categoryIds(t.ctx);
    admin = await t.user({ isAdmin: true });
    clientSide = await userWithGrants(t, [{ categoryId: cats.Cliente, tab: "appointments", level: "write" }]);
    supplierSide = await userWithGrants(t, [{ categoryId: cats.Fornecedor, tab: "appointments", level: "read" }]);
    ticketsOnly = await userWithGrants(t, [{ categoryId: cats.Cliente, tab: "tickets", level: "write" }]);
    customer = await makePerson(t.ctx, { categoryIds: [cats.Cliente], name: "Cliente da Agenda" });
    supplier = await makePerson(t.ctx, { categoryIds: [cats.Fornecedor], name: "Fornecedor da Agenda" });
    const types = await appointmentTypeIds(t.ctx);
    const make = async (name: string, who: TestUser, p: Person, startsAt: string, over: object = {}) => {
      ids[name] = (
        await createAppointment(t, who, p.code, appointmentBody(types, startsAt, { subject: name, ...over }))
      ).id;
    };
    await make("cliente-março", clientSide, customer, "2026-03-10T13:00:00.000Z");
    await make("cliente-admin", admin, customer, "2026-03-11T13:00:00.000Z", { assignedUserId: admin.id });
    await make("fornecedor", admin, supplier, "2026-03-12T13:00:00.000Z");
    await make("abril", clientSide, customer, "2026-04-20T13:00:00.000Z");
    await make("dia-inteiro", clientSide, customer, "2026-03-31", {
      allDay: true,
      endsAt: "2026-04-01",
      typeId: types.Treinamento,
    });
    await make("excluído", clientSide, customer, "2026-03-13T13:00:00.000Z");
    await t.as(clientSide, {
      method: "DELETE",
      url: `/api/appointments/${ids.excluído}`,
      payload: { reason: "cancelado" },
    });
  });
  afterAll(() => t.close());

  const agenda = async (user: TestUser, query: string) => {
    const res = await t.as(user, { method: "GET", url: `/api/appointments?${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().items as Appointment[]).map((a) => a.subject);
  };
  const march = "from=2026-03-01&to=2026-04-01";

  it("answers everyone's appointments the user may see in the window, soonest first, never deleted ones", async () => {
    expect(await agenda(clientSide, march)).toEqual(["cliente-março", "cliente-admin", "dia-inteiro"]);
    expect(await agenda(supplierSide, march)).toEqual(["fornecedor"]);
    expect(await agenda(ticketsOnly, march)).toEqual([]);
    expect(await agenda(admin, march)).toEqual(["cliente-março", "cliente-admin", "fornecedor", "dia-inteiro"]);
  });

  it("filters mine or one user's", async () => {
    expect(await agenda(clientSide, `${march}&mine=true`)).toEqual(["cliente-março", "dia-inteiro"]);
    expect(await agenda(clientSide, `${march}&assignedUserId=${admin.id}`)).toEqual(["cliente-admin"]);
    // By user, still only what the caller may see: the administrator's customer appointment stays hidden.
    expect(await agenda(supplierSide, `${march}&assignedUserId=${admin.id}`)).toEqual(["fornecedor"]);
  });

  it("catches an appointment that began before the window and is still going", async () => {
    // The all-day appointment spans 31/03 and 01/04 (company time): April's first day sees it.
    expect(await agenda(clientSide, "from=2026-04-01&to=2026-04-02")).toEqual(["dia-inteiro"]);
    expect(await agenda(clientSide, "from=2026-04-02&to=2026-04-03")).toEqual([]);
    // Date-times with offset work as bounds too.
    expect(await agenda(clientSide, "from=2026-03-10T09:30:00-03:00&to=2026-03-10T10:30:00-03:00")).toEqual([
      "cliente-março",
    ]);
  });

  it("refuses a window longer than 62 days, reversed, or unparseable with 400 naming the field", async () => {
    const bad = async (query: string, field: string) => {
      const res = await t.as(clientSide, { method: "GET", url: `/api/appointments?${query}` });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.details[0].field).toBe(field);
    };
    await bad("from=2026-03-01&to=2026-05-03", "to");
    await bad("from=2026-03-10&to=2026-03-01", "to");
    await bad("from=ontem&to=2026-03-01", "from");
    await bad("to=2026-03-01", "from");
    await bad(`${march}&mine=talvez`, "mine");
  });

  it("lists active users for the filter", async () => {
    const res = await t.as(ticketsOnly, { method: "GET", url: "/api/appointments/assignees" });
    expect(res.statusCode).toBe(200);
    const users = res.json().items as { id: number; name: string }[];
    expect(users.map((u) => u.id)).toEqual(expect.arrayContaining([admin.id, clientSide.id, supplierSide.id]));
    await t.ctx.db.updateTable("users").set({ is_active: 0 }).where("id", "=", supplierSide.id).execute();
    const after = (await t.as(ticketsOnly, { method: "GET", url: "/api/appointments/assignees" })).json().items;
    expect(after.map((u: { id: number }) => u.id)).not.toContain(supplierSide.id);
  });
});
