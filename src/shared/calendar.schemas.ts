import { z } from "zod";
import { isValidIsoDate, isValidPeriod } from "./calendar.ts";

/**
 * The zod side of calendar.ts: a date ("YYYY-MM-DD") or a competence period ("YYYY-MM") that
 * exists on the calendar. One builder each; the named schemas differ only in their words (the API
 * says "Data inválida…", the import reports "data inválida…", as they always did) and in whether a
 * CSV cell's spaces are trimmed first.
 */
type Words = { invalid: string; missing?: string; trim?: boolean };

function calendarText(valid: (value: string) => boolean, { invalid, missing, trim }: Words) {
  const text = missing ? z.string({ error: missing }) : z.string();
  return (trim ? text.trim() : text).refine(valid, { message: invalid });
}

export const isoDateSchema = (words: Words) => calendarText(isValidIsoDate, words);
export const periodSchema = (words: Words) => calendarText(isValidPeriod, words);

/** A request's calendar date. */
export const zIsoDate = isoDateSchema({ invalid: "Data inválida: use AAAA-MM-DD com um dia que exista no calendário" });

/** A request's competence period. */
export const zPeriod = periodSchema({ invalid: "Competência inválida: use AAAA-MM (mês 01 a 12)" });

/** A required calendar date of an import record (JSON lines or a CSV cell). */
export const zDate = isoDateSchema({
  invalid: "data inválida: use AAAA-MM-DD com um dia que exista no calendário",
  missing: "informe a data (AAAA-MM-DD)",
  trim: true,
});

/** A required competence period of an import record. */
export const zPeriodField = periodSchema({
  invalid: "competência inválida: use AAAA-MM (mês 01 a 12)",
  missing: "informe a competência (AAAA-MM)",
  trim: true,
});
