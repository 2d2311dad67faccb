import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pdfBytes, pngBytes, sha256, upload } from "../../test/attachments.ts";
import { categoryIds, makePerson, userWithGrants } from "../../test/factories.ts";
import { type SmtpPeer, startSmtpPeer } from "../../test/smtp-peer.ts";
import { buildTestApp, type TestApp, type TestUser } from "../../test/test-app.ts";
import { deliverDue } from "../mail/outbox.delivery.ts";

/** Files in "Enviar e-mail": queued with the message, sent by the worker, still sent after a restart. */
describe("attachments in the send-e-mail dialog", () => {
  let t: TestApp;
  let peer: SmtpPeer;
  let admin: TestUser;
  let code: number;
  beforeAll(async () => {
    peer = await startSmtpPeer();
    t = await buildTestApp({ config: { smtpUrl: "" } });
    admin = await t.user({ isAdmin: true });
    code = (
      await makePerson(t.ctx, {
        categoryIds: [(await categoryIds(t.ctx)).Cliente],
        emails: [{ address: "cliente@example.com", isMain: true }],
      })
    ).code;
    const smtp = await t.as(admin, { method: "GET", url: "/api/settings/smtp" });
    const set = await t.as(admin, {
      method: "PATCH",
      url: "/api/settings/smtp",
      payload: { host: "127.0.0.1", port: peer.port, secure: false, enabled: true, version: smtp.json().version },
    });
    expect(set.statusCode).toBe(200);
  });
  afterAll(async () => {
    await t.close();
    await peer.stop();
  });

  const send = (user: TestUser, attachments: (string | undefined)[]) =>
    t.as(user, {
      method: "POST",
      url: `/api/persons/${code}/emails`,
      payload: { to: ["cliente@example.com"], subject: "Boleto e nota", body: "Seguem os arquivos.", attachments },
    });

  it("sends the files as attachments, byte for byte, from another server after a restart", async () => {
    const boleto = pdfBytes("boleto de abril");
    const foto = pngBytes("foto do equipamento");
    const files = await upload(t, admin, [
      { name: "boleto abril.pdf", content: boleto },
      { name: "equipamento\u202Egnp.exe", content: foto },
    ]);
    const res = await send(
      admin,
      files.map((f) => f.id),
    );
    expect(res.statusCode, res.body).toBe(201);
    // The drafts are the message's now: not attachable again, not removable.
    expect((await send(admin, [files[0]?.id])).statusCode).toBe(400);
    const removed = await t.as(admin, { method: "DELETE", url: `/api/attachments/${files[0]?.id}` });
    expect(removed.json().error.reason).toBe("mail_attachment_permanent");
    // The server that queued it stops; another one (a restart) delivers it.
    const restarted = await t.reopen();
    expect(await deliverDue(restarted.ctx)).toMatchObject({ claimed: 1, sent: 1 });
    await restarted.close();
    expect(peer.received).toHaveLength(1);
    const parsed = peer.received[0]?.parsed;
    const attached = parsed?.attachments ?? [];
    expect(attached.map((a) => [a.filename, a.contentType])).toEqual([
      ["boleto abril.pdf", "application/pdf"],
      ["equipamentognp.exe", "image/png"],
    ]);
    expect(sha256(attached[0]?.content ?? Buffer.alloc(0))).toBe(sha256(boleto));
    expect(sha256(attached[1]?.content ?? Buffer.alloc(0))).toBe(sha256(foto));
    expect(parsed?.text?.trim()).toBe("Seguem os arquivos.");
  });

  it("refuses another user's draft and queues nothing", async () => {
    const cats = await categoryIds(t.ctx);
    const writer = await userWithGrants(t, [{ categoryId: cats.Cliente, tab: "addresses", level: "write" }]);
    const [theirs] = await upload(t, admin, [{ name: "do admin.pdf", content: pdfBytes("alheio") }]);
    const before = (await t.ctx.db.selectFrom("mail_outbox").select("id").execute()).length;
    const res = await send(writer, [theirs?.id]);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({ field: "attachments.0", reason: "draft_not_found" });
    expect((await t.ctx.db.selectFrom("mail_outbox").select("id").execute()).length).toBe(before);
  });
});
