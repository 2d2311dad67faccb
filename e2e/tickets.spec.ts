import type { Locator, Page } from "@playwright/test";
import { checkA11y, expect, login, test } from "./support/test.ts";

// The demo company (VINCULO_DEMO=1 in playwright.config.ts): the support user has Atendimentos and
// Produção with write on customers; João Carlos da Silva (000001) is a customer and a supplier.
// The demo already has tickets for João, so every subject here carries a timestamp.
const ATENDENTE = { username: "atendente", password: "atendente123" };
const JOAO = "João Carlos da Silva";

async function openJoao(page: Page) {
  await page.goto("/pessoas/000001");
  await expect(page.getByRole("heading", { level: 1, name: JOAO })).toBeVisible();
  await checkA11y(page, "pessoa");
}

/** Picks an option of a Mantine Select by its label. */
async function choose(scope: Locator, page: Page, label: string, option: string) {
  await scope.getByRole("combobox", { name: label }).click();
  await page.getByRole("option", { name: option, exact: true }).click();
}

/** The number in a notification such as "Atendimento 4512 aberto.". */
async function numberFrom(page: Page, pattern: RegExp): Promise<number> {
  const notice = page.getByText(pattern).last();
  await expect(notice).toBeVisible();
  const match = pattern.exec((await notice.textContent()) ?? "");
  expect(match).not.toBeNull();
  return Number(match?.[1]);
}

const ticketItem = (page: Page, number: number, subject: string) =>
  page.getByRole("listitem", { name: `Atendimento ${number}: ${subject}` });

const moreActions = async (page: Page, number: number, item: string) => {
  await page.getByRole("button", { name: `Mais ações do atendimento ${number}` }).click();
  await page.getByRole("menuitem", { name: item }).click();
};

