import type { Insertable } from "kysely";
import type { Executor, FileThumbnailsTable } from "../../db/types.ts";

/** All SQL of stored contents: blobs, their chunks (bytes in the database), thumbnails, the sweep's claims. */

export type BlobRow = {
  id: number;
  sha256: string | null;
  size: number;
  mime: string;
  state: string;
  storage: string;
  chunk_count: number;
};

const BLOB_COLUMNS = ["id", "sha256", "size", "mime", "state", "storage", "chunk_count"] as const;

/** A blob being written: invisible (no attachment names it) until an upload completes. */
export async function insertWritingBlob(db: Executor, storage: "db" | "dir", at: string): Promise<number> {
  const row = await db
    .insertInto("file_blobs")
    .values({ state: "writing", storage, created_at: at, touched_at: at })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertChunk(db: Executor, blobId: number, seq: number, data: Buffer): Promise<void> {
  await db.insertInto("file_chunks").values({ blob_id: blobId, seq, data }).execute();
}

export async function chunk(db: Executor, blobId: number, seq: number): Promise<Buffer | undefined> {
  const row = await db
    .selectFrom("file_chunks")
    .select("data")
    .where("blob_id", "=", blobId)
    .where("seq", "=", seq)
    .executeTakeFirst();
  return row?.data;
}

export async function blobById(db: Executor, id: number): Promise<BlobRow | undefined> {
  return db.selectFrom("file_blobs").select(BLOB_COLUMNS).where("id", "=", id).executeTakeFirst();
}

/** The complete blob with this content, when one is stored. */
export async function readyBlobBySha(db: Executor, sha256: string): Promise<BlobRow | undefined> {
  return db
    .selectFrom("file_blobs")
    .select(BLOB_COLUMNS)
    .where("sha256", "=", sha256)
    .where("state", "=", "ready")
    .executeTakeFirst();
}

/** A finished upload becomes the stored content (unique by sha256: a concurrent twin fails here). */
export async function promoteBlob(
  db: Executor,
  id: number,
  done: { sha256: string; size: number; mime: string; chunkCount: number; at: string },
): Promise<void> {
  await db
    .updateTable("file_blobs")
    .set({
      sha256: done.sha256,
      size: done.size,
      mime: done.mime,
      chunk_count: done.chunkCount,
      state: "ready",
      touched_at: done.at,
    })
    .where("id", "=", id)
    .where("state", "=", "writing")
    .execute();
}

/** A new reference to a stored blob: the sweep leaves it alone for another hour. */
export async function touchBlob(db: Executor, id: number, at: string): Promise<boolean> {
  const result = await db
    .updateTable("file_blobs")
    .set({ touched_at: at })
    .where("id", "=", id)
    .where("state", "=", "ready")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** An upload still streaming in: not abandoned, however long it takes. */
export async function keepWriting(db: Executor, id: number, at: string): Promise<void> {
  await db
    .updateTable("file_blobs")
    .set({ touched_at: at })
    .where("id", "=", id)
    .where("state", "=", "writing")
    .execute();
}

/** A blob whose bytes are to be removed (a duplicate upload's own file): no upload matches it again. */
export async function abandonBlob(db: Executor, id: number): Promise<void> {
  await db.updateTable("file_blobs").set({ state: "deleting", sha256: null }).where("id", "=", id).execute();
}

/** Removes a blob (and, by cascade, its chunks and thumbnail). */
export async function deleteBlob(db: Executor, id: number): Promise<void> {
  await db.deleteFrom("file_blobs").where("id", "=", id).execute();
}

// ——— the sweep ———

/** Uploads that never finished (the process died, the client went away): older than `before`. */
export function abandonedBlobs(db: Executor, before: string, limit: number) {
  return db
    .selectFrom("file_blobs")
    .select(BLOB_COLUMNS)
    .where("state", "in", ["writing", "deleting"])
    .where("touched_at", "<", before)
    .orderBy("touched_at")
    .limit(limit)
    .execute();
}

/** Complete blobs no attachment names, untouched since `before`. */
export function unreferencedBlobs(db: Executor, before: string, limit: number) {
  return db
    .selectFrom("file_blobs as b")
    .select(["b.id", "b.sha256", "b.size", "b.mime", "b.state", "b.storage", "b.chunk_count"])
    .where("b.state", "=", "ready")
    .where("b.touched_at", "<", before)
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom("attachments as a").select("a.id").whereRef("a.blob_id", "=", "b.id"))),
    )
    .orderBy("b.touched_at")
    .limit(limit)
    .execute();
}

/**
 * Claims a blob for removal, checking the sweep's rule again in the same statement: still
 * unreferenced and untouched (an upload that deduplicated onto it meanwhile touched it), or an
 * abandoned upload. 'deleting' blobs match no upload, and their sha256 is freed for the next one.
 */
export async function claimForRemoval(db: Executor, id: number, before: string): Promise<boolean> {
  const result = await db
    .updateTable("file_blobs")
    .set({ state: "deleting", sha256: null })
    .where("id", "=", id)
    .where("touched_at", "<", before)
    .where((eb) =>
      eb.or([
        eb("state", "in", ["writing", "deleting"]),
        eb.and([
          eb("state", "=", "ready"),
          eb.not(
            eb.exists(eb.selectFrom("attachments").select("id").whereRef("attachments.blob_id", "=", "file_blobs.id")),
          ),
        ]),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Claims the sweep of one hour: true for the one transaction that wrote the row. */
export async function claimSweep(db: Executor, hour: string, at: string): Promise<boolean> {
  const row = await db
    .insertInto("file_sweeps")
    .values({ hour, started_at: at })
    .onConflict((oc) => oc.column("hour").doNothing())
    .returning("hour")
    .executeTakeFirst();
  return row !== undefined;
}

export async function finishSweep(
  db: Executor,
  hour: string,
  done: { at: string; drafts: number; blobs: number; bytes: number },
): Promise<void> {
  await db
    .updateTable("file_sweeps")
    .set({ finished_at: done.at, drafts_removed: done.drafts, blobs_removed: done.blobs, bytes_removed: done.bytes })
    .where("hour", "=", hour)
    .execute();
}

// ——— thumbnails ———

export function thumbnailOf(db: Executor, blobId: number) {
  return db
    .selectFrom("file_thumbnails")
    .select(["mime", "width", "height", "data"])
    .where("blob_id", "=", blobId)
    .executeTakeFirst();
}

/** Kept once per blob; a concurrent twin's row wins and this one is dropped. */
export async function insertThumbnail(db: Executor, row: Insertable<FileThumbnailsTable>): Promise<void> {
  await db
    .insertInto("file_thumbnails")
    .values(row)
    .onConflict((oc) => oc.column("blob_id").doNothing())
    .execute();
}
