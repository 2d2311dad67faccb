import type { TFunction } from "i18next";
import { describe, expect, it } from "vitest";
import type { Appointment } from "../../../../shared/appointments.schemas.ts";
import { deleteOffered, editBlockedReason } from "./edit-blocked.ts";

// The key and its values, so the test sees which sentence was chosen and with what.
const t = ((key: string, values?: Record<string, unknown>) =>
  values ? `${key} ${JSON.stringify(values)}` : key) as unknown as TFunction;

const base = {
  canWrite: true,
  deletedAt: null,
  status: "open",
  past: false,
  lock: null,
  actions: { edit: false, delete: true, markDone: true, lock: true, unlock: false },
} as unknown as Appointment;

describe("why Editar is off", () => {
  it("allowed: no reason", () => {
    expect(editBlockedReason(t, { ...base, actions: { ...base.actions, edit: true } })).toBeNull();
  });

  it("in the order the server checks: read-only, deleted, done, past, locked", () => {
    expect(editBlockedReason(t, { ...base, canWrite: false })).toBe("appointments.editBlocked.readOnly");
    expect(editBlockedReason(t, { ...base, deletedAt: "2026-07-01T00:00:00Z", status: "done" })).toBe(
      "appointments.editBlocked.deleted",
    );
    expect(editBlockedReason(t, { ...base, status: "done", past: true })).toBe("appointments.editBlocked.done");
    expect(editBlockedReason(t, { ...base, past: true })).toBe("appointments.editBlocked.past");
  });

  it("locked by someone else: names the holder and since when, in São Paulo's clock", () => {
    const lock = { user: { id: 9, name: "Gustavo Gerente" }, since: "2026-07-10T17:30:00.000Z", reason: "sala" };
    expect(editBlockedReason(t, { ...base, lock })).toBe(
      'appointments.editBlocked.locked {"name":"Gustavo Gerente","date":"10/07/2026 14:30"}',
    );
  });
});

describe("whether Excluir is offered", () => {
  const lock = { user: { id: 9, name: "Gustavo Gerente" }, since: "2026-07-10T17:30:00.000Z", reason: "sala" };

  it("to whoever may delete it, the lock holder included", () => {
    expect(deleteOffered(base)).toBe(true);
    expect(deleteOffered({ ...base, lock })).toBe(true);
  });

  it("not when locked by someone else (the server would answer 423), nor read-only or already deleted", () => {
    expect(deleteOffered({ ...base, lock, actions: { ...base.actions, delete: false } })).toBe(false);
    expect(deleteOffered({ ...base, canWrite: false })).toBe(false);
    expect(deleteOffered({ ...base, deletedAt: "2026-07-01T00:00:00Z" })).toBe(false);
  });

  it("a done one still offers it: its dialog says why it stays", () => {
    expect(deleteOffered({ ...base, status: "done", actions: { ...base.actions, delete: false } })).toBe(true);
  });
});
