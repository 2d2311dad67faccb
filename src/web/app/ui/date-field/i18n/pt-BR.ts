/**
 * The strings of the date field (date-time-field.tsx), in Brazilian Portuguese: they come with the
 * lazy chunks that show a date field (./index.ts registers them), never with the first load; en.ts
 * has the same keys (checked by its type).
 */
export const dateFieldPtBR = {
  dateField: {
    openCalendar: "Abrir o calendário",
    calendar: "Calendário: {{label}}",
    placeholderDate: "dd/mm/aaaa",
    placeholderDateTime: "dd/mm/aaaa hh:mm",
    problems: {
      incompleteDate: "Data incompleta: digite dd/mm/aaaa.",
      incompleteDateTime: "Data incompleta: digite dd/mm/aaaa hh:mm.",
      month: "Mês {{month}} não existe: use de 01 a 12.",
      day: "Data inexistente: {{date}} (o mês {{month}}/{{year}} tem {{days}} dias).",
      year: "Ano {{year}} fora do intervalo aceito (1900 a 2999).",
      time: "Hora inválida: {{time}} (use de 00:00 a 23:59).",
      before: "A data não pode ser anterior a {{date}}.",
    },
  },
};

export type DateFieldMessages = typeof dateFieldPtBR;
