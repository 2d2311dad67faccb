import { ADDRESS_TYPES, type Address } from "../../../../../shared/persons.schemas.ts";

export type AddressType = (typeof ADDRESS_TYPES)[number];
export { ADDRESS_TYPES };

/** What the address fields hold while editing: text as typed (CEP masked), UF null until chosen. */
export type AddressValues = {
  type: AddressType;
  isMain: boolean;
  zip: string;
  street: string;
  number: string;
  complement: string;
  district: string;
  city: string;
  ibgeCode: string;
  state: string | null;
  country: string;
  reference: string;
};

export const ADDRESS_FIELDS = [
  "type",
  "isMain",
  "zip",
  "street",
  "number",
  "complement",
  "district",
  "city",
  "ibgeCode",
  "state",
  "country",
  "reference",
] as const;
export type AddressField = (typeof ADDRESS_FIELDS)[number];

export const emptyAddress = (type: AddressType = "main"): AddressValues => ({
  type,
  isMain: false,
  zip: "",
  street: "",
  number: "",
  complement: "",
  district: "",
  city: "",
  ibgeCode: "",
  state: null,
  country: "Brasil",
  reference: "",
});

const cep = (zip: string) => (/^\d{8}$/.test(zip) ? `${zip.slice(0, 5)}-${zip.slice(5)}` : zip);

export const addressValuesOf = (a: Address): AddressValues => ({
  type: a.type,
  isMain: a.isMain,
  zip: cep(a.zip),
  street: a.street,
  number: a.number,
  complement: a.complement ?? "",
  district: a.district,
  city: a.city,
  ibgeCode: a.ibgeCode ?? "",
  state: a.state,
  country: a.country,
  reference: a.reference ?? "",
});

/** The request body before the shared schema parses it: empty optional fields become null. */
export const addressBodyOf = (v: AddressValues) => ({
  ...v,
  complement: v.complement.trim() || null,
  ibgeCode: v.ibgeCode.trim() || null,
  reference: v.reference.trim() || null,
  state: v.state ?? "",
  country: v.country.trim() || "Brasil",
});
