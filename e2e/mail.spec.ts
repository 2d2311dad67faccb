import fs from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";
import { checkA11y, expect, login, personCommand, serverDataDir, test } from "./support/test.ts";

// The demo company (VINCULO_DEMO=1): the support user writes for customers; João Carlos da Silva
// (000001) has a main e-mail and a second one. The e2e server has no SMTP: its worker writes every
// message as an .eml file under the data folder, which this journey reads back.
const JOAO = "João Carlos da Silva";

/** The .eml file whose subject is `subject`, once the worker has written it. */
async function emlWithSubject(subject: string) {
  const MAIL_DIR = path.join(serverDataDir(), "mail");
  const files = fs.existsSync(MAIL_DIR) ? fs.readdirSync(MAIL_DIR).filter((f) => f.endsWith(".eml")) : [];
  for (const file of files) {
    const parsed = await simpleParser(fs.readFileSync(path.join(MAIL_DIR, file)));
    if (parsed.subject === subject) return parsed;
  }
  return null;
}

test("atendente envia um e-mail a João com cópia sugerida; o administrador o vê na fila", async ({ page }) => {
  test.setTimeout(90_000);
  const subject = `Confirmação de visita técnica ${Date.now()}`;

  await login(page, "atendente", "atendente123");
  await page.goto("/pessoas/000001");
  await expect(page.getByRole("heading", { level: 1, name: JOAO })).toBeVisible();
  await checkA11y(page, "pessoa");

  await personCommand(page, "Enviar e-mail");
  const dialog = page.getByRole("dialog", { name: `Enviar e-mail para ${JOAO}` });
  await expect(dialog).toBeVisible();
  // "Para" comes filled with the main e-mail.
  await expect(dialog.getByText("joao.silva@exemplo.com.br", { exact: true })).toBeVisible();

  // Nothing typed: the fields say what is missing, and nothing is sent.
  await dialog.getByRole("button", { name: "Enviar" }).click();
  await expect(dialog.getByText("informe o assunto")).toBeVisible();
  await checkA11y(page, "Enviar e-mail, com o erro");

  // Cc: the person's other e-mail is offered.
  await dialog.getByLabel("Cópia (Cc)").click();
  await page.getByRole("option", { name: /joao\.carlos@gmail\.com/ }).click();
  await dialog.getByLabel("Assunto").fill(subject);
  await dialog.getByLabel("Mensagem").fill("Olá, João!\nA visita técnica está confirmada para amanhã às 9h.");
  await dialog.getByRole("button", { name: "Enviar" }).click();
  await expect(page.getByText("E-mail para joao.silva@exemplo.com.br na fila de envio.")).toBeVisible();
  await expect(dialog).toBeHidden();

  // "E-mails": the message is listed, and turns "Enviado" once the worker has delivered it.
  await personCommand(page, "E-mails");
  const item = page.getByRole("listitem", { name: subject });
  await expect(item).toBeVisible();
  await expect(item.getByText("Cc: joao.carlos@gmail.com")).toBeVisible();
  await expect(item.getByText("Enviado", { exact: true })).toBeVisible({ timeout: 20_000 });
  await checkA11y(page, "E-mails da pessoa");

  // Without SMTP, the message is an .eml file in the data folder.
  await expect.poll(async () => (await emlWithSubject(subject)) !== null, { timeout: 15_000 }).toBe(true);
  const eml = await emlWithSubject(subject);
  expect(eml?.from?.value[0]).toEqual({ name: "Vínculo Demonstração Ltda", address: "contato@vinculo-demo.com.br" });
  expect(eml?.replyTo?.value[0]?.address).toBe("atendente@vinculo-demo.com.br");
  expect(eml?.text).toContain("A visita técnica está confirmada");

  // The administrator sees it in the outbox, among the sent ones.
  await page.context().clearCookies();
  await login(page, "admin", "admin-e2e-123");
  await page.getByRole("button", { name: "Administração" }).click();
  await page.getByRole("menuitem", { name: "E-mails" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Fila de e-mails" })).toBeVisible();
  await page.getByText("Enviados", { exact: true }).click();
  await expect(page).toHaveURL(/situacao=sent/);
  const row = page.getByRole("row").filter({ hasText: subject });
  await expect(row).toBeVisible();
  await expect(row.getByText("Enviado", { exact: true })).toBeVisible();
  await expect(row.getByText("joao.silva@exemplo.com.br, joao.carlos@gmail.com")).toBeVisible();
  await checkA11y(page, "Fila de e-mails");
});
