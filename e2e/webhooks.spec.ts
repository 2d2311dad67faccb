import http from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook as Verifier } from "standardwebhooks";
import { checkA11y, expect, login, test } from "./support/test.ts";

// Administração › Integrações: the administrator registers a receiver on this machine, the ERP
// answers 503 for a while, the delivery waits (seen in "Entregas" with the answer), the ERP comes
// back and "Reenviar" delivers it, signed so the ERP verifies it with the Standard Webhooks library.
const ADMIN = { username: "admin", password: "admin-e2e-123" };

type Received = { headers: http.IncomingHttpHeaders; body: string };

/** The ERP's endpoint: it answers 503 until `up`, and keeps every request it got. */
async function startReceiver() {
  const received: Received[] = [];
  const state = { up: false };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(state.up ? 204 : 503).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/vinculo/eventos`, received, state, close: () => server.close() };
}

test("administrador cadastra um webhook; a entrega que falhou é reenviada e chega assinada", async ({ page }) => {
  test.setTimeout(90_000);
  const receiver = await startReceiver();
  try {
    const subject = `Pedido travado ${Date.now()}`;
    await login(page, ADMIN.username, ADMIN.password);
    await page.getByRole("button", { name: "Administração" }).click();
    await page.getByRole("menuitem", { name: "Integrações" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Integrações (webhooks)" })).toBeVisible();
    await checkA11y(page, "Integrações");

    await page.getByRole("button", { name: "Novo webhook" }).click();
    const form = page.getByRole("dialog", { name: "Novo webhook" });
    await form.getByRole("textbox", { name: "Endereço (URL)" }).fill(receiver.url);
    await form.getByRole("textbox", { name: "Descrição" }).fill("ERP — atendimentos");
    await form.getByRole("combobox", { name: "Eventos" }).click();
    await page.getByRole("option", { name: "ticket.created", exact: true }).click();
    await form.getByRole("combobox", { name: "Eventos" }).press("Escape");
    await form.getByRole("combobox", { name: "Usuário" }).click();
    await page.getByRole("option", { name: /\(admin\)$/ }).click();
    await checkA11y(page, "Novo webhook");

    // An address on this machine is refused unless the administrator says the receiver is local.
    await form.getByRole("button", { name: "Criar webhook" }).click();
    await expect(form.getByText(/^endereço da rede local ou da própria máquina/)).toBeVisible();
    await checkA11y(page, "Novo webhook, endereço local recusado");
    await form.getByRole("checkbox", { name: "Permitir endereço da rede local" }).check();
    await form.getByRole("button", { name: "Criar webhook" }).click();

    // The signing secret, this once.
    const secretDialog = page.getByRole("dialog", { name: "Segredo de assinatura" });
    const secretInput = secretDialog.getByRole("textbox", { name: "Segredo" });
    await expect(secretInput).toHaveValue(/^whsec_/);
    const secret = await secretInput.inputValue();
    await checkA11y(page, "Segredo de assinatura");
    await secretDialog.getByRole("button", { name: "Já copiei" }).click();
    await expect(secretDialog).toBeHidden();
    const row = page
      .getByRole("table", { name: "Integrações (webhooks)" })
      .getByRole("row")
      .filter({ hasText: receiver.url });
    await expect(row).toContainText("ERP — atendimentos");
    await expect(row).toContainText("Em dia");
    await expect(page.locator("body")).not.toContainText(secret);

    // A ticket opened for João (person 000001): the ERP is down, the delivery waits.
    const headers = { Origin: new URL(page.url()).origin };
    const settings = async (path: string) =>
      ((await (await page.request.get(`/api/settings/${path}`)).json()) as { items: { id: number; name: string }[] })
        .items;
    const typeId = (await settings("ticket-types")).find((t) => t.name === "Suporte técnico")?.id;
    const sectorId = (await settings("sectors")).find((s) => s.name === "Suporte")?.id;
    const created = await page.request.post("/api/persons/1/tickets", {
      data: { area: "service", typeId, sectorId, subject, note: "Pedido não integra com o ERP." },
      headers,
    });
    expect(created.status()).toBe(201);
    const ticket = (await created.json()) as { id: number };
    await expect.poll(() => receiver.received.length, { timeout: 20_000 }).toBeGreaterThan(0);

    await row.getByRole("button", { name: "Entregas" }).click();
    const drawer = page.getByRole("dialog", { name: `Entregas de ${receiver.url}` });
    const delivery = drawer.getByRole("row").filter({ hasText: "ticket.created" });
    await expect(delivery).toContainText("Pendente");
    await expect(delivery).toContainText("503");
    await checkA11y(page, "Entregas, com uma pendente");

    // The ERP is back: "Reenviar" sends it now instead of at the next backoff step.
    receiver.state.up = true;
    await delivery.getByRole("button", { name: /^Reenviar a entrega/ }).click();
    await expect(delivery).toContainText("Entregue", { timeout: 20_000 });
    await drawer
      .locator("label")
      .filter({ hasText: /^Entregue$/ })
      .click();
    await expect(drawer.getByRole("radio", { name: "Entregue" })).toBeChecked();
    await expect(drawer.getByRole("row").filter({ hasText: "ticket.created" })).toHaveCount(1);
    await checkA11y(page, "Entregas entregues");
    await page.keyboard.press("Escape");
    await expect(drawer).toBeHidden();
    await expect(row).toContainText("Em dia");

    // Every attempt is the same message (one webhook-id), signed with the secret shown once.
    const last = receiver.received.at(-1) as Received;
    expect(new Set(receiver.received.map((r) => r.headers["webhook-id"])).size).toBe(1);
    const payload = new Verifier(secret).verify(last.body, {
      "webhook-id": String(last.headers["webhook-id"]),
      "webhook-timestamp": String(last.headers["webhook-timestamp"]),
      "webhook-signature": String(last.headers["webhook-signature"]),
    }) as { type: string; data: { personCode: number; refs: { ticketId?: number } } };
    expect(payload.type).toBe("ticket.created");
    expect(payload.data.personCode).toBe(1);
    expect(JSON.stringify(payload.data.refs)).toContain(String(ticket.id));
    expect(last.body).not.toContain(subject);

    // Switched off, then removed.
    await row.getByRole("button", { name: `Ações do webhook ${receiver.url}` }).click();
    await page.getByRole("menuitem", { name: "Editar" }).click();
    const edit = page.getByRole("dialog", { name: "Editar webhook" });
    const active = edit.getByRole("switch", { name: /^Ativo/ });
    await active.focus();
    await page.keyboard.press("Space");
    await expect(active).not.toBeChecked();
    await checkA11y(page, "Editar webhook");
    await edit.getByRole("button", { name: "Salvar" }).click();
    await expect(edit).toBeHidden();
    await expect(row).toContainText("Inativo");
    await row.getByRole("button", { name: `Ações do webhook ${receiver.url}` }).click();
    await page.getByRole("menuitem", { name: "Excluir" }).click();
    const confirm = page.getByRole("dialog", { name: "Excluir webhook" });
    await checkA11y(page, "Excluir webhook");
    await confirm.getByRole("button", { name: "Excluir" }).click();
    await expect(page.getByText("Webhook excluído.")).toBeVisible();
    await expect(row).toHaveCount(0);
  } finally {
    receiver.close();
  }
});
