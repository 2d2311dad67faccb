import { z } from "zod";
import { DEFAULT_TIME_ZONE, todayInZone } from "./time-zone.ts";

/**
 * Brazilian rules shared by the server and the web: documents (CPF/CNPJ), CEP, UF, phones,
 * money and calendar dates. Pure functions only (no I/O, no clock unless passed in), so the
 * same code validates a form field in the browser and the request on the server.
 *
 * Conventions used throughout (see /work/shared/BRAZIL.md for the facts and test vectors):
 * - `normalize*` turns user input into the stored form without judging it; `isValid*` judges.
 *   Only formatting characters are removed, so a stray letter in a CPF makes it invalid instead
 *   of silently disappearing.
 * - `format*` never throws on bad input: it formats a value of the right shape and returns
 *   anything else unchanged, because a screen showing a legacy ERP value as typed is better
 *   than a screen that crashes. (formatMoney is the exception: a non-integer amount of cents
 *   is a programming error, never user data.)
 * - `*Problem` returns the pt-BR reason a value is invalid (or null): the zod helpers and the
 *   import reports show the same words.
 */

// ---------------------------------------------------------------------------------------------
// Shared arithmetic

/** Dots, slashes, hyphens and any whitespace (including the NBSP some spreadsheets paste). */
const DOCUMENT_SEPARATORS = /[\s./-]/g;

/** Both CPF and CNPJ use the same modulo-11 rule: `r = sum % 11`, `dv = r < 2 ? 0 : 11 - r`. */
function mod11CheckDigit(values: readonly number[], weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += (values[i] ?? 0) * (weights[i] ?? 0);
  const r = sum % 11;
  return r < 2 ? 0 : 11 - r;
}

/** "11111111111" passes the arithmetic but was never issued, so every document rejects it. */
function allSameCharacter(value: string): boolean {
  return value.length > 0 && [...value].every((c) => c === value[0]);
}

/** A generator's random pick in [0, n), robust to a `rand` that returns exactly 1. */
function pick(rand: () => number, n: number): number {
  return Math.min(n - 1, Math.max(0, Math.floor(rand() * n)));
}

// ---------------------------------------------------------------------------------------------
// CPF

const CPF_DV1_WEIGHTS = [10, 9, 8, 7, 6, 5, 4, 3, 2] as const;
const CPF_DV2_WEIGHTS = [11, 10, 9, 8, 7, 6, 5, 4, 3, 2] as const;

/** Removes the mask ("529.982.247-25" → "52998224725"); leading zeros are kept (text, not number). */
export function normalizeCpf(input: string): string {
  return input.replace(DOCUMENT_SEPARATORS, "");
}

function cpfCheckDigits(base9: string): string {
  const digits = [...base9].map(Number);
  const dv1 = mod11CheckDigit(digits, CPF_DV1_WEIGHTS);
  const dv2 = mod11CheckDigit([...digits, dv1], CPF_DV2_WEIGHTS);
  return `${dv1}${dv2}`;
}

/** The pt-BR reason the CPF is invalid, or null when it is valid. Accepts masked input. */
export function cpfProblem(input: string): string | null {
  const cpf = normalizeCpf(input);
  if (/[^0-9]/.test(cpf)) return "CPF inválido: use apenas números";
  if (cpf.length !== 11) return `CPF inválido: deve ter 11 dígitos (informados: ${cpf.length})`;
  if (allSameCharacter(cpf)) return "CPF inválido: todos os dígitos são iguais";
  if (cpfCheckDigits(cpf.slice(0, 9)) !== cpf.slice(9)) return "CPF inválido: dígitos verificadores não conferem";
  return null;
}

export function isValidCpf(input: string): boolean {
  return cpfProblem(input) === null;
}

/** "52998224725" → "529.982.247-25"; anything that is not 11 digits is returned unchanged. */
export function formatCpf(input: string): string {
  const cpf = normalizeCpf(input);
  if (!/^\d{11}$/.test(cpf)) return input;
  return `${cpf.slice(0, 3)}.${cpf.slice(3, 6)}.${cpf.slice(6, 9)}-${cpf.slice(9)}`;
}

