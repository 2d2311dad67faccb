import type { workReasons } from "../../../shared/reasons/work.ts";

/** English for the work area's reasons (same keys and `{{params}}` as shared/reasons/work.ts). */
export const workReasonsEn = {
  // ——— tickets and production ———
  ticket_not_found: "Ticket not found.",
  ticket_changed: "Someone else changed this ticket; reload to see the changes.",
  ticket_closed: "Ticket closed: it takes no more notes. Reopen it to continue.",
  ticket_closed_for_changes: "Ticket closed: reopen it to change it.",
  ticket_already_open: "The ticket is already open.",
  unknown_ticket_type: "unknown or inactive ticket type",
  production_type: "this type belongs to Production; choose a Tickets type",
  service_type: "this type belongs to Tickets; choose a Production type",
  unknown_sector: "unknown or inactive sector",
  unknown_product: "unknown or inactive product",
  unknown_user: "unknown or inactive user",
  user_without_tab: "{{name}} has no access to {{tab}} of this person",
  internal_contact_date_required: "enter the internal contact date",
  internal_contact_user_required: "enter the internal contact user",
  nothing_to_change: "enter at least one field to change",
  // ——— critical factors ———
  person_lacks_category: "the person does not have this category",
  unknown_ticket_types: "unknown ticket type: {{ids}}",
  type_in_both_lists: "type {{ids}} cannot be in both lists (count and never count)",
  // ——— mail ———
  mail_not_found: "Message not found.",
  mail_not_failed: "Only a message that failed can be tried again.",
  invalid_email: "invalid e-mail address",
  recipient_required: "enter at least one recipient",
  mail_read_only: "You cannot send e-mail to this person (your access is read-only).",
  single_line_subject: "the subject must be a single line",
  // ——— appointments: requests ———
  appointment_not_found: "Appointment not found.",
  appointment_changed: "Someone else changed this appointment; reload to see the changes.",
  unknown_appointment_type: "unknown or inactive appointment type",
  unknown_address: "unknown address, or another person's",
  unknown_ticket: "unknown ticket",
  ticket_of_other_person: "the ticket belongs to another person",
  appointment_without_ticket: "this appointment has no linked ticket",
  remote_without_address: "a remote appointment has no address",
  all_day_start_required: "enter the day (YYYY-MM-DD)",
  timed_start_required: "enter date and time with a time zone offset",
  window_end_before_start: "the end of the window must be after its start",
  window_too_long: "the window is at most {{days}} days long",
  mine_or_assignee: "use mine=true or assignedUserId, not both",
  date_or_date_time:
    "an ISO 8601 date and time with offset (e.g. 2026-03-02T14:30:00-03:00) or, all day, a YYYY-MM-DD date",
  calendar_feed_not_found: "Calendar not found.",
  // ——— appointments: times ———
  all_day_start_format: "for an all-day appointment, enter the date as YYYY-MM-DD",
  all_day_end_format: "for an all-day appointment, enter the last day as YYYY-MM-DD",
  last_day_before_first: "the last day cannot be before the first",
  span_too_long: "at most {{days}} days",
  date_time_with_zone: "enter date and time with a time zone offset, or mark it all day",
  end_not_after_start: "the end must be after the start",
  // ——— appointments: the rules ———
  appointment_deleted: "Appointment deleted: it takes no changes.",
  appointment_done_edit: "Appointment already done: it cannot be edited.",
  appointment_done_delete: "Appointment already done: it cannot be deleted.",
  appointment_done_again: "Appointment already done: it cannot be marked as done again.",
  appointment_past: "Appointment in the past (it ended on {{end}}): it can no longer be edited.",
  appointment_move_past: "An appointment cannot be moved into the past: choose a time that has not ended yet.",
  appointment_locked_edit:
    "Appointment locked by {{name}} since {{since}} ({{lockReason}}): only who locked it can edit it.",
  appointment_locked_delete:
    "Appointment locked by {{name}} since {{since}} ({{lockReason}}): only who locked it can delete it.",
  appointment_locked_done:
    "Appointment locked by {{name}} since {{since}} ({{lockReason}}): only who locked it can mark it as done.",
  appointment_locked_lock:
    "Appointment locked by {{name}} since {{since}} ({{lockReason}}): wait until it is unlocked.",
  appointment_locked_unlock:
    "Appointment locked by {{name}} since {{since}} ({{lockReason}}): only who locked it or an administrator can unlock it.",
  // ——— receivables, contracts, current account ———
  receivable_not_found: "Receivable not found.",
  billing_not_found: "Contract billing not found.",
  contract_not_of_person: "contract not found for this person",
  entry_not_found: "Current account entry not found.",
  closing_not_in_account: "closing not found in this current account",
  closing_entries_closed: "the entries of a closing are closed: use status=closed or leave the status out",
  current_account_unlinked:
    "Current account unavailable: your user is not linked to a person. Ask the administrator to link your user to an employee or representative.",
  current_account_not_seller:
    "Current account unavailable: the person linked to your user ({{code}} {{name}}) is neither an employee nor a representative.",
  // ——— the finance schemas ———
  due_before_issue: "due date before the issue date",
  settled_before_issue: "settlement before the issue date",
  end_before_start: "end before the start",
  period_end_before_start: "period end before its start",
  closed_entry_needs_closing: "a closed entry needs its closing",
  closing_needs_closed_status: "an entry with a closing has status closed",
} satisfies Record<keyof typeof workReasons, string>;
