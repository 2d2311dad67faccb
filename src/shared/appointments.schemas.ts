import { z } from "zod";
import { isValidIsoDate } from "./calendar.ts";
import { decimalInt, listQuery } from "./common.schemas.ts";
import { workRefinement } from "./reasons/work.ts";
import { hexColor } from "./settings.schemas.ts";
import { isoDateTime, NOTE_MAX, SUBJECT_MAX } from "./tickets.schemas.ts";

/**
 * The API contract of Agendamentos (appointments): settings, the person's tab, the agenda
 * and the private calendar feed.
 *
 * Time, in one paragraph: a timed appointment is two UTC instants (`startsAt`, `endsAt`; ISO
 * 8601 in, UTC `…Z` out; the end is exclusive). An all-day appointment is two calendar dates
 * (`startDate`, `endDate`, `YYYY-MM-DD`, the end inclusive) that never shift with a time zone;
 * it also answers `startsAt`/`endsAt`, 00:00 of its first day and of the day after its last
 * one in the company's time zone, so lists sort and filter every appointment the same way.
 * In create/update bodies, `allDay: true` makes `startsAt`/`endsAt` dates (`YYYY-MM-DD`,
 * `endsAt` = the last day, default the first); otherwise they are date-times with an offset.
 */

export const APPOINTMENT_STATUSES = ["open", "done"] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];
export const appointmentStatus = z.enum(APPOINTMENT_STATUSES);

/** The agenda asks for at most this many days at once (a month view with its spill-over fits). */
export const AGENDA_MAX_DAYS = 62;
/** The calendar feed covers from this many days ago … */
export const FEED_DAYS_BEFORE = 30;
/** … to this many days ahead. */
export const FEED_DAYS_AFTER = 180;
export const DESCRIPTION_MAX = 5_000;
export const REASON_MAX = 500;

const id = z.number().int().positive();
const ref = z.object({ id: z.number().int(), name: z.string() });
const version = z.number().int().positive();

// ——— settings: appointment types ———

const typeName = z.string().trim().min(1, "informe o nome").max(100, "no máximo 100 caracteres");
export const durationMinutes = z
  .number()
  .int("número inteiro de minutos")
  .min(5, "no mínimo 5 minutos")
  .max(1440, "no máximo 1440 minutos (um dia)");

export const appointmentType = z.object({
  id: z.number().int(),
  name: z.string(),
  /** `#RRGGBB`, for the agenda. */
  color: z.string(),
  /** An appointment created without an end lasts this long. */
  durationMinutes: z.number().int(),
  isActive: z.boolean(),
  version: z.number().int(),
});
export type AppointmentType = z.infer<typeof appointmentType>;
export const createAppointmentTypeBody = z.object({
  name: typeName,
  color: hexColor.default("#1c7ed6"),
  durationMinutes: durationMinutes.default(60),
});
export const updateAppointmentTypeBody = z.object({
  name: typeName.optional(),
  color: hexColor.optional(),
  durationMinutes: durationMinutes.optional(),
  isActive: z.boolean().optional(),
  version,
});

// ——— the appointment ———

/** The four rules of the tab, answered for this user at the time of the request (the web shows or hides buttons). */
export const appointmentActions = z.object({
  edit: z.boolean(),
  delete: z.boolean(),
  markDone: z.boolean(),
  lock: z.boolean(),
  unlock: z.boolean(),
});
export type AppointmentActions = z.infer<typeof appointmentActions>;

