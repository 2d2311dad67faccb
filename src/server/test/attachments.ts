import { createHash, randomBytes } from "node:crypto";
import zlib from "node:zlib";
import { expect } from "vitest";
import type { Attachment } from "../../shared/attachments.schemas.ts";
import type { TestApp } from "./test-app.ts";

/** Test files and uploads for the attachments feature (issue 15). */

export type UploadFile = { name: string; content: Buffer; type?: string; field?: string };

/** A multipart/form-data body as a browser's FormData sends it. */
export function multipartBody(files: UploadFile[], fields: Record<string, string> = {}) {
  const boundary = `----vinculo${randomBytes(8).toString("hex")}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  for (const f of files) {
    const head =
      `--${boundary}\r\nContent-Disposition: form-data; name="${f.field ?? "files"}"; filename="${f.name.replace(/"/g, "%22")}"\r\n` +
      `Content-Type: ${f.type ?? "application/octet-stream"}\r\n\r\n`;
    parts.push(Buffer.from(head, "utf8"), f.content, Buffer.from("\r\n"));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

/** A valid 1×1 PNG (red), with `salt` in a text chunk so each call can give other bytes. */
export function pngBytes(salt = ""): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = (crcTable[(c ^ b) & 0xff] as number) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(1, 0);
  ihdr.writeUInt32BE(1, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  // One scanline: filter 0, then R G B (red).
  const idat = zlib.deflateSync(Buffer.from([0, 255, 0, 0]));
  return Buffer.concat([
    Buffer.from("89504e470d0a1a0a", "hex"),
    chunk("IHDR", ihdr),
    ...(salt ? [chunk("tEXt", Buffer.from(`salt\0${salt}`, "latin1"))] : []),
    chunk("IDAT", idat),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

export const pdfBytes = (text = "Boleto") =>
  Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n% ${text}\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
  );

export const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/** Uploads files as `user`; fails the test unless it answers 201. */
export async function upload(t: TestApp, user: { cookie: string }, files: UploadFile[]): Promise<Attachment[]> {
  const body = multipartBody(files);
  const res = await t.as(user, { method: "POST", url: "/api/uploads", ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().items;
}

export async function blobCount(t: TestApp): Promise<number> {
  const row = await t.ctx.db
    .selectFrom("file_blobs")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function chunkCount(t: TestApp): Promise<number> {
  const row = await t.ctx.db
    .selectFrom("file_chunks")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
