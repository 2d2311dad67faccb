import type { Insertable } from "kysely";
import type { AddressInput } from "../../../shared/persons.schemas.ts";
import type { AddressesTable } from "../../db/types.ts";

/** The row of a new address: one mapping for the address form, person creation and the persons import. */
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
