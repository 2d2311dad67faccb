import { z } from "zod";
import { daysBetween } from "./calendar.ts";

/**
 * Pure rules of the money tabs (A receber, Conta corrente, Contratos), shared by the server,
 * the imports and the web. No Date for calendar dates (see calendar.ts): day arithmetic is done on
 * the numbers of "YYYY-MM-DD", so a due date never shifts with the time zone.
 */

// Day arithmetic on "YYYY-MM-DD" lives in calendar.ts; re-exported for the callers of this module.
export { addDays, dayNumber, daysBetween } from "./calendar.ts";

export type ReceivableMoney = {
  amountCents: number;
  interestCents: number;
  fineCents: number;
  discountCents: number;
  paidCents: number;
};

/**
 * Valor atualizado: what is still owed = amount + interest + fine − discount − paid. Interest and
 * fine are the ERP's (it knows the rates agreed on each receivable); Vínculo adds nothing of its
 * own. Not clamped: a negative value is a credit (paid too much) and must stay visible.
 */
export function updatedValueCents(r: ReceivableMoney): number {
  return r.amountCents + r.interestCents + r.fineCents - r.discountCents - r.paidCents;
}

/**
 * Days overdue: for an open receivable, how many days today is past the due date (0 when not
 * yet due); for a settled one, how many days late it was settled (0 when on time).
 */
export function daysOverdue(dueDate: string, today: string, settledAt: string | null): number {
  return Math.max(0, daysBetween(dueDate, settledAt ?? today));
}

// ——— rates and quantities: exact integers behind decimal numbers ———

/** Rates are stored in parts per million: 5,25 % = 52 500 ppm; four decimals of a percent. */
export const RATE_PPM_PER_PERCENT = 10_000;

/**
 * The exact integer `value × 10^decimals`, or null when `value` has more decimals than that.
 * Works on the number's shortest decimal text (what JSON carried), so 1.15 with 2 decimals is
 * 115, never 114.999…; exponent forms (1e-7, 1e21) are beyond any rate or quantity: null.
 */
export function scaledInteger(value: number, decimals: number): number | null {
  if (!Number.isFinite(value)) return null;
  const text = String(Math.abs(value));
  if (/e/i.test(text)) return null;
  const [whole = "0", fraction = ""] = text.split(".");
  if (fraction.length > decimals) return null;
  const scaled = Number(whole + fraction.padEnd(decimals, "0"));
  if (!Number.isSafeInteger(scaled)) return null;
  return value < 0 && scaled !== 0 ? -scaled : scaled;
}

export const percentToPpm = (percent: number): number | null => scaledInteger(percent, 4);
export const ppmToPercent = (ppm: number): number => ppm / RATE_PPM_PER_PERCENT;
export const quantityToMilli = (quantity: number): number | null => scaledInteger(quantity, 3);
export const milliToQuantity = (milli: number): number => milli / 1000;

// ——— zod helpers for import records (JSON lines or CSV, where every value may arrive as text) ———

/** CSV cells arrive as text and an empty cell means "not given". */
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const integerText = (v: unknown) => (typeof v === "string" && /^\s*-?\d+\s*$/.test(v) ? Number(v) : v);
const numberText = (v: unknown) =>
  typeof v === "string" && /^\s*-?\d+(?:[.,]\d+)?\s*$/.test(v) ? Number(v.replace(",", ".")) : v;

/** Integer cents (a number, or its digits as text); `signed` allows negatives (debits). */
export function zCents(options: { signed?: boolean } = {}) {
  const base = z
    .number({ error: "informe um valor inteiro em centavos" })
    .int("use centavos inteiros, sem casas decimais");
  const checked = options.signed ? base : base.min(0, "não pode ser negativo");
  return z.preprocess(integerText, checked.refine(Number.isSafeInteger, "valor grande demais"));
}

/** An optional field: absent, null or an empty CSV cell all mean "not given". */
export function optionalField<T extends z.ZodType>(schema: T) {
  return z.preprocess(blankToUndefined, schema.nullish());
}

/** A required calendar date "YYYY-MM-DD" that exists (2026-02-30 does not): calendar.schemas.ts. */
export { zDate } from "./calendar.schemas.ts";

/** A percent with up to four decimals (5.25 = 5,25 %), between 0 and 100. */
export const zRatePercent = z.preprocess(
  numberText,
  z
    .number({ error: "informe a taxa em percentual, ex.: 5.25" })
    .min(0, "não pode ser negativa")
    .max(100, "no máximo 100 (%)")
    .refine((v) => percentToPpm(v) !== null, "no máximo 4 casas decimais"),
);

/** A quantity with up to three decimals (2.5 kg); zero or negative makes no sense for an item. */
export const zQuantity = z.preprocess(
  numberText,
  z
    .number({ error: "informe a quantidade, ex.: 2 ou 2.5" })
    .positive("deve ser maior que zero")
    .refine((v) => quantityToMilli(v) !== null, "no máximo 3 casas decimais"),
);

/** The ERP's id of the record: what makes an import idempotent. */
export const zExternalId = z.preprocess(
  (v) => (typeof v === "number" ? String(v) : v),
  z
    .string({ error: "informe o identificador do ERP" })
    .trim()
    .min(1, "informe o identificador do ERP")
    .max(100, "no máximo 100 caracteres"),
);

export const requiredText = (max: number, missing: string) =>
  z.preprocess(
    (v) => (typeof v === "number" ? String(v) : v),
    z.string({ error: missing }).trim().min(1, missing).max(max, `no máximo ${max} caracteres`),
  );

export const optionalText = (max: number) =>
  optionalField(z.string().trim().max(max, `no máximo ${max} caracteres`)).transform((v) => v || null);

/** An enum whose error lists the accepted values, e.g. "status desconhecido: use open ou settled". */
export function zChoice<const T extends readonly [string, ...string[]]>(what: string, values: T) {
  const list = values.length > 1 ? `${values.slice(0, -1).join(", ")} ou ${values.at(-1)}` : values[0];
  return z.enum(values, { error: `${what} desconhecido: use ${list}` });
}

/**
 * A query filter of several values, comma-separated ("kind=fixed,variable"); empty or absent
 * means all. An unknown value is a 400 naming the field and the accepted values.
 */
export function zCsvChoices<const T extends readonly [string, ...string[]]>(what: string, values: T) {
  const allowed = new Set<string>(values);
  const list = values.join(", ");
  return z
    .string()
    .max(500)
    .optional()
    .transform((raw, ctx) => {
      const picked = (raw ?? "")
        .split(",")
        .map((v) => v.trim())
        .filter(Boolean);
      const unknown = picked.filter((v) => !allowed.has(v));
      if (unknown.length) {
        ctx.addIssue({ code: "custom", message: `${what} desconhecido: ${unknown.join(", ")} (use ${list})` });
        return z.NEVER;
      }
      return (picked.length ? [...new Set(picked)] : [...values]) as T[number][];
    });
}
