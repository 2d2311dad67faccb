import { checkA11y, expect, login, test } from "./support/test.ts";

// The demo company (VINCULO_DEMO=1 in playwright.config.ts): the atendente sees its customers.
const JOAO = "João Carlos da Silva";

test("atendente digita o nome com erro e a busca acha a pessoa, marcando a correção", async ({ page }) => {
  await login(page, "atendente", "atendente123");

  // Header search: "jaoo" (two letters swapped) finds João, and says what it understood.
  await page.getByRole("combobox", { name: "Buscar pessoa" }).fill("jaoo");
  const option = page.getByRole("option", { name: new RegExp(JOAO) });
  await expect(option).toBeVisible();
  await expect(option.getByTestId("search-correction")).toHaveText("Você quis dizer João?");
  await expect(option.locator("mark")).toHaveText("João");
  await checkA11y(page, "busca do cabeçalho com correção");
  await option.click();
  await expect(page).toHaveURL(/\/pessoas\/000001(\?|$)/);
  await expect(page.getByRole("heading", { level: 1, name: JOAO })).toBeVisible();
  await checkA11y(page);

  // The command palette marks it the same way, for one misspelled word of two.
  await page.keyboard.press("Control+K");
  const palette = page.getByRole("dialog", { name: "Ir para…" });
  await palette.getByRole("combobox", { name: "Buscar tela ou pessoa" }).fill("joao silvq");
  const found = palette.getByRole("option", { name: new RegExp(JOAO) });
  await expect(found.getByTestId("search-correction")).toHaveText("Você quis dizer Silva?");
  await checkA11y(page, "paleta com correção");
  await found.click();
  await expect(page).toHaveURL(/\/pessoas\/000001(\?|$)/);
});
