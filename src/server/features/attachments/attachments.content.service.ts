import type { Readable } from "node:stream";
import type { AppContext, AuthUser } from "../../context.ts";
import type { Executor } from "../../db/types.ts";
import { fail } from "../../errors.ts";
import { attachmentFor } from "./attachments.access.ts";
import * as blobs from "./attachments.blobs.repository.ts";
import { INLINE_TYPES, THUMBNAIL_TYPES } from "./attachments.detect.ts";
import { contentDisposition, safeName } from "./attachments.names.ts";
import * as repo from "./attachments.repository.ts";
import { readBlob } from "./attachments.store.ts";
import { makeThumbnail } from "./attachments.thumbnail.ts";

/**
 * What a download answers. Every one is checked (attachmentFor), none is cached by shared
 * caches, and the headers keep a file from ever acting as a page of the app: the type decided at
 * upload (never what the client claimed), nosniff, a sandboxing CSP (a document opened from here
 * runs no script and reaches nothing), and `attachment` unless the file is a raster image or a
 * PDF asked for inline. SVG and HTML are never inline.
 */

export type Download = { headers: Record<string, string>; body: Readable | Buffer };

/** A file served here is a sandboxed, inert document: no script, no requests, no frames of its own. */
const SANDBOX_CSP =
  "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; frame-ancestors 'self'";
/**
 * Chromium's PDF viewer will not start in a sandboxed document: a PDF shown inline gets the same
 * lockdown without the sandbox flag (its own viewer runs no page script of ours either way).
 */
const PDF_CSP =
  "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; object-src 'self'; frame-ancestors 'self'";

const baseHeaders = (csp: string): Record<string, string> => ({
  "x-content-type-options": "nosniff",
  "content-security-policy": csp,
  // The bytes of a key never change, but access can be taken away: no shared cache keeps them.
  "cache-control": "private, no-cache",
  "cross-origin-resource-policy": "same-origin",
});

/** Text types carry no charset of their own: the browser is told not to guess beyond plain text. */
const servedType = (mime: string) => (mime.startsWith("text/") ? `${mime}; charset=utf-8` : mime);

export async function openContent(
  ctx: AppContext,
  user: AuthUser,
  key: string,
  disposition: "attachment" | "inline",
): Promise<Download> {
  const { row } = await attachmentFor(ctx, user, key, "read");
  const blob = await blobs.blobById(ctx.db, row.blob_id);
  if (blob?.state !== "ready") throw fail("not_found", "attachment_not_found");
  const inline = disposition === "inline" && INLINE_TYPES.has(row.mime);
  return {
    headers: {
      ...baseHeaders(inline && row.mime === "application/pdf" ? PDF_CSP : SANDBOX_CSP),
      "content-type": servedType(row.mime),
      "content-length": String(blob.size),
      "content-disposition": contentDisposition(inline ? "inline" : "attachment", row.name),
    },
    body: readBlob(ctx, blob),
  };
}

/** Thumbnails are made one or two at a time: decoding a picture is the costly part of this feature. */
const MAX_MAKING = 2;
let making = 0;
const queue: (() => void)[] = [];
async function oneAtATime<T>(fn: () => Promise<T>): Promise<T> {
  if (making >= MAX_MAKING) await new Promise<void>((resolve) => queue.push(resolve));
  making += 1;
  try {
    return await fn();
  } finally {
    making -= 1;
    queue.shift()?.();
  }
}

/** The picture's small version, made on first request and kept with its blob (shared by every copy of it). */
export async function openThumbnail(ctx: AppContext, user: AuthUser, key: string): Promise<Download> {
  const { row } = await attachmentFor(ctx, user, key, "read");
  if (!THUMBNAIL_TYPES.has(row.mime)) throw fail("not_found", "thumbnail_unavailable");
  let thumb = await blobs.thumbnailOf(ctx.db, row.blob_id);
  if (!thumb) {
    const blob = await blobs.blobById(ctx.db, row.blob_id);
    if (blob?.state !== "ready") throw fail("not_found", "attachment_not_found");
    const made = await oneAtATime(() => makeThumbnail(readBlob(ctx, blob)));
    await blobs.insertThumbnail(ctx.db, {
      blob_id: blob.id,
      mime: made?.mime ?? "",
      width: made?.width ?? 0,
      height: made?.height ?? 0,
      data: made?.data ?? Buffer.alloc(0),
      created_at: ctx.now().toISOString(),
    });
    thumb = await blobs.thumbnailOf(ctx.db, row.blob_id);
  }
  if (!thumb?.mime) throw fail("not_found", "thumbnail_unavailable");
  return {
    headers: {
      ...baseHeaders(SANDBOX_CSP),
      // Private: the next view of the same history within minutes costs no request.
      "cache-control": "private, max-age=600",
      "content-type": thumb.mime,
      "content-length": String(thumb.data.length),
      "content-disposition": contentDisposition("inline", `${safeName(row.name)}.webp`),
    },
    body: thumb.data,
  };
}

export type MailFile = { filename: string; contentType: string; content: Readable };

/**
 * The attachments of an outbox message, for the mail worker: streams opened at each attempt, so a
 * retry after a restart sends the same bytes (they stay referenced as long as the message exists).
 */
export async function mailFiles(ctx: AppContext, mailId: number, db: Executor = ctx.db): Promise<MailFile[]> {
  const rows = await repo.mailFiles(db, mailId);
  return rows.map((r) => ({
    filename: safeName(r.name),
    contentType: r.mime,
    content: readBlob(ctx, { id: r.blob_id, storage: r.storage, chunk_count: r.chunk_count }, db),
  }));
}
