import type { EventSpec } from "../audit/journal.ts";
import type { AppointmentRow } from "./appointments.repository.ts";

/** What the audit log keeps of an appointment: its fields by the API's names, references by id. */
export const auditedAppointment = (r: AppointmentRow) => ({
  typeId: r.type_id,
  allDay: r.all_day === 1,
  startsAt: r.starts_at,
  endsAt: r.ends_at,
  startDate: r.start_date,
  endDate: r.end_date,
  subject: r.subject,
  description: r.description,
  assignedUserId: r.assigned_user_id,
  addressId: r.address_id,
  addressText: r.address_text,
  remote: r.remote === 1,
  productId: r.product_id,
  ticketId: r.ticket_id,
  status: r.status,
  doneAt: r.done_at,
  result: r.result,
  deletedAt: r.deleted_at,
  deleteReason: r.delete_reason,
  lockedBy: r.locked_by,
  lockedAt: r.locked_at,
  lockReason: r.lock_reason,
});

export const appointmentEvent = (type: EventSpec["type"], id: number): EventSpec => ({
  type,
  area: "appointments",
  refs: { appointmentId: id },
});
