import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Person } from "../../../shared/persons.schemas.ts";
import type { AppContext } from "../../context.ts";
import { blobCount, chunkCount, pdfBytes, pngBytes, sha256, upload } from "../../test/attachments.ts";
import { categoryIds, makePerson } from "../../test/factories.ts";
import { buildTestApp, type TestApp, type TestUser } from "../../test/test-app.ts";
import * as blobs from "./attachments.blobs.repository.ts";
import { CHUNK_BYTES, openWriter } from "./attachments.store.ts";
import { sweepFiles } from "./attachments.sweep.service.ts";

const HOUR = 3600_000;

/** The services' context a while from now (the app's own clock and sessions stay where they are). */
const later = (ctx: AppContext, ms: number): AppContext => ({ ...ctx, now: () => new Date(Date.now() + ms) });

/** Orphans: what nothing references goes after an hour; what anything references never does. */
describe("the sweep", () => {
  let t: TestApp;
  let admin: TestUser;
  let person: Person;
  beforeAll(async () => {
    t = await buildTestApp();
    admin = await t.user({ isAdmin: true });
    person = await makePerson(t.ctx, { categoryIds: [(await categoryIds(t.ctx)).Cliente] });
  });
  afterAll(() => t.close());

  const blobOf = async (key: string) =>
    (await t.ctx.db.selectFrom("attachments").select("blob_id").where("key", "=", key).executeTakeFirstOrThrow())
      .blob_id;
  const blobExists = async (id: number) => (await blobs.blobById(t.ctx.db, id)) !== undefined;

  it("removes a removed file's bytes after an hour, and never a blob something still references", async () => {
    const shared = pngBytes("shared");
    const [kept] = await upload(t, admin, [{ name: "fica.png", content: shared }]);
    await t.as(admin, {
      method: "POST",
      url: `/api/persons/${person.code}/attachments`,
      payload: { uploads: [kept?.id] },
    });
    const [gone] = await upload(t, admin, [{ name: "sai.png", content: shared }]);
    const [alone] = await upload(t, admin, [{ name: "so.pdf", content: pdfBytes("sozinho") }]);
    const sharedBlob = await blobOf(gone?.id ?? "");
    const aloneBlob = await blobOf(alone?.id ?? "");
    expect(sharedBlob).toBe(await blobOf(kept?.id ?? ""));
    for (const key of [gone?.id, alone?.id]) {
      expect((await t.as(admin, { method: "DELETE", url: `/api/attachments/${key}` })).statusCode).toBe(204);
    }
    // Within the hour nothing goes: an upload may be about to deduplicate onto it.
    await sweepFiles(later(t.ctx, 10 * 60_000), { claim: false });
    expect(await blobExists(aloneBlob)).toBe(true);
    const swept = await sweepFiles(later(t.ctx, 2 * HOUR), { claim: false });
    expect(swept.blobs).toBeGreaterThanOrEqual(1);
    expect(await blobExists(aloneBlob)).toBe(false);
    expect(await blobExists(sharedBlob)).toBe(true);
    const download = await t.as(admin, { method: "GET", url: `/api/attachments/${kept?.id}/content` });
    expect(sha256(download.rawPayload)).toBe(sha256(shared));
  });

  it("collects an e-mail's attachments once the message is gone", async () => {
    const [file] = await upload(t, admin, [{ name: "boleto.pdf", content: pdfBytes("boleto do e-mail") }]);
    const sent = await t.as(admin, {
      method: "POST",
      url: `/api/persons/${person.code}/emails`,
      payload: { to: ["cliente@example.com"], subject: "Boleto", body: "Segue o boleto.", attachments: [file?.id] },
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const blobId = await blobOf(file?.id ?? "");
    await sweepFiles(later(t.ctx, 2 * HOUR), { claim: false });
    expect(await blobExists(blobId)).toBe(true);
    // A DBA (or an erasure) removes the message: its attachment rows go with it, the bytes with the next sweep.
    await t.ctx.db.deleteFrom("mail_outbox").where("id", "=", sent.json().id).execute();
    await sweepFiles(later(t.ctx, 2 * HOUR), { claim: false });
    expect(await blobExists(blobId)).toBe(false);
  });

  it("drops drafts nobody attached within a day, then their bytes", async () => {
    const [draft] = await upload(t, admin, [{ name: "esquecido.png", content: pngBytes("esquecido") }]);
    const blobId = await blobOf(draft?.id ?? "");
    const hours = await sweepFiles(later(t.ctx, 3 * HOUR), { claim: false });
    expect(hours.drafts).toBe(0);
    const day = await sweepFiles(later(t.ctx, 25 * HOUR), { claim: false });
    expect(day.drafts).toBeGreaterThanOrEqual(1);
    expect(await blobExists(blobId)).toBe(false);
    expect((await t.as(admin, { method: "GET", url: `/api/attachments/${draft?.id}` })).statusCode).toBe(404);
  });

  it("removes an upload that never finished, chunks and all, only once it is an hour old", async () => {
    const id = await blobs.insertWritingBlob(t.ctx.db, "db", t.ctx.now().toISOString());
    const writer = openWriter(t.ctx, id, "db");
    await writer.write(Buffer.alloc(CHUNK_BYTES * 2 + 10, 1));
    const chunks = await chunkCount(t);
    expect(chunks).toBeGreaterThanOrEqual(2);
    await sweepFiles(later(t.ctx, 20 * 60_000), { claim: false });
    expect(await blobExists(id)).toBe(true);
    await sweepFiles(later(t.ctx, 2 * HOUR), { claim: false });
    expect(await blobExists(id)).toBe(false);
    expect(await chunkCount(t)).toBe(chunks - 2);
  });

  it("runs once per hour however many servers try (the hour is claimed)", async () => {
    const other = await t.reopen();
    const at = later(t.ctx, 5 * HOUR);
    const [a, b] = await Promise.all([sweepFiles(at), sweepFiles({ ...other.ctx, now: at.now })]);
    expect([a.claimed, b.claimed].sort()).toEqual([false, true]);
    expect((await sweepFiles(at)).claimed).toBe(false);
    await other.close();
  });
});

describe("bytes in VINCULO_FILES_DIR", () => {
  let t: TestApp;
  let admin: TestUser;
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "vinculo-files-"));
    t = await buildTestApp({ config: { filesDir: dir } });
    admin = await t.user({ isAdmin: true });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const filesIn = () =>
    fs
      .readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.join(e.parentPath, e.name));

  it("keeps one file per content there, serves it, and sweeps it when unreferenced", async () => {
    const content = Buffer.concat([pdfBytes("no disco"), Buffer.alloc(600_000, 3)]);
    const [one] = await upload(t, admin, [{ name: "um.pdf", content }]);
    const [two] = await upload(t, admin, [{ name: "dois.pdf", content }]);
    expect(filesIn()).toHaveLength(1);
    expect(sha256(fs.readFileSync(filesIn()[0] ?? ""))).toBe(sha256(content));
    expect(await chunkCount(t)).toBe(0);
    const res = await t.as(admin, { method: "GET", url: `/api/attachments/${two?.id}/content` });
    expect(sha256(res.rawPayload)).toBe(sha256(content));
    for (const key of [one?.id, two?.id]) await t.as(admin, { method: "DELETE", url: `/api/attachments/${key}` });
    await sweepFiles(later(t.ctx, 2 * HOUR), { claim: false });
    expect(filesIn()).toEqual([]);
    expect(await blobCount(t)).toBe(0);
  });
});
