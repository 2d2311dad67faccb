import { z } from "zod";
import { listQuery } from "./common.schemas.ts";
import { attachmentsRefinement } from "./reasons/attachments.ts";

/**
 * Attachments (issue 15): files on pareceres, tickets, appointments, persons (Documentos) and sent
 * e-mail. A file is uploaded first as a draft of its uploader (POST /api/uploads, multipart), then
 * attached by its key to what it belongs to (a new parecer, a ticket, an appointment, a person, an
 * e-mail); from then on it is visible exactly when that is.
 */

/** Kinds of file, by what their bytes are (never by the name or the browser's claim). */
export const FILE_KINDS = ["image", "svg", "pdf", "xml", "office", "text", "zip"] as const;
export type FileKind = (typeof FILE_KINDS)[number];

/** What VINCULO_UPLOAD_TYPES allows when unset; SVG only when named (it is a document that can run script). */
export const DEFAULT_FILE_KINDS: readonly FileKind[] = ["image", "pdf", "xml", "office", "text", "zip"];

/** Files one upload request may carry. */
export const MAX_FILES_PER_REQUEST = 10;
/** Keys one attach request (a parecer, a ticket, an e-mail) may name. */
export const MAX_ATTACH_PER_REQUEST = 20;
/** A user's drafts (uploaded, not yet attached) may hold this many times the per-file limit. */
export const DRAFT_QUOTA_FILES = 4;
/** Drafts never attached are removed after this long. */
export const DRAFT_TTL_HOURS = 24;
export const NAME_MAX = 255;
/** What one e-mail may carry in attachments: about 24 MB once base64-encoded, under common servers' 25 MB. */
export const MAIL_ATTACHMENTS_MAX_BYTES = 18 * 1024 * 1024;

/** The public id of a file: 128 random bits, base64url. Never a sequence, so never guessed. */
export const attachmentKey = z
  .string()
  .regex(/^[A-Za-z0-9_-]{22}$/, attachmentsRefinement("bad_attachment_key").message)
  .meta({ description: "chave do arquivo (22 caracteres base64url)" });

export const attachmentKeyParam = z.object({ key: attachmentKey });

/** Keys of drafts to attach, in a body that creates something (a parecer, an e-mail). */
export const attachmentKeys = z
  .array(attachmentKey)
  .max(MAX_ATTACH_PER_REQUEST, attachmentsRefinement("too_many_attachments", { max: MAX_ATTACH_PER_REQUEST }).message)
  .refine((keys) => new Set(keys).size === keys.length, attachmentsRefinement("repeated_attachment"));

export const ATTACHMENT_TARGETS = ["draft", "note", "ticket", "appointment", "person", "mail"] as const;
export type AttachmentTarget = (typeof ATTACHMENT_TARGETS)[number];

const userRef = z.object({ id: z.number().int(), name: z.string() });

export const attachment = z.object({
  /** The key: in every URL of the file. */
  id: z.string(),
  /** As the uploader's computer named it (shown as given: render it as text, isolated). */
  name: z.string(),
  /** The name cleaned of path separators, control and bidi characters: what downloads are called. */
  safeName: z.string(),
  size: z.number().int(),
  /** The media type decided from the bytes. */
  type: z.string(),
  kind: z.enum(FILE_KINDS),
  target: z.enum(ATTACHMENT_TARGETS),
  /** The parecer it came with, for the files of a ticket's history. */
  noteId: z.number().int().nullable(),
  createdAt: z.string(),
  createdBy: userRef.nullable(),
  /** A small image is available at …/thumbnail. */
  thumbnail: z.boolean(),
  /** The browser may show it (…/content?disposition=inline): raster images and PDF only. */
  inline: z.boolean(),
  canDelete: z.boolean(),
});
export type Attachment = z.infer<typeof attachment>;

export const attachmentList = z.object({ items: z.array(attachment) });

export const attachmentsQuery = listQuery;

export const attachBody = z.object({
  uploads: attachmentKeys.refine((keys) => keys.length > 0, attachmentsRefinement("no_upload")),
});
export type AttachBody = z.infer<typeof attachBody>;

export const contentQuery = z.object({
  /** inline: shown in the browser (images and PDF only; anything else is still a download). */
  disposition: z.enum(["attachment", "inline"]).default("attachment"),
});

export const uploadLimits = z.object({
  maxFileBytes: z.number().int(),
  maxFiles: z.number().int(),
  quotaBytes: z.number().int(),
  /** What this user's drafts hold now. */
  usedBytes: z.number().int(),
  kinds: z.array(z.enum(FILE_KINDS)),
  /** For an `<input type=file accept=…>`: the extensions of the allowed kinds. */
  accept: z.string(),
});
export type UploadLimits = z.infer<typeof uploadLimits>;

/** Extensions each kind's files usually carry (the name must not contradict the bytes). */
export const KIND_EXTENSIONS: Readonly<Record<FileKind, readonly string[]>> = {
  image: ["png", "jpg", "jpeg", "jfif", "gif", "webp", "bmp", "tif", "tiff", "heic", "heif", "avif"],
  svg: ["svg"],
  pdf: ["pdf"],
  xml: ["xml"],
  office: ["doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp", "rtf"],
  text: ["txt", "csv", "tsv", "log", "md"],
  zip: ["zip"],
};

export const acceptOf = (kinds: readonly FileKind[]) =>
  kinds.flatMap((k) => KIND_EXTENSIONS[k].map((ext) => `.${ext}`)).join(",");
