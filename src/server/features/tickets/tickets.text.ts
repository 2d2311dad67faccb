import { PRIORITY_LABELS, type Priority } from "../../../shared/tickets.schemas.ts";

/** The company's time zone (DESIGN.md: default America/Sao_Paulo) until settings hold it. */
export const COMPANY_TIME_ZONE = "America/Sao_Paulo";

/** "dd/mm/aaaa HH:mm" in the company's time zone. */
export function formatDateTime(iso: string, timeZone = COMPANY_TIME_ZONE): string {
  const parts = new Intl.DateTimeFormat("pt-BR", {
    timeZone,
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(new Date(iso));
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("day")}/${get("month")}/${get("year")} ${get("hour")}:${get("minute")}`;
}

/** The automatic notes (pareceres do sistema), in pt-BR: they are history, stored as text. */
export const systemNote = {
  subject: (from: string, to: string) => `Assunto alterado de “${from}” para “${to}”.`,
  internalContact: (at: string, userName: string) =>
    `Data de contato interno alterada para ${formatDateTime(at)} (${userName}).`,
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
  due: (from: string, to: string) => `Vencimento alterado de ${formatDateTime(from)} para ${formatDateTime(to)}.`,
  duplicatedFrom: (number: number) => `Duplicado do atendimento ${number}.`,
  duplicatedTo: (number: number) => `Duplicado para o atendimento ${number}.`,
  closed: () => "Atendimento encerrado.",
  reopened: () => "Atendimento reaberto.",
};

const DAY_MS = 24 * 60 * 60 * 1000;
/** Due date default: the opening plus the type's number of (calendar) days. */
export const addDays = (iso: string, days: number) => new Date(Date.parse(iso) + days * DAY_MS).toISOString();
