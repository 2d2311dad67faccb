import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { blobCount, chunkCount, multipartBody, pdfBytes, pngBytes, sha256, upload } from "../../test/attachments.ts";
import { buildTestApp, type TestApp, type TestUser } from "../../test/test-app.ts";

/** POST /api/uploads: streamed, typed from the bytes, stored once per content, all or nothing. */
describe("uploads", () => {
  let t: TestApp;
  let ana: TestUser;
  let bia: TestUser;
  beforeAll(async () => {
    // 1 MB per file, so the limits are cheap to reach.
    t = await buildTestApp({ config: { maxUploadBytes: 1024 * 1024 } });
    ana = await t.user();
    bia = await t.user();
  });
  afterAll(() => t.close());

  const send = (user: TestUser, files: Parameters<typeof multipartBody>[0]) =>
    t.as(user, { method: "POST", url: "/api/uploads", ...multipartBody(files) });

  it("stores a file as a draft of its uploader, with the type decided from the bytes", async () => {
    const [file] = await upload(t, ana, [{ name: "print.png", content: pngBytes("a"), type: "application/pdf" }]);
    expect(file).toMatchObject({
      name: "print.png",
      safeName: "print.png",
      type: "image/png",
      kind: "image",
      target: "draft",
      size: pngBytes("a").length,
      thumbnail: true,
      inline: true,
      canDelete: true,
      createdBy: { id: ana.id },
    });
    expect(file?.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it("answers the bytes exactly as sent, as a download with nosniff and a sandbox", async () => {
    const content = Buffer.concat([pdfBytes("fatura de março"), Buffer.alloc(700_000, 7)]);
    const [file] = await upload(t, ana, [{ name: "fatura.pdf", content }]);
    const res = await t.as(ana, { method: "GET", url: `/api/attachments/${file?.id}/content` });
    expect(res.statusCode).toBe(200);
    expect(sha256(res.rawPayload)).toBe(sha256(content));
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["content-length"]).toBe(String(content.length));
    expect(res.headers["content-disposition"]).toBe(`attachment; filename="fatura.pdf"; filename*=UTF-8''fatura.pdf`);
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["content-security-policy"]).toContain("sandbox");
    expect(res.headers["cache-control"]).toContain("private");
    // Bigger than one chunk: it was stored in pieces and put back together.
    expect(await chunkCount(t)).toBeGreaterThanOrEqual(3);
  });

  it("stores the same bytes once, however many times they are uploaded", async () => {
    const content = pngBytes("dedupe");
    const blobsBefore = await blobCount(t);
    const [first] = await upload(t, ana, [{ name: "a.png", content }]);
    const [second] = await upload(t, bia, [{ name: "b.png", content }]);
    const [third, fourth] = await upload(t, ana, [
      { name: "c.png", content },
      { name: "d.png", content },
    ]);
    expect(new Set([first?.id, second?.id, third?.id, fourth?.id]).size).toBe(4);
    expect(await blobCount(t)).toBe(blobsBefore + 1);
    const rows = await t.ctx.db
      .selectFrom("attachments")
      .select("blob_id")
      .where("key", "in", [first?.id ?? "", second?.id ?? "", third?.id ?? "", fourth?.id ?? ""])
      .execute();
    expect(new Set(rows.map((r) => r.blob_id)).size).toBe(1);
    const stored = await t.ctx.db
      .selectFrom("file_blobs")
      .select(["sha256", "state"])
      .where("id", "=", rows[0]?.blob_id ?? 0)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ sha256: sha256(content), state: "ready" });
  });

  it("shows inline only what a browser shows safely: pictures and PDF", async () => {
    const [png, txt] = await upload(t, ana, [
      { name: "foto.png", content: pngBytes("inline") },
      { name: "nota.txt", content: Buffer.from("texto com <script>alert(1)</script> dentro") },
    ]);
    const inline = await t.as(ana, { method: "GET", url: `/api/attachments/${png?.id}/content?disposition=inline` });
    expect(inline.headers["content-disposition"]).toMatch(/^inline;/);
    const text = await t.as(ana, { method: "GET", url: `/api/attachments/${txt?.id}/content?disposition=inline` });
    expect(text.headers["content-disposition"]).toMatch(/^attachment;/);
    expect(text.headers["content-type"]).toBe("text/plain; charset=utf-8");
    expect(txt).toMatchObject({ inline: false, thumbnail: false, kind: "text" });
  });

  it("refuses a .pdf that is really HTML, HTML and unknown binaries, and SVG unless allowed", async () => {
    const cases: [string, Buffer, string][] = [
      ["boleto.pdf", Buffer.from("<!DOCTYPE html><html><script>alert(1)</script></html>"), "file_type_refused"],
      ["pagina.html", Buffer.from("<html><body>oi</body></html>"), "file_type_refused"],
      [
        "imagem.svg",
        Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        "file_type_refused",
      ],
      [
        "programa.exe",
        Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, ...Array(200).fill(0)]),
        "file_type_refused",
      ],
      ["contrato.pdf", Buffer.from("só texto, nada de PDF"), "file_type_mismatch"],
      ["foto.png", pdfBytes(), "file_type_mismatch"],
    ];
    const blobsBefore = await blobCount(t);
    for (const [name, content, reason] of cases) {
      const res = await send(ana, [{ name, content, type: "application/pdf" }]);
      expect(res.statusCode, `${name}: ${res.body}`).toBe(415);
      expect(res.json().error).toMatchObject({ code: "unsupported_media_type", reason });
      expect(res.json().error.message).toContain(name);
    }
    expect(await blobCount(t)).toBe(blobsBefore);
  });

  it("takes XML (an NF-e), CSV in Latin-1, office documents and zip", async () => {
    const zip = Buffer.from("504b0506000000000000000000000000000000000000", "hex");
    const files = await upload(t, ana, [
      {
        name: "NFe3526.xml",
        content: Buffer.from('<?xml version="1.0" encoding="UTF-8"?><nfeProc versao="4.00"></nfeProc>'),
      },
      { name: "títulos.csv", content: Buffer.from("código;descrição\n1;Conceição\n", "latin1") },
      { name: "arquivos.zip", content: zip },
      { name: "nfe-sem-prologo.xml", content: Buffer.from('<nfeProc versao="4.00"><NFe/></nfeProc>') },
    ]);
    expect(files.map((f) => [f.kind, f.type])).toEqual([
      ["xml", "application/xml"],
      ["text", "text/csv"],
      ["zip", "application/zip"],
      ["xml", "application/xml"],
    ]);
  });

  it("refuses a file over the limit, with its name and the limit, and keeps nothing of the request", async () => {
    const blobsBefore = await blobCount(t);
    const drafts = await t.ctx.db.selectFrom("attachments").select("id").execute();
    const res = await send(ana, [
      { name: "ok.png", content: pngBytes("before-big") },
      { name: "grande.pdf", content: Buffer.concat([pdfBytes(), Buffer.alloc(1024 * 1024)]) },
    ]);
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({ code: "payload_too_large", reason: "file_too_large" });
    expect(res.json().error.message).toBe("grande.pdf: o arquivo passa de 1 MB, o tamanho máximo por arquivo.");
    expect(await blobCount(t)).toBe(blobsBefore);
    expect(await t.ctx.db.selectFrom("attachments").select("id").execute()).toEqual(drafts);
  });

  it("takes a file of exactly the limit", async () => {
    const content = Buffer.concat([pdfBytes()]);
    const padded = Buffer.concat([content, Buffer.alloc(1024 * 1024 - content.length, 32)]);
    const [file] = await upload(t, bia, [{ name: "limite.pdf", content: padded }]);
    expect(file?.size).toBe(1024 * 1024);
  });

  it("refuses more files than a request takes, empty files and a request with no file", async () => {
    const many = Array.from({ length: 11 }, (_, i) => ({ name: `f${i}.txt`, content: Buffer.from(`arquivo ${i}`) }));
    const tooMany = await send(bia, many);
    expect(tooMany.statusCode).toBe(413);
    expect(tooMany.json().error.reason).toBe("too_many_files");
    const empty = await send(bia, [{ name: "vazio.txt", content: Buffer.alloc(0) }]);
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error).toMatchObject({ reason: "empty_file", message: "vazio.txt: o arquivo está vazio." });
    const none = await t.as(bia, { method: "POST", url: "/api/uploads", ...multipartBody([], { nome: "x" }) });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.reason).toBe("no_file");
  });

  it("refuses what is not multipart, and multipart that is broken", async () => {
    const json = await t.as(bia, { method: "POST", url: "/api/uploads", payload: { file: "x" } });
    expect(json.statusCode).toBe(415);
    expect(json.json().error.reason).toBe("upload_multipart_only");
    const octets = await t.as(bia, {
      method: "POST",
      url: "/api/uploads",
      payload: pngBytes(),
      headers: { "content-type": "image/png" },
    });
    expect(octets.statusCode).toBe(415);
    expect(octets.json().error.reason).toBe("upload_multipart_only");
    const body = multipartBody([{ name: "x.txt", content: Buffer.from("texto") }]);
    const cut = await t.as(bia, {
      method: "POST",
      url: "/api/uploads",
      payload: body.payload.subarray(0, body.payload.length - 30),
      headers: body.headers,
    });
    expect(cut.statusCode).toBe(400);
    expect(cut.json().error.reason).toBe("malformed_upload");
  });

  it("keeps names as given (path and bidi characters too) and cleans them for downloads", async () => {
    const rtl = "fatura\u202Efdp.exe";
    const [up, bidi] = await upload(t, ana, [
      { name: "../../etc/passwd.txt", content: Buffer.from("root:x:0:0") },
      { name: `${rtl}.pdf`, content: pdfBytes("rtl") },
    ]);
    expect(up).toMatchObject({ name: "../../etc/passwd.txt", safeName: "passwd.txt" });
    expect(bidi).toMatchObject({ name: `${rtl}.pdf`, safeName: "faturafdp.exe.pdf" });
    const res = await t.as(ana, { method: "GET", url: `/api/attachments/${bidi?.id}/content` });
    expect(res.headers["content-disposition"]).toBe(
      `attachment; filename="faturafdp.exe.pdf"; filename*=UTF-8''faturafdp.exe.pdf`,
    );
    const accents = await upload(t, ana, [{ name: "relatório de ação.txt", content: Buffer.from("texto") }]);
    const plain = await t.as(ana, { method: "GET", url: `/api/attachments/${accents[0]?.id}/content` });
    expect(plain.headers["content-disposition"]).toBe(
      `attachment; filename="relatorio de acao.txt"; filename*=UTF-8''relat%C3%B3rio%20de%20a%C3%A7%C3%A3o.txt`,
    );
  });

  it("limits what a user's drafts may hold (the quota), naming both figures", async () => {
    const carla = await t.user();
    // 4 MB of drafts per user at 1 MB per file.
    const big = (salt: string) => Buffer.concat([pdfBytes(salt), Buffer.alloc(1000 * 1024, salt.charCodeAt(0))]);
    await upload(t, carla, [
      { name: "1.pdf", content: big("1") },
      { name: "2.pdf", content: big("2") },
      { name: "3.pdf", content: big("3") },
      { name: "4.pdf", content: big("4") },
    ]);
    const over = await send(carla, [{ name: "5.pdf", content: big("5") }]);
    expect(over.statusCode).toBe(413);
    expect(over.json().error.reason).toBe("upload_quota");
    expect(over.json().error.message).toMatch(/limite é 4 MB/);
    const limits = await t.as(carla, { method: "GET", url: "/api/uploads/limits" });
    expect(limits.json()).toMatchObject({
      maxFileBytes: 1024 * 1024,
      maxFiles: 10,
      quotaBytes: 4 * 1024 * 1024,
      kinds: ["image", "pdf", "xml", "office", "text", "zip"],
    });
    expect(limits.json().usedBytes).toBeGreaterThan(4_000_000);
  });

  it("shows a draft to its uploader only, and lets them remove it", async () => {
    const [file] = await upload(t, ana, [{ name: "meu.txt", content: Buffer.from("rascunho da ana") }]);
    expect((await t.as(bia, { method: "GET", url: `/api/attachments/${file?.id}` })).statusCode).toBe(404);
    expect((await t.as(bia, { method: "GET", url: `/api/attachments/${file?.id}/content` })).statusCode).toBe(404);
    expect((await t.as(bia, { method: "DELETE", url: `/api/attachments/${file?.id}` })).statusCode).toBe(404);
    expect((await t.as(ana, { method: "GET", url: `/api/attachments/${file?.id}` })).json().name).toBe("meu.txt");
    expect((await t.as(ana, { method: "DELETE", url: `/api/attachments/${file?.id}` })).statusCode).toBe(204);
    expect((await t.as(ana, { method: "GET", url: `/api/attachments/${file?.id}` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: "GET", url: `/api/attachments/${file?.id}` })).statusCode).toBe(401);
  });

  it("makes a thumbnail of a picture once, and none of other files", async () => {
    const [png, pdf] = await upload(t, ana, [
      { name: "foto.png", content: pngBytes("thumb") },
      { name: "doc.pdf", content: pdfBytes("thumb") },
    ]);
    const thumb = await t.as(ana, { method: "GET", url: `/api/attachments/${png?.id}/thumbnail` });
    expect(thumb.statusCode).toBe(200);
    expect(thumb.headers["content-type"]).toBe("image/webp");
    expect(thumb.rawPayload.subarray(8, 12).toString("ascii")).toBe("WEBP");
    const again = await t.as(ana, { method: "GET", url: `/api/attachments/${png?.id}/thumbnail` });
    expect(sha256(again.rawPayload)).toBe(sha256(thumb.rawPayload));
    const rows = await t.ctx.db.selectFrom("file_thumbnails").select("blob_id").execute();
    expect(rows.length).toBe(1);
    const none = await t.as(ana, { method: "GET", url: `/api/attachments/${pdf?.id}/thumbnail` });
    expect(none.statusCode).toBe(404);
    expect(none.json().error.reason).toBe("thumbnail_unavailable");
  });
});
