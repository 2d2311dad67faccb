import type { RetentionSettings, UpdateRetentionBody } from "../../../shared/retention.schemas.ts";
import type { AppContext } from "../../context.ts";
import type { Executor } from "../../db/types.ts";
import { fail } from "../../errors.ts";
import { asSystem } from "./actor.ts";
import * as repo from "./audit.repository.ts";
import { inTransaction, recordChange } from "./journal.ts";

/** The defaults of 0015-journal, for a database whose row went missing (a hand-edited copy). */
const DEFAULTS = { auditLogMonths: 60, accessLogMonths: 6 };

async function load(db: Executor): Promise<RetentionSettings> {
  const row = await repo.retentionRow(db);
  if (!row) return { ...DEFAULTS, version: 0 };
  return {
    auditLogMonths: Number(row.audit_log_months),
    accessLogMonths: Number(row.access_log_months),
    version: Number(row.version),
  };
}

export const getRetentionSettings = (ctx: AppContext) => load(ctx.db);

/** Optimistic update (412 when `version` is not the stored one). */
export async function updateRetentionSettings(ctx: AppContext, body: UpdateRetentionBody): Promise<RetentionSettings> {
  return inTransaction(ctx, async (trx) => {
    const current = await load(trx);
    if (current.version !== body.version) {
      throw fail("stale_version", "settings_changed", undefined, { currentVersion: current.version });
    }
    const next = {
      auditLogMonths: body.auditLogMonths ?? current.auditLogMonths,
      accessLogMonths: body.accessLogMonths ?? current.accessLogMonths,
    };
    const saved = await repo.saveRetention(trx, current.version, {
      audit_log_months: next.auditLogMonths,
      access_log_months: next.accessLogMonths,
      updated_at: ctx.now().toISOString(),
    });
    if (!saved) throw fail("stale_version", "settings_changed");
    recordChange(trx, ctx, { entity: "retention_settings", id: 1, action: "update", before: current, after: next });
    return load(trx);
  });
}

/** `months` calendar months before `now`, as an ISO instant (UTC). */
export function monthsBefore(now: Date, months: number): string {
  const d = new Date(now.getTime());
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString();
}

export type RetentionResult = { ran: boolean; auditRemoved: number; accessRemoved: number };

/** Links removed per transaction and chain: the heads stay locked (writers wait) only that long. */
const TRIM_BATCH = 5000;
const ACCESS_BATCH = 10_000;

/**
 * The daily retention run: removes audit rows older than the audit period (the oldest links of
 * each chain, then anchors the chain after the last one removed, so `audit verify` starts there)
 * and access-log rows older than theirs, then writes what it removed in the audit log itself.
 * Claimed per UTC day by inserting that day's retention_runs row, so with any number of servers
 * it runs once a day; `force` (tests, an administrator's command) runs it again anyway.
 */
export function runRetention(ctx: AppContext, options: { force?: boolean } = {}): Promise<RetentionResult> {
  return asSystem(async () => {
    const now = ctx.now();
    const day = now.toISOString().slice(0, 10);
    const claimed = await repo.claimRetentionRun(ctx.db, day, now.toISOString());
    if (!claimed && !options.force) return { ran: false, auditRemoved: 0, accessRemoved: 0 };
    const settings = await load(ctx.db);
    const auditBefore = monthsBefore(now, settings.auditLogMonths);
    const accessBefore = monthsBefore(now, settings.accessLogMonths);
    let auditRemoved = 0;
    for (;;) {
      const removed = await inTransaction(ctx, async (trx) => {
        let n = 0;
        const heads = await repo.lockAllHeads(trx, ctx.dialect);
        for (const head of heads) {
          const last = await repo.lastExpired(trx, head.shard, head.anchor_seq, auditBefore, TRIM_BATCH);
          if (!last) continue;
          if (n === 0) await repo.permitDeletes(trx, true);
          n += await repo.trimChain(trx, head.shard, last);
        }
        if (n > 0) await repo.permitDeletes(trx, false);
        return n;
      });
      auditRemoved += removed;
      if (removed === 0) break;
    }
    let accessRemoved = 0;
    for (;;) {
      const removed = await repo.deleteOldAccess(ctx.db, accessBefore, ACCESS_BATCH);
      accessRemoved += removed;
      if (removed < ACCESS_BATCH) break;
    }
    await inTransaction(ctx, async (trx) => {
      recordChange(trx, ctx, {
        entity: "audit_log",
        id: day,
        action: "retention",
        after: { auditRemoved, auditBefore, accessRemoved, accessBefore },
        always: true,
      });
    });
    await repo.finishRetentionRun(ctx.db, day, ctx.now().toISOString(), { audit: auditRemoved, access: accessRemoved });
    return { ran: true, auditRemoved, accessRemoved };
  });
}

/** How often each server looks whether today's run is done (it claims it, at most once a day). */
const RETENTION_CHECK_MS = 60 * 60 * 1000;

/** Runs the retention now and then every hour (a run a day, whichever server claims it first). */
export function startRetention(ctx: AppContext, log: { warn: (obj: object, msg: string) => void }): () => void {
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    runRetention(ctx)
      .catch((err: unknown) => log.warn({ err }, "retention run failed"))
      .finally(() => {
        running = false;
      });
  };
  tick();
  const timer = setInterval(tick, RETENTION_CHECK_MS);
  timer.unref();
  return () => clearInterval(timer);
}
