import type { AppContext } from "../../context.ts";
import { isUniqueViolation } from "../../db/db-errors.ts";
import type { Executor } from "../../db/types.ts";
import { fail, fieldError } from "../../errors.ts";
import { grantsChanged } from "../access/access.service.ts";
import { type Change, inTransaction, recordChange } from "../audit/journal.ts";
import * as repo from "./settings.repository.ts";

/** A rule a change must pass before it is written; throws (an AppError) to refuse it. */
export type SettingCheck = (db: Executor, current: repo.SettingRow, changes: repo.SettingValues) => Promise<void>;

/** What the service needs to know of one list of settings (settings-resource.ts adds the HTTP side). */
export type SettingKind<Body> = {
  table: repo.SettingsTable;
  /** The pt-BR noun in messages: "categoria", "tipo de atendimento"… */
  label: string;
  toItem: (row: repo.SettingRow) => unknown;
  toRow: (body: Partial<Body>) => repo.SettingValues;
  checkUpdate?: SettingCheck;
};

/** The audit log's name for a row of each list. */
const ENTITY: Record<repo.SettingsTable, string> = {
  categories: "category",
  characteristics: "characteristic",
  relationship_types: "relationship_type",
  ticket_types: "ticket_type",
  sectors: "sector",
  products: "product",
  appointment_types: "appointment_type",
};

/** A list's row created or changed: audited, and every screen that shows its names may refetch. */
const settingChange = (
  table: repo.SettingsTable,
  id: number,
  action: "create" | "update",
  before: unknown,
  after: unknown,
): Change => ({
  entity: ENTITY[table],
  id,
  action,
  before: before as Record<string, unknown> | null,
  after: after as Record<string, unknown>,
  events: [{ type: "settings.changed", area: "settings", refs: { [`${ENTITY[table]}Id`]: id } }],
});

const duplicateName = (kind: { label: string }) => (error: unknown) => {
  throw isUniqueViolation(error) ? fieldError("name", "setting_name_taken", { label: kind.label }, "conflict") : error;
};

async function load(
  db: Executor,
  kind: { table: repo.SettingsTable; label: string },
  id: number,
): Promise<repo.SettingRow> {
  const row = await repo.findSetting(db, kind.table, id);
  if (!row) throw fail("not_found", "setting_not_found", { label: kind.label });
  return row;
}

export async function listSettingItems<Body>(ctx: AppContext, kind: SettingKind<Body>): Promise<unknown[]> {
  return (await repo.listSettings(ctx.db, kind.table)).map((row) => kind.toItem(row));
}

export async function createSettingItem<Body>(ctx: AppContext, kind: SettingKind<Body>, body: Body): Promise<unknown> {
  return inTransaction(ctx, async (trx) => {
    const id = await repo.insertSetting(trx, kind.table, kind.toRow(body));
    const item = kind.toItem(await load(trx, kind, id));
    recordChange(trx, ctx, settingChange(kind.table, id, "create", null, item));
    return item;
  }).catch(duplicateName(kind));
}

/** Optimistic update (412 when `version` is not the stored one); `isActive` deactivates instead of deleting. */
export async function updateSettingItem<Body>(
  ctx: AppContext,
  kind: SettingKind<Body>,
  id: number,
  body: Partial<Body> & { version: number; isActive?: boolean | undefined },
): Promise<unknown> {
  const item = await inTransaction(ctx, async (trx) => {
    const current = await load(trx, kind, id);
    if (current.version !== body.version) {
      throw fail("stale_version", "setting_changed", undefined, { currentVersion: current.version });
    }
    const changes = {
      ...kind.toRow(body),
      ...(body.isActive !== undefined && { is_active: body.isActive ? 1 : 0 }),
    };
    await kind.checkUpdate?.(trx, current, changes);
    if (!(await repo.updateSetting(trx, kind.table, current.id, current.version, changes))) {
      throw fail("stale_version", "setting_changed");
    }
    const after = kind.toItem(await load(trx, kind, current.id));
    recordChange(trx, ctx, settingChange(kind.table, current.id, "update", kind.toItem(current), after));
    return after;
  }).catch(duplicateName(kind));
  // Grants cover active categories only: (de)activating one changes what users see, on every server.
  if (kind.table === "categories" && body.isActive !== undefined) await grantsChanged(ctx);
  return item;
}

/** A ticket's tab (and so who may see it) follows its type's area: a type in use keeps its area. */
export const keepAreaOfTypeInUse: SettingCheck = async (db, current, changes) => {
  if (changes.area === undefined || changes.area === current.area) return;
  if (await repo.ticketTypeInUse(db, current.id)) {
    throw fieldError("area", "ticket_type_in_use", undefined, "conflict");
  }
};
