import { z } from "zod";
import { attachmentKeys } from "./attachments.schemas.ts";
import { listQuery } from "./common.schemas.ts";
import { platformRefinement } from "./reasons/platform.ts";
import { workRefinement } from "./reasons/work.ts";

/** The API's view of a message: 'queued' covers a message a worker is sending right now. */
export const MAIL_STATUSES = ["queued", "sent", "failed"] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];
export const mailStatus = z.enum(MAIL_STATUSES);

export const MAIL_KINDS = ["person", "watch", "digest", "test"] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

/** Limits of "Enviar e-mail": enough for a real message, not for a mailing list. */
export const MAIL_MAX_RECIPIENTS = 20;
export const MAIL_SUBJECT_MAX = 200;
export const MAIL_BODY_MAX = 50_000;

const address = z.email("e-mail inválido").max(254).trim();

export const sendEmailBody = z.object({
  to: z
    .array(address)
    .min(1, "informe pelo menos um destinatário")
    .max(MAIL_MAX_RECIPIENTS, `no máximo ${MAIL_MAX_RECIPIENTS} destinatários`),
  cc: z.array(address).max(MAIL_MAX_RECIPIENTS, `no máximo ${MAIL_MAX_RECIPIENTS} destinatários em cópia`).default([]),
  subject: z
    .string()
    .trim()
    .min(1, "informe o assunto")
    .max(MAIL_SUBJECT_MAX, `no máximo ${MAIL_SUBJECT_MAX} caracteres`)
    // A line break in a subject would be a header injection attempt or a paste accident.
    .refine((s) => !/[\r\n]/.test(s), workRefinement("single_line_subject")),
  body: z.string().min(1, "escreva a mensagem").max(MAIL_BODY_MAX, `no máximo ${MAIL_BODY_MAX} caracteres`),
  /** Keys of the user's uploads (POST /api/uploads) sent as attachments. */
  attachments: attachmentKeys.optional(),
});
export type SendEmailBody = z.input<typeof sendEmailBody>;

export const emailRecipients = z.object({
  main: z.string().nullable(),
  suggestions: z.array(z.object({ address: z.string(), label: z.string() })),
});
export type EmailRecipients = z.infer<typeof emailRecipients>;

const userRef = z.object({ id: z.number().int(), name: z.string() });

/** One message, as the person's E-mails list and the outbox page show it. */
export const mailItem = z.object({
  id: z.number().int(),
  kind: z.enum(MAIL_KINDS),
  status: mailStatus,
  from: z.string(),
  to: z.array(z.string()),
  cc: z.array(z.string()),
  replyTo: z.string().nullable(),
  subject: z.string(),
  body: z.string(),
  createdAt: z.string(),
  createdBy: userRef.nullable(),
  sentAt: z.string().nullable(),
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  person: z.object({ code: z.number().int(), name: z.string() }).nullable(),
  version: z.number().int(),
});
export type MailItem = z.infer<typeof mailItem>;

export const personEmailsQuery = listQuery;
export const outboxQuery = listQuery.extend({
  status: mailStatus.optional(),
});

// ---- settings ----

/** The IANA time zones this runtime knows (Intl), checked without a list of our own. */
export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return value.includes("/") || value === "UTC";
  } catch {
    return false;
  }
}

export const companySettings = z.object({
  name: z.string(),
  timeZone: z.string(),
  mailFrom: z.string(),
  version: z.number().int(),
});
export type CompanySettingsView = z.infer<typeof companySettings>;

export const updateCompanySettingsBody = z.object({
  name: z.string().trim().min(1, "informe o nome").max(120, "no máximo 120 caracteres").optional(),
  timeZone: z
    .string()
    .trim()
    .refine(isTimeZone, platformRefinement("unknown_time_zone"))
    // Intl accepts any letter case; keep the canonical spelling.
    .transform((v) => new Intl.DateTimeFormat("en-US", { timeZone: v }).resolvedOptions().timeZone)
    .optional(),
  mailFrom: address.optional(),
  version: z.number().int().min(0),
});

/** A host name or an IP address: letters, digits, dots, hyphens (and the colons of IPv6). */
const host = z
  .string()
  .trim()
  .max(253)
  .regex(/^[A-Za-z0-9.:-]+$/, "servidor inválido (ex.: smtp.empresa.com.br)");

export const smtpSettings = z.object({
  host: z.string().nullable(),
  port: z.number().int(),
  secure: z.boolean(),
  username: z.string().nullable(),
  /** The password itself is never returned. */
  hasPassword: z.boolean(),
  enabled: z.boolean(),
  /** How mail goes out now: these settings, VINCULO_SMTP_URL, or .eml files in the data folder. */
  delivery: z.enum(["settings", "env", "files"]),
  version: z.number().int(),
});
export type SmtpSettingsView = z.infer<typeof smtpSettings>;

export const updateSmtpSettingsBody = z.object({
  host: host.nullable().optional(),
  port: z
    .number({ message: "porta inválida" })
    .int("porta inválida")
    .min(1, "porta entre 1 e 65535")
    .max(65535, "porta entre 1 e 65535")
    .optional(),
  secure: z.boolean().optional(),
  username: z.string().trim().max(254).nullable().optional(),
  /** A new password; null (or "") clears it; absent keeps the stored one. */
  password: z.string().max(500).nullable().optional(),
  enabled: z.boolean().optional(),
  version: z.number().int().min(0),
});

export const smtpTestResult = z.object({ id: z.number().int(), to: z.string() });
