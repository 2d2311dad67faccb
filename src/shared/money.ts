/**
 * Money as integer cents, formatted the Brazilian way ("R$ 1.234,56") and read back from what a
 * person types or a spreadsheet holds. Exact at any size: amounts never pass through cents / 100.
 * The server (e-mails, imports) and the web (every money column) use these same functions.
 */

const BRL = new Intl.NumberFormat("pt-BR", { style: "currency", currency: "BRL" });

/**
 * 123456 → "R$ 1.234,56" (U+00A0 after "R$", as Intl writes it); negative → "-R$ 1.234,56".
 * The amount is handed to Intl as an exact decimal string, never as cents / 100, so there is no
 * floating-point rounding at any size.
 */
export function formatMoney(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`formatMoney expects integer cents, got ${cents}`);
  const abs = Math.abs(cents);
  const decimal = `${cents < 0 ? "-" : ""}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
  // Intl.NumberFormat accepts decimal strings (ES2023); the cast only satisfies older lib typings.
  return BRL.format(decimal as unknown as number);
}

/** A screen's money cell: "" when there is no amount (null, or not a whole number of cents), never "R$ 0,00". */
export function formatCents(cents: number | null | undefined): string {
  return typeof cents === "number" && Number.isSafeInteger(cents) ? formatMoney(cents) : "";
}

/**
 * Money typed by a person or read from a spreadsheet → integer cents, or null. Accepted forms
 * (whitespace, including U+00A0, is ignored anywhere; optional "R$"; optional "-" before or
 * after it):
 * - pt-BR with comma decimals: "1234,56", "1.234,56", "1.234.567,8", "0,5", "1234";
 * - pt-BR thousands without decimals: "1.234" = one thousand two hundred thirty-four reais;
 * - machine form with a dot decimal: "1234.56", "10.5" — a single dot followed by 1 or 2 digits
 *   and no comma. A dot followed by exactly 3 digits is always a thousands separator.
 * Rejected: more than 2 decimals ("1,234"), en-US grouping ("1,234.56"), misplaced groups
 * ("12.34.56"), empty input, and amounts beyond Number.MAX_SAFE_INTEGER cents.
 */
export function parseMoneyToCents(input: string): number | null {
  const match = /^([-−]?)(?:R\$)?([-−]?)([\d.,]+)$/i.exec(input.replace(/\s/g, ""));
  if (!match) return null;
  const [, signBefore = "", signAfter = "", amount = ""] = match;
  if (signBefore && signAfter) return null;
  let whole: string;
  let fraction: string;
  const comma = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$/.exec(amount);
  const dot = /^(\d+)\.(\d{1,2})$/.exec(amount);
  if (comma) {
    whole = (comma[1] ?? "").replaceAll(".", "");
    fraction = comma[2] ?? "";
  } else if (dot) {
    whole = dot[1] ?? "";
    fraction = dot[2] ?? "";
  } else {
    return null;
  }
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
  if (!Number.isSafeInteger(cents)) return null;
  if (cents === 0) return 0; // never -0
  return signBefore || signAfter ? -cents : cents;
}
