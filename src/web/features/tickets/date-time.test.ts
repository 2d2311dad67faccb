import { describe, expect, it } from "vitest";
import { formatDateTime } from "../../app/format.ts";
import { bodyOf, emptyTicket } from "./components/new-ticket-values.ts";
import { addDays, isoToZoned, zonedToIso } from "./date-time.ts";

describe("wall clock in the company's zone ↔ instants", () => {
  it("São Paulo is UTC−3 all year (no daylight saving since 2019)", () => {
    expect(zonedToIso("2026-07-10 14:30:00")).toBe("2026-07-10T17:30:00.000Z");
    expect(zonedToIso("2026-01-15 23:45:00")).toBe("2026-01-16T02:45:00.000Z");
    expect(isoToZoned("2026-07-10T17:30:00.000Z")).toBe("2026-07-10 14:30:00");
    expect(isoToZoned("2026-01-16T02:45:00Z")).toBe("2026-01-15 23:45:00");
  });

  it("other zones, including one with daylight saving", () => {
    expect(zonedToIso("2026-07-10 14:30:00", "America/Manaus")).toBe("2026-07-10T18:30:00.000Z");
    expect(zonedToIso("2026-07-10 14:30:00", "America/New_York")).toBe("2026-07-10T18:30:00.000Z");
    expect(zonedToIso("2026-01-10 14:30:00", "America/New_York")).toBe("2026-01-10T19:30:00.000Z");
  });

  it("round-trips and agrees with the dd/mm/aaaa HH:mm shown in lists", () => {
    const iso = zonedToIso("2026-03-02 08:05:00");
    expect(isoToZoned(iso)).toBe("2026-03-02 08:05:00");
    expect(formatDateTime(iso)).toBe("02/03/2026 08:05");
  });

  it("empty or malformed values are null, never a wrong date", () => {
    expect(zonedToIso(null)).toBeNull();
    expect(zonedToIso("")).toBeNull();
    expect(zonedToIso("10/07/2026 14:30")).toBeNull();
    expect(isoToZoned(undefined)).toBeNull();
    expect(isoToZoned("not a date")).toBeNull();
  });

  it("due date default: the opening plus the type's days", () => {
    expect(addDays(new Date("2026-07-10T17:30:00.000Z"), 3)).toBe("2026-07-13T17:30:00.000Z");
  });
});

describe("Novo atendimento body", () => {
  it("leaves optional fields out or null, and sends the due date as an instant", () => {
    const body = bodyOf(
      {
        ...emptyTicket(),
        typeId: "3",
        sectorId: "1",
        subject: "Impressora",
        note: "Primeiro",
        dueAt: "2026-07-10 14:30:00",
      },
      "service",
    );
    expect(body).toMatchObject({
      area: "service",
      typeId: 3,
      sectorId: 1,
      productId: null,
      responsibleUserId: null,
      channel: null,
      priority: undefined,
      dueAt: "2026-07-10T17:30:00.000Z",
    });
    expect(bodyOf(emptyTicket(), "production")).toMatchObject({ area: "production", typeId: undefined, dueAt: null });
  });
});
