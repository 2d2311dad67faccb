import { PRIORITY_LABELS, type Priority } from "../../../shared/tickets.schemas.ts";
import { formatDateTime } from "../../../shared/time-zone.ts";

/**
 * The automatic notes (pareceres do sistema), in pt-BR: they are history, stored as text. Dates
 * are written in the company's time zone (`timeZone`), as the screens show them.
 */
export const systemNote = {
  subject: (from: string, to: string) => `Assunto alterado de “${from}” para “${to}”.`,
  internalContact: (at: string, userName: string, timeZone: string) =>
    `Data de contato interno alterada para ${formatDateTime(at, timeZone)} (${userName}).`,
  internalContactCleared: () => "Data de contato interno removida.",
  responsible: (from: string | null, to: string | null) =>
    from === null
      ? `Responsável definido: ${to}.`
      : to === null
        ? `Responsável removido (era ${from}).`
        : `Responsável alterado de ${from} para ${to}.`,
  sector: (from: string, to: string) => `Setor alterado de ${from} para ${to}.`,
  priority: (from: Priority, to: Priority) =>
    `Prioridade alterada de ${PRIORITY_LABELS[from]} para ${PRIORITY_LABELS[to]}.`,
  due: (from: string, to: string, timeZone: string) =>
    `Vencimento alterado de ${formatDateTime(from, timeZone)} para ${formatDateTime(to, timeZone)}.`,
  duplicatedFrom: (number: number) => `Duplicado do atendimento ${number}.`,
  duplicatedTo: (number: number) => `Duplicado para o atendimento ${number}.`,
  closed: () => "Atendimento encerrado.",
  reopened: () => "Atendimento reaberto.",
};

const DAY_MS = 24 * 60 * 60 * 1000;
/** Due date default: the opening plus the type's number of (calendar) days. */
export const addDays = (iso: string, days: number) => new Date(Date.parse(iso) + days * DAY_MS).toISOString();
