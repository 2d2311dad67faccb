import type { Locator, Page } from "@playwright/test";
import { checkA11y, expect, login, test } from "./support/test.ts";

// The demo company's money tabs (src/server/seed/demo-finance.ts), dated around today:
// - João (000001) has NF 4101 (R$ 2.890,00, due 45 days ago, Boleto; fine 2 %, interest 1 % a
//   month pro rata) open and NF 4107 (R$ 2.100,50, due 140 days ago, paid 3 days early) settled;
// - the `vendedor` user is Vicente Araújo Mendes, a representative: from João he has one open
//   commission (last month), one pending (this month) and closed ones in the closings of two and
//   three months ago; the closing of two months ago also has a debit adjustment of R$ 45,00;
// - João's contract CT-1001 is billed monthly: donated four months ago, suspended three months ago,
//   charged in the other past months, pending this month.
// `financeiro` sees the Conta corrente tab (read grant) but is linked to no seller.
const VENDEDOR = { username: "vendedor", password: "vendedor123" };
const FINANCEIRO = { username: "financeiro", password: "financeiro123" };
const JOAO = "João Carlos da Silva";
const PRODUCTS = /Licença ERP Gestão|Módulo Fiscal|Implantação|Treinamento|Suporte anual/;
const REASON = "Disponível somente para usuários vinculados a um funcionário ou representante.";

// ——— calendar dates as the server computes them: today in São Paulo, plain day arithmetic ———

function todayInSaoPaulo(): { y: number; m: number; d: number } {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: "America/Sao_Paulo" }).format(new Date()).split("-");
  return { y: Number(parts[0]), m: Number(parts[1]), d: Number(parts[2]) };
}
const pad = (n: number) => String(n).padStart(2, "0");
/** Today plus `days`, as dd/mm/aaaa (UTC arithmetic on a calendar date: no time zone involved). */
function dayFromToday(days: number): string {
  const { y, m, d } = todayInSaoPaulo();
  const date = new Date(Date.UTC(y, m - 1, d + days));
  return `${pad(date.getUTCDate())}/${pad(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`;
}
/** The month `back` months before this one, as mm/aaaa. */
function monthBack(back: number): string {
  const { y, m } = todayInSaoPaulo();
  const date = new Date(Date.UTC(y, m - 1 - back, 1));
  return `${pad(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`;
}

// ——— helpers ———

const radio = (page: Page, group: string, option: string) =>
  page.getByRole("radiogroup", { name: group }).getByText(option, { exact: true }).click();

/** The body rows of a table (the header row left out). */
const bodyRows = (table: Locator) => table.locator("tbody tr");

/** Intl writes a no-break space after "R$"; match either. */
const money = (text: string) => new RegExp(text.replace("R$ ", "R\\$\\s").replace(/\./g, "\\."));

