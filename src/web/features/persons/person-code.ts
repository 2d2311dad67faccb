/** Person codes are shown and linked zero-padded to 6 digits ("000042"); bigger codes keep all their digits. */
export const formatPersonCode = (code: number): string => String(code).padStart(6, "0");

export const personPath = (code: number): string => `/pessoas/${formatPersonCode(code)}`;

/** The same bound as the API's personCode schema (kept here so this file stays free of zod). */
const MAX_PERSON_CODE = 2_000_000_000;

/** "000042", "42" → 42; anything else (letters, zero, too big) → null. */
export function parsePersonCode(value: string | null | undefined): number | null {
  const trimmed = value?.trim() ?? "";
  if (!/^\d{1,10}$/.test(trimmed)) return null;
  const code = Number(trimmed);
  return code > 0 && code <= MAX_PERSON_CODE ? code : null;
}
