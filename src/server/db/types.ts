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

/** The quick search's vocabulary (migration 0014), written only by triggers on persons. */
export type SearchWordsTable = { word: string; sound: string };
export type SearchWordVariantsTable = { variant: string; word: string };

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

// --- mail (0006-mail) ---
export type MailOutboxTable = {
  id: Generated<number>;
  /** 'person' | 'watch' | 'digest' | 'test' */
  kind: string;
  person_id: number | null;
  message_id: string;
  from_name: string;
  from_address: string;
  /** JSON array of addresses */
  to_addresses: string;
  /** JSON array of addresses */
  cc_addresses: Generated<string>;
  reply_to: string | null;
  subject: string;
  body_text: string;
  /** 'queued' | 'sending' | 'sent' | 'failed' */
  status: string;
  attempts: Generated<number>;
  next_attempt_at: string;
  claimed_at: string | null;
  last_error: string | null;
  created_at: string;
  created_by: number | null;
  sent_at: string | null;
  updated_at: string;
  version: Generated<number>;
};

/** One row (id 1). */
export type CompanySettingsTable = {
  id: number;
  name: string;
  time_zone: string;
  mail_from: string;
  updated_at: string;
  version: Generated<number>;
};

/** One row (id 1). */
export type SmtpSettingsTable = {
  id: number;
  host: string | null;
  port: Generated<number>;
  secure: Generated<number>;
  username: string | null;
  password: string | null;
  enabled: Generated<number>;
  updated_at: string;
  version: Generated<number>;
};
// --- end mail ---

// --- appointments (0009-appointments) ---
export type AppointmentTypesTable = {
  id: Generated<number>;
  name: string;
  color: string;
  duration_minutes: number;
  is_active: Generated<number>;
  version: Generated<number>;
};

export type AppointmentsTable = {
  id: Generated<number>;
  person_id: number;
  type_id: number;
  all_day: Generated<number>;
  /** UTC instants; for all-day ones, 00:00 company time of the first day and of the day after the last. */
  starts_at: string;
  ends_at: string;
  /** All-day only: `YYYY-MM-DD`, inclusive. */
  start_date: string | null;
  end_date: string | null;
  subject: string;
  description: string | null;
  assigned_user_id: number;
  address_id: number | null;
  address_text: string | null;
  remote: Generated<number>;
  product_id: number | null;
  ticket_id: number | null;
  /** 'open' | 'done' */
  status: string;
  done_at: string | null;
  done_by: number | null;
  result: string | null;
  deleted_at: string | null;
  deleted_by: number | null;
  delete_reason: string | null;
  locked_by: number | null;
  locked_at: string | null;
  lock_reason: string | null;
  created_at: string;
  created_by: number | null;
  updated_at: string;
  version: Generated<number>;
};

export type CalendarFeedsTable = {
  user_id: number;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
};
// --- end appointments ---

// --- finance (0008-finance): A receber, Conta corrente, Contratos ---
/** Money columns are BIGINT cents (parsed to numbers on pg, see create-db.ts). */
export type ReceivablesTable = {
  id: Generated<number>;
  external_id: string | null;
  person_id: number;
  document_number: string;
  installment: string;
  /** Calendar dates `YYYY-MM-DD`. */
  issue_date: string;
  due_date: string;
  amount_cents: number;
  interest_cents: Generated<number>;
  fine_cents: Generated<number>;
  discount_cents: Generated<number>;
  paid_cents: Generated<number>;
  /** Settlement (baixa) date `YYYY-MM-DD`; null while open. */
  settled_at: string | null;
  payment_method: string | null;
  /** 'open' | 'settled' (settled ⇔ settled_at is set). */
  status: string;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
};

export type CommissionClosingsTable = {
  id: Generated<number>;
  external_id: string | null;
  seller_person_id: number;
  period_start: string;
  period_end: string;
  closed_on: string;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
};

export type CommissionEntriesTable = {
  id: Generated<number>;
  external_id: string | null;
  seller_person_id: number;
  person_id: number | null;
  date: string;
  /** 'commission' | 'passThrough' | 'adjustment' */
  kind: string;
  origin_document: string | null;
  base_cents: number;
  /** Parts per million (5,25 % = 52500). */
  rate_ppm: number | null;
  /** Signed: credit > 0, debit < 0. */
  amount_cents: number;
  /** 'pending' | 'open' | 'closed' */
  status: string;
  closing_id: number | null;
  description: string | null;
  item_count: Generated<number>;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
};

export type CommissionItemsTable = {
  id: Generated<number>;
  entry_id: number;
  position: number;
  product: string;
  /** Thousandths (2,5 = 2500). */
  quantity_milli: number;
  base_cents: number;
  rate_ppm: number | null;
  amount_cents: number;
};

export type ContractsTable = {
  id: Generated<number>;
  external_id: string | null;
  person_id: number;
  number: string;
  description: string;
  start_date: string;
  end_date: string | null;
  billing_day: number | null;
  /** 'active' | 'suspended' | 'paralyzed' | 'ended' */
  status: string;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
};

