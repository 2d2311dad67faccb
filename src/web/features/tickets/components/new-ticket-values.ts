import type { Channel, Priority, TicketArea } from "../../../../shared/tickets.schemas.ts";
import { zonedToIso } from "../../../app/format.ts";

/** What the "Novo atendimento" fields hold: selects as strings (null until chosen), the due date as wall clock. */
export type TicketValues = {
  typeId: string | null;
  subject: string;
  sectorId: string | null;
  productId: string | null;
  dueAt: string | null;
  priority: Priority | null;
  channel: Channel | null;
  contactName: string;
  responsibleUserId: string | null;
  note: string;
};

/** The fields the server may name in its answer (`details[].field`). */
export const TICKET_FIELDS = [
  "typeId",
  "subject",
  "sectorId",
  "productId",
  "dueAt",
  "priority",
  "channel",
  "contactName",
  "responsibleUserId",
  "note",
] as const;

export const emptyTicket = (): TicketValues => ({
  typeId: null,
  subject: "",
  sectorId: null,
  productId: null,
  dueAt: null,
  priority: null,
  channel: null,
  contactName: "",
  responsibleUserId: null,
  note: "",
});

const id = (value: string | null) => (value ? Number(value) : undefined);

/** The request body before the shared schema parses it: empty optional fields are left out or null. */
export const bodyOf = (v: TicketValues, area: TicketArea) => ({
  area,
  typeId: id(v.typeId),
  subject: v.subject,
  sectorId: id(v.sectorId),
  productId: id(v.productId) ?? null,
  dueAt: zonedToIso(v.dueAt),
  priority: v.priority ?? undefined,
  channel: v.channel,
  contactName: v.contactName,
  responsibleUserId: id(v.responsibleUserId) ?? null,
  note: v.note,
});

const DAY_MS = 24 * 60 * 60 * 1000;

/** The server's default due date: the opening plus the type's number of calendar days. */
export const defaultDueAt = (at: Date, days: number): string => new Date(at.getTime() + days * DAY_MS).toISOString();
