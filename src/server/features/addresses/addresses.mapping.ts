import type { Insertable, Selectable, Updateable } from "kysely";
import type { Address, AddressInput } from "../../../shared/persons.schemas.ts";
import type { AddressesTable } from "../../db/types.ts";

/** Address rows ↔ the API's addresses: one mapping for the address form, person creation and the persons import. */

export type AddressRow = Selectable<AddressesTable>;

export const toAddress = (r: AddressRow, personCode: number): Address => ({
  id: r.id,
  personCode,
  type: r.type as Address["type"],
  zip: r.zip,
  street: r.street,
  number: r.number,
  complement: r.complement,
  district: r.district,
  city: r.city,
  ibgeCode: r.ibge_code,
  state: r.state,
  country: r.country,
  reference: r.reference,
  isMain: r.is_main === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  version: r.version,
});

/** The row of a new address. */
export const newAddressRow = (personId: number, a: AddressInput, now: string): Insertable<AddressesTable> => ({
  person_id: personId,
  type: a.type,
  zip: a.zip,
  street: a.street,
  number: a.number,
  complement: a.complement,
  district: a.district,
  city: a.city,
  ibge_code: a.ibgeCode,
  state: a.state,
  country: a.country,
  reference: a.reference,
  is_main: a.isMain ? 1 : 0,
  created_at: now,
  updated_at: now,
});

/** The columns a PATCH changes: only the fields it carries (an absent field keeps the stored value). */
export const addressChanges = (body: Partial<AddressInput>): Updateable<AddressesTable> => ({
  ...(body.type !== undefined && { type: body.type }),
  ...(body.zip !== undefined && { zip: body.zip }),
  ...(body.street !== undefined && { street: body.street }),
  ...(body.number !== undefined && { number: body.number }),
  ...(body.complement !== undefined && { complement: body.complement }),
  ...(body.district !== undefined && { district: body.district }),
  ...(body.city !== undefined && { city: body.city }),
  ...(body.ibgeCode !== undefined && { ibge_code: body.ibgeCode }),
  ...(body.state !== undefined && { state: body.state }),
  ...(body.country !== undefined && { country: body.country }),
  ...(body.reference !== undefined && { reference: body.reference }),
  ...(body.isMain !== undefined && { is_main: body.isMain ? 1 : 0 }),
});
