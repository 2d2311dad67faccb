import type { Person, PersonKind, PersonSummary } from "../../../shared/persons.schemas.ts";
import { buildPersonSearchText, normalizeSearchText } from "../../../shared/search-text.ts";
import type { PersonDetails, PersonRow, SummaryRow } from "./persons.repository.ts";

/** Rows of the persons tables ↔ the API's persons, and the columns every writer of a person derives. */

export function toPerson(row: PersonRow, d: PersonDetails): Person {
  return {
    code: row.code,
    kind: row.kind as PersonKind,
    name: row.name,
    shortName: row.short_name,
    document: row.document,
    isActive: row.is_active === 1,
    notes: row.notes,
    categories: d.categories,
    characteristics: d.characteristics,
    emails: d.emails.map((e) => ({ id: e.id, address: e.address, isMain: e.is_main === 1 })),
    phones: d.phones.map((p) => ({ id: p.id, number: p.number, isMain: p.is_main === 1 })),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

export const toSummary = (r: SummaryRow): PersonSummary => ({
  code: r.code,
  kind: r.kind as PersonKind,
  name: r.name,
  shortName: r.short_name,
  document: r.document,
  isActive: r.is_active === 1,
  mainEmail: r.main_email,
  mainPhone: r.main_phone,
});

export type SearchSource = {
  code: number;
  name: string;
  shortName: string | null;
  document: string | null;
  /** Every e-mail and phone of the person, not only the main ones. */
  emails: string[];
  phones: string[];
};

/**
 * The search columns of a person row: `sort_name` (the name index) and `search_text` (the word and
 * trigram indexes). One function for every writer — the persons service and the persons import —
 * so a person found after a form save is found the same way after an import.
 */
export const personSearchColumns = (p: SearchSource): { sort_name: string; search_text: string } => ({
  sort_name: normalizeSearchText(p.name),
  search_text: buildPersonSearchText(p),
});

/** person_emails rows, in list order after `from` stored ones (position keeps the order the user gave). */
export const emailRows = (personId: number, emails: { address: string; isMain: boolean }[], from = 0) =>
  emails.map((e, i) => ({ person_id: personId, address: e.address, is_main: e.isMain ? 1 : 0, position: from + i }));

/** person_phones rows, like emailRows. */
export const phoneRows = (personId: number, phones: { number: string; isMain: boolean }[], from = 0) =>
  phones.map((p, i) => ({ person_id: personId, number: p.number, is_main: p.isMain ? 1 : 0, position: from + i }));
