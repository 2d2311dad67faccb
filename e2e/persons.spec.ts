import type { Page } from "@playwright/test";
import { checkA11y, expect, isPhone, login, test } from "./support/test.ts";

// The demo company (VINCULO_DEMO=1 in playwright.config.ts): the support user sees customers
// (Cliente: addresses, related… with write) and suppliers (Fornecedor: addresses read, tickets).
const ATENDENTE = { username: "atendente", password: "atendente123" };
const JOAO = "João Carlos da Silva";
const PADARIA = "Padaria Pão de Açúcar Comércio de Alimentos Ltda";

const tabNames = (page: Page) => page.getByRole("tablist", { name: "Opções da pessoa" }).getByRole("tab");
const pickCategory = (page: Page, name: string) =>
  page.getByRole("radiogroup", { name: "Categoria" }).getByText(name, { exact: true }).click();

test("atendente busca a pessoa, troca de categoria, inclui um endereço e abre uma pessoa relacionada", async ({
  page,
}) => {
  await login(page, ATENDENTE.username, ATENDENTE.password);

  // Header search: no accent typed, the accented name found.
  await page.getByRole("combobox", { name: "Buscar pessoa" }).fill("joao");
  await page.getByRole("option", { name: new RegExp(JOAO) }).click();
  await expect(page).toHaveURL(/\/pessoas\/000001(\?|$)/);
  await expect(page.getByRole("heading", { level: 1, name: JOAO })).toBeVisible();
  const header = page.getByRole("region", { name: JOAO });
  await expect(header).toContainText("000001");
  await expect(header).toContainText("529.982.247-25");
  await expect(header).toContainText("Pessoa física");
  await checkA11y(page, "pessoa");

  // As a supplier, this user sees only the addresses (read-only) and the tickets.
  await pickCategory(page, "Fornecedor");
  await expect(tabNames(page)).toHaveText(["Endereços", "Atendimentos"]);
  await expect(page.getByRole("tab", { name: "Pessoas relacionadas" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Novo endereço" })).toHaveCount(0);
  await expect(page).toHaveURL(/categoria=\d+/);

  // As a customer, everything this profile grants, with write on the addresses.
  await pickCategory(page, "Cliente");
  await expect(page.getByRole("tab", { name: "Pessoas relacionadas" })).toBeVisible();
  await page.getByRole("tab", { name: "Endereços" }).click();
  await page.getByRole("button", { name: "Novo endereço" }).click();

  const dialog = page.getByRole("dialog", { name: "Novo endereço" });
  await expect(dialog.getByRole("textbox", { name: "CEP" })).toBeVisible();
  await checkA11y(page, "Novo endereço");
  await dialog.getByRole("combobox", { name: "Tipo" }).click();
  await page.getByRole("option", { name: "Entrega" }).click();
  const cep = dialog.getByRole("textbox", { name: "CEP" });
  await cep.fill("0131");
  await dialog.getByRole("textbox", { name: "Logradouro" }).fill("Rua Augusta");
  await dialog.getByRole("textbox", { name: "Número" }).fill("500");
  await dialog.getByRole("textbox", { name: "Bairro" }).fill("Consolação");
  await dialog.getByRole("textbox", { name: "Município" }).fill("São Paulo");
  await dialog.getByRole("combobox", { name: "UF" }).fill("sao paulo");
  await page.getByRole("option", { name: "SP — São Paulo" }).click();
  await dialog.getByRole("button", { name: "Salvar endereço" }).click();

  // The message is on the CEP field itself, and nothing was saved.
  await expect(cep).toHaveAttribute("aria-invalid", "true");
  await expect(cep).toHaveAccessibleDescription(/CEP deve ter 8 dígitos/);
  await expect(dialog).toBeVisible();

  await checkA11y(page, "Novo endereço, com o erro");

  await cep.fill("01310-100");
  await expect(cep).toHaveValue("01310-100");
  await dialog.getByRole("button", { name: "Salvar endereço" }).click();
  await expect(dialog).toBeHidden();
  const added = page.getByRole("listitem", { name: "Rua Augusta, 500" });
  await expect(added).toBeVisible();
  await expect(added).toContainText("Entrega");
  await expect(added).toContainText("São Paulo/SP · CEP 01310-100");

  // Related persons: both sides of each link; one click opens the other person.
  await page.getByRole("tab", { name: "Pessoas relacionadas" }).click();
  await expect(page).toHaveURL(/aba=pessoas-relacionadas/);
  await page.getByRole("textbox", { name: "Filtrar por código, nome ou nome curto" }).fill("padaria");
  const open = page.getByRole("link", { name: `Abrir ${PADARIA}` }).first();
  await expect(open).toBeVisible();
  await checkA11y(page, "Pessoas relacionadas");
  await open.click();
  await expect(page).toHaveURL(/\/pessoas\/000002$/);
  await expect(page.getByRole("heading", { level: 1, name: PADARIA })).toBeVisible();
  await expect(page.getByRole("region", { name: PADARIA })).toContainText("11.222.333/0001-81");
});

test("Ctrl+K abre a paleta de comandos, que encontra pessoas e telas", async ({ page }) => {
  await login(page, ATENDENTE.username, ATENDENTE.password);
  await expect(page.getByRole("combobox", { name: "Buscar pessoa" })).toBeVisible();

  await page.keyboard.press("Control+K");
  const palette = page.getByRole("dialog", { name: "Ir para…" });
  const input = palette.getByRole("combobox", { name: "Buscar tela ou pessoa" });
  await expect(input).toBeFocused();
  await checkA11y(page, "paleta de comandos");
  await input.fill("529.982.247-25");
  await expect(palette.getByRole("option", { name: new RegExp(JOAO) })).toBeVisible();
  await input.press("Enter");
  await expect(page).toHaveURL(/\/pessoas\/000001$/);
  await expect(page.getByRole("heading", { level: 1, name: JOAO })).toBeVisible();
  await checkA11y(page, "pessoa");
  await expect(palette).toBeHidden();

  // The header button opens it too; screens are found by name, accents or not.
  // The header button opens it too (a phone has no room for it: the shortcut is the way there).
  if (isPhone(page)) await page.keyboard.press("Control+K");
  else await page.getByRole("button", { name: "Abrir paleta de comandos (Ctrl+K)" }).click();
  await palette.getByRole("combobox", { name: "Buscar tela ou pessoa" }).fill("nova pessoa");
  await palette.getByRole("option", { name: "Nova pessoa" }).click();
  await expect(page).toHaveURL(/\/pessoas\/nova$/);
  await expect(page.getByRole("heading", { level: 1, name: "Nova pessoa" })).toBeVisible();
  await checkA11y(page, "Nova pessoa");
});

test("a busca do cabeçalho funciona pelo teclado e diz quando não encontra", async ({ page }) => {
  await login(page, ATENDENTE.username, ATENDENTE.password);
  const search = page.getByRole("combobox", { name: "Buscar pessoa" });

  // A typed code opens that person directly.
  await search.fill("2");
  await search.press("Enter");
  await expect(page).toHaveURL(/\/pessoas\/000002$/);
  await expect(page.getByRole("heading", { level: 1, name: PADARIA })).toBeVisible();

  await search.fill("zzqqxx");
  await checkA11y(page, "pessoa jurídica");
  await expect(page.getByText("Nenhuma pessoa encontrada")).toBeVisible();

  await search.fill("joao");
  const option = page.getByRole("option", { name: new RegExp(JOAO) });
  await expect(option).toBeVisible();
  await search.press("Escape");
  await expect(option).toBeHidden();
  await search.press("ArrowDown");
  await expect(option).toHaveAttribute("aria-selected", "true");
  await search.press("Enter");
  await expect(page).toHaveURL(/\/pessoas\/000001$/);
  await expect(search).toHaveValue("");
});
