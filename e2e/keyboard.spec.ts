import type { Locator, Page } from "@playwright/test";
import { checkA11y, expect, test } from "./support/test.ts";

// The demo company (VINCULO_DEMO=1 in playwright.config.ts): the support user writes Atendimentos
// of customers; João Carlos da Silva (000001) is one. Nothing here touches the mouse: every step
// is a key, and after each Tab the focused element must show its focus and not hide under the
// fixed header (WCAG 2.1.1, 2.4.7, 2.4.11).

/** Where the focus is: its name, whether it draws a focus indicator, and whether something covers it. */
function focusState(page: Page) {
  return page.evaluate(() => {
    const focused = document.activeElement as HTMLElement | null;
    if (!focused || focused === document.body) return { name: "", indicator: false, covered: false };
    // A control its label draws (a segmented control's radio is a 0×0 input under its <label for>,
    // which shows the focus ring): what the user sees, and what must show and not hide, is the label.
    const label = focused instanceof HTMLInputElement ? focused.labels?.[0] : undefined;
    const drawnByLabel = label !== undefined && focused.getBoundingClientRect().width === 0;
    const el: HTMLElement = drawnByLabel && label ? label : focused;
    const style = getComputedStyle(el);
    const field = !drawnByLabel && el.matches("input, textarea, select, [role='combobox']");
    // Mantine draws an outline on :focus-visible, and colours a field's border on focus.
    const indicator =
      (style.outlineStyle !== "none" && Number.parseFloat(style.outlineWidth) >= 1) ||
      (field && style.borderColor !== "") ||
      style.boxShadow !== "none";
    const box = el.getBoundingClientRect();
    const x = Math.min(Math.max(box.left + box.width / 2, 0), innerWidth - 1);
    const y = Math.min(Math.max(box.top + Math.min(box.height / 2, 12), 0), innerHeight - 1);
    const hit = document.elementFromPoint(x, y);
    const covered = !hit || !(el.contains(hit) || hit.contains(el) || hit.closest("label")?.contains(el));
    const name = focused.getAttribute("aria-label") || el.textContent?.trim().slice(0, 60) || focused.tagName;
    return { name, indicator, covered };
  });
}

/** Presses Tab (Shift+Tab with `back`) until `target` has the focus, checking each stop on the way. */
async function tabTo(page: Page, target: Locator, { back = false, max = 60 } = {}) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement || el.contains(document.activeElement))) return;
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
    const state = await focusState(page);
    expect(state.indicator, `foco visível em “${state.name}”`).toBe(true);
    expect(state.covered, `foco escondido sob outro elemento em “${state.name}”`).toBe(false);
  }
  throw new Error(`o Tab não chegou ao elemento em ${max} passos`);
}

test("só pelo teclado: entrar, abrir um atendimento, incluir um parecer e encerrá-lo", async ({ page }) => {
  test.setTimeout(120_000);
  const subject = `Teclado sem mouse ${Date.now()}`;

  // Login: Tab to the username, type, Tab, type, Enter.
  await page.goto("/login");
  const username = page.getByLabel("Usuário", { exact: true });
  await expect(username).toBeVisible();
  await checkA11y(page, "login");
  await tabTo(page, username);
  await page.keyboard.type("atendente");
  await page.keyboard.press("Tab");
  await page.keyboard.type("atendente123");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: /^Olá, / })).toBeVisible();
  await checkA11y(page, "início");

  // The header's search: a code and Enter open the person.
  await tabTo(page, page.getByRole("combobox", { name: "Buscar pessoa" }));
  await page.keyboard.type("1");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "João Carlos da Silva" })).toBeVisible();
  await checkA11y(page, "pessoa");

  // The tabs: Tab into the list, arrows to Atendimentos.
  const ticketsTab = page.getByRole("tab", { name: "Atendimentos" });
  await tabTo(page, page.getByRole("tab", { selected: true }));
  for (let i = 0; i < 8 && !(await ticketsTab.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press("ArrowRight");
  }
  await expect(ticketsTab).toHaveAttribute("aria-selected", "true");
  const newTicket = page.getByRole("button", { name: "Novo atendimento" });
  await expect(newTicket).toBeVisible();
  await checkA11y(page, "aba Atendimentos");

  // Novo atendimento: the type has the focus; each select by typing, arrows and Enter.
  await tabTo(page, newTicket);
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Novo atendimento" });
  const type = dialog.getByRole("combobox", { name: "Tipo de atendimento" });
  await expect(type).toBeFocused();
  await checkA11y(page, "Novo atendimento");
  await page.keyboard.type("Suporte t");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(type).toHaveValue("Suporte técnico");
  await page.keyboard.press("Tab");
  const sector = dialog.getByRole("combobox", { name: "Setor" });
  await expect(sector).toBeFocused();
  await page.keyboard.type("Suporte");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(sector).toHaveValue("Suporte");
  await page.keyboard.press("Tab");
  await expect(dialog.getByRole("textbox", { name: "Assunto" })).toBeFocused();
  await page.keyboard.type(subject);
  // The due date is typed, never picked: dd/mm/aaaa hh:mm through the mask.
  const due = dialog.getByRole("textbox", { name: "Vencimento" });
  await tabTo(page, due);
  await page.keyboard.type("311220991800");
  await expect(due).toHaveValue("31/12/2099 18:00");
  await tabTo(page, dialog.getByRole("textbox", { name: "Primeiro parecer" }));
  await page.keyboard.type("Aberto só pelo teclado.");
  await tabTo(page, dialog.getByRole("button", { name: "Abrir atendimento" }));
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  // The outcome is announced (a live region), not only drawn.
  const created = page.getByRole("alert").filter({ hasText: /Atendimento \d+ aberto\./ });
  await expect(created).toBeVisible();
  const number = Number(/Atendimento (\d+)/.exec((await created.textContent()) ?? "")?.[1]);
  expect(number).toBeGreaterThan(0);
  const item = page.getByRole("listitem", { name: `Atendimento ${number}: ${subject}` });
  await expect(item).toBeVisible();
  await expect(item).toContainText("31/12/2099 18:00");

  // Parecer, closing the ticket: Tab to the button, type, Space on the checkbox, Enter on submit.
  await tabTo(page, page.getByRole("button", { name: `Parecer no atendimento ${number}` }));
  await page.keyboard.press("Enter");
  const note = page.getByRole("dialog", { name: `Parecer no atendimento ${number}` });
  const text = note.getByRole("textbox", { name: "Parecer" });
  await expect(text).toBeFocused();
  await checkA11y(page, "Parecer");
  await page.keyboard.type("Resolvido por telefone; encerrando pelo teclado.");
  const close = note.getByRole("checkbox", { name: "Encerrar o atendimento" });
  await tabTo(page, close);
  await page.keyboard.press("Space");
  await expect(close).toBeChecked();
  await tabTo(page, note.getByRole("button", { name: "Incluir parecer e encerrar" }));
  await page.keyboard.press("Enter");
  await expect(note).toBeHidden();
  await expect(item).toHaveCount(0);

  // Encerrados, by the arrows of the radio group: the ticket is there.
  const situation = page.getByRole("radiogroup", { name: "Situação dos atendimentos" });
  await tabTo(page, situation.getByRole("radio", { checked: true }), { back: true });
  await page.keyboard.press("ArrowRight");
  await expect(situation.getByRole("radio", { name: "Encerrados" })).toBeChecked();
  await expect(item).toBeVisible();
  await expect(item).toContainText("Encerrado");
});
