import type { ReasonParams } from "../../../../shared/errors.ts";
import type { ImportPersonRecord } from "../../../../shared/imports.schemas.ts";
import { type AddressInput, documentKindProblem, type PersonKind } from "../../../../shared/persons.schemas.ts";
import type { PersonsReason } from "../../../../shared/reasons/persons.ts";

/**
 * The rules of the persons import, without I/O: how one line merges into the stored person (or
 * makes a new one). Fields given replace the stored ones; lists (categories, characteristics,
 * e-mails, phones, addresses) only grow — an ERP that knows a person as a customer must not take
 * away the supplier category someone added here. Nothing given differs → unchanged.
 */

export type PersonColumns = {
  kind: string;
  name: string;
  short_name: string | null;
  document: string | null;
  notes: string | null;
  is_active: number;
  external_id: string | null;
};

export type StoredPerson = PersonColumns & {
  id: number;
  code: number;
  version: number;
  categoryIds: Set<number>;
  characteristicIds: Set<number>;
  emails: string[];
  phones: string[];
  /** addressKey() of each stored address. */
  addressKeys: Set<string>;
};

export type Additions = {
  categoryIds: number[];
  characteristicIds: number[];
  emails: { address: string; isMain: boolean }[];
  phones: { number: string; isMain: boolean }[];
  addresses: (AddressInput & { isMain: boolean })[];
};

export type MergePlan =
  | { action: "unchanged" }
  | { action: "update"; columns: PersonColumns; add: Additions }
  | { action: "create"; columns: PersonColumns; add: Additions };

export type Rejection = { field: string; reason: PersonsReason; params?: ReasonParams };

const kindOfDocument = (document: string): PersonKind => (document.length === 11 ? "individual" : "company");

/** Same place: the same zip, number and street (case and spacing aside). */
export const addressKey = (a: { zip: string; number: string; street: string }) =>
  [a.zip, a.number.trim().toLowerCase(), a.street.trim().toLowerCase().replace(/\s+/g, " ")].join("|");

function emailsOf(r: ImportPersonRecord): string[] {
  const list = [...(r.email ? [r.email] : []), ...r.emails.map((e) => e.address)];
  // The one flagged main goes first; a stored person keeps its own main.
  const main = r.emails.find((e) => e.isMain)?.address;
  return [...new Set(main ? [main, ...list] : list)];
}

function phonesOf(r: ImportPersonRecord): string[] {
  const list = [...(r.phone ? [r.phone] : []), ...r.phones.map((p) => p.number)];
  const main = r.phones.find((p) => p.isMain)?.number;
  return [...new Set(main ? [main, ...list] : list)];
}

/** What is new to the person, flagged main only where the person has none of that kind yet. */
function additions(r: ImportPersonRecord, categoryIds: number[], stored: StoredPerson | null): Additions {
  const emails = emailsOf(r).filter((a) => !stored?.emails.includes(a));
  const phones = phonesOf(r).filter((n) => !stored?.phones.includes(n));
  const seen = new Set(stored?.addressKeys ?? []);
  const addresses = r.addresses.filter((a) => {
    const key = addressKey(a);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const hasAddress = (stored?.addressKeys.size ?? 0) > 0;
  const mainAddress = hasAddress
    ? -1
    : Math.max(
        0,
        addresses.findIndex((a) => a.isMain),
      );
  return {
    categoryIds: [...new Set(categoryIds)].filter((id) => !stored?.categoryIds.has(id)),
    characteristicIds: [...new Set(r.characteristicIds)].filter((id) => !stored?.characteristicIds.has(id)),
    emails: emails.map((address, i) => ({ address, isMain: !stored?.emails.length && i === 0 })),
    phones: phones.map((number, i) => ({ number, isMain: !stored?.phones.length && i === 0 })),
    addresses: addresses.map((a, i) => ({ ...a, isMain: i === mainAddress })),
  };
}

const nothingToAdd = (a: Additions) =>
  !a.categoryIds.length && !a.characteristicIds.length && !a.emails.length && !a.phones.length && !a.addresses.length;

/**
 * The plan for one line. `stored` is the person it names (by externalId, else by document);
 * `categoryIds` the line's categories already resolved to ids.
 */
export function mergePerson(
  r: ImportPersonRecord,
  categoryIds: number[],
  stored: StoredPerson | null,
): MergePlan | Rejection {
  if (!stored) {
    if (!r.name) return { field: "name", reason: "import_name_required" };
    if (!categoryIds.length) return { field: "categories", reason: "import_category_required" };
    const kind = r.kind ?? (r.document ? kindOfDocument(r.document) : undefined);
    if (!kind) return { field: "kind", reason: "import_kind_required" };
    return {
      action: "create",
      columns: {
        kind,
        name: r.name,
        short_name: r.shortName ?? null,
        document: r.document,
        notes: r.notes ?? null,
        is_active: r.isActive === false ? 0 : 1,
        external_id: r.externalId ?? null,
      },
      add: additions(r, categoryIds, null),
    };
  }
  if (r.code !== undefined && r.code !== stored.code) {
    return { field: "code", reason: "import_code_differs", params: { code: String(stored.code).padStart(6, "0") } };
  }
  if (r.externalId && stored.external_id && r.externalId !== stored.external_id) {
    return { field: "externalId", reason: "import_external_id_differs", params: { externalId: stored.external_id } };
  }
  const document = r.document ?? stored.document;
  const kind = r.kind ?? (r.document && r.document !== stored.document ? kindOfDocument(r.document) : stored.kind);
  const kindProblem = document ? documentKindProblem(kind as PersonKind, document) : null;
  if (kindProblem) return { field: "document", reason: kindProblem };
  const columns: PersonColumns = {
    kind,
    name: r.name ?? stored.name,
    short_name: r.shortName !== undefined ? r.shortName : stored.short_name,
    document,
    notes: r.notes !== undefined ? r.notes : stored.notes,
    is_active: r.isActive === undefined ? stored.is_active : r.isActive ? 1 : 0,
    external_id: stored.external_id ?? r.externalId ?? null,
  };
  const add = additions(r, categoryIds, stored);
  const same = (Object.keys(columns) as (keyof PersonColumns)[]).every((k) => columns[k] === stored[k]);
  if (same && nothingToAdd(add)) return { action: "unchanged" };
  return { action: "update", columns, add };
}