export const appointment = z.object({
  id: z.number().int(),
  person: z.object({ code: z.number().int(), name: z.string() }),
  type: z.object({ id: z.number().int(), name: z.string(), color: z.string() }),
  allDay: z.boolean(),
  /** UTC instant; for an all-day appointment, 00:00 of `startDate` in the company's time zone. */
  startsAt: z.string(),
  /** UTC instant, exclusive; for an all-day appointment, 00:00 of the day after `endDate`. */
  endsAt: z.string(),
  /** All-day only (else null): first and last day, inclusive, `YYYY-MM-DD`. */
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  subject: z.string(),
  description: z.string().nullable(),
  /** The responsible user. */
  assignedUser: ref,
  /**
   * Where: one of the person's addresses, as it read when chosen (`id` becomes null if that
   * address is later deleted), or null (remote, or not said).
   */
  address: z.object({ id: z.number().int().nullable(), text: z.string() }).nullable(),
  remote: z.boolean(),
  product: ref.nullable(),
  ticket: z.object({ id: z.number().int(), number: z.number().int(), subject: z.string() }).nullable(),
  status: appointmentStatus,
  doneAt: z.string().nullable(),
  doneBy: ref.nullable(),
  /** What happened (the text given when marking it done). */
  result: z.string().nullable(),
  deletedAt: z.string().nullable(),
  deletedBy: ref.nullable(),
  deleteReason: z.string().nullable(),
  /** Who holds the lock, since when and why; null when unlocked. */
  lock: z.object({ user: ref, since: z.string(), reason: z.string() }).nullable(),
  /** Ended before the time of the request. */
  past: z.boolean(),
  createdAt: z.string(),
  createdBy: ref.nullable(),
  updatedAt: z.string(),
  version: z.number().int(),
  /** Whether this user may write the person's Agendamentos tab at all. */
  canWrite: z.boolean(),
  /** What this user may do now (canWrite and the rules); the server checks again on every request. */
  actions: appointmentActions,
});
export type Appointment = z.infer<typeof appointment>;

/**
 * Another appointment of the same responsible user at the same time: a warning, never an error.
 * Only what the caller may see: `id`, `subject` and `person` are null for an appointment of a
 * person the caller cannot see.
 */
export const appointmentOverlap = z.object({
  id: z.number().int().nullable(),
  subject: z.string().nullable(),
  person: z.object({ code: z.number().int(), name: z.string() }).nullable(),
  allDay: z.boolean(),
  startsAt: z.string(),
  endsAt: z.string(),
});
export type AppointmentOverlap = z.infer<typeof appointmentOverlap>;
export const appointmentWithOverlaps = appointment.extend({ overlaps: z.array(appointmentOverlap) });
export type AppointmentWithOverlaps = z.infer<typeof appointmentWithOverlaps>;

// ——— inputs ———

/** "true"/"false" (or 1/0) in a query string. */
const queryFlag = z
  .enum(["true", "false", "1", "0"], { message: "use true ou false" })
  .optional()
  .transform((v) => v === "true" || v === "1");

export const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
/** A calendar date `YYYY-MM-DD` that exists (no 2026-02-30, no year 0). */
export /** A calendar date that exists, from year 1 (zod's iso.date takes year 0, which the calendar helpers refuse). */
const calendarDate = z.iso
  .date({ message: "data no formato AAAA-MM-DD" })
  .refine(isValidIsoDate, { message: "data no formato AAAA-MM-DD, num dia que exista" });
/**
 * `startsAt`/`endsAt` as sent: a date-time with offset, or (all-day) a date. Checked for shape
 * here; which of the two is allowed depends on `allDay`, checked by the server (400 naming the field).
 */
export const dateOrDateTime = z
  .string()
  .trim()
  .refine(
    (v) => calendarDate.safeParse(v).success || isoDateTime.safeParse(v).success,
    workRefinement("date_or_date_time"),
  );

export const appointmentSubject = z
  .string()
  .trim()
  .min(1, "informe o assunto")
  .max(SUBJECT_MAX, `no máximo ${SUBJECT_MAX} caracteres`);
const description = z
  .string()
  .trim()
  .max(DESCRIPTION_MAX, `no máximo ${DESCRIPTION_MAX} caracteres`)
  .nullish()
  .transform((v) => (v ? v : null));
const reason = z.string().trim().min(1, "informe o motivo").max(REASON_MAX, `no máximo ${REASON_MAX} caracteres`);

