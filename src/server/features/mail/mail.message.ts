import type { SendMailOptions } from "nodemailer";
import type { OutboxRow } from "./outbox.repository.ts";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/** http(s) links, stopping before the punctuation that usually ends a sentence around them. */
const LINK = /\bhttps?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/g;

/**
 * The HTML part is the text, escaped — whatever a user typed (a `<script>`, an `<img>`) arrives as
 * text —, with line breaks kept and links made clickable. Escaping first and linking the escaped
 * text means a link can never carry markup of its own.
 */
export function textToHtml(text: string): string {
  const body = escapeHtml(text)
    .replace(LINK, (url) => `<a href="${url}">${url}</a>`)
    .replace(/\r?\n/g, "<br>\n");
  return `<!doctype html>\n<html><head><meta charset="utf-8"></head><body><div style="font-family:sans-serif">${body}</div></body></html>\n`;
}

const addresses = (json: string): string[] => {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((a): a is string => typeof a === "string") : [];
};

/** The message of an outbox row, as nodemailer composes it (it does the MIME and header encoding). */
export function toMessage(row: OutboxRow): SendMailOptions {
  const cc = addresses(row.cc_addresses);
  return {
    from: { name: row.from_name, address: row.from_address },
    to: addresses(row.to_addresses),
    ...(cc.length > 0 && { cc }),
    ...(row.reply_to && { replyTo: row.reply_to }),
    subject: row.subject,
    text: row.body_text,
    html: textToHtml(row.body_text),
    messageId: row.message_id,
    // When it was written, not when a retry finally got through.
    date: new Date(row.created_at),
    headers: { "X-Vinculo-Outbox-Id": String(row.id) },
  };
}