/**
 * A valid CPF for seed data; the same `rand` sequence always yields the same CPF. A base of nine
 * equal digits is nudged instead of redrawn, so even a constant `rand` terminates.
 */
export function generateCpf(rand: () => number): string {
  let base = "";
  for (let i = 0; i < 9; i++) base += String(pick(rand, 10));
  if (allSameCharacter(base)) base = base.slice(0, 8) + String((Number(base[8]) + 1) % 10);
  return base + cpfCheckDigits(base);
}

// ---------------------------------------------------------------------------------------------
// CNPJ (numeric and, for registrations from July 2026, alphanumeric)

const CNPJ_DV1_WEIGHTS = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2] as const;
const CNPJ_DV2_WEIGHTS = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2] as const;
const CNPJ_SHAPE = /^[0-9A-Z]{12}[0-9]{2}$/;
const CNPJ_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/**
 * Removes the mask and upper-cases, since the alphanumeric CNPJ is defined in upper case and
 * users type "12.abc.345/01de-35" too.
 */
export function normalizeCnpj(input: string): string {
  return input.replace(DOCUMENT_SEPARATORS, "").toUpperCase();
}

/**
 * Character value is its ASCII code minus 48 for digits and letters alike ('A' → 17), as in the
 * official example of NT COCAD/SUARA/RFB 49/2024; for a numeric CNPJ this is the classic rule.
 */
function cnpjCheckDigits(base12: string): string {
  const values = [...base12].map((c) => c.charCodeAt(0) - 48);
  const dv1 = mod11CheckDigit(values, CNPJ_DV1_WEIGHTS);
  const dv2 = mod11CheckDigit([...values, dv1], CNPJ_DV2_WEIGHTS);
  return `${dv1}${dv2}`;
}

/** The pt-BR reason the CNPJ is invalid, or null when it is valid. Accepts masked input. */
export function cnpjProblem(input: string): string | null {
  const cnpj = normalizeCnpj(input);
  if (/[^0-9A-Z]/.test(cnpj)) return "CNPJ inválido: use apenas números e letras";
  if (cnpj.length !== 14) return `CNPJ inválido: deve ter 14 caracteres (informados: ${cnpj.length})`;
  if (!CNPJ_SHAPE.test(cnpj)) return "CNPJ inválido: os dois últimos caracteres devem ser números";
  if (allSameCharacter(cnpj)) return "CNPJ inválido: todos os caracteres são iguais";
  if (cnpjCheckDigits(cnpj.slice(0, 12)) !== cnpj.slice(12)) return "CNPJ inválido: dígitos verificadores não conferem";
  return null;
}

export function isValidCnpj(input: string): boolean {
  return cnpjProblem(input) === null;
}

/** "12ABC34501DE35" → "12.ABC.345/01DE-35"; anything that is not 14 letters/digits is unchanged. */
export function formatCnpj(input: string): string {
  const cnpj = normalizeCnpj(input);
  if (!/^[0-9A-Z]{14}$/.test(cnpj)) return input;
  return `${cnpj.slice(0, 2)}.${cnpj.slice(2, 5)}.${cnpj.slice(5, 8)}/${cnpj.slice(8, 12)}-${cnpj.slice(12)}`;
}

/** The raiz: the first 8 characters, shared by the head office and every branch of a company. */
export function cnpjRoot(input: string): string {
  return normalizeCnpj(input).slice(0, 8);
}

export type GenerateCnpjOptions = { alphanumeric?: boolean };

/**
 * A valid CNPJ for seed data; deterministic for a given `rand` sequence. All 12 base characters
 * are random (not a fixed "0001" branch) so that 100k seeded companies practically never collide.
 * With `alphanumeric`, at least one letter is guaranteed so the sample really exercises letters.
 */
