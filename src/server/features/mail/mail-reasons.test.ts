import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { categoryIds, makePerson, userWithGrants } from "../../test/factories.ts";
import { buildTestApp, type TestApp, type TestUser } from "../../test/test-app.ts";

/** Mail's refusals name their reason (shared/reasons/work.ts) beside the pt-BR message. */
describe("mail: the reasons of refusals", () => {
  let t: TestApp;
  let admin: TestUser;
  let writer: TestUser;
  let reader: TestUser;
  let code: number;
  beforeAll(async () => {
    t = await buildTestApp();
    const cats = await categoryIds(t.ctx);
    admin = await t.user({ isAdmin: true });
    writer = await userWithGrants(t, [{ categoryId: cats.Cliente, tab: "addresses", level: "write" }]);
    reader = await userWithGrants(t, [{ categoryId: cats.Cliente, tab: "tickets", level: "read" }]);
    code = (await makePerson(t.ctx, { categoryIds: [cats.Cliente], name: "João Carlos da Silva" })).code;
  });
  afterAll(() => t.close());

  const send = (user: TestUser, payload: object) =>
    t.as(user, { method: "POST", url: `/api/persons/${code}/emails`, payload });
  const valid = { to: ["joao.silva@example.com"], subject: "Proposta comercial", body: "Segue a proposta." };

  it("names the reason of a refused message: the schema's refinement and the read-only access", async () => {
    const twoLines = await send(writer, { ...valid, subject: "Proposta\nBcc: x@example.com" });
    expect(twoLines.statusCode).toBe(400);
    expect(twoLines.json().error.details[0]).toMatchObject({
      field: "subject",
      reason: "single_line_subject",
      message: "o assunto deve ter uma só linha",
    });
    const readOnly = await send(reader, valid);
    expect(readOnly.statusCode).toBe(403);
    expect(readOnly.json().error).toMatchObject({ code: "forbidden", reason: "mail_read_only" });
  });

  it("names the reason when a message cannot be tried again", async () => {
    const sent = await send(writer, valid);
    expect(sent.statusCode, sent.body).toBe(201);
    const retry = await t.as(admin, { method: "POST", url: `/api/outbox/${sent.json().id}/retry` });
    expect(retry.statusCode).toBe(409);
    expect(retry.json().error).toMatchObject({
      code: "conflict",
      reason: "mail_not_failed",
      message: "Só uma mensagem que falhou pode ser tentada de novo.",
    });
    const missing = await t.as(admin, { method: "POST", url: "/api/outbox/999999/retry" });
    expect(missing.json().error).toMatchObject({ code: "not_found", reason: "mail_not_found" });
  });
});
