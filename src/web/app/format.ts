/** Brazilian formats, whatever the interface language: dd/mm/aaaa, 24-hour clock, R$ 1.234,56. */

export const DEFAULT_TIME_ZONE = "America/Sao_Paulo";

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dateTimeFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("pt-BR", {
      timeZone,
      day: "2-digit",
      month: "2-digit",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    dateTimeFormats.set(timeZone, format);
  }
  return format;
}

/** An ISO instant (stored in UTC) as "dd/mm/aaaa HH:mm" in the company's time zone; "" when empty or invalid. */
export function formatDateTime(iso: string | null | undefined, timeZone = DEFAULT_TIME_ZONE): string {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  const part: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const { type, value } of dateTimeFormat(timeZone).formatToParts(date)) part[type] = value;
  return `${part.day}/${part.month}/${part.year} ${part.hour}:${part.minute}`;
}

/**
 * A calendar date ("YYYY-MM-DD", e.g. a due date) as "dd/mm/aaaa". Plain text work, never a
 * Date object, so it can not shift a day with the time zone. Anything else gives "" (use
 * formatDateTime for instants).
 */
export function formatDate(value: string | null | undefined): string {
  const match = value ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  if (!match) return "";
  const [, year, month, day] = match;
  return `${day}/${month}/${year}`;
}

const money = new Intl.NumberFormat("pt-BR", { style: "currency", currency: "BRL" });

/** Integer cents as "R$ 1.234,56" (negative: "-R$ 1.234,56"). */
export function formatMoney(cents: number | null | undefined): string {
  if (cents === null || cents === undefined || !Number.isFinite(cents)) return "";
  return money.format(cents / 100);
}
