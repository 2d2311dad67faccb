import type { personsReasons } from "../../../shared/reasons/persons.ts";

/** English for the persons area's reasons (same keys and `{{params}}` as shared/reasons/persons.ts). */
export const personsReasonsEn = {
  // ——— persons ———
  person_not_found: "Person not found.",
  unknown_category: "unknown category: {{category}}",
  unknown_characteristic: "unknown characteristic: {{characteristic}}",
  document_in_use: "document already registered",
  document_in_use_by: "document already registered for person {{code}}",
  document_or_code_in_use: "document or code already registered",
  cannot_create_in_category: "You cannot register persons in this category.",
  cannot_change_person: "You cannot change this person.",
  cannot_change_category: "You cannot add or remove this category.",
  person_changed: "Someone else changed this record; reload to see the changes.",
  individual_uses_cpf: "an individual uses a CPF",
  company_uses_cnpj: "a company uses a CNPJ",
  invalid_cursor: "invalid cursor",
  category_not_of_person: "this person does not belong to that category",
  // ——— the persons schemas (zod refinements) ———
  document_shape: "a CPF has 11 digits and a CNPJ 14 characters",
  invalid_cpf: "invalid CPF: the check digits do not match",
  invalid_cnpj: "invalid CNPJ: the check digits do not match",
  invalid_phone: "invalid phone: use area code and number, e.g. (11) 91234-5678",
  invalid_cep: "a CEP has 8 digits",
  invalid_uf: "invalid UF: use the code of one of the 27 states, e.g. SP",
  one_main: "only one can be the main one",
  // ——— addresses ———
  address_not_found: "Address not found.",
  address_changed: "Someone else changed this address; reload to see the changes.",
  // ——— related persons ———
  related_person_not_found: "person not found",
  self_relationship: "a person cannot be related to themselves",
  unknown_relationship_type: "unknown relationship type",
  already_related: "These persons are already related with this type.",
  relationship_not_found: "Relationship not found.",
  // ——— imports: the request and the file ———
  import_json_list: "JSON body: send a list of records ([{...}, {...}]) or JSON lines.",
  unknown_import: "Unknown import: {{entity}}. Use {{entities}}.",
  import_malformed: "Line {{line}}: {{problem}}. Nothing was imported.",
  import_malformed_partly:
    "Line {{line}}: {{problem}}. Lines up to {{committed}} were already imported; fix the file and send all of it again (what already went in counts as unchanged).",
  import_too_large: "File too large: the limit is {{limitMib}} MiB. Nothing was imported.",
  import_too_large_partly:
    "File too large: the limit is {{limitMib}} MiB. Lines up to {{committed}} were already imported; fix the file and send all of it again (what already went in counts as unchanged).",
  // ——— imports: one rejected line ———
  import_person_key:
    "give the CPF/CNPJ or the externalId: without them the person would be created again on every import",
  import_name_required: "give the name to register the person",
  import_category_required: "give at least one category to register the person",
  import_kind_required: "give the kind (individual or company) of a person without a document",
  import_code_in_use: "code already used by person {{name}}",
  import_code_differs: "the person already exists with code {{code}}",
  import_external_id_differs: "the person with this document has another externalId ({{externalId}})",
  import_unknown_person: "person {{code}} not found",
  import_unknown_seller: "seller {{code}} not found",
  import_not_a_seller: "person {{code}} is neither an employee nor a representative",
  import_unknown_contract: "contract {{externalId}} not found",
  import_unknown_receivable: "receivable {{externalId}} not found",
  import_closing_of_other_seller: "closing {{externalId}} belongs to another seller",
  import_closing_differs: "closing {{externalId}} came with other data on an earlier line",
  import_closed_entry: "a closed entry does not change: post the correction as a new entry",
  import_csv_cell_json: "the cell must hold JSON (or use dotted columns, e.g. closing.externalId)",
  import_csv_cell_list: "invalid list: use JSON or values separated by |",
} satisfies Record<keyof typeof personsReasons, string>;
