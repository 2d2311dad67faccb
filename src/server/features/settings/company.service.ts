import type { CompanySettingsView } from "../../../shared/mail.schemas.ts";
import type { AppContext } from "../../context.ts";
import type { Executor } from "../../db/types.ts";
import { fail } from "../../errors.ts";
import { inTransaction, recordChange } from "../audit/journal.ts";
import * as repo from "./settings.repository.ts";

export type CompanySettings = { name: string; timeZone: string; mailFrom: string };

/** What a database whose row went missing (a hand-edited copy) still answers with. */
export const COMPANY_DEFAULTS: CompanySettings = {
  name: "Vínculo",
  timeZone: "America/Sao_Paulo",
  mailFrom: "vinculo@localhost",
};

/** The row with its version; version 0 when it went missing. */
async function loadRow(db: Executor): Promise<CompanySettingsView> {
  const row = await repo.findCompanyRow(db);
  if (!row) return { ...COMPANY_DEFAULTS, version: 0 };
  return { name: row.name, timeZone: row.time_zone, mailFrom: row.mail_from, version: Number(row.version) };
}

/** The company's name, time zone and sender address (one row, see 0007-mail). */
export async function getCompanySettings(db: Executor): Promise<CompanySettings> {
  const { name, timeZone, mailFrom } = await loadRow(db);
  return { name, timeZone, mailFrom };
}

/** Configurador › Empresa, with the version a change must carry. */
export function getCompanySettingsView(ctx: AppContext): Promise<CompanySettingsView> {
  return loadRow(ctx.db);
}

/** Optimistic update of the company row: 412 when `version` is not the stored one. */
export async function updateCompanySettings(
  ctx: AppContext,
  changes: Partial<CompanySettings> & { version: number },
): Promise<CompanySettingsView> {
  return inTransaction(ctx, async (trx) => {
    const current = await loadRow(trx);
    if (current.version !== changes.version) {
      throw fail("stale_version", "settings_changed", undefined, { currentVersion: current.version });
    }
    const saved = await repo.saveSingleton(trx, "company_settings", current.version, {
      name: changes.name ?? current.name,
      time_zone: changes.timeZone ?? current.timeZone,
      mail_from: changes.mailFrom ?? current.mailFrom,
      updated_at: ctx.now().toISOString(),
    });
    if (!saved) throw fail("stale_version", "settings_changed");
    const after = await loadRow(trx);
    recordChange(trx, ctx, {
      entity: "company_settings",
      id: 1,
      action: "update",
      before: current,
      after,
      events: [{ type: "settings.changed", area: "settings", refs: {} }],
    });
    return after;
  });
}
