import { describe, expect, it } from "vitest";
import type { Appointment } from "../../../../shared/appointments.schemas.ts";
import { bodyOf, emptyAppointment, NO_PLACE, REMOTE, updateBodyOf, valuesOf } from "./appointment-values.ts";

const appointment: Appointment = {
  id: 7,
  person: { code: 1, name: "João Carlos da Silva" },
  type: { id: 2, name: "Visita técnica", color: "#228be6" },
  allDay: false,
  startsAt: "2026-07-14T12:00:00.000Z",
  endsAt: "2026-07-14T13:30:00.000Z",
  startDate: null,
  endDate: null,
  subject: "Visita de manutenção",
  description: null,
  assignedUser: { id: 3, name: "Aline Atendente" },
  address: { id: null, text: "Rua A, 10 – Centro, Campinas/SP" },
  remote: false,
  product: null,
  ticket: { id: 40, number: 1001, subject: "Impressora" },
  status: "open",
  doneAt: null,
  doneBy: null,
  result: null,
  deletedAt: null,
  deletedBy: null,
  deleteReason: null,
  lock: null,
  past: false,
  createdAt: "2026-07-01T12:00:00.000Z",
  createdBy: null,
  updatedAt: "2026-07-01T12:00:00.000Z",
  version: 3,
  canWrite: true,
  actions: { edit: true, delete: true, markDone: true, lock: true, unlock: false },
};

describe("the appointment form ↔ the API bodies", () => {
  it("a new one: the caller responsible, nothing else chosen", () => {
    const v = emptyAppointment(3);
    expect(v.assignedUserId).toBe("3");
    expect(v.place).toBe(NO_PLACE);
    expect(bodyOf(v)).toMatchObject({ typeId: undefined, startsAt: "", addressId: null, remote: false });
  });

  it("the place: an address id, remote, or neither", () => {
    const v = { ...emptyAppointment(3), typeId: "2", startsAt: "2026-07-14 09:00:00", subject: "Visita" };
    expect(bodyOf({ ...v, place: "address:12" })).toMatchObject({ addressId: 12, remote: false });
    expect(bodyOf({ ...v, place: REMOTE })).toMatchObject({ addressId: null, remote: true });
    expect(bodyOf({ ...v, description: "  " }).description).toBeNull();
  });

  it("editing sends only what changed, the times together, with the version", () => {
    const initial = valuesOf(appointment);
    expect(initial).toMatchObject({ startsAt: "2026-07-14 09:00:00", endsAt: "2026-07-14 10:30:00", ticketId: "40" });
    expect(updateBodyOf({ ...initial, subject: "Visita remarcada" }, initial, 3)).toEqual({
      subject: "Visita remarcada",
      version: 3,
    });
    expect(updateBodyOf({ ...initial, endsAt: "2026-07-14 11:00:00" }, initial, 4)).toEqual({
      allDay: false,
      startsAt: "2026-07-14T12:00:00.000Z",
      endsAt: "2026-07-14T14:00:00.000Z",
      version: 4,
    });
    expect(updateBodyOf({ ...initial, ticketId: null }, initial, 3)).toEqual({ ticketId: null, version: 3 });
  });

  it("an address the person has since deleted is kept unless another place is chosen", () => {
    const initial = valuesOf(appointment);
    expect(initial.place).toBe(NO_PLACE);
    expect(updateBodyOf({ ...initial, subject: "Outra" }, initial, 3)).not.toHaveProperty("addressId");
    expect(updateBodyOf({ ...initial, place: REMOTE }, initial, 3)).toEqual({
      addressId: null,
      remote: true,
      version: 3,
    });
  });

  it("an all-day appointment edits as dates", () => {
    const allDay = { ...appointment, allDay: true, startDate: "2026-07-20", endDate: "2026-07-21" };
    const initial = valuesOf(allDay);
    expect(initial).toMatchObject({ allDay: true, startsAt: "2026-07-20", endsAt: "2026-07-21" });
    expect(updateBodyOf({ ...initial, endsAt: "2026-07-22" }, initial, 3)).toEqual({
      allDay: true,
      startsAt: "2026-07-20",
      endsAt: "2026-07-22",
      version: 3,
    });
  });
});
