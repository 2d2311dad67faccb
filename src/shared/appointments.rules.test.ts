import { describe, expect, it } from "vitest";
import {
  actionsFor,
  deleteRefusal,
  editRefusal,
  isPast,
  lockRefusal,
  markDoneRefusal,
  moveRefusal,
  type RuleAppointment,
  unlockRefusal,
} from "./appointments.rules.ts";

const clock = { now: "2026-03-02T12:00:00.000Z", timeZone: "America/Sao_Paulo" };
const me = { id: 1, isAdmin: false };
const other = { id: 2, isAdmin: false };
const admin = { id: 3, isAdmin: true };

const future: RuleAppointment = {
  status: "open",
  deletedAt: null,
  endsAt: "2026-03-03T15:00:00.000Z",
  endDate: null,
  lock: null,
};
const lockedByOther: RuleAppointment = {
  ...future,
  lock: { userId: 2, userName: "Marta Lima", since: "2026-03-01T13:30:00.000Z", reason: "confirmando com o cliente" },
};
const done: RuleAppointment = { ...future, status: "done" };
const pastOne: RuleAppointment = { ...future, endsAt: "2026-03-02T11:59:59.999Z" };
const deleted: RuleAppointment = { ...future, deletedAt: "2026-03-01T10:00:00.000Z" };

describe("appointment rules", () => {
  it("calls past only what ended before now; one under way is not past", () => {
    expect(isPast({ endsAt: "2026-03-02T11:59:59.999Z" }, clock.now)).toBe(true);
    expect(isPast({ endsAt: "2026-03-02T12:00:00.000Z" }, clock.now)).toBe(false);
    expect(isPast({ endsAt: "2026-03-02T13:00:00.000Z" }, clock.now)).toBe(false);
  });

  it("edits only an open, future, unlocked (or own-locked) appointment", () => {
    expect(editRefusal(future, me, clock)).toBeNull();
    const ownLock = { ...lockedByOther, lock: { userId: 1, userName: "Eu", since: clock.now, reason: "revisando" } };
    expect(editRefusal(ownLock, me, clock)).toBeNull();
    expect(editRefusal(done, me, clock)).toMatchObject({ code: "appointment_done", status: 409 });
    expect(editRefusal(done, me, clock)?.message).toBe("Agendamento já realizado: não pode ser editado.");
    expect(editRefusal(pastOne, me, clock)).toMatchObject({ code: "appointment_past", status: 409 });
    expect(editRefusal(pastOne, me, clock)?.message).toContain("terminou em 02/03/2026 08:59");
    expect(editRefusal(deleted, me, clock)).toMatchObject({ code: "appointment_deleted", status: 409 });
  });

  it("says who holds a lock, since when and why; an administrator is refused too until unlocking", () => {
    const refusal = editRefusal(lockedByOther, me, clock);
    expect(refusal).toMatchObject({
      code: "locked",
      status: 423,
      details: { lockedBy: { id: 2, name: "Marta Lima" }, lockedAt: "2026-03-01T13:30:00.000Z" },
    });
    expect(refusal?.message).toContain("bloqueado por Marta Lima desde 01/03/2026 10:30 (confirmando com o cliente)");
    expect(editRefusal(lockedByOther, admin, clock)?.code).toBe("locked");
    expect(editRefusal(lockedByOther, other, clock)).toBeNull();
  });

  it("names the last day of a past all-day appointment", () => {
    const allDay = { ...pastOne, endDate: "2026-03-01", endsAt: "2026-03-02T03:00:00.000Z" };
    expect(editRefusal(allDay, me, clock)?.message).toContain("terminou em 01/03/2026)");
  });

  it("refuses moving into the past, allows a new end from now on", () => {
    expect(moveRefusal("2026-03-02T11:00:00.000Z", clock)).toMatchObject({ code: "appointment_past", status: 409 });
    expect(moveRefusal("2026-03-02T12:00:00.000Z", clock)).toBeNull();
  });

  it("deletes a past one, never a done one nor one locked by another", () => {
    expect(deleteRefusal(pastOne, me, clock)).toBeNull();
    expect(deleteRefusal(done, me, clock)).toMatchObject({
      code: "appointment_done",
      message: "Agendamento já realizado: não pode ser excluído.",
    });
    expect(deleteRefusal(lockedByOther, me, clock)).toMatchObject({ code: "locked", status: 423 });
    expect(deleteRefusal(deleted, me, clock)?.code).toBe("appointment_deleted");
  });

  it("marks done a past one once; not when deleted or locked by another", () => {
    expect(markDoneRefusal(pastOne, me, clock)).toBeNull();
    expect(markDoneRefusal(done, me, clock)?.code).toBe("appointment_done");
    expect(markDoneRefusal(deleted, me, clock)?.code).toBe("appointment_deleted");
    expect(markDoneRefusal(lockedByOther, me, clock)?.code).toBe("locked");
  });

  it("locks unless another holds it; unlocks only as the holder or an administrator", () => {
    expect(lockRefusal(future, me, clock)).toBeNull();
    expect(lockRefusal(lockedByOther, other, clock)).toBeNull();
    expect(lockRefusal(lockedByOther, me, clock)?.code).toBe("locked");
    expect(lockRefusal(deleted, me, clock)?.code).toBe("appointment_deleted");
    expect(unlockRefusal(lockedByOther, other, clock)).toBeNull();
    expect(unlockRefusal(lockedByOther, admin, clock)).toBeNull();
    expect(unlockRefusal(lockedByOther, me, clock)).toMatchObject({ code: "locked", status: 423 });
    expect(unlockRefusal(future, me, clock)).toBeNull();
  });

  it("answers the actions a user may take, none without write access", () => {
    expect(actionsFor(future, me, clock, true)).toEqual({
      edit: true,
      delete: true,
      markDone: true,
      lock: true,
      unlock: false,
    });
    expect(actionsFor(lockedByOther, me, clock, true)).toEqual({
      edit: false,
      delete: false,
      markDone: false,
      lock: false,
      unlock: false,
    });
    expect(actionsFor(lockedByOther, admin, clock, true).unlock).toBe(true);
    expect(actionsFor(pastOne, me, clock, true)).toMatchObject({ edit: false, delete: true, markDone: true });
    expect(Object.values(actionsFor(future, me, clock, false)).some(Boolean)).toBe(false);
  });
});