export type ContractBillingsTable = {
  id: Generated<number>;
  external_id: string | null;
  contract_id: number;
  /** The contract's person (denormalized for the person's list). */
  person_id: number;
  /** `YYYY-MM` */
  period: string;
  /** 'fixed' | 'variable' */
  kind: string;
  amount_cents: number;
  /** 'charged' | 'donated' | 'suspended' | 'paralyzed' | 'pending' */
  status: string;
  description: string | null;
  receivable_id: number | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
};

// --- imports (0010-imports) ---
export type ImportRunsTable = {
  id: Generated<number>;
  entity: string;
  /** 'ndjson' | 'csv' */
  format: string;
  /** 'api' | 'cli' */
  source: string;
  file_name: string | null;
  user_id: number | null;
  /** 'running' | 'done' | 'failed' */
  status: string;
  started_at: string;
  finished_at: string | null;
  records: Generated<number>;
  inserted: Generated<number>;
  updated: Generated<number>;
  unchanged: Generated<number>;
  rejected: Generated<number>;
  error: string | null;
  /** JSON array of the first rejected lines. */
  rejected_sample: Generated<string>;
};
// --- end imports ---

// --- watchers and critical factors (0007-watchers-critical) ---
/** One row (id 1). Type id lists are JSON arrays. */
export type CriticalFactorSettingsTable = {
  id: number;
  threshold_days: number;
  warn_days: number;
  include_type_ids: Generated<string>;
  exclude_type_ids: Generated<string>;
  updated_at: string;
  updated_by: number | null;
  version: Generated<number>;
};

/** Each person's categories as `,1,3,` (`,` for none), kept by triggers. */
export type PersonCategorySetsTable = { person_id: number; category_set: string };

/** Open tickets per (UTC due day, sector, area, type, category set), kept by triggers. */
export type CriticalFactorCountsTable = {
  due_day: string;
  sector_id: number;
  area: string;
  type_id: number;
  category_set: string;
  n: number;
};

/** The same by UTC due month (`YYYY-MM`). */
export type CriticalFactorMonthsTable = Omit<CriticalFactorCountsTable, "due_day"> & { due_month: string };

/** Both again per responsible user (0: none), for the page filtered by responsible. */
export type CriticalFactorUserCountsTable = CriticalFactorCountsTable & { responsible_id: number };
export type CriticalFactorUserMonthsTable = CriticalFactorMonthsTable & { responsible_id: number };

export type PersonWatchersTable = {
  person_id: number;
  user_id: number;
  created_at: string;
};

export type WatchPreferencesTable = {
  user_id: number;
  /** 'immediate' | 'digest' */
  delivery: string;
  updated_at: string;
};

export type WatchEventsTable = {
  id: Generated<number>;
  user_id: number;
  person_id: number;
  ticket_id: number;
  /** 'created' | 'note' | 'closed' | 'reopened' */
  event: string;
  actor_id: number | null;
  text: string;
  day: string;
  created_at: string;
};

export type WatchDigestsTable = {
  user_id: number;
  day: string;
  event_count: number;
  mail_id: number | null;
  created_at: string;
};
// --- end watchers and critical factors ---

// --- the change journal (0015-journal) ---
export type DomainEventsTable = {
  id: Generated<number>;
  at: string;
  type: string;
  actor_kind: string;
  actor_user_id: number | null;
  person_id: number | null;
  person_code: number | null;
  area: string;
  /** JSON object of ids. */
  refs: string;
};

export type AuditLogTable = {
  id: Generated<number>;
  at: string;
  shard: number;
  seq: number;
  actor_kind: string;
  user_id: number | null;
  token_id: number | null;
  import_run_id: number | null;
  ip: string | null;
  user_agent: string | null;
  entity: string;
  entity_id: string | null;
  person_id: number | null;
  person_code: number | null;
  action: string;
  /** JSON {field: [before, after]}. */
  changes: string;
  prev_hash: string;
  hash: string;
};

export type AuditChainHeadsTable = {
  shard: number;
  seq: number;
  hash: string;
  anchor_seq: number;
  anchor_hash: string;
};
export type AuditDeletePermitsTable = { id: number };

export type AccessLogTable = {
  id: Generated<number>;
  at: string;
  kind: string;
  user_id: number | null;
  token_id: number | null;
  person_id: number | null;
  ip: string | null;
  user_agent: string | null;
  detail: string | null;
  dedupe_key: string | null;
};

/** One row (id 1). */
export type RetentionSettingsTable = {
  id: number;
  audit_log_months: number;
  access_log_months: number;
  updated_at: string;
  version: Generated<number>;
};

export type RetentionRunsTable = {
  day: string;
  started_at: string;
  finished_at: string | null;
  audit_removed: Generated<number>;
  access_removed: Generated<number>;
};
// --- end journal ---

