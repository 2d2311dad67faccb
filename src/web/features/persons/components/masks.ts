import { maskCnpj, maskCpf } from "../../../app/document-mask.ts";

/**
 * Masks applied while typing. They only insert the punctuation of the Brazilian formats and cap
 * the length; judging the value (check digits, DDD) is the shared zod schema's job.
 */

/** "01310100" → "01310-100". */
export function maskCep(input: string): string {
  const digits = input.replace(/\D/g, "").slice(0, 8);
  return digits.length > 5 ? `${digits.slice(0, 5)}-${digits.slice(5)}` : digits;
}

export const maskDocument = (input: string, kind: "individual" | "company"): string =>
  kind === "individual" ? maskCpf(input) : maskCnpj(input);

/**
 * "(11) 91234-5678", "(11) 3456-7890", "0800 123 4567", "4004-1234". A number typed with "+"
 * (international form) is left as typed. No DDD has a 0, so a leading 0, 30 or 40 can only be a
 * 0800-style or a nationwide (3003/4004) number.
 */
export function maskPhone(input: string): string {
  if (input.trim().startsWith("+")) return input;
  let d = input.replace(/\D/g, "");
  if (d.startsWith("0")) {
    d = d.slice(0, 11);
    if (d.length <= 4) return d;
    if (d.length <= 7) return `${d.slice(0, 4)} ${d.slice(4)}`;
    return `${d.slice(0, 4)} ${d.slice(4, 7)} ${d.slice(7)}`;
  }
  if (/^[34]0/.test(d)) {
    d = d.slice(0, 8);
    return d.length <= 4 ? d : `${d.slice(0, 4)}-${d.slice(4)}`;
  }
  // A pasted E.164 number ("5511912345678"): drop the country code.
  if (d.length > 11 && d.startsWith("55")) d = d.slice(2);
  d = d.slice(0, 11);
  if (d.length === 0) return "";
  if (d.length <= 2) return `(${d}`;
  const ddd = d.slice(0, 2);
  const rest = d.slice(2);
  if (rest.length <= 4) return `(${ddd}) ${rest}`;
  const split = rest.length === 9 ? 5 : 4;
  return `(${ddd}) ${rest.slice(0, split)}-${rest.slice(split)}`;
}
