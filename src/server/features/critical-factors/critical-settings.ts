import { type CriticalRule, FALLBACK_TIME_ZONE, isTimeZone } from "../../../shared/critical-factors.rule.ts";
import type {
  CriticalFactorSettings,
  UpdateCriticalFactorSettingsBody,
} from "../../../shared/critical-factors.schemas.ts";
import type { AppContext, AuthUser } from "../../context.ts";
import type { Executor } from "../../db/types.ts";
import { AppError, badRequest } from "../../errors.ts";
import { getCompanySettings } from "../settings/company.service.ts";

type StoredRule = CriticalRule & { version: number; updatedAt: string };

const parseIds = (json: string): number[] => {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is number => Number.isSafeInteger(v)) : [];
  } catch {
    return [];
  }
};

/** The stored rule; the defaults of DESIGN.md if the row went missing (a hand-edited copy). */
export async function loadRule(db: Executor): Promise<StoredRule> {
  const row = await db.selectFrom("critical_factor_settings").selectAll().where("id", "=", 1).executeTakeFirst();
  if (!row) {
    return {
      thresholdDays: 5,
      warnDays: 2,
      includeTypeIds: [],
      excludeTypeIds: [],
      version: 0,
      updatedAt: new Date(0).toISOString(),
    };
  }
  return {
    thresholdDays: row.threshold_days,
    warnDays: row.warn_days,
    includeTypeIds: parseIds(row.include_type_ids),
    excludeTypeIds: parseIds(row.exclude_type_ids),
    version: Number(row.version),
    updatedAt: row.updated_at,
  };
}

/** The company's zone (Configurações › Empresa); São Paulo when it is unset or unknown to this runtime. */
export async function companyTimeZone(db: Executor): Promise<string> {
  const { timeZone } = await getCompanySettings(db);
  return timeZone && isTimeZone(timeZone) ? timeZone : FALLBACK_TIME_ZONE;
}

export async function getCriticalSettings(ctx: AppContext): Promise<CriticalFactorSettings> {
  const [rule, timeZone] = await Promise.all([loadRule(ctx.db), companyTimeZone(ctx.db)]);
  return { ...rule, includeTypeIds: [...rule.includeTypeIds], excludeTypeIds: [...rule.excludeTypeIds], timeZone };
}

const stale = (currentVersion: number) =>
  new AppError("stale_version", "Outra pessoa alterou estas configurações; recarregue.", { currentVersion });

/**
 * Changes N, M and the type lists (administrators). Every id must be a ticket type; a type may not
 * be both included and excluded. Nothing changes on a refusal.
 */
export async function updateCriticalSettings(
  ctx: AppContext,
  user: AuthUser,
  body: UpdateCriticalFactorSettingsBody,
): Promise<CriticalFactorSettings> {
  await ctx.db.transaction().execute(async (trx) => {
    const current = await loadRule(trx);
    // A missing row (version 0) is put back by any save.
    if (current.version !== 0 && current.version !== body.version) throw stale(current.version);
    const include = body.includeTypeIds ?? current.includeTypeIds;
    const exclude = body.excludeTypeIds ?? current.excludeTypeIds;
    const known = new Set((await trx.selectFrom("ticket_types").select("id").execute()).map((r) => r.id));
    for (const [field, ids] of [
      ["includeTypeIds", body.includeTypeIds],
      ["excludeTypeIds", body.excludeTypeIds],
    ] as const) {
      const unknown = (ids ?? []).filter((id) => !known.has(id));
      if (unknown.length) throw badRequest(field, `tipo de atendimento desconhecido: ${unknown.join(", ")}`);
    }
    const both = include.filter((id) => exclude.includes(id));
    if (both.length) {
      // Name the list the request changed (the other one is what it collides with).
      const field = body.excludeTypeIds !== undefined ? "excludeTypeIds" : "includeTypeIds";
      throw badRequest(field, `o tipo ${both.join(", ")} não pode estar nas duas listas (contar e nunca contar)`);
    }
    const values = {
      threshold_days: body.thresholdDays ?? current.thresholdDays,
      warn_days: body.warnDays ?? current.warnDays,
      include_type_ids: JSON.stringify(include),
      exclude_type_ids: JSON.stringify(exclude),
      updated_at: ctx.now().toISOString(),
      updated_by: user.id,
      version: current.version + 1,
    };
    if (current.version === 0) {
      await trx
        .insertInto("critical_factor_settings")
        .values({ id: 1, ...values })
        .execute();
      return;
    }
    const result = await trx
      .updateTable("critical_factor_settings")
      .set(values)
      .where("id", "=", 1)
      .where("version", "=", current.version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw stale(current.version);
  });
  return getCriticalSettings(ctx);
}
