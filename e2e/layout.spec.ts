import { overflows } from "./support/layout.ts";
import { checkA11y, expect, login, test } from "./support/test.ts";

// The demo company (VINCULO_DEMO=1 in playwright.config.ts): João Carlos da Silva (000001) has two
// characteristics, critical tickets, watchers and every tab the support user may see.
const ATENDENTE = { username: "atendente", password: "atendente123" };
const JOAO = "João Carlos da Silva";

test("na largura de um celular (390 px), nada da tela da pessoa sai da sua caixa", async ({ page }) => {
  test.setTimeout(90_000);
  await login(page, ATENDENTE.username, ATENDENTE.password);

  // The header: the search keeps a usable width; the menus stay inside the screen.
  const search = page.getByRole("combobox", { name: "Buscar pessoa" });
  expect((await search.boundingBox())?.width ?? 0).toBeGreaterThanOrEqual(160);

  await page.goto("/pessoas/000001");
  await expect(page.getByRole("heading", { level: 1, name: JOAO })).toBeVisible();
  const header = page.getByRole("region", { name: JOAO });
  // Badges in full, the eye with its count, and the commands collapsed into "Ações".
  await expect(header.getByRole("button", { name: /^Fatores críticos: / })).toBeVisible();
  await expect(header.getByRole("button", { name: /^Monitoramento \(Spy System\)/ })).toBeVisible();
  await expect(header.getByRole("button", { name: "Ações" })).toBeVisible();
  await expect(header.getByRole("button", { name: "Editar" })).toHaveCount(0);
  await checkA11y(page, "pessoa no celular");
  expect(await overflows(page)).toEqual([]);

  await header.getByRole("button", { name: "Ações" }).click();
  await expect(page.getByRole("menuitem", { name: "Editar" })).toBeVisible();
  await expect(page.getByRole("menuitem", { name: "Enviar e-mail" })).toBeVisible();
  await expect(page.getByRole("menuitem", { name: "E-mails" })).toBeVisible();
  expect(await overflows(page)).toEqual([]);
  await page.keyboard.press("Escape");

  // Each tab's list fits too.
  for (const [tab, ready] of [
    ["Atendimentos", page.getByRole("button", { name: "Novo atendimento" })],
    ["Agendamentos", page.getByRole("button", { name: "Novo agendamento" })],
    ["Pessoas relacionadas", page.getByRole("textbox", { name: "Filtrar por código, nome ou nome curto" })],
    ["Endereços", page.getByRole("button", { name: "Novo endereço" })],
  ] as const) {
    await page.getByRole("tab", { name: tab }).click();
    await expect(ready).toBeVisible();
    await checkA11y(page, `aba ${tab} no celular`);
    expect(await overflows(page), tab).toEqual([]);
  }

  // A dialog fits as well.
  await page.getByRole("tab", { name: "Atendimentos" }).click();
  await page.getByRole("button", { name: "Novo atendimento" }).click();
  const dialog = page.getByRole("dialog", { name: "Novo atendimento" });
  await expect(dialog.getByRole("textbox", { name: "Assunto" })).toBeVisible();
  await checkA11y(page, "Novo atendimento no celular");
  expect(await overflows(page)).toEqual([]);
  await dialog.getByRole("button", { name: "Cancelar" }).click();

  // The Agenda on a phone: the week as a list, a day as a grid; nothing sideways.
  await page.goto("/agenda");
  await expect(page.getByRole("heading", { level: 1, name: "Agenda" })).toBeVisible();
  const calendar = page.getByRole("region", { name: "Calendário de agendamentos" });
  await expect(calendar.locator(".fc-list, .fc-list-empty").first()).toBeVisible();
  await checkA11y(page, "Agenda no celular");
  expect(await overflows(page)).toEqual([]);
});

test("no celular, o menu do usuário reaberto numa página longa aparece inteiro e a página não cresce para o lado", async ({
  page,
}) => {
  // Measured before the fix: the reopened menu's first frame, drawn at a stale spot past the right
  // edge, widened the phone's layout viewport to 570 px; the fixed header grew with it, the user
  // button left the screen and the menu stayed hidden.
  await login(page, "gerente", "gerente123");
  await page.goto("/pessoas/000002");
  await expect(page.getByRole("heading", { level: 1, name: /^Padaria/ })).toBeVisible();
  await checkA11y(page, "pessoa no celular");
  const userButton = page.getByRole("button", { name: "Gustavo Gerente" });
  await userButton.click();
  await page.getByRole("menuitem", { name: "Fatores críticos" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Fatores críticos" })).toBeVisible();
  await expect(page.getByRole("listitem").first()).toBeVisible();
  await checkA11y(page, "Fatores críticos no celular");
  expect(await overflows(page)).toEqual([]);
  for (const sector of ["Implantação", "Comercial"]) {
    await page.getByRole("combobox", { name: "Setor" }).click();
    await page.getByRole("option", { name: sector, exact: true }).click();
    await expect(page.getByRole("region", { name: `Setor ${sector}` })).toBeVisible();
  }
  await userButton.click();
  const menu = page.getByRole("menu", { name: "Gustavo Gerente" });
  await expect(menu).toBeVisible();
  // Past its fade-in (checkA11y waits for every transition), where the page had already grown.
  await checkA11y(page, "menu do usuário no celular");
  expect(await overflows(page)).toEqual([]);
  await expect(menu).toBeInViewport({ ratio: 1 });
  await expect(menu.getByRole("menuitem", { name: "Avisos do monitoramento" })).toBeVisible();
  await page.keyboard.press("Escape");
});
