import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { DEFAULT_FILE_KINDS, FILE_KINDS, type FileKind } from "../shared/attachments.schemas.ts";

const flag = z
  .enum(["1", "0", "true", "false", "yes", "no", ""])
  .optional()
  .transform((v) => v === "1" || v === "true" || v === "yes");

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATABASE_URL: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), {
      message: "deve começar com postgres:// (ou ficar vazio para usar o SQLite embutido)",
    }),
  VINCULO_DATA_DIR: z.string().min(1).default("./data"),
  VINCULO_ADMIN_PASSWORD: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || v.length >= 8, {
      message: "deve ter pelo menos 8 caracteres",
    }),
  VINCULO_DEMO: flag,
  VINCULO_PUBLIC_URL: z
    .string()
    .optional()
    .transform((v) => (v ? v.replace(/\/+$/, "") : undefined))
    .refine((v) => v === undefined || /^https?:\/\/[^/]+(\/.*)?$/.test(v), {
      message: "deve ser uma URL http:// ou https://, por exemplo https://crm.empresa.com.br",
    }),
  VINCULO_SMTP_URL: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || /^smtps?:\/\/[^/]+/.test(v), {
      message: "deve ser uma URL smtp:// ou smtps://, por exemplo smtp://usuario:senha@smtp.empresa.com.br:587",
    }),
  /** How often each server's outbox worker looks for due mail (it also looks at once after queuing). */
  VINCULO_MAIL_POLL_MS: z.coerce.number().int().min(100).max(3_600_000).default(2000),
  VINCULO_TRUST_PROXY: flag,
  /** Server processes on one port (node:cluster); unset: one per core. */
  VINCULO_WORKERS: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 256), {
      message: "deve ser um número de processos de 1 a 256 (vazio: um por núcleo; 1: um processo só)",
    })
    .transform((v) => (v === undefined ? undefined : Number(v))),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Largest file an upload takes, in MiB. */
  VINCULO_MAX_UPLOAD_MB: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 2048), {
      message: "deve ser um número inteiro de MB, de 1 a 2048 (vazio: 25)",
    })
    .transform((v) => (v === undefined ? 25 : Number(v))),
  /** Unset: file bytes live in the database. Set: in this directory (shared by every server). */
  VINCULO_FILES_DIR: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined)),
  /** The kinds of file uploads take, comma-separated. */
  VINCULO_UPLOAD_TYPES: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined))
    .transform((v) => (v === undefined ? [...DEFAULT_FILE_KINDS] : v.split(",").map((k) => k.trim().toLowerCase())))
    .refine((kinds) => kinds.length > 0 && kinds.every((k) => (FILE_KINDS as readonly string[]).includes(k)), {
      message: `deve listar tipos separados por vírgula, entre: ${FILE_KINDS.join(", ")}`,
    })
    .transform((kinds) => [...new Set(kinds)] as FileKind[]),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  adminPassword: string | undefined;
  demo: boolean;
  publicUrl: string | undefined;
  smtpUrl: string | undefined;
  /** Outbox worker poll interval. */
  mailPollMs: number;
  /** Honour X-Forwarded-* from a reverse proxy (set when behind nginx or a load balancer). */
  trustProxy: boolean;
  logLevel: z.infer<typeof envSchema>["LOG_LEVEL"];
  /** Server processes sharing the port; 1 is a single process with no cluster at all. */
  workers: number;
  /** Largest file an upload takes (VINCULO_MAX_UPLOAD_MB). */
  maxUploadBytes: number;
  /** Where file bytes live: the database (undefined) or this directory (VINCULO_FILES_DIR). */
  filesDir: string | undefined;
  /** The kinds of file uploads take (VINCULO_UPLOAD_TYPES). */
  uploadKinds: FileKind[];
  /** Idle and absolute session lifetimes. */
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Configuração inválida:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.VINCULO_DATA_DIR),
    adminPassword: e.VINCULO_ADMIN_PASSWORD,
    demo: e.VINCULO_DEMO,
    publicUrl: e.VINCULO_PUBLIC_URL,
    smtpUrl: e.VINCULO_SMTP_URL,
    mailPollMs: e.VINCULO_MAIL_POLL_MS,
    trustProxy: e.VINCULO_TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    workers: e.VINCULO_WORKERS ?? os.availableParallelism(),
    maxUploadBytes: e.VINCULO_MAX_UPLOAD_MB * 1024 * 1024,
    filesDir: e.VINCULO_FILES_DIR === undefined ? undefined : path.resolve(e.VINCULO_FILES_DIR),
    uploadKinds: e.VINCULO_UPLOAD_TYPES,
    sessionIdleMs: 8 * 60 * 60 * 1000,
    sessionAbsoluteMs: 7 * 24 * 60 * 60 * 1000,
  };
}
