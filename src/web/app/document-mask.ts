/**
 * CPF/CNPJ masks, apart from the other masks because the header search (first load) needs them:
 * the rest of masks.ts stays in the lazy chunks of the forms.
 */

/** CPF "000.000.000-00": digits only. */
export function maskCpf(input: string): string {
  const d = input.replace(/\D/g, "").slice(0, 11);
  if (d.length <= 3) return d;
  if (d.length <= 6) return `${d.slice(0, 3)}.${d.slice(3)}`;
  if (d.length <= 9) return `${d.slice(0, 3)}.${d.slice(3, 6)}.${d.slice(6)}`;
  return `${d.slice(0, 3)}.${d.slice(3, 6)}.${d.slice(6, 9)}-${d.slice(9)}`;
}

/** CNPJ "00.000.000/0000-00", letters accepted (alphanumeric CNPJ, from July 2026) and upper-cased. */
export function maskCnpj(input: string): string {
  const c = input
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, "")
    .slice(0, 14);
  if (c.length <= 2) return c;
  if (c.length <= 5) return `${c.slice(0, 2)}.${c.slice(2)}`;
  if (c.length <= 8) return `${c.slice(0, 2)}.${c.slice(2, 5)}.${c.slice(5)}`;
  if (c.length <= 12) return `${c.slice(0, 2)}.${c.slice(2, 5)}.${c.slice(5, 8)}/${c.slice(8)}`;
  return `${c.slice(0, 2)}.${c.slice(2, 5)}.${c.slice(5, 8)}/${c.slice(8, 12)}-${c.slice(12)}`;
}

/**
 * A stored CPF (11 digits) or CNPJ (14 characters) with its punctuation; anything else as is.
 * The same result as formatDocument of src/shared/brazil.ts, for the header search and the
 * command palette: importing that module there would put it (and zod) in the first load.
 */
export function formatStoredDocument(value: string): string {
  const compact = value.replace(/[\s./-]/g, "").toUpperCase();
  if (/^\d{11}$/.test(compact)) return maskCpf(compact);
  if (/^[0-9A-Z]{14}$/.test(compact)) return maskCnpj(compact);
  return value;
}
