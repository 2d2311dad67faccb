/**
 * The money tabs' number formats that app/format.ts (dates, periods and money, from the shared kit)
 * does not have: rates and quantities, which are not money.
 */

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
