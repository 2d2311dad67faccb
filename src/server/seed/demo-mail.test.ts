import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MailItem } from "../../shared/mail.schemas.ts";
import { deliverDue } from "../features/mail/outbox.delivery.ts";
import { buildTestApp, type TestApp } from "../test/test-app.ts";
import { seedDemo } from "./demo.ts";

describe("demo e-mail", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
    await seedDemo(t.ctx);
  }, 120_000);
  afterAll(() => t.close());

  it("names the company and shows João's sent e-mails, without sending anything", async () => {
    const atendente = { cookie: await t.login("atendente", "atendente123") };
    const company = await t.as(atendente, { method: "GET", url: "/api/settings/company" });
    expect(company.json()).toMatchObject({
      name: "Vínculo Demonstração Ltda",
      mailFrom: "contato@vinculo-demo.com.br",
    });
    const res = await t.as(atendente, { method: "GET", url: "/api/persons/1/emails" });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as MailItem[];
    expect(items.map((m) => m.subject)).toEqual([
      "Proposta de renovação do contrato de manutenção",
      "Confirmação do atendimento — emissão de NF-e",
    ]);
    expect(items.every((m) => m.status === "sent" && m.to[0] === "joao.silva@exemplo.com.br" && m.sentAt)).toBe(true);
    expect(items[0]?.createdBy?.name).toBe("Vicente Vendedor");
    expect(items[0]?.from).toBe("Vínculo Demonstração Ltda <contato@vinculo-demo.com.br>");
    // Demo rows are history: the worker finds nothing to deliver.
    expect((await deliverDue(t.ctx)).claimed).toBe(0);
  });
});
