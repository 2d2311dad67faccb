import { createHash } from "node:crypto";
import { REDACTED } from "../../../shared/journal.ts";

/**
 * The pure parts of the journal: which chain a row joins, what its hash covers, and the diff of
 * a change. The writer (journal.ts) and `vinculo audit verify` (audit-verify.service.ts) both
 * hash through `auditHash`, so what is checked is exactly what was written.
 */

/** Chains of the audit log: enough that concurrent writers rarely meet on one (see 0015-journal). */
export const AUDIT_SHARDS = 16;
/** The hash before a chain's first row. */
export const GENESIS_HASH = "0".repeat(64);

/** A stable shard for an entity and id (FNV-1a): one entity's history stays in one chain, in order. */
export function shardOf(entity: string, entityId: string | null): number {
  const key = `${entity}:${entityId ?? ""}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % AUDIT_SHARDS;
}

/** Every column of an audit row but its id (assigned by the database) and its hash. */
export type AuditContent = {
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
  changes: string;
  prev_hash: string;
};

/** SHA-256 over the row's content in a fixed order, chained to the previous row's hash. */
export function auditHash(row: AuditContent): string {
  const canonical = JSON.stringify([
    row.shard,
    row.seq,
    row.at,
    row.actor_kind,
    row.user_id,
    row.token_id,
    row.import_run_id,
    row.ip,
    row.user_agent,
    row.entity,
    row.entity_id,
    row.person_id,
    row.person_code,
    row.action,
    row.changes,
    row.prev_hash,
  ]);
  return createHash("sha256").update(canonical).digest("hex");
}

/** A flat record of fields (an API object or a row); nested values are compared as JSON. */
export type Fields = Record<string, unknown>;
export type Diff = Record<string, [unknown, unknown]>;

/**
 * Never written down, before or after: what would let a reader log in, call the API, read the
 * calendar feed or send as the company. A change of one is recorded as changed, without values.
 */
const SECRET_FIELDS = new Set([
  "password",
  "passwordHash",
  "password_hash",
  "token",
  "tokenHash",
  "token_hash",
  "secret",
  "idHash",
  "id_hash",
]);

/** Bookkeeping that changes with every write and says nothing about what changed. */
const NOISE_FIELDS = new Set(["version", "updatedAt", "updated_at"]);

const same = (a: unknown, b: unknown) =>
  a === b || (typeof a === "object" && typeof b === "object" && JSON.stringify(a) === JSON.stringify(b));

const present = (v: unknown) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0);

/**
 * `{field: [before, after]}` of the fields that differ. Created: every field given (before null);
 * deleted: every field held (after null). Secrets appear as "[redacted]".
 */
export function diffFields(before: Fields | null | undefined, after: Fields | null | undefined): Diff {
  const out: Diff = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const key of keys) {
    if (NOISE_FIELDS.has(key)) continue;
    const b = before ? (before[key] ?? null) : null;
    const a = after ? (after[key] ?? null) : null;
    if (!before && !present(a)) continue;
    if (!after && !present(b)) continue;
    if (same(b, a)) continue;
    out[key] = SECRET_FIELDS.has(key) ? [b === null ? null : REDACTED, a === null ? null : REDACTED] : [b, a];
  }
  return out;
}