export function generateCnpj(rand: () => number, options: GenerateCnpjOptions = {}): string {
  const alphabetSize = options.alphanumeric ? CNPJ_ALPHABET.length : 10;
  const chars: string[] = [];
  for (let i = 0; i < 12; i++) chars.push(CNPJ_ALPHABET[pick(rand, alphabetSize)] ?? "0");
  if (options.alphanumeric && chars.every((c) => c >= "0" && c <= "9")) {
    chars[pick(rand, 12)] = CNPJ_ALPHABET[10 + pick(rand, 26)] ?? "A";
  }
  // Twelve equal characters: nudge the last one (as generateCpf does) so a constant rand terminates.
  if (allSameCharacter(chars.join(""))) {
    chars[11] = CNPJ_ALPHABET[(CNPJ_ALPHABET.indexOf(chars[11] ?? "0") + 1) % alphabetSize] ?? "1";
  }
  const base = chars.join("");
  return base + cnpjCheckDigits(base);
}

// ---------------------------------------------------------------------------------------------
// Document: CPF or CNPJ in one field (a person is natural or legal)

export type DocumentKind = "cpf" | "cnpj";
export type NormalizedDocument = { kind: DocumentKind; value: string };

/**
 * Classifies by shape only: 11 digits is a CPF, 12 letters/digits + 2 digits is a CNPJ; the check
 * digits are not verified here (use isValidDocument). No zero padding: "191" is not
 * "00.000.000/0001-91", because 12 or 13 digits could equally be a damaged CPF.
 */
export function normalizeDocument(input: string): NormalizedDocument | null {
  const value = normalizeCnpj(input);
  if (/^\d{11}$/.test(value)) return { kind: "cpf", value };
  if (CNPJ_SHAPE.test(value)) return { kind: "cnpj", value };
  return null;
}

/** The pt-BR reason the CPF/CNPJ is invalid, or null; picks the rule by length. */
export function documentProblem(input: string): string | null {
  const value = normalizeCnpj(input);
  if (value.length === 11) return cpfProblem(value);
  if (value.length === 14) return cnpjProblem(value);
  return "CPF/CNPJ inválido: informe 11 dígitos (CPF) ou 14 caracteres (CNPJ)";
}

export function isValidDocument(input: string): boolean {
  return documentProblem(input) === null;
}

/** Masks an 11-character value as CPF and a 14-character one as CNPJ; others are unchanged. */
export function formatDocument(value: string): string {
  const normalized = normalizeCnpj(value);
  if (normalized.length === 11) return formatCpf(value);
  if (normalized.length === 14) return formatCnpj(value);
  return value;
}

// ---------------------------------------------------------------------------------------------
// CEP and UF

/** Also strips the dot of the old "01.310-100" habit. */
export function normalizeCep(input: string): string {
  return input.replace(/[\s.-]/g, "");
}

/** 8 digits, no check digit; "00000000" is a common ERP placeholder for "unknown", not a CEP. */
export function isValidCep(input: string): boolean {
  const cep = normalizeCep(input);
  return /^\d{8}$/.test(cep) && cep !== "00000000";
}

export function formatCep(input: string): string {
  const cep = normalizeCep(input);
  if (!/^\d{8}$/.test(cep)) return input;
  return `${cep.slice(0, 5)}-${cep.slice(5)}`;
}

/** The 26 states and the Federal District, sorted by code (the order users scan a select in). */
export const UFS = [
  "AC",
  "AL",
  "AM",
  "AP",
  "BA",
  "CE",
  "DF",
  "ES",
  "GO",
  "MA",
  "MG",
  "MS",
  "MT",
  "PA",
  "PB",
  "PE",
  "PI",
  "PR",
  "RJ",
  "RN",
  "RO",
  "RR",
  "RS",
  "SC",
  "SE",
  "SP",
  "TO",
] as const;

export type Uf = (typeof UFS)[number];

/** Names for selects and tooltips; the code is what is stored. */
export const UF_NAMES: Readonly<Record<Uf, string>> = {
  AC: "Acre",
  AL: "Alagoas",
  AM: "Amazonas",
  AP: "Amapá",
  BA: "Bahia",
  CE: "Ceará",
  DF: "Distrito Federal",
  ES: "Espírito Santo",
  GO: "Goiás",
  MA: "Maranhão",
  MG: "Minas Gerais",
  MS: "Mato Grosso do Sul",
  MT: "Mato Grosso",
  PA: "Pará",
  PB: "Paraíba",
  PE: "Pernambuco",
  PI: "Piauí",
  PR: "Paraná",
  RJ: "Rio de Janeiro",
  RN: "Rio Grande do Norte",
  RO: "Rondônia",
  RR: "Roraima",
  RS: "Rio Grande do Sul",
  SC: "Santa Catarina",
  SE: "Sergipe",
  SP: "São Paulo",
  TO: "Tocantins",
};

