import type { Page } from "@playwright/test";
import { checkA11y, expect, expectAllChecked, freshPage, login, test } from "./support/test.ts";

// Live screens (issue 14): the demo company's gerente keeps João's (000001) tickets open while the
// atendente, in a browser of her own, adds a parecer and then closes the ticket. The gerente's
// screen follows without a reload, through GET /api/events.
const JOAO = { path: "/pessoas/000001", code: 1, name: "João Carlos da Silva" };

type Listed = { id: number; name: string };

/** A new open ticket for João, made through the API in the atendente's browser (its Origin and cookie). */
async function newTicket(page: Page, subject: string): Promise<{ id: number; number: number }> {
  return page.evaluate(
    async ({ code, subject }) => {
      const get = async (url: string) => (await fetch(url)).json();
      const types = await get("/api/settings/ticket-types");
      const sectors = await get("/api/settings/sectors");
      const list = (b: unknown) => (Array.isArray(b) ? b : ((b as { items: unknown[] }).items ?? [])) as Listed[];
      const type = list(types).find((t) => t.name === "Suporte técnico") ?? list(types)[0];
      const sector = list(sectors)[0];
      const res = await fetch(`/api/persons/${code}/tickets`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          area: "service",
          typeId: type?.id,
          subject,
          sectorId: sector?.id,
          note: "Aberto para o teste.",
        }),
      });
      if (res.status !== 201) throw new Error(`ticket: ${res.status} ${await res.text()}`);
      return res.json();
    },
    { code: JOAO.code, subject },
  );
}

test("o que a atendente faz num atendimento aparece na tela do gerente sem recarregar", async ({ page, browser }) => {
  test.setTimeout(90_000);
  const subject = `Tela ao vivo ${Date.now()}`;
  const note = `Parecer ao vivo ${Date.now()}`;

  const atendente = await freshPage(browser);
  await login(atendente, "atendente", "atendente123");
  const ticket = await newTicket(atendente, subject);

  // The gerente opens João's tickets and the new ticket's history.
  await login(page, "gerente", "gerente123");
  await page.goto(`${JOAO.path}?aba=atendimentos`);
  await expect(page.getByRole("heading", { level: 1, name: JOAO.name })).toBeVisible();
  const item = page.getByRole("listitem", { name: `Atendimento ${ticket.number}: ${subject}` });
  await expect(item).toBeVisible();
  await checkA11y(page, "aba Atendimentos");
  await page.getByRole("button", { name: `Histórico do atendimento ${ticket.number}` }).click();
  const history = page.getByRole("dialog", { name: `Histórico do atendimento ${ticket.number}` });
  await expect(history.getByText("Aberto para o teste.")).toBeVisible();
  await checkA11y(page, "Histórico");

  // The atendente adds a parecer through her screen.
  await atendente.goto(`${JOAO.path}?aba=atendimentos`);
  await expect(atendente.getByRole("listitem", { name: `Atendimento ${ticket.number}: ${subject}` })).toBeVisible();
  await checkA11y(atendente, "aba Atendimentos");
  await atendente.getByRole("button", { name: `Parecer no atendimento ${ticket.number}` }).click();
  const noteDialog = atendente.getByRole("dialog", { name: `Parecer no atendimento ${ticket.number}` });
  await noteDialog.getByRole("textbox", { name: "Parecer" }).fill(note);
  await checkA11y(atendente, "Parecer");
  await noteDialog.getByRole("button", { name: "Incluir parecer" }).click();
  await expect(noteDialog).toBeHidden();

  // …and it shows in the gerente's open history within seconds, with no reload.
  await expect(history.getByText(note)).toBeVisible({ timeout: 5_000 });
  await history.getByRole("button", { name: "Fechar" }).click();
  await expect(history).toBeHidden();

  // The atendente closes the ticket: it leaves the gerente's list of open tickets.
  await atendente.getByRole("button", { name: `Parecer no atendimento ${ticket.number}` }).click();
  await noteDialog.getByRole("textbox", { name: "Parecer" }).fill("Resolvido. Encerrando.");
  await noteDialog.getByRole("checkbox", { name: "Encerrar o atendimento" }).check();
  await noteDialog.getByRole("button", { name: "Incluir parecer e encerrar" }).click();
  await expect(noteDialog).toBeHidden();
  await expect(item).toHaveCount(0, { timeout: 5_000 });

  await expectAllChecked(atendente);
  await atendente.context().close();
});
