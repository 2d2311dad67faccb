import { formatPhone } from "../../../../../shared/brazil.ts";
import type { Person, PersonKind } from "../../../../../shared/persons.schemas.ts";
import { type AddressValues, addressBodyOf } from "../addresses/address-values.ts";
import { maskDocument } from "../masks.ts";

/** `key` only gives React a stable row identity; it is never sent. */
export type EmailRow = { key: string; address: string; isMain: boolean };
export type PhoneRow = { key: string; number: string; isMain: boolean };

/** The person form as typed: masked document and phones, ids as the selects' strings. */
export type PersonValues = {
  kind: PersonKind;
  name: string;
  shortName: string;
  document: string;
  categoryIds: string[];
  characteristicIds: string[];
  emails: EmailRow[];
  phones: PhoneRow[];
  notes: string;
  isActive: boolean;
  /** Create only: none, or the first address. */
  addresses: AddressValues[];
};

let rowCounter = 0;
export const rowKey = () => `row-${++rowCounter}`;

export const emptyPersonValues = (): PersonValues => ({
  kind: "individual",
  name: "",
  shortName: "",
  document: "",
  categoryIds: [],
  characteristicIds: [],
  emails: [],
  phones: [],
  notes: "",
  isActive: true,
  addresses: [],
});

export const personValuesOf = (p: Person): PersonValues => ({
  kind: p.kind,
  name: p.name,
  shortName: p.shortName ?? "",
  document: p.document ? maskDocument(p.document, p.document.length === 11 ? "individual" : "company") : "",
  categoryIds: p.categories.map((c) => String(c.id)),
  characteristicIds: p.characteristics.map((c) => String(c.id)),
  emails: p.emails.map((e) => ({ key: rowKey(), address: e.address, isMain: e.isMain })),
  phones: p.phones.map((f) => ({ key: rowKey(), number: formatPhone(f.number), isMain: f.isMain })),
  notes: p.notes ?? "",
  isActive: p.isActive,
  addresses: [],
});

/** The fields both bodies share, before the shared schema parses them. Same paths as the form. */
const commonBodyOf = (v: PersonValues) => ({
  kind: v.kind,
  name: v.name,
  shortName: v.shortName.trim() || null,
  document: v.document.trim() || null,
  categoryIds: v.categoryIds.map(Number),
  characteristicIds: v.characteristicIds.map(Number),
  emails: v.emails.map(({ address, isMain }) => ({ address: address.trim(), isMain })),
  phones: v.phones.map(({ number, isMain }) => ({ number, isMain })),
  notes: v.notes.trim() || null,
});

export const createBodyOf = (v: PersonValues) => ({ ...commonBodyOf(v), addresses: v.addresses.map(addressBodyOf) });

export const updateBodyOf = (v: PersonValues, version: number) => ({
  ...commonBodyOf(v),
  isActive: v.isActive,
  version,
});
