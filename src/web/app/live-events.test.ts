import { describe, expect, it } from "vitest";
import type { LiveChange } from "../../shared/live.schemas.ts";
import { appointmentKey } from "../features/appointments/api/appointments-api.ts";
import { myTicketsKey, ticketKey } from "../features/tickets/api/tickets-api.ts";
import { companyCriticalKey } from "../features/watchers/api/watchers-api.ts";
import { keysFor, LIVE_ROOTS } from "./live-events.ts";

const change = (over: Partial<LiveChange>): LiveChange => ({
  id: 1,
  type: "note.added",
  at: "2026-01-01T00:00:00.000Z",
  personCode: 7,
  area: "tickets",
  refs: {},
  ...over,
});

describe("live events → query keys", () => {
  it("uses the features' own query keys", () => {
    expect(LIVE_ROOTS.ticket(5)).toEqual(ticketKey(5));
    expect(LIVE_ROOTS.myTickets).toEqual(myTicketsKey);
    expect(LIVE_ROOTS.criticalFactors).toEqual(companyCriticalKey);
    expect(appointmentKey(3).slice(0, 1)).toEqual(LIVE_ROOTS.appointments);
  });

  it("a note refreshes the person, the ticket, Meus atendimentos and the critical factors", () => {
    expect(keysFor(change({ refs: { ticketId: 5, noteId: 9 } }))).toEqual([
      ["persons", 7],
      ["tickets", 5],
      ["my-tickets"],
      ["critical-factors"],
    ]);
  });

  it("an appointment refreshes the agenda; settings refresh the settings; a batch with no person every person", () => {
    expect(keysFor(change({ type: "appointment.created", area: "appointments" }))).toContainEqual(["appointments"]);
    expect(keysFor(change({ type: "settings.changed", area: "settings", personCode: null }))).toEqual([
      ["settings"],
      ["critical-factors"],
    ]);
    expect(keysFor(change({ type: "receivable.imported", area: "receivables", personCode: null }))).toEqual([
      ["persons"],
    ]);
  });
});
