import { createHash, randomBytes } from "node:crypto";
import {
  type Attachment,
  acceptOf,
  DRAFT_QUOTA_FILES,
  MAX_FILES_PER_REQUEST,
  type UploadLimits,
} from "../../../shared/attachments.schemas.ts";
import type { AppContext, AuthUser } from "../../context.ts";
import { isUniqueViolation } from "../../db/db-errors.ts";
import type { Trx } from "../../db/types.ts";
import { AppError, fail } from "../../errors.ts";
import { inTransaction, recordChange } from "../audit/journal.ts";
import * as blobs from "./attachments.blobs.repository.ts";
import { detectType, extensionFits, extensionOf, refineText, SAMPLE_BYTES } from "./attachments.detect.ts";
import { toAttachment } from "./attachments.mapping.ts";
import { formatBytes, givenName } from "./attachments.names.ts";
import * as repo from "./attachments.repository.ts";
import { openWriter, removeBytes, storageOf } from "./attachments.store.ts";

/**
 * POST /api/uploads: files streamed into storage as they arrive, each becoming a draft of its
 * uploader (attached later by key to a parecer, a ticket, an appointment, a person, an e-mail).
 *
 * A request is all or nothing: every file is written to a blob in state 'writing' (invisible), its
 * type decided from its first bytes and its SHA-256 computed on the way; only when the last one is
 * in does one transaction make them drafts — each deduplicated onto the blob already stored with
 * the same content, or becoming that content itself. A refusal, a dropped connection or a crash
 * before that commit leaves no draft; the blobs it wrote are removed at once, or by the sweep
 * (abandoned uploads older than an hour) when the process died.
 */

/** One file part, as @fastify/multipart hands it over. */
export type UploadPart =
  | { type: "field" }
  | { type: "file"; filename: string; file: AsyncIterable<Buffer> & { truncated?: boolean } };

export type UploadInput = {
  parts: AsyncIterable<UploadPart>;
  /** The request's Content-Length, when sent: a request that cannot fit is refused before it is read. */
  contentLength: number | undefined;
};

type Staged = {
  blobId: number;
  storage: "db" | "dir";
  name: string;
  size: number;
  sha256: string;
  mime: string;
  kind: string;
  chunkCount: number;
};

/** Multipart headers and boundaries around each file: what a request may carry beyond its files. */
const MULTIPART_SLACK = 64 * 1024;

export const quotaOf = (ctx: AppContext) => DRAFT_QUOTA_FILES * ctx.config.maxUploadBytes;

export async function uploadLimits(ctx: AppContext, user: AuthUser): Promise<UploadLimits> {
  return {
    maxFileBytes: ctx.config.maxUploadBytes,
    maxFiles: MAX_FILES_PER_REQUEST,
    quotaBytes: quotaOf(ctx),
    usedBytes: await repo.draftBytes(ctx.db, user.id),
    kinds: ctx.config.uploadKinds,
    accept: acceptOf(ctx.config.uploadKinds),
  };
}

const KIND_NAMES: Record<string, string> = {
  image: "imagens",
  svg: "SVG",
  pdf: "PDF",
  xml: "XML",
  office: "documentos de escritório",
  text: "texto e CSV",
  zip: "ZIP",
};

/** The errors @fastify/multipart (busboy) raises, as the API's refusals. */
function multipartRefusal(ctx: AppContext, error: unknown): AppError | null {
  const code = (error as { code?: unknown } | null)?.code;
  const limit = formatBytes(ctx.config.maxUploadBytes);
  switch (code) {
    case "FST_FILES_LIMIT":
      return fail("payload_too_large", "too_many_files", { max: MAX_FILES_PER_REQUEST });
    case "FST_REQ_FILE_TOO_LARGE":
      return fail("payload_too_large", "file_too_large", { name: "arquivo", limit });
    case "FST_PARTS_LIMIT":
    case "FST_FIELDS_LIMIT":
      return fail("payload_too_large", "upload_too_large", { files: MAX_FILES_PER_REQUEST, limit });
    case "FST_INVALID_MULTIPART_CONTENT_TYPE":
      return fail("unsupported_media_type", "upload_multipart_only");
    case "FST_PROTO_VIOLATION":
    case "FST_INVALID_JSON_FIELD_ERROR":
    case "FST_MP_PREMATURE_CLOSE":
      return fail("bad_request", "malformed_upload");
    default:
      // busboy's own words for a body that is not the multipart it announced.
      if (
        error instanceof Error &&
        !(error instanceof AppError) &&
        /multipart|boundary|part|form/i.test(error.message)
      ) {
        return fail("bad_request", "malformed_upload");
      }
      return null;
  }
}

