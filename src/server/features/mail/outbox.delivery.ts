import fs from "node:fs/promises";
import path from "node:path";
import nodemailer, { type SendMailOptions } from "nodemailer";
import type { AppContext } from "../../context.ts";
import { mailFiles } from "../attachments/attachments.content.service.ts";
import { asSystem } from "../audit/actor.ts";
import { inTransaction, recordChange } from "../audit/journal.ts";
import { type MailRoute, mailRoute } from "../settings/smtp.service.ts";
import { mailChange } from "./mail.journal.ts";
import { toMessage } from "./mail.message.ts";
import { claimDue, markFailed, markRetry, markSent, type OutboxRow } from "./outbox.repository.ts";

/**
 * Retries: the first after a minute, doubling up to an hour between attempts; after the tenth
 * failed attempt (about four hours of trying) the message is failed and waits for an administrator.
 * A claim older than `claimTimeoutMs` belonged to a worker that died mid-send: another takes it
 * (well past nodemailer's own timeouts below, so a slow send is never taken from a live worker).
 */
export const MAIL_RETRY = {
  maxAttempts: 10,
  firstDelayMs: 60_000,
  maxDelayMs: 60 * 60_000,
  claimTimeoutMs: 5 * 60_000,
  batchSize: 10,
} as const;

/** The wait after the `attempts`-th failed attempt. */
export const retryDelayMs = (attempts: number) =>
  Math.min(MAIL_RETRY.firstDelayMs * 2 ** Math.max(0, attempts - 1), MAIL_RETRY.maxDelayMs);

const SMTP_TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 };

type Sender = { send: (message: SendMailOptions, row: OutboxRow) => Promise<void>; close: () => void };

/** The .eml file of a message: its creation time and id, so the folder sorts by when mail was written. */
export const emlName = (row: OutboxRow) =>
  `${row.created_at.replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z")}-${String(row.id).padStart(6, "0")}.eml`;

function openSender(route: MailRoute): Sender {
  if (route.kind === "files") {
    const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "windows" });
    return {
      async send(message, row) {
        const info = await transport.sendMail(message);
        await fs.mkdir(route.dir, { recursive: true });
        const file = path.join(route.dir, emlName(row));
        // Written aside and renamed, so nobody ever reads half a message.
        await fs.writeFile(`${file}.tmp`, info.message as Buffer);
        await fs.rename(`${file}.tmp`, file);
      },
      close: () => transport.close(),
    };
  }
  const transport =
    route.kind === "env"
      ? nodemailer.createTransport(route.url)
      : nodemailer.createTransport({
          host: route.host,
          port: route.port,
          secure: route.secure,
          ...(route.auth && { auth: route.auth }),
          ...SMTP_TIMEOUTS,
        });
  return {
    async send(message) {
      await transport.sendMail(message);
    },
    close: () => transport.close(),
  };
}

/** Errors of reaching the server at all, as opposed to its answer about one message. */
const UNREACHABLE = new Set([
  "ECONNECTION",
  "ECONNREFUSED",
  "ECONNRESET",
  "EDNS",
  "EHOSTUNREACH",
  "ENOTFOUND",
  "EPROXY",
  "ESOCKET",
  "ETIMEDOUT",
  "ETLS",
]);

type Failure = { text: string; permanent: boolean; unreachable: boolean };

/** What an administrator reads in the outbox: the server's answer when there is one. */
function describeError(error: unknown): Failure {
  const e = error as { message?: string; response?: string; responseCode?: number; code?: string };
  const text = (e.response ?? e.message ?? String(error)).slice(0, 1000);
  // 5xx is the server saying "never" (unknown mailbox, refused sender, bad login): retrying the
  // same message cannot help; it waits for an administrator to fix the cause and retry it.
  const permanent = typeof e.responseCode === "number" && e.responseCode >= 500 && e.responseCode < 600;
  const unreachable = typeof e.responseCode !== "number" && UNREACHABLE.has(e.code ?? "");
  return { text: e.code && !text.includes(e.code) ? `${e.code}: ${text}` : text, permanent, unreachable };
}

export type DeliveryResult = { claimed: number; sent: number; retried: number; failed: number };

/**
 * One round of the worker: claims what is due and delivers it. Safe to call from any number of
 * processes at once (each row is claimed by one of them); tests call it directly.
 */
export function deliverDue(ctx: AppContext, options: { limit?: number } = {}): Promise<DeliveryResult> {
  // The worker's timers may have been started inside a request: what it records, it does as "sistema".
  return asSystem(() => deliver(ctx, options));
}

/** A message settled by this claim, journaled with it (sent, or failed for good). */
async function settle(ctx: AppContext, row: OutboxRow, outcome: { sent: true } | { sent: false; error: string }) {
  const at = ctx.now().toISOString();
  await inTransaction(ctx, async (trx) => {
    if (outcome.sent) {
      if (await markSent(trx, row, at)) recordChange(trx, ctx, await mailChange(trx, row, "sent", "mail.sent"));
      return;
    }
    if (await markFailed(trx, row, outcome.error, at)) {
      recordChange(
        trx,
        ctx,
        await mailChange(trx, row, "failed", "mail.failed", { after: { lastError: outcome.error } }),
      );
    }
  });
}

async function deliver(ctx: AppContext, options: { limit?: number }): Promise<DeliveryResult> {
  const result: DeliveryResult = { claimed: 0, sent: 0, retried: 0, failed: 0 };
  const now = ctx.now();
  const rows = await claimDue(
    ctx.db,
    ctx.dialect,
    now.toISOString(),
    new Date(now.getTime() - MAIL_RETRY.claimTimeoutMs).toISOString(),
    options.limit ?? MAIL_RETRY.batchSize,
  );
  result.claimed = rows.length;
  if (rows.length === 0) return result;

  const giveBack = async (row: OutboxRow, failure: Failure) => {
    const at = ctx.now();
    if (failure.permanent || row.attempts >= MAIL_RETRY.maxAttempts) {
      await settle(ctx, row, { sent: false, error: failure.text });
      result.failed += 1;
    } else {
      const next = new Date(at.getTime() + retryDelayMs(row.attempts)).toISOString();
      await markRetry(ctx.db, row, next, failure.text, at.toISOString());
      result.retried += 1;
    }
  };

  const sender = openSender(await mailRoute(ctx));
  try {
    let down: Failure | null = null;
    for (const row of rows) {
      // The server could not be reached: the rest of the batch waits for its next attempt rather
      // than each one sitting through a connection timeout (which could outlast the claim).
      if (down) {
        await giveBack(row, down);
        continue;
      }
      try {
        // The message's files, read from storage again at each attempt (nothing held between them).
        const attachments = await mailFiles(ctx, row.id);
        await sender.send(attachments.length ? { ...toMessage(row), attachments } : toMessage(row), row);
        await settle(ctx, row, { sent: true });
        result.sent += 1;
      } catch (error) {
        const failure = describeError(error);
        if (failure.unreachable) down = failure;
        await giveBack(row, failure);
      }
    }
  } finally {
    sender.close();
  }
  return result;
}