export const createAppointmentBody = z.object({
  typeId: id,
  /** Date-time with offset; with `allDay`, the first day `YYYY-MM-DD`. May be in the past (recording what happened). */
  startsAt: dateOrDateTime,
  /** Default: start + the type's duration; with `allDay`, the last day (default: the first). */
  endsAt: dateOrDateTime.nullish(),
  allDay: z.boolean().default(false),
  subject: appointmentSubject,
  description,
  /** The responsible user; default: the caller. Must be active and see the person's Agendamentos. */
  assignedUserId: id.nullish(),
  /** One of the person's addresses; not with `remote`. */
  addressId: id.nullish(),
  remote: z.boolean().default(false),
  productId: id.nullish(),
  /** A ticket of the same person that the caller may see. */
  ticketId: id.nullish(),
});
export type CreateAppointmentBody = z.infer<typeof createAppointmentBody>;

/** Every field optional but `version` (body or If-Match); null clears the optional links. */
export const updateAppointmentBody = z
  .object({
    typeId: id.optional(),
    startsAt: dateOrDateTime.optional(),
    endsAt: dateOrDateTime.nullable().optional(),
    /** Changing it needs `startsAt` in the new form. */
    allDay: z.boolean().optional(),
    subject: appointmentSubject.optional(),
    description: description.optional(),
    assignedUserId: id.optional(),
    addressId: id.nullable().optional(),
    remote: z.boolean().optional(),
    productId: id.nullable().optional(),
    ticketId: id.nullable().optional(),
    version,
  })
  .refine(
    (b) => Object.keys(b).some((k) => k !== "version" && b[k as keyof typeof b] !== undefined),
    workRefinement("nothing_to_change"),
  );
export type UpdateAppointmentBody = z.infer<typeof updateAppointmentBody>;

export const deleteAppointmentBody = z.object({ reason, version: version.optional() });
export type DeleteAppointmentBody = z.infer<typeof deleteAppointmentBody>;

export const lockAppointmentBody = z.object({ reason, version: version.optional() });
export type LockAppointmentBody = z.infer<typeof lockAppointmentBody>;

export const markDoneBody = z.object({
  result: z.string().trim().min(1, "descreva o resultado").max(NOTE_MAX, `no máximo ${NOTE_MAX} caracteres`),
  /** Also write the result as a parecer on the linked ticket, in the same transaction. */
  addNoteToTicket: z.boolean().default(false),
  version: version.optional(),
});
export type MarkDoneBody = z.infer<typeof markDoneBody>;

/** The person's tab: open (default) or done; past and deleted ones only when asked. */
export const personAppointmentsQuery = listQuery.extend({
  status: appointmentStatus.default("open"),
  /** Include those that ended before now (hidden by default). */
  includePast: queryFlag,
  /** Include deleted ones (hidden by default). */
  includeDeleted: queryFlag,
  category: decimalInt().optional(),
});
export type PersonAppointmentsQuery = z.infer<typeof personAppointmentsQuery>;

/**
 * The agenda: appointments that overlap [from, to), at most AGENDA_MAX_DAYS long. `from`/`to`
 * are date-times with offset, or dates (00:00 in the company's time zone). Everyone's the
 * caller may see, or one user's (`assignedUserId`), or the caller's own (`mine=true`).
 * Deleted ones never; done ones unless `status=open`.
 */
export const agendaQuery = z.object({
  from: dateOrDateTime,
  to: dateOrDateTime,
  assignedUserId: decimalInt().optional(),
  mine: queryFlag,
  status: appointmentStatus.optional(),
});
export type AgendaQuery = z.infer<typeof agendaQuery>;
export const agendaResponse = z.object({
  items: z.array(appointment),
  /** More than the answer's cap (2000) matched: narrow the window or filter by user. */
  truncated: z.boolean(),
});
export type AgendaResponse = z.infer<typeof agendaResponse>;

/** Active users, for the agenda's "responsável" filter and the form's select. */
export const assigneesResponse = z.object({ items: z.array(ref) });

// ——— the private calendar feed ———

export const calendarFeedStatus = z.object({
  active: z.boolean(),
  createdAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
export type CalendarFeedStatus = z.infer<typeof calendarFeedStatus>;
/** The secret URL, answered once: only its hash is stored. Creating again replaces it. */
export const calendarFeedCreated = z.object({ url: z.string(), createdAt: z.string() });
export type CalendarFeedCreated = z.infer<typeof calendarFeedCreated>;
