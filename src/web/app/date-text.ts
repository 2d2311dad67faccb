/**
 * Dates typed the Brazilian way, "dd/mm/aaaa" or "dd/mm/aaaa hh:mm", for the one date field of the
 * web (ui/date-time-field.tsx). Pure text work, no Date object and no time zone: what is typed is
 * the company's wall clock, and format.ts turns it into an instant (zonedToIso) when it is sent.
 *
 * A field's form value is the wall clock the pickers always held — "YYYY-MM-DD" or
 * "YYYY-MM-DD HH:mm:00" — once the text is a whole, existing date; until then it is the text as
 * typed, so the form can tell "nothing" (null) from "something that is no date" and say why.
 */

/** Why a typed text is no date; `params` fill the message (dates.* strings). */
export type DateProblem =
  | { reason: "incomplete" }
  | { reason: "month"; params: { month: string } }
  | { reason: "day"; params: { date: string; month: string; year: string; days: number } }
  | { reason: "year"; params: { year: string } }
  | { reason: "time"; params: { time: string } }
  | { reason: "before"; params: { date: string } };

export type DateReading = { wall: string | null } | { problem: DateProblem };

const WIDTHS = [2, 2, 4, 2, 2] as const;
const SEPARATORS = ["/", "/", " ", ":"] as const;
const WALL_RE = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2})(?::\d{2})?)?$/;
const pad = (n: number | string, width = 2) => String(n).padStart(width, "0");

/**
 * The mask: digits go into day, month, year (and hour, minute) and the separators appear as the
 * next field starts. A separator typed after one digit closes that field, so "1/2/2026" reads
 * 01/02/2026; letters and extra digits are dropped.
 */
export function maskDateText(raw: string, withTime: boolean): string {
  const count = withTime ? 5 : 3;
  const fields: string[] = [""];
  let closedBySeparator = false;
  for (const char of raw) {
    const index = fields.length - 1;
    const current = fields[index] ?? "";
    if (/\d/.test(char)) {
      if (current.length >= (WIDTHS[index] ?? 0)) {
        if (fields.length >= count) continue;
        fields.push(char);
      } else {
        fields[index] = current + char;
      }
      closedBySeparator = false;
    } else if (current.length > 0 && fields.length < count && index !== 2) {
      // A day, month or hour of one digit, closed by a typed separator: a leading zero.
      fields[index] = pad(current);
      fields.push("");
      closedBySeparator = true;
    } else if (current.length === 4 && index === 2 && fields.length < count) {
      fields.push("");
      closedBySeparator = true;
    }
  }
  let text = "";
  fields.forEach((field, i) => {
    if (i > 0 && (field.length > 0 || (i === fields.length - 1 && closedBySeparator))) text += SEPARATORS[i - 1];
    text += field;
  });
  return text;
}

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * The typed text → the wall clock ("YYYY-MM-DD" / "YYYY-MM-DD HH:mm:00"), null when empty, or why
 * it is no date. `minDate` ("YYYY-MM-DD") refuses earlier days.
 */
export function readDateText(text: string, withTime: boolean, minDate?: string | null): DateReading {
  const trimmed = text.trim();
  if (trimmed === "") return { wall: null };
  const m = /^(\d{2})\/(\d{2})\/(\d{4})(?: (\d{2}):(\d{2}))?$/.exec(trimmed);
  if (!m || (withTime && m[4] === undefined) || (!withTime && m[4] !== undefined)) {
    return { problem: { reason: "incomplete" } };
  }
  const [, d = "", mo = "", y = "", h, mi] = m;
  const day = Number(d);
  const month = Number(mo);
  const year = Number(y);
  if (month < 1 || month > 12) return { problem: { reason: "month", params: { month: mo } } };
  if (year < 1900 || year > 2999) return { problem: { reason: "year", params: { year: y } } };
  if (day < 1 || day > daysIn(year, month)) {
    return {
      problem: { reason: "day", params: { date: `${d}/${mo}/${y}`, month: mo, year: y, days: daysIn(year, month) } },
    };
  }
  const date = `${y}-${mo}-${d}`;
  if (minDate && date < minDate) {
    return { problem: { reason: "before", params: { date: wallToText(minDate, false) } } };
  }
  if (h === undefined || mi === undefined) return { wall: date };
  if (Number(h) > 23 || Number(mi) > 59) return { problem: { reason: "time", params: { time: `${h}:${mi}` } } };
  return { wall: `${date} ${h}:${mi}:00` };
}

/** Whether a form value is a wall clock (a whole date the field accepted), not text still being typed. */
export const isWall = (value: string | null | undefined): value is string => Boolean(value && WALL_RE.test(value));

/** A wall clock as the field shows it: "15/12/2026" or "15/12/2026 14:30"; any other text as it is. */
export function wallToText(value: string | null | undefined, withTime: boolean): string {
  if (!value) return "";
  const m = WALL_RE.exec(value);
  if (!m) return value;
  const [, y, mo, d, h, mi] = m;
  const date = `${d}/${mo}/${y}`;
  return withTime ? `${date} ${h ?? "00"}:${mi ?? "00"}` : date;
}

/** The problem of a form value (null when empty or a date): what a form's validate shows on submit. */
export function dateValueProblem(
  value: string | null | undefined,
  withTime: boolean,
  minDate?: string | null,
): DateProblem | null {
  if (!value) return null;
  const text = isWall(value) ? wallToText(value, withTime) : value;
  const reading = readDateText(text, withTime, minDate);
  return "problem" in reading ? reading.problem : null;
}

/** A day picked in the calendar, with the time already typed (or `defaultTime`), as a wall clock. */
export function withDay(day: string, current: string | null | undefined, withTime: boolean, defaultTime: string) {
  if (!withTime) return day;
  const time = isWall(current) && current.length > 10 ? current.slice(11, 16) : defaultTime;
  return `${day} ${time}:00`;
}
