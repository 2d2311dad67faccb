import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Person } from "../../../shared/persons.schemas.ts";
import {
  appointmentBody,
  appointmentCount,
  appointmentRow,
  appointmentTypeIds,
  createAppointment,
} from "../../test/appointments.ts";
import { testClock } from "../../test/clock.ts";
import { categoryIds, makePerson, userWithGrants } from "../../test/factories.ts";
import { buildTestApp, type TestApp, type TestUser } from "../../test/test-app.ts";
import { openTicket, ticketBody, ticketRefs } from "../../test/tickets.ts";

const address = {
  type: "delivery",
  zip: "01310-100",
  street: "Av. Paulista",
  number: "1000",
  complement: "sala 12",
  district: "Bela Vista",
  city: "São Paulo",
  state: "SP",
};

/** Bad input is a 400 naming the field, and nothing changes. */
describe("appointment input", () => {
  const clock = testClock("2026-03-02T12:00:00.000Z");
  let t: TestApp;
  let admin: TestUser;
  let clerk: TestUser;
  let noTickets: TestUser;
  let person: Person;
  let other: Person;
  let types: Record<string, number>;
  let addressId: number;
  let otherAddressId: number;
  let ticketId: number;
  let otherTicketId: number;
  let productionTicketId: number;
  beforeAll(async () => {
    t = await buildTestApp({ now: clock.now });
    const cats = await categoryIds(t.ctx);
    admin = await t.user({ isAdmin: true });
    clerk = await userWithGrants(t, [
      { categoryId: cats.Cliente, tab: "appointments", level: "write" },
      { categoryId: cats.Cliente, tab: "tickets", level: "write" },
    ]);
    noTickets = await userWithGrants(t, [{ categoryId: cats.Cliente, tab: "addresses", level: "read" }]);
    person = await makePerson(t.ctx, { categoryIds: [cats.Cliente], addresses: [address] });
    other = await makePerson(t.ctx, { categoryIds: [cats.Cliente], addresses: [{ ...address, number: "2000" }] });
    types = await appointmentTypeIds(t.ctx);
    const addressOf = async (p: Person) =>
      (
        await t.ctx.db
          .selectFrom("addresses as a")
          .innerJoin("persons as p", "p.id", "a.person_id")
          .select("a.id")
          .where("p.code", "=", p.code)
          .executeTakeFirstOrThrow()
      ).id;
    addressId = await addressOf(person);
    otherAddressId = await addressOf(other);
    const refs = await ticketRefs(t.ctx);
    ticketId = (await openTicket(t, admin, person.code, ticketBody(refs))).id;
    otherTicketId = (await openTicket(t, admin, other.code, ticketBody(refs))).id;
    productionTicketId = (await openTicket(t, admin, person.code, ticketBody(refs, { area: "production" }))).id;
  });
  afterAll(() => t.close());

  const start = "2026-03-10T13:00:00.000Z";

  it("keeps one of the person's addresses as text, or none when remote", async () => {
    const a = await createAppointment(t, clerk, person.code, appointmentBody(types, start, { addressId }));
    expect(a.address).toEqual({ id: addressId, text: "Av. Paulista, 1000, sala 12 – Bela Vista, São Paulo/SP" });
    expect(a.remote).toBe(false);
    const res = await t.as(clerk, {
      method: "PATCH",
      url: `/api/appointments/${a.id}`,
      payload: { remote: true, version: 1 },
    });
    expect(res.json()).toMatchObject({ remote: true, address: null });
  });

  it("links a ticket of the same person that the user may see", async () => {
    const a = await createAppointment(t, clerk, person.code, appointmentBody(types, start, { ticketId }));
    expect(a.ticket).toMatchObject({ id: ticketId });
  });

  const cases: [string, string, Record<string, unknown>][] = [
    ["endsAt", "o fim deve ser depois do início", { endsAt: "2026-03-10T12:00:00.000Z" }],
    ["startsAt", "", { startsAt: "amanhã às 10h" }],
    ["startsAt", "", { startsAt: "2026-02-30T10:00:00Z" }],
    ["startsAt", "", { startsAt: "2026-03-10T10:00:00" }],
    ["endsAt", "", { endsAt: "10/03/2026" }],
    ["startsAt", "informe data e hora com fuso, ou marque dia inteiro", { startsAt: "2026-03-10" }],
    [
      "endsAt",
      "o último dia não pode ser antes do primeiro",
      { allDay: true, startsAt: "2026-03-10", endsAt: "2026-03-09" },
    ],
    ["addressId", "endereço desconhecido ou de outra pessoa", { addressId: -1 }],
    ["addressId", "endereço desconhecido ou de outra pessoa", { addressId: 999999 }],
    ["addressId", "um agendamento remoto não tem endereço", { remote: true, addressId: 0 }],
    ["typeId", "tipo de agendamento desconhecido ou inativo", { typeId: 999999 }],
    ["typeId", "", { typeId: "Reunião" }],
    ["subject", "informe o assunto", { subject: "  " }],
    ["productId", "produto desconhecido ou inativo", { productId: 999999 }],
    ["ticketId", "atendimento desconhecido", { ticketId: 999999 }],
    ["assignedUserId", "usuário desconhecido ou inativo", { assignedUserId: 999999 }],
  ];

  it.each(cases)("refuses a bad %s (%s) with 400 naming it and creates nothing", async (field, message, over) => {
    const body = appointmentBody(types, start, over);
    if (over.addressId === -1) body.addressId = otherAddressId;
    if (over.addressId === 0) body.addressId = addressId;
    const before = await appointmentCount(t.ctx);
    const res = await t.as(clerk, { method: "POST", url: `/api/persons/${person.code}/appointments`, payload: body });
    expect(res.statusCode, res.body).toBe(400);
    const details = res.json().error.details as { field: string; message: string }[];
    expect(details[0]?.field).toBe(field);
    if (message) expect(details[0]?.message).toBe(message);
    expect(res.json().error.message).toContain(field);
    expect(await appointmentCount(t.ctx)).toBe(before);
  });

  it("refuses a ticket of another person, or one the user may not see", async () => {
    const before = await appointmentCount(t.ctx);
    const post = (user: TestUser, id: number) =>
      t.as(user, {
        method: "POST",
        url: `/api/persons/${person.code}/appointments`,
        payload: appointmentBody(types, start, { ticketId: id }),
      });
    const otherPerson = await post(clerk, otherTicketId);
    expect(otherPerson.statusCode).toBe(400);
    expect(otherPerson.json().error.details).toEqual([
      { field: "ticketId", reason: "ticket_of_other_person", message: "o atendimento é de outra pessoa" },
    ]);
    // clerk has Atendimentos, not Produção: the production ticket does not exist for them.
    const invisible = await post(clerk, productionTicketId);
    expect(invisible.json().error.details).toEqual([
      { field: "ticketId", reason: "unknown_ticket", message: "atendimento desconhecido" },
    ]);
    expect(await appointmentCount(t.ctx)).toBe(before);
  });

  it("refuses a responsible user who cannot see the person's Agendamentos", async () => {
    const res = await t.as(clerk, {
      method: "POST",
      url: `/api/persons/${person.code}/appointments`,
      payload: appointmentBody(types, start, { assignedUserId: noTickets.id }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({ field: "assignedUserId" });
    expect(res.json().error.details[0].message).toContain("não tem acesso a Agendamentos desta pessoa");
  });

  it("refuses bad changes with 400 naming the field, leaving the appointment as it was", async () => {
    const a = await createAppointment(t, clerk, person.code, appointmentBody(types, start, { addressId }));
    const before = await appointmentRow(t.ctx, a.id);
    const bad: [string, Record<string, unknown>][] = [
      ["endsAt", { endsAt: "2026-03-10T12:59:00.000Z" }],
      ["startsAt", { startsAt: "2026-13-01T10:00:00Z" }],
      ["addressId", { addressId: otherAddressId }],
      ["typeId", { typeId: 999999 }],
      ["ticketId", { ticketId: otherTicketId }],
      ["startsAt", { allDay: true }],
      ["addressId", { remote: true, addressId }],
      ["body", {}],
    ];
    for (const [field, payload] of bad) {
      const res = await t.as(clerk, {
        method: "PATCH",
        url: `/api/appointments/${a.id}`,
        payload: { ...payload, version: 1 },
      });
      expect(res.statusCode, `${field}: ${res.body}`).toBe(400);
      expect(res.json().error.details[0].field, res.body).toBe(field);
      expect(await appointmentRow(t.ctx, a.id)).toEqual(before);
    }
  });

  it("turns a timed appointment into an all-day one when the new form is sent", async () => {
    const a = await createAppointment(t, clerk, person.code, appointmentBody(types, start));
    const res = await t.as(clerk, {
      method: "PATCH",
      url: `/api/appointments/${a.id}`,
      payload: { allDay: true, startsAt: "2026-03-12", version: 1 },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ allDay: true, startDate: "2026-03-12", endDate: "2026-03-12" });
  });

  it("moves a multi-day all-day appointment keeping its days; a null end makes it one day", async () => {
    const a = await createAppointment(
      t,
      clerk,
      person.code,
      appointmentBody(types, "2026-03-12", { allDay: true, endsAt: "2026-03-14" }),
    );
    const moved = await t.as(clerk, {
      method: "PATCH",
      url: `/api/appointments/${a.id}`,
      payload: { startsAt: "2026-03-20", version: 1 },
    });
    expect(moved.json()).toMatchObject({ startDate: "2026-03-20", endDate: "2026-03-22", version: 2 });
    const shortened = await t.as(clerk, {
      method: "PATCH",
      url: `/api/appointments/${a.id}`,
      payload: { endsAt: null, version: 2 },
    });
    expect(shortened.json()).toMatchObject({ startDate: "2026-03-20", endDate: "2026-03-20" });
  });

  it("answers 404 for a person the user cannot see and 403 without the tab, creating nothing", async () => {
    const before = await appointmentCount(t.ctx);
    const cats = await categoryIds(t.ctx);
    const hidden = await makePerson(t.ctx, { categoryIds: [cats.Fornecedor] });
    const body = appointmentBody(types, start);
    const r404 = await t.as(clerk, { method: "POST", url: `/api/persons/${hidden.code}/appointments`, payload: body });
    expect(r404.statusCode).toBe(404);
    const r403 = await t.as(noTickets, {
      method: "POST",
      url: `/api/persons/${person.code}/appointments`,
      payload: body,
    });
    expect(r403.statusCode).toBe(403);
    expect(await appointmentCount(t.ctx)).toBe(before);
  });
});
