import type { DateFieldMessages } from "./pt-BR.ts";

/** English, fetched only for users who chose English. Typed by pt-BR.ts: a missing or extra key fails the type check. */
export const dateFieldEn: DateFieldMessages = {
  dateField: {
    openCalendar: "Open the calendar",
    calendar: "Calendar: {{label}}",
    placeholderDate: "dd/mm/yyyy",
    placeholderDateTime: "dd/mm/yyyy hh:mm",
    problems: {
      incompleteDate: "Incomplete date: type dd/mm/yyyy.",
      incompleteDateTime: "Incomplete date: type dd/mm/yyyy hh:mm.",
      month: "There is no month {{month}}: use 01 to 12.",
      day: "No such date: {{date}} ({{month}}/{{year}} has {{days}} days).",
      year: "Year {{year}} is out of the accepted range (1900 to 2999).",
      time: "Invalid time: {{time}} (use 00:00 to 23:59).",
      before: "The date can not be before {{date}}.",
    },
  },
};