// --- attachments (0016-attachments) ---
export type FileBlobsTable = {
  id: Generated<number>;
  /** Null while the upload is being written. */
  sha256: string | null;
  size: Generated<number>;
  mime: Generated<string>;
  /** 'writing' | 'ready' | 'deleting' */
  state: string;
  /** 'db' | 'dir' */
  storage: string;
  chunk_count: Generated<number>;
  created_at: string;
  touched_at: string;
};

export type FileChunksTable = { blob_id: number; seq: number; data: Buffer };

export type FileThumbnailsTable = {
  blob_id: number;
  /** '' when the picture could not be read. */
  mime: string;
  width: Generated<number>;
  height: Generated<number>;
  data: Buffer;
  created_at: string;
};

export type AttachmentsTable = {
  id: Generated<number>;
  key: string;
  blob_id: number;
  name: string;
  mime: string;
  kind: string;
  size: number;
  /** 'draft' | 'note' | 'ticket' | 'appointment' | 'person' | 'mail' */
  target: string;
  person_id: number | null;
  ticket_id: number | null;
  note_id: number | null;
  appointment_id: number | null;
  mail_id: number | null;
  created_by: number | null;
  created_at: string;
};

export type FileSweepsTable = {
  hour: string;
  started_at: string;
  finished_at: string | null;
  drafts_removed: Generated<number>;
  blobs_removed: Generated<number>;
  bytes_removed: Generated<number>;
};
// --- end attachments ---

// --- ticket views (0017-ticket-views) ---
export type TicketViewsTable = {
  id: Generated<number>;
  owner_id: number;
  name: string;
  /** 'service' | 'production' */
  area: string;
  /** JSON of the queue filter. */
  filters: string;
  shared_profile_id: number | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
};
// --- end ticket views ---

// --- webhooks (0018-webhooks) ---
export type WebhooksTable = {
  id: Generated<number>;
  url: string;
  description: Generated<string>;
  /** JSON array of event types. */
  event_types: string;
  user_id: number;
  allow_private: Generated<number>;
  is_active: Generated<number>;
  secret: string;
  secret_prefix: string;
  /** The last domain_events id turned into deliveries. */
  cursor: Generated<number>;
  failures: Generated<number>;
  retry_at: string | null;
  last_error: string | null;
  last_delivered_at: string | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
};

export type WebhookDeliveriesTable = {
  id: Generated<number>;
  webhook_id: number;
  event_id: number;
  event_type: string;
  person_code: number | null;
  /** The person's code, 0 for an event of no person: deliveries go out in order per key. */
  person_key: number;
  /** 'pending' | 'delivered' | 'failed' | 'skipped' */
  status: string;
  attempts: Generated<number>;
  last_status: number | null;
  last_error: string | null;
  last_attempt_at: string | null;
  next_attempt_at: string | null;
  lease_until: string | null;
  delivered_at: string | null;
  created_at: string;
};
// --- end webhooks ---

export type Database = {
  sequences: SequencesTable;
  categories: CategoriesTable;
  characteristics: CharacteristicsTable;
  relationship_types: RelationshipTypesTable;
  persons: PersonsTable;
  search_words: SearchWordsTable;
  search_word_variants: SearchWordVariantsTable;
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
  appointment_types: AppointmentTypesTable;
  appointments: AppointmentsTable;
  calendar_feeds: CalendarFeedsTable;
  mail_outbox: MailOutboxTable;
  company_settings: CompanySettingsTable;
  smtp_settings: SmtpSettingsTable;
  critical_factor_settings: CriticalFactorSettingsTable;
  person_category_sets: PersonCategorySetsTable;
  critical_factor_counts: CriticalFactorCountsTable;
  critical_factor_months: CriticalFactorMonthsTable;
  critical_factor_user_counts: CriticalFactorUserCountsTable;
  critical_factor_user_months: CriticalFactorUserMonthsTable;
  person_watchers: PersonWatchersTable;
  watch_preferences: WatchPreferencesTable;
  watch_events: WatchEventsTable;
  watch_digests: WatchDigestsTable;
  receivables: ReceivablesTable;
  commission_closings: CommissionClosingsTable;
  commission_entries: CommissionEntriesTable;
  commission_items: CommissionItemsTable;
  contracts: ContractsTable;
  contract_billings: ContractBillingsTable;
  import_runs: ImportRunsTable;
  domain_events: DomainEventsTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
  audit_log: AuditLogTable;
  audit_chain_heads: AuditChainHeadsTable;
  audit_delete_permits: AuditDeletePermitsTable;
  access_log: AccessLogTable;
  retention_settings: RetentionSettingsTable;
  retention_runs: RetentionRunsTable;
  file_blobs: FileBlobsTable;
  file_chunks: FileChunksTable;
  file_thumbnails: FileThumbnailsTable;
  attachments: AttachmentsTable;
  file_sweeps: FileSweepsTable;
  ticket_views: TicketViewsTable;
};

export type Dialect = "sqlite" | "postgres";
export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
/** Repositories take either the database or a transaction first. */
export type Executor = Db | Trx;