test("vendedor lê os títulos, a conta corrente e as cobranças de contrato do cliente", async ({ page }) => {
  test.setTimeout(120_000);
  await login(page, VENDEDOR.username, VENDEDOR.password);
  await page.getByRole("combobox", { name: "Buscar pessoa" }).fill("joao carlos");
  await page.getByRole("option", { name: new RegExp(JOAO) }).click();
  await expect(page).toHaveURL(/\/pessoas\/000001(\?|$)/);
  await expect(page.getByRole("heading", { level: 1, name: JOAO })).toBeVisible();
  await checkA11y(page, "pessoa");

  // ——— A receber: Abertos, oldest due first, the overdue one in red with its days ———
  await page.getByRole("tab", { name: "A receber" }).click();
  await expect(page).toHaveURL(/aba=a-receber/);
  const totals = page.getByLabel("Totais dos títulos");
  await expect(totals).toContainText("Em aberto");
  await expect(totals).toContainText(/Vencido\s*R\$\s[\d.]+,\d{2}/);
  const open = page.getByRole("table", { name: "Títulos abertos" });
  const overdue = bodyRows(open).filter({ hasText: "NF 4101" });
  await expect(overdue).toHaveCount(1);
  await expect(overdue).toContainText(money("R$ 2.890,00"));
  // Calendar dates as sent, in dd/mm/aaaa: the due date 45 days ago, issued 30 days before.
  await expect(overdue).toContainText(dayFromToday(-45));
  await expect(overdue).toContainText(dayFromToday(-75));
  // Days overdue in dark red (red.9: AA contrast on the striped rows too).
  const days = overdue.getByText("45 dias", { exact: true });
  await expect(days).toBeVisible();
  await expect(days).toHaveCSS("color", "rgb(201, 42, 42)");
  await expect(bodyRows(open).first()).toContainText("NF 4101");
  await checkA11y(page, "A receber");

  await page.getByRole("button", { name: "Detalhes do título NF 4101, parcela 1/1" }).click();
  const receivable = page.getByRole("dialog", { name: "Título NF 4101 — parcela 1/1" });
  await expect(receivable.getByRole("row", { name: /Valor R\$/ })).toContainText(money("R$ 2.890,00"));
  await expect(receivable.getByRole("row", { name: /^Multa/ })).toContainText(money("R$ 57,80"));
  await expect(receivable.getByRole("row", { name: /^Juros/ })).toContainText(money("R$ 43,35"));
  await expect(receivable.getByRole("row", { name: /^Valor atualizado/ })).toContainText(money("R$ 2.991,15"));
  await expect(receivable.getByRole("row", { name: /^Forma de pagamento/ })).toContainText("Boleto");
  await expect(receivable.getByRole("row", { name: /^Data da baixa/ })).toContainText("—");
  await checkA11y(page, "Título a receber");
  await receivable.getByRole("button", { name: "Fechar" }).click();
  await expect(receivable).toBeHidden();

  await radio(page, "Situação dos títulos", "Baixados");
  const settled = page.getByRole("table", { name: "Títulos baixados" });
  const paid = bodyRows(settled).filter({ hasText: "NF 4107" });
  await expect(paid).toContainText(money("R$ 2.100,50"));
  await expect(paid).toContainText(dayFromToday(-143)); // settled 3 days before its due date
  await expect(bodyRows(settled).filter({ hasText: "NF 4101" })).toHaveCount(0);
  await checkA11y(page, "Títulos baixados");

  // ——— Conta corrente: the seller's own entries that come from João ———
  await page.getByRole("tab", { name: "Conta corrente" }).click();
  await expect(page.getByText(`Seus lançamentos (Vicente Araújo Mendes) que vêm de ${JOAO}.`)).toBeVisible();
  const entries = page.getByRole("table", { name: "Lançamentos da conta corrente", exact: true });
  await expect(bodyRows(entries)).toHaveCount(1);
  await expect(bodyRows(entries).first()).toContainText("Comissão");
  await expect(bodyRows(entries).first()).toContainText("Crédito");
  await expect(bodyRows(entries).first()).toContainText(/NF 3\d{3}/);
  await expect(bodyRows(entries).first()).toContainText("5%");
  await checkA11y(page, "Conta corrente");

  // Por item: the same entry's items, one row per product.
  await radio(page, "Visualização", "Por item");
  await page.getByRole("button", { name: "Filtrar" }).click();
  const items = page.getByRole("table", { name: "Itens dos lançamentos da conta corrente" });
  await expect(items).toBeVisible();
  await expect(entries).toHaveCount(0);
  await expect(items.getByRole("columnheader", { name: "Produto" })).toBeVisible();
  await expect(bodyRows(items).first()).toContainText(PRODUCTS);

  await radio(page, "Status", "Pendentes");
  await radio(page, "Visualização", "Por lançamento");
  await page.getByRole("button", { name: "Filtrar" }).click();
  await expect(bodyRows(entries)).toHaveCount(1);
  await expect(bodyRows(entries).first()).toContainText("Comissão");

  // A closing: its entries are closed; the one of two months ago has the debit adjustment.
  await page.getByRole("combobox", { name: "Fechamento" }).click();
  await page.getByRole("option", { name: new RegExp(`^01/${monthBack(2).replace("/", "\\/")} a `) }).click();
  await expect(page.getByRole("radiogroup", { name: "Status" }).getByRole("radio", { name: "Fechados" })).toBeChecked();
  await page.getByRole("button", { name: "Filtrar" }).click();
  await expect(bodyRows(entries)).toHaveCount(2);
  const adjustment = bodyRows(entries).filter({ hasText: "Ajuste" });
  await expect(adjustment).toContainText("Débito");
  await expect(adjustment).toContainText(money("-R$ 45,00"));

  await adjustment.getByRole("button", { name: /^Detalhes do lançamento/ }).click();
  let entry = page.getByRole("dialog", { name: /^Lançamento de \d{2}\/\d{2}\/\d{4} — Ajuste$/ });
  await expect(entry).toContainText("Estorno de comissão: devolução da NF 3002");
  await expect(entry.getByRole("region", { name: "Fechamento" })).toContainText(`01/${monthBack(2)} a `);
  await expect(entry).toContainText("Este lançamento não tem itens.");
  await checkA11y(page, "Lançamento");
  await entry.getByRole("button", { name: "Fechar" }).click();
  await expect(entry).toBeHidden();

  const closedCommission = bodyRows(entries).filter({ hasText: "Comissão" });
  await closedCommission.getByRole("button", { name: /^Detalhes do lançamento/ }).click();
  entry = page.getByRole("dialog", { name: /— Comissão$/ });
  await expect(entry.getByRole("table", { name: "Itens do lançamento" }).locator("tbody tr").first()).toContainText(
    PRODUCTS,
  );
  await checkA11y(page, "Lançamento com itens");
  await expect(entry.getByRole("row", { name: /^Status/ })).toContainText("Fechado");
  await entry.getByRole("button", { name: "Fechar" }).click();
  await expect(entry).toBeHidden();

  // ——— Contratos: only the donated and the suspended billings ———
  await page.getByRole("tab", { name: "Contratos" }).click();
  const billings = page.getByRole("table", { name: "Cobranças dos contratos" });
  await expect(bodyRows(billings).filter({ hasText: "Cobrado" }).first()).toBeVisible();
  const statusFilter = page.getByRole("group", { name: "Situação da cobrança" });
  for (const status of ["Cobrados", "Paralisados", "Pendentes"]) {
    await statusFilter.getByRole("checkbox", { name: status }).uncheck();
  }
  await expect(bodyRows(billings)).toHaveCount(2);
  await expect(bodyRows(billings).filter({ hasText: /Cobrado|Pendente|Paralisado/ })).toHaveCount(0);
  // Nothing charged is shown, so the totals do not claim "Cobrado R$ 0,00".
  const billingTotals = page.getByLabel("Totais das cobranças");
  await expect(billingTotals).toContainText("2 cobranças");
  await expect(billingTotals).not.toContainText("Cobrado");
  const donated = bodyRows(billings).filter({ hasText: "Doado" });
  await expect(donated).toContainText(monthBack(4));
  await expect(donated).toContainText("CT-1001");
  await expect(bodyRows(billings).filter({ hasText: "Suspenso" })).toContainText(monthBack(3));
  await checkA11y(page, "Contratos");

  await page.getByRole("button", { name: `Detalhes da cobrança ${monthBack(4)} do contrato CT-1001` }).click();
  const billing = page.getByRole("dialog", { name: `Cobrança ${monthBack(4)} — contrato CT-1001` });
  const contract = billing.getByRole("region", { name: "Contrato" });
  await expect(contract).toContainText("Suporte técnico mensal ao ERP Gestão");
  await expect(contract.getByRole("row", { name: /^Início/ })).toContainText(`01/${monthBack(8)}`);
  await expect(contract.getByRole("row", { name: /^Dia de cobrança/ })).toContainText("Dia 10");
  await expect(billing.getByRole("region", { name: "Título a receber" })).toContainText(
    "Esta cobrança não gerou título a receber.",
  );
  await checkA11y(page, "Cobrança");
  await billing.getByRole("button", { name: "Fechar" }).click();
  await expect(billing).toBeHidden();

  // A charged billing leads to the receivable it became.
  await statusFilter.getByRole("checkbox", { name: "Cobrados" }).check();
  await expect(billingTotals).toContainText("Cobrado");
  await page.getByRole("button", { name: `Detalhes da cobrança ${monthBack(2)} do contrato CT-1001` }).click();
  const charged = page.getByRole("dialog", { name: `Cobrança ${monthBack(2)} — contrato CT-1001` });
  const linked = charged.getByRole("region", { name: "Título a receber" });
  await expect(linked.getByRole("row", { name: /^Documento/ })).toContainText(/NF \d+/);
  await expect(linked.getByRole("row", { name: /^Vencimento/ })).toContainText(`10/${monthBack(2)}`);
  await expect(linked.getByRole("row", { name: /^Valor R\$/ })).toContainText(money("R$ 450,00"));
});

