import type { Executor } from "../../db/types.ts";

/** The name-keyed lists an administrator edits (settings-resource.ts serves each of them). */
export type SettingsTable =
  | "categories"
  | "characteristics"
  | "relationship_types"
  | "ticket_types"
  | "sectors"
  | "products"
  | "appointment_types";

export type SettingRow = Record<string, unknown> & { id: number; version: number };
export type SettingValues = Record<string, string | number | null>;

// One set of functions for several tables: typed at the edges (zod schemas), loosely inside, so each
// table is queried as if it were `categories` (every one has id, name, is_active and version).
const as = (table: SettingsTable) => table as "categories";

export function findSetting(db: Executor, table: SettingsTable, id: number): Promise<SettingRow | undefined> {
  return db.selectFrom(as(table)).selectAll().where("id", "=", id).executeTakeFirst();
}

export function listSettings(db: Executor, table: SettingsTable): Promise<SettingRow[]> {
  return db.selectFrom(as(table)).selectAll().orderBy("name").execute();
}

export async function insertSetting(db: Executor, table: SettingsTable, values: SettingValues): Promise<number> {
  const { id } = await db
    .insertInto(as(table))
    .values(values as { name: string; role: string })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

/** Writes the changes if the row is still at `version` (moving it to `version + 1`); false when it is not. */
export async function updateSetting(
  db: Executor,
  table: SettingsTable,
  id: number,
  version: number,
  changes: SettingValues,
): Promise<boolean> {
  const result = await db
    .updateTable(as(table))
    .set({ ...(changes as { name?: string }), version: version + 1 })
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function ticketTypeInUse(db: Executor, typeId: number): Promise<boolean> {
  const used = await db.selectFrom("tickets").select("id").where("type_id", "=", typeId).limit(1).executeTakeFirst();
  return used !== undefined;
}

// ——— the one-row settings (id 1): the company and its SMTP server ———

export function findCompanyRow(db: Executor) {
  return db.selectFrom("company_settings").selectAll().where("id", "=", 1).executeTakeFirst();
}

export function findSmtpRow(db: Executor) {
  return db.selectFrom("smtp_settings").selectAll().where("id", "=", 1).executeTakeFirst();
}

type SingletonValues = {
  company_settings: { name: string; time_zone: string; mail_from: string; updated_at: string };
  smtp_settings: {
    host: string | null;
    port: number;
    secure: number;
    username: string | null;
    password: string | null;
    enabled: number;
    updated_at: string;
  };
};

/**
 * Writes the one row of a settings table if it is still at `version` (moving it to `version + 1`);
 * false when another change came first. Version 0 means the row went missing (a hand-edited
 * database): it is put back rather than the change lost.
 */
export async function saveSingleton<T extends keyof SingletonValues>(
  db: Executor,
  table: T,
  version: number,
  values: SingletonValues[T],
): Promise<boolean> {
  const t = table as "smtp_settings";
  const row = { ...(values as SingletonValues["smtp_settings"]), version: version + 1 };
  if (version === 0) {
    await db
      .insertInto(t)
      .values({ id: 1, ...row })
      .execute();
    return true;
  }
  const result = await db.updateTable(t).set(row).where("id", "=", 1).where("version", "=", version).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