/** Writes one file part into a new blob, deciding its type from the first bytes; refuses as soon as it can. */
async function stage(
  ctx: AppContext,
  part: Extract<UploadPart, { type: "file" }>,
  staged: Staged[],
  budget: { left: number },
): Promise<void> {
  const name = givenName(part.filename || "arquivo");
  const storage = storageOf(ctx);
  const blobId = await blobs.insertWritingBlob(ctx.db, storage, ctx.now().toISOString());
  // Known to the caller before a byte is written, so a failure anywhere removes it.
  const entry: Staged = { blobId, storage, name, size: 0, sha256: "", mime: "", kind: "", chunkCount: 0 };
  staged.push(entry);
  const writer = openWriter(ctx, blobId, storage);
  const hash = createHash("sha256");
  const max = ctx.config.maxUploadBytes;
  const tooLarge = () => fail("payload_too_large", "file_too_large", { name, limit: formatBytes(max) });
  let sample: Buffer[] | null = [];
  let sampled = 0;
  const decide = async () => {
    const head = Buffer.concat(sample ?? []);
    const detected = refineText(await detectType(head.subarray(0, SAMPLE_BYTES)), name);
    if (!detected.kind || !ctx.config.uploadKinds.includes(detected.kind)) {
      const kinds = ctx.config.uploadKinds.map((k) => KIND_NAMES[k] ?? k).join(", ");
      throw fail("unsupported_media_type", "file_type_refused", { name, type: detected.label, kinds });
    }
    if (!extensionFits(name, detected.kind)) {
      throw fail("unsupported_media_type", "file_type_mismatch", {
        name,
        type: detected.label,
        ext: extensionOf(name),
      });
    }
    entry.mime = detected.mime;
    entry.kind = detected.kind;
    sample = null;
    await writer.write(head);
  };
  for await (const bytes of part.file) {
    entry.size += bytes.length;
    if (entry.size > max) throw tooLarge();
    budget.left -= bytes.length;
    if (budget.left < 0) throw quotaRefusal(ctx, quotaOf(ctx) - budget.left);
    hash.update(bytes);
    if (sample) {
      sample.push(bytes);
      sampled += bytes.length;
      if (sampled >= SAMPLE_BYTES) await decide();
    } else {
      await writer.write(bytes);
    }
  }
  if (part.file.truncated) throw tooLarge();
  if (entry.size === 0) throw fail("validation_failed", "empty_file", { name });
  if (sample) await decide();
  entry.chunkCount = await writer.finish();
  entry.sha256 = hash.digest("hex");
}

const quotaRefusal = (ctx: AppContext, used: number) =>
  fail("payload_too_large", "upload_quota", { used: formatBytes(used), limit: formatBytes(quotaOf(ctx)) });

/** Removes the blobs of a refused request (the sweep would, an hour later, if this fails too). */
async function discard(ctx: AppContext, staged: Staged[]): Promise<void> {
  for (const s of staged) {
    try {
      await removeBytes(ctx, { id: s.blobId, storage: s.storage });
      await blobs.deleteBlob(ctx.db, s.blobId);
    } catch {
      // Left for the sweep: the blob is still 'writing', so nothing can name it.
    }
  }
}

/** A random key of 128 bits: the file's only name in URLs. */
export const newKey = () => randomBytes(16).toString("base64url");