test("atendente abre, comenta, altera, duplica e encerra um atendimento; a Produção fica à parte", async ({ page }) => {
  test.setTimeout(120_000);
  const ts = Date.now();
  const subject = `Impressora não imprime ${ts}`;
  const newSubject = `Impressora não imprime ${ts} — papel atolado`;
  const firstNote = "Cliente relata que a impressora fiscal não imprime.\nJá reiniciamos o equipamento.";
  const htmlNote = "Enviado técnico. <b>negrito</b>";
  const closingNote = "Troca do cabo resolveu. Encerrando.";

  await login(page, ATENDENTE.username, ATENDENTE.password);
  await openJoao(page);
  await page.getByRole("tab", { name: "Atendimentos" }).click();
  await expect(page).toHaveURL(/aba=atendimentos/);
  await expect(page.getByRole("button", { name: "Novo atendimento" })).toBeVisible();
  await checkA11y(page, "aba Atendimentos");

  // Novo atendimento: the shared schema's rules on the fields, only this area's types offered.
  await page.getByRole("button", { name: "Novo atendimento" }).click();
  const create = page.getByRole("dialog", { name: "Novo atendimento" });
  await create.getByRole("button", { name: "Abrir atendimento" }).click();
  await expect(create.getByRole("combobox", { name: "Tipo de atendimento" })).toHaveAccessibleDescription(
    /Escolha o tipo de atendimento/,
  );
  await expect(create.getByRole("textbox", { name: "Assunto" })).toHaveAttribute("aria-invalid", "true");
  await checkA11y(page, "Novo atendimento, com os erros");
  await create.getByRole("combobox", { name: "Tipo de atendimento" }).click();
  await expect(page.getByRole("option", { name: "Suporte técnico" })).toBeVisible();
  await expect(page.getByRole("option", { name: "Correção de defeito" })).toHaveCount(0);
  await page.getByRole("option", { name: "Suporte técnico", exact: true }).click();
  await choose(create, page, "Setor", "Suporte");
  await create.getByRole("textbox", { name: "Assunto" }).fill(subject);
  await create.getByRole("textbox", { name: "Primeiro parecer" }).fill(firstNote);
  await create.getByRole("button", { name: "Abrir atendimento" }).click();
  await expect(create).toBeHidden();
  const number = await numberFrom(page, /Atendimento (\d+) aberto\./);
  const item = ticketItem(page, number, subject);
  await expect(item).toBeVisible();
  await expect(item).toContainText("Suporte técnico");
  await expect(item).toContainText(/Aberto em \d{2}\/\d{2}\/\d{4} \d{2}:\d{2} por Aline Atendente/);

  // Parecer, with markup that must stay text.
  await page.getByRole("button", { name: `Parecer no atendimento ${number}` }).click();
  const noteDialog = page.getByRole("dialog", { name: `Parecer no atendimento ${number}` });
  await expect(noteDialog.getByRole("textbox", { name: "Parecer" })).toBeVisible();
  await checkA11y(page, "Parecer");
  await noteDialog.getByRole("textbox", { name: "Parecer" }).fill(htmlNote);
  await noteDialog.getByRole("button", { name: "Incluir parecer" }).click();
  await expect(noteDialog).toBeHidden();

  // Alterar assunto leaves an automatic note.
  await moreActions(page, number, "Alterar assunto");
  const subjectDialog = page.getByRole("dialog", { name: `Alterar assunto do atendimento ${number}` });
  await expect(subjectDialog.getByRole("textbox", { name: "Novo assunto" })).toBeVisible();
  await checkA11y(page, "Alterar assunto");
  await subjectDialog.getByRole("textbox", { name: "Novo assunto" }).fill(newSubject);
  await subjectDialog.getByRole("button", { name: "Salvar assunto" }).click();
  await expect(subjectDialog).toBeHidden();
  await expect(ticketItem(page, number, newSubject)).toBeVisible();

  await page.getByRole("button", { name: `Histórico do atendimento ${number}` }).click();
  let history = page.getByRole("dialog", { name: `Histórico do atendimento ${number}` });
  await expect(history).toContainText(`Assunto alterado de “${subject}” para “${newSubject}”.`);
  await checkA11y(page, "Histórico");
  await history.getByRole("button", { name: "Fechar" }).click();
  await expect(history).toBeHidden();

  // Duplicar: asks first, then names the new ticket.
  await moreActions(page, number, "Duplicar");
  const duplicateDialog = page.getByRole("dialog", { name: `Duplicar o atendimento ${number}` });
  await expect(duplicateDialog.getByRole("button", { name: "Duplicar" })).toBeVisible();
  await checkA11y(page, "Duplicar");
  await duplicateDialog.getByRole("button", { name: "Duplicar" }).click();
  const copy = await numberFrom(page, new RegExp(`Atendimento (\\d+) criado como cópia do ${number}\\.`));
  expect(copy).toBeGreaterThan(number);
  await expect(ticketItem(page, copy, newSubject)).toBeVisible();

  // Close the original with a note: it leaves the open list…
  await page.getByRole("button", { name: `Parecer no atendimento ${number}` }).click();
  await noteDialog.getByRole("textbox", { name: "Parecer" }).fill(closingNote);
  await noteDialog.getByRole("checkbox", { name: "Encerrar o atendimento" }).check();
  await noteDialog.getByRole("button", { name: "Incluir parecer e encerrar" }).click();
  await expect(noteDialog).toBeHidden();
  await expect(ticketItem(page, number, newSubject)).toHaveCount(0);
  await expect(ticketItem(page, copy, newSubject)).toBeVisible();

  // …and is under Encerrados with its whole history, oldest first.
  await page.getByRole("radiogroup", { name: "Situação dos atendimentos" }).getByText("Encerrados").click();
  const closed = ticketItem(page, number, newSubject);
  await expect(closed).toBeVisible();
  await expect(closed).toContainText("Encerrado");
  await checkA11y(page, "atendimentos encerrados");
  await page.getByRole("button", { name: `Histórico do atendimento ${number}` }).click();
  history = page.getByRole("dialog", { name: `Histórico do atendimento ${number}` });
  await expect(history.getByRole("listitem")).toHaveText([
    /Cliente relata que a impressora fiscal não imprime\.\s*Já reiniciamos o equipamento\./,
    /Enviado técnico\. <b>negrito<\/b>/,
    new RegExp(`Assunto alterado de “${subject}” para “${newSubject}”\\.`),
    new RegExp(`Duplicado para o atendimento ${copy}\\.`),
    /Troca do cabo resolveu\. Encerrando\./,
    /Atendimento encerrado\./,
  ]);
  // Notes are plain text: the markup is shown as typed, never rendered; line breaks are kept.
  await expect(history.getByText(htmlNote, { exact: true })).toBeVisible();
  await expect(history.locator("b")).toHaveCount(0);
  expect(await history.getByText(/Cliente relata/).textContent()).toContain("\n");
  await history.getByRole("button", { name: "Fechar" }).click();

  // The copy says where it came from.
  await page.getByRole("radiogroup", { name: "Situação dos atendimentos" }).getByText("Abertos").click();
  await page.getByRole("button", { name: `Detalhes do atendimento ${copy}` }).click();
  const details = page.getByRole("dialog", { name: `Detalhes do atendimento ${copy}` });
  await expect(details.getByRole("row", { name: /Duplicado de/ })).toContainText(`Atendimento ${number}`);
  await expect(details.getByRole("row", { name: /Pessoa/ })).toContainText(`000001 — ${JOAO}`);
  await checkA11y(page, "Detalhes do atendimento");
  await details.getByRole("button", { name: "Fechar" }).click();

  // Produção: the same machine, its own types and its own list.
  const productionSubject = `Relatório de vendas trava ${ts}`;
  await page.getByRole("tab", { name: "Produção" }).click();
  await expect(page).toHaveURL(/aba=producao/);
  await expect(page.getByRole("button", { name: "Novo atendimento" })).toBeVisible();
  await checkA11y(page, "aba Produção");
  await page.getByRole("button", { name: "Novo atendimento" }).click();
  const createProduction = page.getByRole("dialog", { name: "Novo atendimento de produção" });
  await expect(createProduction.getByRole("textbox", { name: "Assunto" })).toBeVisible();
  await checkA11y(page, "Novo atendimento de produção");
  await createProduction.getByRole("combobox", { name: "Tipo de atendimento" }).click();
  await expect(page.getByRole("option", { name: "Suporte técnico" })).toHaveCount(0);
  await page.getByRole("option", { name: "Correção de defeito", exact: true }).click();
  await choose(createProduction, page, "Setor", "Desenvolvimento");
  await createProduction.getByRole("textbox", { name: "Assunto" }).fill(productionSubject);
  await createProduction.getByRole("textbox", { name: "Primeiro parecer" }).fill("Trava ao filtrar por período.");
  await createProduction.getByRole("button", { name: "Abrir atendimento" }).click();
  await expect(createProduction).toBeHidden();
  const productionNumber = await numberFrom(page, /Atendimento (\d+) aberto\./);
  await expect(ticketItem(page, productionNumber, productionSubject)).toBeVisible();
  await expect(ticketItem(page, productionNumber, productionSubject)).toContainText("Correção de defeito");

  // Not in Atendimentos, even searching for its words.
  await page.getByRole("tab", { name: "Atendimentos" }).click();
  await page.getByRole("searchbox", { name: "Buscar por assunto ou número" }).fill(String(ts));
  await expect(ticketItem(page, copy, newSubject)).toBeVisible();
  await expect(page.getByRole("listitem", { name: new RegExp(productionSubject) })).toHaveCount(0);
  await page.getByRole("searchbox", { name: "Buscar por assunto ou número" }).fill(String(productionNumber));
  await expect(page.getByText("Nenhum atendimento corresponde")).toBeVisible();

  // Meus atendimentos (Ctrl+K) opens; the list comes from the server.
  await page.keyboard.press("Control+K");
  const palette = page.getByRole("dialog", { name: "Ir para…" });
  await expect(palette.getByRole("combobox", { name: "Buscar tela ou pessoa" })).toBeVisible();
  await checkA11y(page, "paleta de comandos");
  await palette.getByRole("combobox", { name: "Buscar tela ou pessoa" }).fill("meus atend");
  await palette.getByRole("option", { name: "Meus atendimentos" }).click();
  await expect(page).toHaveURL(/\/meus-atendimentos$/);
  await expect(page.getByRole("heading", { level: 1, name: "Meus atendimentos" })).toBeVisible();
  await checkA11y(page, "Meus atendimentos");
});

