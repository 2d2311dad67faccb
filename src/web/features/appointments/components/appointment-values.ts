import type { Appointment } from "../../../../shared/appointments.schemas.ts";
import { timeBodyOf, timeValuesOf } from "./appointment-time.ts";

/**
 * What the appointment form holds: selects as strings (null until chosen), the times as the
 * pickers' wall-clock strings (dates when all-day), and "Local" as one choice among
 * "none" (not said), "remote" and "address:<id>".
 */
export type AppointmentValues = {
  typeId: string | null;
  allDay: boolean;
  startsAt: string | null;
  endsAt: string | null;
  place: string;
  productId: string | null;
  ticketId: string | null;
  assignedUserId: string | null;
  subject: string;
  description: string;
};

/** The fields the server may name (`details[].field`) and the form field that shows each. */
export const FIELD_OF: Readonly<Record<string, keyof AppointmentValues>> = {
  typeId: "typeId",
  allDay: "allDay",
  startsAt: "startsAt",
  endsAt: "endsAt",
  addressId: "place",
  remote: "place",
  productId: "productId",
  ticketId: "ticketId",
  assignedUserId: "assignedUserId",
  subject: "subject",
  description: "description",
};
export const API_FIELDS = Object.keys(FIELD_OF);

export const NO_PLACE = "none";
export const REMOTE = "remote";
export const addressPlace = (id: number) => `address:${id}`;

export const emptyAppointment = (assignedUserId: number): AppointmentValues => ({
  typeId: null,
  allDay: false,
  startsAt: null,
  endsAt: null,
  place: NO_PLACE,
  productId: null,
  ticketId: null,
  assignedUserId: String(assignedUserId),
  subject: "",
  description: "",
});

/** The form filled with an existing appointment, to edit it. */
export function valuesOf(a: Appointment): AppointmentValues {
  const times = timeValuesOf(a);
  const place = a.remote ? REMOTE : a.address?.id ? addressPlace(a.address.id) : NO_PLACE;
  return {
    typeId: String(a.type.id),
    allDay: times.allDay,
    startsAt: times.start,
    endsAt: times.end,
    place,
    productId: a.product ? String(a.product.id) : null,
    ticketId: a.ticket ? String(a.ticket.id) : null,
    assignedUserId: String(a.assignedUser.id),
    subject: a.subject,
    description: a.description ?? "",
  };
}

const id = (value: string | null) => (value ? Number(value) : null);

/** The create body before the shared schema parses it. */
export function bodyOf(v: AppointmentValues) {
  const addressId = v.place.startsWith("address:") ? Number(v.place.slice("address:".length)) : null;
  return {
    typeId: id(v.typeId) ?? undefined,
    ...timeBodyOf({ allDay: v.allDay, start: v.startsAt, end: v.endsAt }),
    subject: v.subject,
    description: v.description.trim() || null,
    assignedUserId: id(v.assignedUserId),
    addressId,
    remote: v.place === REMOTE,
    productId: id(v.productId),
    ticketId: id(v.ticketId),
  };
}

type Body = ReturnType<typeof bodyOf>;

/**
 * The PATCH body: only what changed, with the version. The times go together when any of them
 * changed (the server reads `startsAt` in the form `allDay` says); the place likewise, so an
 * address the person has since deleted is kept as it read unless the user picks another place.
 */
export function updateBodyOf(v: AppointmentValues, initial: AppointmentValues, version: number) {
  const now = bodyOf(v);
  const before = bodyOf(initial);
  const changed = <K extends keyof Body>(...keys: K[]) => keys.some((k) => now[k] !== before[k]);
  const pick = <K extends keyof Body>(...keys: K[]) =>
    changed(...keys) ? Object.fromEntries(keys.map((k) => [k, now[k]])) : {};
  return {
    ...pick("typeId"),
    ...pick("allDay", "startsAt", "endsAt"),
    ...pick("subject"),
    ...pick("description"),
    ...(changed("assignedUserId") && now.assignedUserId !== null ? { assignedUserId: now.assignedUserId } : {}),
    ...pick("addressId", "remote"),
    ...pick("productId"),
    ...pick("ticketId"),
    version,
  } as Partial<Body> & { version: number };
}
