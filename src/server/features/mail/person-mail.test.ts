import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MailItem } from "../../../shared/mail.schemas.ts";
import { categoryIds, makePerson, userWithGrants } from "../../test/factories.ts";
import { buildTestApp, type TestApp, type TestUser } from "../../test/test-app.ts";

/** "Enviar e-mail" on the person screen: recipients, sending, the person's E-mails list, access. */
describe("mail: send e-mail to a person", () => {
  let t: TestApp;
  let admin: TestUser;
  let writer: TestUser;
  let reader: TestUser;
  let supplierOnly: TestUser;
  let code: number;

  beforeAll(async () => {
    t = await buildTestApp();
    const cats = await categoryIds(t.ctx);
    admin = await t.user({ isAdmin: true });
    writer = await userWithGrants(t, [{ categoryId: cats.Cliente, tab: "addresses", level: "write" }]);
    reader = await userWithGrants(t, [{ categoryId: cats.Cliente, tab: "tickets", level: "read" }]);
    supplierOnly = await userWithGrants(t, [{ categoryId: cats.Fornecedor, tab: "tickets", level: "write" }]);
    code = (
      await makePerson(t.ctx, {
        categoryIds: [cats.Cliente],
        name: "João Carlos da Silva",
        emails: [
          { address: "joao.pessoal@example.com", isMain: false },
          { address: "joao.silva@example.com", isMain: true },
        ],
      })
    ).code;
    const contact = await makePerson(t.ctx, {
      categoryIds: [cats.Cliente],
      name: "Maria Aparecida Souza",
      emails: [{ address: "maria.souza@example.com", isMain: true }],
    });
    const hidden = await makePerson(t.ctx, {
      categoryIds: [cats.Fornecedor],
      name: "Fornecedor Sigiloso",
      emails: [{ address: "sigilo@example.com", isMain: true }],
    });
    const types = await t.ctx.db.selectFrom("relationship_types").select(["id", "name"]).execute();
    const contato = types.find((r) => r.name === "Contato")?.id;
    for (const other of [contact.code, hidden.code]) {
      const linked = await t.as(admin, {
        method: "POST",
        url: `/api/persons/${code}/related`,
        payload: { relatedCode: other, typeId: contato },
      });
      expect(linked.statusCode).toBe(201);
    }
  });
  afterAll(() => t.close());

  const count = async () =>
    Number(
      (
        await t.ctx.db
          .selectFrom("mail_outbox")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const send = (user: TestUser, payload: object, query = "") =>
    t.as(user, { method: "POST", url: `/api/persons/${code}/emails${query}`, payload });
  const valid = { to: ["joao.silva@example.com"], subject: "Proposta comercial", body: "Segue a proposta." };

  it("offers the main e-mail, the person's others and related persons' main e-mails the user may see", async () => {
    const res = await t.as(writer, { method: "GET", url: `/api/persons/${code}/email-recipients` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      main: "joao.silva@example.com",
      suggestions: [
        { address: "joao.pessoal@example.com", label: "João Carlos da Silva" },
        { address: "maria.souza@example.com", label: "Maria Aparecida Souza" },
      ],
    });
    // The administrator sees the supplier too.
    const all = await t.as(admin, { method: "GET", url: `/api/persons/${code}/email-recipients` });
    expect(all.json().suggestions.map((s: { address: string }) => s.address)).toContain("sigilo@example.com");
  });

  it("queues the message with the user as Reply-To and lists it on the person, newest first", async () => {
    const first = await send(writer, { ...valid, cc: ["maria.souza@example.com"] });
    expect(first.statusCode).toBe(201);
    const item = first.json() as MailItem;
    expect(item).toMatchObject({
      kind: "person",
      status: "queued",
      to: ["joao.silva@example.com"],
      cc: ["maria.souza@example.com"],
      subject: "Proposta comercial",
      replyTo: `${writer.username}@example.com`,
      from: "Vínculo <vinculo@localhost>",
      person: { code, name: "João Carlos da Silva" },
      sentAt: null,
    });
    expect(item.createdBy?.id).toBe(writer.id);
    const second = await send(writer, { ...valid, subject: "Segunda mensagem" });
    expect(second.statusCode).toBe(201);

    // A reader sees the list, page by page.
    const page1 = await t.as(reader, { method: "GET", url: `/api/persons/${code}/emails?limit=1` });
    expect(page1.statusCode).toBe(200);
    expect(page1.json().items.map((m: MailItem) => m.subject)).toEqual(["Segunda mensagem"]);
    const page2 = await t.as(reader, {
      method: "GET",
      url: `/api/persons/${code}/emails?limit=1&cursor=${page1.json().nextCursor}`,
    });
    expect(page2.json().items.map((m: MailItem) => m.subject)).toEqual(["Proposta comercial"]);
    expect(page2.json().nextCursor).toBeNull();
    expect((await t.as(reader, { method: "GET", url: `/api/persons/${code}/emails?cursor=xyz` })).statusCode).toBe(400);
  });

  it("refuses bad input with a 400 naming the field, and queues nothing", async () => {
    const before = await count();
    const cases: [object, string][] = [
      [{ ...valid, to: [] }, "to"],
      [{ ...valid, to: ["joao.silva@example.com", "não é e-mail"] }, "to.1"],
      [{ ...valid, cc: ["ok@example.com", "ok2@example.com", "mal@"] }, "cc.2"],
      [{ ...valid, subject: "   " }, "subject"],
      [{ ...valid, subject: "Linha 1\nBcc: alguem@example.com" }, "subject"],
      [{ ...valid, body: "" }, "body"],
      [{ ...valid, to: Array.from({ length: 21 }, (_, i) => `p${i}@example.com`) }, "to"],
      [{ subject: "Sem destinatário", body: "x" }, "to"],
    ];
    for (const [payload, field] of cases) {
      const res = await send(writer, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    expect(await count()).toBe(before);
  });

  it("needs write on some tab of the category to send; 404 for a person the user cannot see", async () => {
    const before = await count();
    const ro = await send(reader, valid);
    expect(ro.statusCode).toBe(403);
    // A category the person does not have (or where the user only reads) gives no write either.
    const cats = await categoryIds(t.ctx);
    expect((await send(writer, valid, `?category=${cats.Fornecedor}`)).statusCode).toBe(403);
    expect((await send(writer, valid, `?category=${cats.Cliente}`)).statusCode).toBe(201);
    for (const [method, url] of [
      ["POST", `/api/persons/${code}/emails`],
      ["GET", `/api/persons/${code}/emails`],
      ["GET", `/api/persons/${code}/email-recipients`],
    ] as const) {
      const res = await t.as(supplierOnly, { method, url, ...(method === "POST" && { payload: valid }) });
      expect(res.statusCode, url).toBe(404);
    }
    expect(await count()).toBe(before + 1);
  });
});
