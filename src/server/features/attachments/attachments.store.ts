import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import type { AppContext } from "../../context.ts";
import type { Executor } from "../../db/types.ts";
import * as blobs from "./attachments.blobs.repository.ts";

/**
 * Where the bytes of a blob live. By default in the database, in chunks (so several servers need
 * nothing shared but the database, and a backup of it holds every file); with VINCULO_FILES_DIR,
 * in that directory, one file per blob. Either way a blob is written while its row says
 * 'writing' (no attachment can name it), and each piece is written as it arrives: the file is
 * never held whole in memory, on the way in or out.
 */

/** One database row of bytes: 256 KiB (big enough that a 25 MB file is ~100 rows, small enough to hold in memory). */
export const CHUNK_BYTES = 256 * 1024;

export type BlobWriter = {
  /** Appends bytes; resolves when they are stored (backpressure for the upload). */
  write: (bytes: Buffer) => Promise<void>;
  /** Stores what is buffered and makes the bytes durable; answers the number of chunks. */
  finish: () => Promise<number>;
};

export type StoredBlob = { id: number; storage: string; chunk_count: number };

const fileOf = (dir: string, blobId: number) =>
  path.join(dir, (blobId % 256).toString(16).padStart(2, "0"), String(blobId));

function filesDir(ctx: AppContext): string {
  const dir = ctx.config.filesDir;
  if (!dir) throw new Error("a blob is stored in VINCULO_FILES_DIR, which is not set on this server");
  return dir;
}

/** The storage new uploads go to. */
export const storageOf = (ctx: AppContext): "db" | "dir" => (ctx.config.filesDir ? "dir" : "db");

/** Keeps a long upload from looking abandoned to the sweep (which waits an hour). */
const KEEP_ALIVE_MS = 60_000;

export function openWriter(ctx: AppContext, blobId: number, storage: "db" | "dir"): BlobWriter {
  let lastTouch = Date.now();
  const keepAlive = async () => {
    if (Date.now() - lastTouch < KEEP_ALIVE_MS) return;
    lastTouch = Date.now();
    await blobs.keepWriting(ctx.db, blobId, ctx.now().toISOString());
  };
  if (storage === "dir") {
    const file = fileOf(filesDir(ctx), blobId);
    let handle: fsp.FileHandle | undefined;
    return {
      async write(bytes) {
        if (!handle) {
          await fsp.mkdir(path.dirname(file), { recursive: true });
          handle = await fsp.open(file, "w");
        }
        await handle.write(bytes);
        await keepAlive();
      },
      async finish() {
        if (!handle) handle = await fsp.open(file, "w");
        await handle.sync();
        await handle.close();
        return 0;
      },
    };
  }
  const parts: Buffer[] = [];
  let buffered = 0;
  let seq = 0;
  const flush = async (all: boolean) => {
    while (buffered >= CHUNK_BYTES || (all && buffered > 0)) {
      const joined = Buffer.concat(parts);
      const piece = joined.subarray(0, CHUNK_BYTES);
      const rest = joined.subarray(piece.length);
      parts.length = 0;
      if (rest.length) parts.push(Buffer.from(rest));
      buffered = rest.length;
      // Each chunk commits on its own: no transaction stays open while the client sends.
      await blobs.insertChunk(ctx.db, blobId, seq, Buffer.from(piece));
      seq += 1;
    }
  };
  return {
    async write(bytes) {
      parts.push(bytes);
      buffered += bytes.length;
      if (buffered >= CHUNK_BYTES) {
        await flush(false);
        await keepAlive();
      }
    },
    async finish() {
      await flush(true);
      return seq;
    },
  };
}

/** The bytes of a stored blob, read a chunk at a time as the receiver takes them. */
export function readBlob(ctx: AppContext, blob: StoredBlob, db: Executor = ctx.db): Readable {
  if (blob.storage === "dir")
    return fs.createReadStream(fileOf(filesDir(ctx), blob.id), { highWaterMark: CHUNK_BYTES });
  async function* chunks() {
    for (let seq = 0; seq < blob.chunk_count; seq += 1) {
      const data = await blobs.chunk(db, blob.id, seq);
      if (!data) throw new Error(`blob ${blob.id}: chunk ${seq} missing`);
      yield data;
    }
  }
  // One chunk ahead at most: a slow download holds 256 KiB, not the file.
  return Readable.from(chunks(), { objectMode: false, highWaterMark: 1 });
}

/** Removes the bytes of a blob outside the database (its chunks go with its row). */
export async function removeBytes(ctx: AppContext, blob: { id: number; storage: string }): Promise<void> {
  if (blob.storage !== "dir") return;
  await fsp.rm(fileOf(filesDir(ctx), blob.id), { force: true });
}