const UF_SET: ReadonlySet<string> = new Set(UFS);

/** Exact, upper-case match: the stored form. zUf upper-cases user input before checking. */
export function isUf(value: string): value is Uf {
  return UF_SET.has(value);
}

// ---------------------------------------------------------------------------------------------
// Phones
//
// Stored forms (decided here, one per kind, so equality and uniqueness checks work on text):
// - geographic (DDD + number): E.164 digits without "+": "5511912345678" (mobile, 13 digits),
//   "551134567890" (landline, 12 digits);
// - non-geographic 0300/0500/0800/0900: the 11 national digits with the leading 0,
//   "08001234567", WITHOUT 55 — these numbers are not reachable from abroad, so an E.164 form
//   would be a lie, and the leading 0 keeps them distinct from every E.164 value (which starts 55);
// - single national numbers of capitals and metropolitan regions (3003-xxxx, 4004-xxxx, ...):
//   the 8 digits, "40041234", WITHOUT 55 and without DDD, because they are dialled the same
//   from every area code and are national only.
// So a stored phone starting with "55" is always E.164 and can become a "tel:+55…" link.

export type PhoneKind = "mobile" | "landline" | "non-geographic" | "capital";

const NON_GEOGRAPHIC = /^0[3589]00\d{7}$/;
/** 3003, 3004, 4000–4009, 4020, 4062, 4090: the prefixes sold as "número único" (nationwide). */
const CAPITAL = /^(?:300[34]|400\d|4020|4062|4090)\d{4}$/;
/** DDD: two digits 1–9 each (no DDD has a 0); mobile 9 + 8 digits; landline starts with 2–5. */
const GEOGRAPHIC = /^[1-9][1-9](?:9\d{8}|[2-5]\d{7})$/;

/** Parses what follows the country code (or the whole number when there is none). */
function parseNationalPhone(national: string): string | null {
  if (NON_GEOGRAPHIC.test(national)) return national;
  // "+55 800 123 4567" (the international spelling) or the 0 forgotten: no DDD ends in 0, so
  // this never shadows a geographic number.
  if (/^[3589]00\d{7}$/.test(national)) return `0${national}`;
  if (CAPITAL.test(national)) return national;
  let number = national;
  if (number.startsWith("0")) {
    // Trunk prefix: "011 3456-7890", "0xx11…" (xx already removed), or "0 15 11 …" where the
    // two digits after the 0 choose the long-distance carrier (código de prestadora).
    const rest = number.slice(1);
    if (rest.length === 10 || rest.length === 11) number = rest;
    else if (rest.length === 12 || rest.length === 13) number = rest.slice(2);
    else return null;
  }
  return GEOGRAPHIC.test(number) ? `55${number}` : null;
}

/**
 * Any Brazilian phone as typed → the stored form (see above), or null when it is not a valid
 * Brazilian number. Accepts "+55", "0055", spaces, dots, hyphens, slashes, parentheses, a trunk
 * 0 with or without a carrier code, and "0xx11". Foreign numbers are rejected (null): the CRM
 * only validates what it can format. Old 8-digit mobiles ("(11) 8123-4567") are rejected rather
 * than silently given a 9: an importer may apply that migration explicitly.
 */
export function normalizePhone(input: string): string | null {
  const trimmed = input.trim();
  const hasPlus = trimmed.startsWith("+");
  const digits = (hasPlus ? trimmed.slice(1) : trimmed).replace(/[\s().\-/]/g, "").replace(/^0xx/i, "0");
  if (!/^\d+$/.test(digits) || digits.length > 15) return null;
  if (hasPlus) return digits.startsWith("55") ? parseNationalPhone(digits.slice(2)) : null;
  if (digits.startsWith("00")) return digits.startsWith("0055") ? parseNationalPhone(digits.slice(4)) : null;
  // 12 or 13 digits starting with 55 cannot be national (at most 11), so 55 is the country code;
  // "55 3222-1234" (10 digits) stays DDD 55 (Santa Maria, RS).
  if (digits.startsWith("55") && (digits.length === 12 || digits.length === 13)) {
    return parseNationalPhone(digits.slice(2));
  }
  return parseNationalPhone(digits);
}

