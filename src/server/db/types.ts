import type { Generated, Kysely, Transaction } from "kysely";

/**
 * Table shapes shared by SQLite and PostgreSQL. Portable choices: timestamps are
 * ISO-8601 UTC text, calendar dates `YYYY-MM-DD` text, booleans 0/1 integers,
 * money integer cents.
 */
export type UsersTable = {
  id: Generated<number>;
  username: string;
  name: string;
  email: string;
  password_hash: string;
  is_admin: number;
  is_active: number;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
  person_id: number | null;
};

export type SessionsTable = {
  /** SHA-256 of the cookie value: a copy of the table never yields a usable session. */
  id_hash: string;
  user_id: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  user_agent: string | null;
};

export type ApiTokensTable = {
  id: Generated<number>;
  user_id: number;
  name: string;
  token_hash: string;
  /** First characters of the token, so a user can tell tokens apart. */
  prefix: string;
  created_at: string;
  created_by: number | null;
  last_used_at: string | null;
  revoked_at: string | null;
};

export type AuthFailuresTable = {
  id: Generated<number>;
  /** `ip:<address>` or `user:<username>` */
  key: string;
  at: string;
};

export type CategoryRole = "customer" | "supplier" | "employee" | "representative" | "carrier" | "other";

export type SequencesTable = { name: string; value: number };

export type CategoriesTable = {
  id: Generated<number>;
  name: string;
  role: string;
  is_active: Generated<number>;
  version: Generated<number>;
};

export type CharacteristicsTable = {
  id: Generated<number>;
  name: string;
  color: string;
  is_active: Generated<number>;
  version: Generated<number>;
};

export type RelationshipTypesTable = {
  id: Generated<number>;
  name: string;
  inverse_name: string | null;
  is_active: Generated<number>;
  version: Generated<number>;
};

export type PersonsTable = {
  id: Generated<number>;
  code: number;
  kind: string;
  name: string;
  short_name: string | null;
  document: string | null;
  is_active: Generated<number>;
  notes: string | null;
  sort_name: string;
  search_text: string;
  external_id: string | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
};

export type PersonCategoriesTable = { person_id: number; category_id: number };
export type PersonCharacteristicsTable = { person_id: number; characteristic_id: number };

export type PersonEmailsTable = {
  id: Generated<number>;
  person_id: number;
  address: string;
  is_main: number;
  position: number;
};

export type PersonPhonesTable = {
  id: Generated<number>;
  person_id: number;
  number: string;
  is_main: number;
  position: number;
};

export type AddressesTable = {
  id: Generated<number>;
  person_id: number;
  type: string;
  zip: string;
  street: string;
  number: string;
  complement: string | null;
  district: string;
  city: string;
  ibge_code: string | null;
  state: string;
  country: Generated<string>;
  reference: string | null;
  is_main: number;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
};

export type PersonRelationshipsTable = {
  id: Generated<number>;
  person_id: number;
  related_person_id: number;
  type_id: number;
  created_at: string;
  created_by: number | null;
};

export type AccessProfilesTable = {
  id: Generated<number>;
  name: string;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
};

export type AccessGrantsTable = { profile_id: number; category_id: number; tab: string; level: string };
export type UserAccessProfilesTable = { user_id: number; profile_id: number };

export type TicketTypesTable = {
  id: Generated<number>;
  name: string;
  /** 'service' | 'production' */
  area: string;
  days_to_due: number;
  /** 'low' | 'normal' | 'high' | 'urgent' */
  default_priority: Generated<string>;
  is_active: Generated<number>;
  version: Generated<number>;
};

export type SectorsTable = {
  id: Generated<number>;
  name: string;
  is_active: Generated<number>;
  version: Generated<number>;
};
export type ProductsTable = SectorsTable;

export type TicketsTable = {
  id: Generated<number>;
  number: number;
  person_id: number;
  /** 'service' | 'production' */
  area: string;
  type_id: number;
  subject: string;
  search_text: string;
  product_id: number | null;
  sector_id: number;
  responsible_user_id: number | null;
  /** 'low' | 'normal' | 'high' | 'urgent' */
  priority: string;
  contact_name: string | null;
  /** 'phone' | 'email' | 'visit' | 'chat' | 'portal' */
  channel: string | null;
  /** 'open' | 'closed' */
  status: string;
  opened_at: string;
  opened_by: number | null;
  due_at: string;
  internal_contact_at: string | null;
  internal_contact_user_id: number | null;
  closed_at: string | null;
  closed_by: number | null;
  duplicated_from_id: number | null;
  note_count: Generated<number>;
  last_note_at: string | null;
  updated_at: string;
  version: Generated<number>;
};

export type TicketNotesTable = {
  id: Generated<number>;
  ticket_id: number;
  author_id: number | null;
  /** 'user' | 'system' */
  kind: string;
  text: string;
  created_at: string;
};

export type Database = {
  sequences: SequencesTable;
  categories: CategoriesTable;
  characteristics: CharacteristicsTable;
  relationship_types: RelationshipTypesTable;
  persons: PersonsTable;
  person_categories: PersonCategoriesTable;
  person_characteristics: PersonCharacteristicsTable;
  person_emails: PersonEmailsTable;
  person_phones: PersonPhonesTable;
  addresses: AddressesTable;
  person_relationships: PersonRelationshipsTable;
  access_profiles: AccessProfilesTable;
  access_grants: AccessGrantsTable;
  user_access_profiles: UserAccessProfilesTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  auth_failures: AuthFailuresTable;
  ticket_types: TicketTypesTable;
  sectors: SectorsTable;
  products: ProductsTable;
  tickets: TicketsTable;
  ticket_notes: TicketNotesTable;
};

export type Dialect = "sqlite" | "postgres";
export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
/** Repositories take either the database or a transaction first. */
export type Executor = Db | Trx;