test("financeiro vê a Conta corrente desabilitada, com o motivo", async ({ page }) => {
  await login(page, FINANCEIRO.username, FINANCEIRO.password);
  await page.goto("/pessoas/000001");
  await expect(page.getByRole("heading", { level: 1, name: JOAO })).toBeVisible();
  await checkA11y(page, "pessoa");

  const tab = page.getByRole("tab", { name: "Conta corrente" });
  await expect(tab).toBeVisible();
  await expect(tab).toBeDisabled();
  await expect(tab).toHaveAccessibleDescription(REASON);
  // The reason shows where a keyboard or a finger reaches it, not only in a mouse's hover title.
  await tab.focus();
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowRight");
  await expect(tab).toBeFocused();
  await expect(page.getByRole("tooltip")).toHaveText(REASON);
  await checkA11y(page, "pessoa, Conta corrente desabilitada");

  // Still reachable from the keyboard, so the reason is read in full in its panel.
  await page.getByRole("tab", { name: "A receber" }).click();
  await expect(page.getByRole("table", { name: "Títulos abertos" })).toBeVisible();
  await checkA11y(page, "A receber");
  await page.getByRole("tab", { name: "A receber" }).press("ArrowRight");
  await expect(tab).toHaveAttribute("aria-selected", "true");
  const panel = page.getByRole("tabpanel", { name: "Conta corrente" });
  await expect(panel).toContainText("Conta corrente indisponível");
  await expect(panel).toContainText(REASON);
  await expect(panel.getByRole("table")).toHaveCount(0);
  await checkA11y(page, "Conta corrente indisponível");

  // The server refuses the same, with its own code.
  const answer = await page.request.get("/api/persons/1/current-account");
  expect(answer.status()).toBe(403);
  expect((await answer.json()).error.code).toBe("current_account_disabled");
});