test("uma alteração feita por outra pessoa recarrega o atendimento; encerrado não aceita parecer", async ({ page }) => {
  const ts = Date.now();
  const subject = `Sistema lento ${ts}`;
  test.setTimeout(90_000);
  await login(page, ATENDENTE.username, ATENDENTE.password);

  // Someone else, through the API with the same grants: the ticket changes under the open dialog.
  // (A session-cookie request must say it comes from the app's origin.)
  const headers = { Origin: new URL(page.url()).origin };
  const settings = async (path: string) =>
    ((await (await page.request.get(`/api/settings/${path}`)).json()) as { items: { id: number; name: string }[] })
      .items;
  const typeId = (await settings("ticket-types")).find((t) => t.name === "Suporte técnico")?.id;
  const sectorId = (await settings("sectors")).find((s) => s.name === "Suporte")?.id;
  const created = await page.request.post("/api/persons/1/tickets", {
    data: { area: "service", typeId, sectorId, subject, note: "Aberto por integração." },
    headers,
  });
  expect(created.status()).toBe(201);
  const ticket = (await created.json()) as { id: number; number: number; version: number };
  const current = async () =>
    ((await (await page.request.get(`/api/tickets/${ticket.id}`)).json()) as { version: number }).version;

  await page.goto("/pessoas/000001?aba=atendimentos");
  await page.getByRole("searchbox", { name: "Buscar por assunto ou número" }).fill(String(ts));
  await expect(ticketItem(page, ticket.number, subject)).toBeVisible();
  await checkA11y(page, "aba Atendimentos");

  // 412 on a subject change: the dialog says so, keeps the typed text and shows the current subject.
  await moreActions(page, ticket.number, "Alterar assunto");
  const subjectDialog = page.getByRole("dialog", { name: `Alterar assunto do atendimento ${ticket.number}` });
  await subjectDialog.getByRole("textbox", { name: "Novo assunto" }).fill(`${subject} (meu)`);
  const changed = await page.request.patch(`/api/tickets/${ticket.id}`, {
    data: { subject: `${subject} (outra pessoa)`, version: await current() },
    headers,
  });
  expect(changed.status()).toBe(200);
  await subjectDialog.getByRole("button", { name: "Salvar assunto" }).click();
  await expect(subjectDialog.getByRole("alert")).toHaveText(
    "Outra pessoa alterou este atendimento; os dados foram recarregados.",
  );
  await expect(subjectDialog).toContainText(`${subject} (outra pessoa)`);
  await checkA11y(page, "Alterar assunto, recarregado");
  await expect(subjectDialog.getByRole("textbox", { name: "Novo assunto" })).toHaveValue(`${subject} (meu)`);
  await subjectDialog.getByRole("button", { name: "Salvar assunto" }).click();
  await expect(subjectDialog).toBeHidden();
  await expect(ticketItem(page, ticket.number, `${subject} (meu)`)).toBeVisible();

  // Closed meanwhile: first the stale version (412), then the rule (409) in the server's words.
  await page.getByRole("button", { name: `Parecer no atendimento ${ticket.number}` }).click();
  const noteDialog = page.getByRole("dialog", { name: `Parecer no atendimento ${ticket.number}` });
  await noteDialog.getByRole("textbox", { name: "Parecer" }).fill("Tentativa depois do encerramento.");
  const closedElsewhere = await page.request.post(`/api/tickets/${ticket.id}/notes`, {
    data: { text: "Encerrado por outra pessoa.", close: true },
    headers,
  });
  expect(closedElsewhere.status()).toBe(201);
  await noteDialog.getByRole("button", { name: "Incluir parecer" }).click();
  await expect(noteDialog.getByRole("alert")).toHaveText(
    "Outra pessoa alterou este atendimento; os dados foram recarregados.",
  );
  await noteDialog.getByRole("button", { name: "Incluir parecer" }).click();
  await expect(noteDialog.getByRole("alert")).toHaveText(
    "Atendimento encerrado: não aceita novos pareceres. Reabra-o para continuar.",
  );
  await checkA11y(page, "Parecer recusado");
  await noteDialog.getByRole("button", { name: "Cancelar" }).click();
  await expect(ticketItem(page, ticket.number, `${subject} (meu)`)).toHaveCount(0);

  // Reabrir asks why; the ticket is open again.
  await page.getByRole("radiogroup", { name: "Situação dos atendimentos" }).getByText("Encerrados").click();
  await page.getByRole("button", { name: `Reabrir o atendimento ${ticket.number}` }).click();
  const reopen = page.getByRole("dialog", { name: `Reabrir o atendimento ${ticket.number}` });
  await reopen.getByRole("button", { name: "Reabrir" }).click();
  await expect(reopen.getByRole("textbox", { name: "Motivo da reabertura" })).toHaveAttribute("aria-invalid", "true");
  await checkA11y(page, "Reabrir, com o erro");
  await reopen.getByRole("textbox", { name: "Motivo da reabertura" }).fill("Cliente ligou de novo.");
  await reopen.getByRole("button", { name: "Reabrir" }).click();
  await expect(reopen).toBeHidden();
  await expect(page.getByText(`Atendimento ${ticket.number} reaberto.`)).toBeVisible();
  await page.getByRole("radiogroup", { name: "Situação dos atendimentos" }).getByText("Abertos").click();
  await expect(ticketItem(page, ticket.number, `${subject} (meu)`)).toBeVisible();
});
