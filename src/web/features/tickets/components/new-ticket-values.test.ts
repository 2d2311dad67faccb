import { describe, expect, it } from "vitest";
import { bodyOf, defaultDueAt, emptyTicket } from "./new-ticket-values.ts";

describe("due date default", () => {
  it("the opening plus the type's days", () => {
    expect(defaultDueAt(new Date("2026-07-10T17:30:00.000Z"), 3)).toBe("2026-07-13T17:30:00.000Z");
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
