import { isValidDocument, normalizeDocument } from "./brazil.ts";

/**
 * Quick search of persons: one normalized text column per person, written by the service, and
 * queries normalized by the same functions.
 *
 * Why the application normalizes instead of the database: PostgreSQL's unaccent() is not
 * IMMUTABLE and cannot back an index, and SQLite and PostgreSQL fold accents differently. A
 * column written here is identical on both, and indexed by FTS5 `trigram` on SQLite and by a
 * pg_trgm GIN index on PostgreSQL. Both match substrings, so the repository ANDs one
 * `LIKE '%term%'` (or FTS5 phrase) per term from searchTerms(); a trigram index can only help with
 * terms of 3 or more characters, so shorter terms should filter the rows the longer ones found.
 *
 * Rules shared by the stored text and the query:
 * - lower case, then NFKD and combining marks dropped: "João" → "joao", "ç" → "c", and
 *   compatibility forms folded too ("ª" → "a", full-width digits → ASCII);
 * - apostrophes are deleted, not turned into spaces, so "D'Ávila" is found by "davila" as well
 *   as by "d'avila";
 * - letters, digits and `@ . + - _` are kept, so an e-mail or a domain stays one searchable
 *   piece; every other character becomes a space; whitespace is collapsed and trimmed.
 */

/** Letters NFKD leaves alone but a Brazilian user would type without the diacritic. */
const LETTER_FOLDS: Readonly<Record<string, string>> = {
  ß: "ss",
  æ: "ae",
  œ: "oe",
  ø: "o",
  đ: "d",
  ð: "d",
  ł: "l",
  þ: "th",
};

export function normalizeSearchText(s: string): string {
  return s
    .toLowerCase()
    .replace(/['’ʼ`´]/gu, "")
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[ßæœøđðłþ]/gu, (c) => LETTER_FOLDS[c] ?? c)
    .replace(/[^\p{L}\p{N}@.+\-_]+/gu, " ")
    .trim();
}

/** Only digits, whitespace and the punctuation of masks: a CPF, numeric CNPJ, phone, CEP or code. */
const NUMBER_LIKE = /^[\d\s./()+-]+$/;
/** A masked alphanumeric CNPJ being typed: "12.ABC", "12.ABC.345/01DE-3". */
const MASKED_CNPJ_PREFIX = /^[0-9a-z]{2}\.[0-9a-z]{0,3}(?:\.[0-9a-z]{0,3}(?:\/[0-9a-z]{0,4}(?:-\d{0,2})?)?)?$/i;

/**
 * A query normalized like the stored text, except that a query shaped like a document, phone,
 * CEP or code loses its punctuation and spaces: "529.982.247-25" → "52998224725",
 * "(11) 91234-5678" → "11912345678", "12.ABC.345/01DE-35" → "12abc34501de35", which is how those
 * values are stored in the search text. ("+55 11 9…" keeps its 55 and still matches, since the
 * stored phone is E.164.)
 */
export function normalizeSearchQuery(q: string): string {
  const raw = q.trim();
  if (NUMBER_LIKE.test(raw) && /\d/.test(raw)) return raw.replace(/\D/g, "");
  if (MASKED_CNPJ_PREFIX.test(raw) && /\d/.test(raw)) return raw.replace(/[./-]/g, "").toLowerCase();
  return normalizeSearchText(raw);
}

/** Portuguese name particles: "silva souza" must find "Maria da Silva de Souza". */
export const NAME_PARTICLES: ReadonlySet<string> = new Set(["da", "de", "do", "das", "dos", "e"]);

/** More terms than this add cost, not precision: nobody types a whole address in the magnifier. */
const MAX_TERMS = 8;

/**
 * The significant terms of a query, for the repository to AND together. Each step only applies
 * when it leaves something, so a query of only particles ("de") or only initials ("j") still
 * searches for what was typed:
 * 1. split the normalized query; duplicates removed;
 * 2. drop name particles (da, de, do, das, dos, e);
 * 3. drop one-character terms (initials such as the "j" of "j silva" match almost every row);
 * 4. drop a term contained in another term, since the longer one already implies it;
 * 5. keep at most 8 terms, in the order typed.
 */
export function searchTerms(q: string): string[] {
  const all = [
    ...new Set(
      normalizeSearchQuery(q)
        .split(" ")
        .filter((t) => t !== ""),
    ),
  ];
  const withoutParticles = all.filter((t) => !NAME_PARTICLES.has(t));
  const significant = withoutParticles.length > 0 ? withoutParticles : all;
  const longer = significant.filter((t) => t.length > 1);
  const terms = longer.length > 0 ? longer : significant;
  return terms.filter((t) => !terms.some((other) => other !== t && other.includes(t))).slice(0, MAX_TERMS);
}

export type ExactSearchKeys = { code: number | null; document: string | null };

/** Person codes are positive integers up to this bound (as in persons.schemas.ts). */
const MAX_PERSON_CODE = 2_000_000_000;

/**
 * What a query could match exactly, so the repository can rank an exact code or document first:
 * "42", "000042" → code 42; "529.982.247-25" → document "52998224725" (only a valid CPF/CNPJ,
 * in stored form, upper case).
 */
export function exactSearchKeys(q: string): ExactSearchKeys {
  const compact = normalizeSearchQuery(q);
  const code = /^\d{1,10}$/.test(compact) ? Number(compact) : 0;
  const doc = isValidDocument(q.trim()) ? normalizeDocument(q.trim()) : null;
  return { code: code > 0 && code <= MAX_PERSON_CODE ? code : null, document: doc ? doc.value : null };
}

export type PersonSearchFields = {
  code?: number | string | null;
  name?: string | null;
  shortName?: string | null;
  document?: string | null;
  emails?: readonly (string | null | undefined)[] | null;
  phones?: readonly (string | null | undefined)[] | null;
};

/** A name as is and, when hyphenated, also with spaces: "ana maria" finds "Ana-Maria". */
function nameParts(name: string | null | undefined): string[] {
  const normalized = normalizeSearchText(name ?? "");
  return normalized.includes("-") ? [normalized, normalized.replaceAll("-", " ")] : [normalized];
}

/**
 * The search column of one person: name and short name, the code as typed and zero-padded to 6
 * ("42 000042"), the document without mask ("52998224725", "12abc34501de35"), e-mails, and phones
 * as digits (the stored E.164 "5511912345678" contains the national "11912345678", so both
 * spellings match). Parts are separated by a space and no term contains one, so a term never
 * matches across two fields.
 */
export function buildPersonSearchText(fields: PersonSearchFields): string {
  const parts: string[] = [...nameParts(fields.name), ...nameParts(fields.shortName)];
  const code = String(fields.code ?? "").replace(/\D/g, "");
  if (code !== "") {
    const plain = String(Number(code));
    parts.push(plain, plain.padStart(6, "0"));
  }
  if (fields.document) {
    const doc = normalizeDocument(fields.document);
    parts.push(doc ? doc.value.toLowerCase() : normalizeSearchText(fields.document).replace(/[^\p{L}\p{N}]/gu, ""));
  }
  for (const email of fields.emails ?? []) parts.push(normalizeSearchText(email ?? ""));
  for (const phone of fields.phones ?? []) parts.push((phone ?? "").replace(/\D/g, ""));
  return [...new Set(parts.filter((p) => p !== ""))].join(" ");
}
