import type { AppContext } from "../../context.ts";
import type { Executor } from "../../db/types.ts";
import { AppError } from "../../errors.ts";

export type CompanySettings = { name: string; timeZone: string; mailFrom: string };
export type CompanySettingsRow = CompanySettings & { version: number; updatedAt: string };

/** What a database whose row went missing (a hand-edited copy) still answers with. */
export const COMPANY_DEFAULTS: CompanySettings = {
  name: "Vínculo",
  timeZone: "America/Sao_Paulo",
  mailFrom: "vinculo@localhost",
};

async function loadRow(db: Executor): Promise<CompanySettingsRow> {
  const row = await db.selectFrom("company_settings").selectAll().where("id", "=", 1).executeTakeFirst();
  if (!row) return { ...COMPANY_DEFAULTS, version: 0, updatedAt: new Date(0).toISOString() };
  return {
    name: row.name,
    timeZone: row.time_zone,
    mailFrom: row.mail_from,
    version: Number(row.version),
    updatedAt: row.updated_at,
  };
}

/** The company's name, time zone and sender address (one row, see 0006-mail). */
export async function getCompanySettings(db: Executor): Promise<CompanySettings> {
  const { name, timeZone, mailFrom } = await loadRow(db);
  return { name, timeZone, mailFrom };
}

export const getCompanySettingsWithVersion = loadRow;

/** Optimistic update of the company row: 412 when `version` is not the stored one. */
export async function updateCompanySettings(
  ctx: AppContext,
  changes: Partial<CompanySettings> & { version: number },
): Promise<CompanySettingsRow> {
  return ctx.db.transaction().execute(async (trx) => {
    const current = await loadRow(trx);
    if (current.version !== changes.version) {
      throw new AppError("stale_version", "Outra pessoa alterou estas configurações; recarregue.", {
        currentVersion: current.version,
      });
    }
    const next = {
      name: changes.name ?? current.name,
      time_zone: changes.timeZone ?? current.timeZone,
      mail_from: changes.mailFrom ?? current.mailFrom,
      updated_at: ctx.now().toISOString(),
      version: current.version + 1,
    };
    const result = await trx
      .updateTable("company_settings")
      .set(next)
      .where("id", "=", 1)
      .where("version", "=", current.version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) {
      // The row is missing (version 0 above): put it back rather than lose the change.
      if (current.version !== 0)
        throw new AppError("stale_version", "Outra pessoa alterou estas configurações; recarregue.");
      await trx
        .insertInto("company_settings")
        .values({ id: 1, ...next })
        .execute();
    }
    return loadRow(trx);
  });
}
