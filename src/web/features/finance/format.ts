/**
 * Brazilian formats of the money tabs that app/format.ts does not have. Like formatDate, they work
 * on the text the API sends (a period "YYYY-MM" is sliced, never turned into a Date), so nothing
 * shifts with the browser's time zone.
 */

/** A competence "YYYY-MM" (a contract billing's period) as "mm/aaaa"; "" for anything else. */
export function formatPeriod(value: string | null | undefined): string {
  const match = value ? /^(\d{4})-(0[1-9]|1[0-2])$/.exec(value) : null;
  if (!match) return "";
  return `${match[2]}/${match[1]}`;
}

// Percent as the ERP stores it: up to four decimals (5,25%, 0,0125%), no trailing zeros.
const percent = new Intl.NumberFormat("pt-BR", { maximumFractionDigits: 4 });
const quantity = new Intl.NumberFormat("pt-BR", { maximumFractionDigits: 3 });

/** A rate in percent (5.25) as "5,25%"; "" when there is none (an amount that is not a rate of a base). */
export function formatPercent(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "";
  return `${percent.format(value)}%`;
}

/** A quantity (2.5) as "2,5"; thousands grouped ("1.250"). */
export function formatQuantity(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "";
  return quantity.format(value);
}
