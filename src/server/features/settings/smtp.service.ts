import type { SmtpSettingsView } from "../../../shared/mail.schemas.ts";
import type { AppContext } from "../../context.ts";
import type { Executor } from "../../db/types.ts";
import { fail, fieldError } from "../../errors.ts";
import { inTransaction, recordChange } from "../audit/journal.ts";
import * as repo from "./settings.repository.ts";

type SmtpRow = {
  host: string | null;
  port: number;
  secure: number;
  username: string | null;
  password: string | null;
  enabled: number;
  version: number;
};

const EMPTY: SmtpRow = { host: null, port: 587, secure: 0, username: null, password: null, enabled: 0, version: 0 };

async function loadRow(db: Executor): Promise<SmtpRow> {
  const row = await repo.findSmtpRow(db);
  return row ? { ...row, version: Number(row.version) } : EMPTY;
}

const usable = (row: SmtpRow) => row.enabled === 1 && Boolean(row.host);

/**
 * Where mail goes: the SMTP server an administrator configured (when enabled), else the one in
 * VINCULO_SMTP_URL, else .eml files in the data folder — so a new installation works and shows
 * what it would have sent.
 */
export type MailRoute =
  | {
      kind: "settings";
      host: string;
      port: number;
      secure: boolean;
      auth: { user: string; pass: string } | undefined;
    }
  | { kind: "env"; url: string }
  | { kind: "files"; dir: string };

export async function mailRoute(ctx: AppContext): Promise<MailRoute> {
  const row = await loadRow(ctx.db);
  if (usable(row) && row.host) {
    return {
      kind: "settings",
      host: row.host,
      port: row.port,
      secure: row.secure === 1,
      auth: row.username ? { user: row.username, pass: row.password ?? "" } : undefined,
    };
  }
  if (ctx.config.smtpUrl) return { kind: "env", url: ctx.config.smtpUrl };
  return { kind: "files", dir: `${ctx.config.dataDir}/mail` };
}

function toView(ctx: AppContext, row: SmtpRow): SmtpSettingsView {
  return {
    host: row.host,
    port: row.port,
    secure: row.secure === 1,
    username: row.username,
    hasPassword: Boolean(row.password),
    enabled: row.enabled === 1,
    delivery: usable(row) ? "settings" : ctx.config.smtpUrl ? "env" : "files",
    version: row.version,
  };
}

export async function getSmtpSettings(ctx: AppContext): Promise<SmtpSettingsView> {
  return toView(ctx, await loadRow(ctx.db));
}

export type SmtpChanges = {
  host?: string | null | undefined;
  port?: number | undefined;
  secure?: boolean | undefined;
  username?: string | null | undefined;
  password?: string | null | undefined;
  enabled?: boolean | undefined;
  version: number;
};

/** Optimistic update; the password is write-only (absent keeps it, null or "" clears it). */
export async function updateSmtpSettings(ctx: AppContext, changes: SmtpChanges): Promise<SmtpSettingsView> {
  return inTransaction(ctx, async (trx) => {
    const current = await loadRow(trx);
    if (current.version !== changes.version) {
      throw fail("stale_version", "settings_changed", undefined, { currentVersion: current.version });
    }
    const next = {
      host: changes.host !== undefined ? changes.host || null : current.host,
      port: changes.port ?? current.port,
      secure: changes.secure !== undefined ? (changes.secure ? 1 : 0) : current.secure,
      username: changes.username !== undefined ? changes.username || null : current.username,
      password: changes.password !== undefined ? changes.password || null : current.password,
      enabled: changes.enabled !== undefined ? (changes.enabled ? 1 : 0) : current.enabled,
    };
    if (next.enabled === 1 && !next.host) throw fieldError("host", "smtp_host_required");
    const saved = await repo.saveSingleton(trx, "smtp_settings", current.version, {
      ...next,
      updated_at: ctx.now().toISOString(),
    });
    if (!saved) throw fail("stale_version", "settings_changed");
    // The password is a secret: "password" is redacted in the diff, so only its change shows.
    recordChange(trx, ctx, { entity: "smtp_settings", id: 1, action: "update", before: current, after: next });
    return toView(ctx, await loadRow(trx));
  });
}