/** The one transaction that makes a request's files drafts; blobs left over (duplicates) are answered for removal. */
async function commitDrafts(
  ctx: AppContext,
  trx: Trx,
  user: AuthUser,
  staged: Staged[],
): Promise<{ keys: string[]; duplicates: Staged[] }> {
  const at = ctx.now().toISOString();
  const duplicates: Staged[] = [];
  const keys: string[] = [];
  const used = await repo.draftBytes(trx, user.id);
  const total = staged.reduce((sum, s) => sum + s.size, 0);
  if (used + total > quotaOf(ctx)) throw quotaRefusal(ctx, used + total);
  for (const s of staged) {
    const existing = await blobs.readyBlobBySha(trx, s.sha256);
    let blobId = s.blobId;
    if (existing && (await blobs.touchBlob(trx, existing.id, at))) {
      blobId = existing.id;
      duplicates.push(s);
      // Its own copy goes: the chunks with the row; a file once this commits (or by the sweep).
      if (s.storage === "db") await blobs.deleteBlob(trx, s.blobId);
      else await blobs.abandonBlob(trx, s.blobId);
    } else {
      await blobs.promoteBlob(trx, s.blobId, {
        sha256: s.sha256,
        size: s.size,
        mime: s.mime,
        chunkCount: s.chunkCount,
        at,
      });
    }
    const key = newKey();
    keys.push(key);
    await repo.insertAttachments(trx, [
      {
        key,
        blob_id: blobId,
        name: s.name,
        mime: s.mime,
        kind: s.kind,
        size: s.size,
        target: "draft",
        created_by: user.id,
        created_at: at,
      },
    ]);
    recordChange(trx, ctx, {
      entity: "attachment",
      id: key,
      action: "create",
      after: { name: s.name, size: s.size, type: s.mime, sha256: s.sha256, target: "draft" },
    });
  }
  return { keys, duplicates };
}

export async function receiveUploads(ctx: AppContext, user: AuthUser, input: UploadInput): Promise<Attachment[]> {
  const max = ctx.config.maxUploadBytes;
  if (input.contentLength !== undefined && input.contentLength > MAX_FILES_PER_REQUEST * (max + MULTIPART_SLACK)) {
    throw fail("payload_too_large", "upload_too_large", { files: MAX_FILES_PER_REQUEST, limit: formatBytes(max) });
  }
  const used = await repo.draftBytes(ctx.db, user.id);
  const budget = { left: quotaOf(ctx) - used };
  if (input.contentLength !== undefined && input.contentLength > budget.left + MULTIPART_SLACK) {
    throw quotaRefusal(ctx, used + input.contentLength);
  }
  const staged: Staged[] = [];
  let committed: { keys: string[]; duplicates: Staged[] };
  try {
    let files = 0;
    for await (const part of input.parts) {
      if (part.type !== "file") continue;
      files += 1;
      if (files > MAX_FILES_PER_REQUEST)
        throw fail("payload_too_large", "too_many_files", { max: MAX_FILES_PER_REQUEST });
      await stage(ctx, part, staged, budget);
    }
    if (!staged.length) throw fail("validation_failed", "no_file");
    const commit = () => inTransaction(ctx, (trx) => commitDrafts(ctx, trx, user, staged));
    try {
      committed = await commit();
    } catch (error) {
      // Two uploads of the same new content at once (PostgreSQL): the other one's is the stored
      // one now; this one deduplicates onto it.
      if (!isUniqueViolation(error)) throw error;
      committed = await commit();
    }
  } catch (error) {
    await discard(ctx, staged);
    throw multipartRefusal(ctx, error) ?? error;
  }
  for (const s of committed.duplicates) {
    if (s.storage === "dir") {
      await removeBytes(ctx, { id: s.blobId, storage: s.storage }).catch(() => {});
      await blobs.deleteBlob(ctx.db, s.blobId).catch(() => {});
    }
  }
  const out: Attachment[] = [];
  for (const key of committed.keys) {
    const row = await repo.byKey(ctx.db, key);
    if (row) out.push(toAttachment(row, true));
  }
  return out;
}
