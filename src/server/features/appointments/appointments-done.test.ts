import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Person } from "../../../shared/persons.schemas.ts";
import { appointmentBody, appointmentRow, appointmentTypeIds, createAppointment } from "../../test/appointments.ts";
import { testClock } from "../../test/clock.ts";
import { categoryIds, makePerson, userWithGrants } from "../../test/factories.ts";
import { buildTestApp, type TestApp, type TestUser } from "../../test/test-app.ts";
import { noteCount, notesOf, openTicket, ticketBody, ticketRefs, ticketRow } from "../../test/tickets.ts";

/** Marking an appointment done, with the result as a parecer on the linked ticket in the same transaction. */
describe("appointment done", () => {
  const clock = testClock("2026-03-02T12:00:00.000Z");
  let t: TestApp;
  let admin: TestUser;
  let clerk: TestUser;
  let ticketReader: TestUser;
  let person: Person;
  let types: Record<string, number>;
  let refs: Awaited<ReturnType<typeof ticketRefs>>;
  beforeAll(async () => {
    t = await buildTestApp({ now: clock.now });
    const cats = await categoryIds(t.ctx);
    admin = await t.user({ isAdmin: true });
    clerk = await userWithGrants(t, [
      { categoryId: cats.Cliente, tab: "appointments", level: "write" },
      { categoryId: cats.Cliente, tab: "tickets", level: "write" },
    ]);
    ticketReader = await userWithGrants(t, [
      { categoryId: cats.Cliente, tab: "appointments", level: "write" },
      { categoryId: cats.Cliente, tab: "tickets", level: "read" },
    ]);
    person = await makePerson(t.ctx, { categoryIds: [cats.Cliente] });
    types = await appointmentTypeIds(t.ctx);
    refs = await ticketRefs(t.ctx);
  });
  afterAll(() => t.close());

  const withTicket = async (user: TestUser = clerk) => {
    const ticket = await openTicket(t, admin, person.code, ticketBody(refs));
    const appointment = await createAppointment(
      t,
      user,
      person.code,
      appointmentBody(types, "2026-03-01T13:00:00.000Z", {
        typeId: types["Visita técnica"],
        endsAt: "2026-03-01T15:00:00.000Z",
        subject: "Instalar o módulo fiscal",
        ticketId: ticket.id,
      }),
    );
    return { ticket, appointment };
  };
  const done = (user: TestUser, id: number, payload: object) =>
    t.as(user, { method: "POST", url: `/api/appointments/${id}/done`, payload });

  it("marks it done with the result, and writes the parecer on the ticket when asked", async () => {
    const { ticket, appointment } = await withTicket();
    const res = await done(clerk, appointment.id, { result: "Módulo instalado e testado.", addNoteToTicket: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: "done",
      doneAt: clock.now().toISOString(),
      doneBy: { id: clerk.id },
      result: "Módulo instalado e testado.",
      version: 2,
      actions: { edit: false, delete: false, markDone: false },
    });
    const notes = await notesOf(t, clerk, ticket.id);
    const last = notes.at(-1);
    expect(last).toMatchObject({ kind: "user", author: { id: clerk.id } });
    expect(last?.text).toBe(
      "Agendamento realizado (Visita técnica, 01/03/2026 10:00: Instalar o módulo fiscal).\nMódulo instalado e testado.",
    );
    expect((await ticketRow(t.ctx, ticket.id)).note_count).toBe(2);
  });

  it("writes no note unless asked", async () => {
    const { ticket, appointment } = await withTicket();
    const before = await noteCount(t.ctx, ticket.id);
    expect((await done(clerk, appointment.id, { result: "Feito." })).statusCode).toBe(200);
    expect(await noteCount(t.ctx, ticket.id)).toBe(before);
  });

  it("writes nothing when the ticket refuses the note (closed): the appointment stays open", async () => {
    const { ticket, appointment } = await withTicket();
    const close = await t.as(admin, {
      method: "POST",
      url: `/api/tickets/${ticket.id}/notes`,
      payload: { text: "Encerrado.", close: true },
    });
    expect(close.statusCode).toBe(201);
    const before = await appointmentRow(t.ctx, appointment.id);
    const notes = await noteCount(t.ctx);
    const res = await done(clerk, appointment.id, { result: "Feito.", addNoteToTicket: true });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain("Atendimento encerrado");
    expect(await appointmentRow(t.ctx, appointment.id)).toEqual(before);
    expect(await noteCount(t.ctx)).toBe(notes);
  });

  it("writes nothing when the user may only read the ticket: 403, the appointment stays open", async () => {
    const { ticket, appointment } = await withTicket(ticketReader);
    const before = await appointmentRow(t.ctx, appointment.id);
    const notes = await noteCount(t.ctx, ticket.id);
    const res = await done(ticketReader, appointment.id, { result: "Feito.", addNoteToTicket: true });
    expect(res.statusCode).toBe(403);
    expect(await appointmentRow(t.ctx, appointment.id)).toEqual(before);
    expect(await noteCount(t.ctx, ticket.id)).toBe(notes);
  });

  it("refuses a parecer without a linked ticket (400 addNoteToTicket) and an empty result (400 result)", async () => {
    const plain = await createAppointment(t, clerk, person.code, appointmentBody(types, "2026-03-03T13:00:00.000Z"));
    const before = await appointmentRow(t.ctx, plain.id);
    const noTicket = await done(clerk, plain.id, { result: "Feito.", addNoteToTicket: true });
    expect(noTicket.statusCode).toBe(400);
    expect(noTicket.json().error.details).toEqual([
      {
        field: "addNoteToTicket",
        reason: "appointment_without_ticket",
        message: "este agendamento não tem atendimento vinculado",
      },
    ]);
    const empty = await done(clerk, plain.id, { result: " " });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details[0].field).toBe("result");
    expect(await appointmentRow(t.ctx, plain.id)).toEqual(before);
  });
});
