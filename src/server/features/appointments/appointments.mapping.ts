import {
  actionsFor,
  isPast,
  type RuleActor,
  type RuleAppointment,
  type RuleClock,
} from "../../../shared/appointments.rules.ts";
import type { Appointment, AppointmentOverlap, AppointmentStatus } from "../../../shared/appointments.schemas.ts";
import type { AppointmentRow, AppointmentViewRow } from "./appointments.repository.ts";

const ref = (id: number | null, name: string | null) => (id === null ? null : { id, name: name ?? "" });

/** What the pure rules need of a stored appointment; the holder's name for the 423 message. */
export function ruleView(row: AppointmentRow, lockHolderName: string | null): RuleAppointment {
  return {
    status: row.status as AppointmentStatus,
    deletedAt: row.deleted_at,
    endsAt: row.ends_at,
    endDate: row.end_date,
    lock:
      row.locked_by === null
        ? null
        : {
            userId: row.locked_by,
            userName: lockHolderName ?? `#${row.locked_by}`,
            since: row.locked_at ?? "",
            reason: row.lock_reason ?? "",
          },
  };
}

/** The appointment as this user sees it at `clock.now`, with the actions the rules allow them. */
export function toAppointment(
  r: AppointmentViewRow,
  actor: RuleActor,
  clock: RuleClock,
  canWrite: boolean,
): Appointment {
  const rules = ruleView(r, r.locked_by_name);
  return {
    id: r.id,
    person: { code: r.person_code, name: r.person_name },
    type: { id: r.type_id, name: r.type_name, color: r.type_color },
    allDay: r.all_day === 1,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    startDate: r.start_date,
    endDate: r.end_date,
    subject: r.subject,
    description: r.description,
    assignedUser: { id: r.assigned_user_id, name: r.assigned_name },
    address: r.address_text === null ? null : { id: r.address_id, text: r.address_text },
    remote: r.remote === 1,
    product: ref(r.product_id, r.product_name),
    ticket:
      r.ticket_id === null ? null : { id: r.ticket_id, number: r.ticket_number ?? 0, subject: r.ticket_subject ?? "" },
    status: r.status as AppointmentStatus,
    doneAt: r.done_at,
    doneBy: ref(r.done_by, r.done_by_name),
    result: r.result,
    deletedAt: r.deleted_at,
    deletedBy: ref(r.deleted_by, r.deleted_by_name),
    deleteReason: r.delete_reason,
    lock: rules.lock
      ? {
          user: { id: rules.lock.userId, name: rules.lock.userName },
          since: rules.lock.since,
          reason: rules.lock.reason,
        }
      : null,
    past: isPast(rules, clock.now),
    createdAt: r.created_at,
    createdBy: ref(r.created_by, r.created_by_name),
    updatedAt: r.updated_at,
    version: r.version,
    canWrite,
    actions: actionsFor(rules, actor, clock, canWrite),
  };
}

type OverlapRow = {
  id: number;
  subject: string;
  all_day: number;
  starts_at: string;
  ends_at: string;
  person_code: number;
  person_name: string;
  visible: unknown;
};

/** SQLite answers 0/1 for a boolean expression, PostgreSQL true/false. */
const truthy = (v: unknown) => v === true || v === 1 || v === "1" || v === "t";

export function toOverlap(r: OverlapRow): AppointmentOverlap {
  const visible = truthy(r.visible);
  return {
    id: visible ? r.id : null,
    subject: visible ? r.subject : null,
    person: visible ? { code: r.person_code, name: r.person_name } : null,
    allDay: r.all_day === 1,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
  };
}

/** One line of an address, as the appointment keeps it: "Rua X, 10, apto 2 – Centro, Cidade/UF". */
export function addressLine(a: {
  street: string;
  number: string;
  complement: string | null;
  district: string;
  city: string;
  state: string;
}): string {
  const street = [a.street, a.number, a.complement].filter((s) => s?.trim()).join(", ");
  return `${street} – ${a.district}, ${a.city}/${a.state}`;
}