export function isValidPhone(input: string): boolean {
  return normalizePhone(input) !== null;
}

/** The kind of a stored phone (as produced by normalizePhone), or null if it is not one. */
export function phoneKind(stored: string): PhoneKind | null {
  if (/^55[1-9][1-9]9\d{8}$/.test(stored)) return "mobile";
  if (/^55[1-9][1-9][2-5]\d{7}$/.test(stored)) return "landline";
  if (NON_GEOGRAPHIC.test(stored)) return "non-geographic";
  if (CAPITAL.test(stored)) return "capital";
  return null;
}

/** "(11) 91234-5678", "(11) 3456-7890", "0800 123 4567", "4004-1234"; unknown values unchanged. */
export function formatPhone(stored: string): string {
  switch (phoneKind(stored)) {
    case "mobile":
      return `(${stored.slice(2, 4)}) ${stored.slice(4, 9)}-${stored.slice(9)}`;
    case "landline":
      return `(${stored.slice(2, 4)}) ${stored.slice(4, 8)}-${stored.slice(8)}`;
    case "non-geographic":
      return `${stored.slice(0, 4)} ${stored.slice(4, 7)} ${stored.slice(7)}`;
    case "capital":
      return `${stored.slice(0, 4)}-${stored.slice(4)}`;
    default:
      return stored;
  }
}

/** A dialable link: E.164 with "+" for geographic numbers, national digits for the others. */
export function phoneTelUri(stored: string): string | null {
  const kind = phoneKind(stored);
  if (kind === null) return null;
  return kind === "mobile" || kind === "landline" ? `tel:+${stored}` : `tel:${stored}`;
}

// ---------------------------------------------------------------------------------------------
// Money, calendar dates and periods live in money.ts and calendar.ts (the web's first load imports
// them without this file's zod); they are re-exported here so existing imports keep working.

export { zIsoDate, zPeriod } from "./calendar.schemas.ts";
export { formatIsoDate, formatPeriod, isValidIsoDate, isValidPeriod, parseBrDate } from "./calendar.ts";
export { formatMoney, parseMoneyToCents } from "./money.ts";

/** Today's calendar date where the company is ("YYYY-MM-DD"); see time-zone.ts. */
export const todayIsoDate = (now: Date = new Date(), timeZone = DEFAULT_TIME_ZONE): string =>
  todayInZone(now, timeZone);

// ---------------------------------------------------------------------------------------------
// zod helpers
//
// Each normalizes with `.overwrite()` (the output stays a plain string, so the same schema works
// in request and response schemas and in OpenAPI, unlike `.transform()`) and then reports the
// specific pt-BR reason. Compose with `.optional()`/`.nullable()` for optional fields; an empty
// string is a value here, and it is invalid.

function ruleSchema(normalize: (input: string) => string, problem: (value: string) => string | null) {
  return z
    .string()
    .overwrite(normalize)
    .superRefine((value, ctx) => {
      const message = problem(value);
      if (message !== null) ctx.addIssue(message);
    });
}

export const zCpf = ruleSchema(normalizeCpf, cpfProblem);
export const zCnpj = ruleSchema(normalizeCnpj, cnpjProblem);
export const zDocument = ruleSchema(normalizeCnpj, documentProblem);
export const zCep = ruleSchema(normalizeCep, (value) =>
  isValidCep(value) ? null : "CEP inválido: informe 8 dígitos (ex.: 01310-100)",
);
export const zPhone = ruleSchema(
  (input) => normalizePhone(input) ?? input,
  // After the overwrite a valid phone is in stored form, and the stored form normalizes to itself.
  (value) =>
    normalizePhone(value) === value
      ? null
      : "Telefone inválido: informe DDD e número, ex.: (11) 91234-5678, (11) 3456-7890 ou 0800 123 4567",
);
export const zUf = z
  .string()
  .trim()
  .toUpperCase()
  .pipe(z.enum(UFS, { error: "UF inválida: use a sigla de um estado ou DF (ex.: SP)" }));
