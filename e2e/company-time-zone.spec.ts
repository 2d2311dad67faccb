import type { Page } from "@playwright/test";
import { checkA11y, expect, login, test } from "./support/test.ts";

// The demo company (VINCULO_DEMO=1 in playwright.config.ts): João Carlos da Silva (000001) has
// "Implantar o módulo fiscal" in 7 days, 09:00–13:00 in São Paulo (src/server/seed/demo-appointments.ts).
const ADMIN = { username: "admin", password: "admin-e2e-123" };
const SUBJECT = "Implantar o módulo fiscal";

/** dd/mm/aaaa of today + `days` in a zone, whatever the machine's zone. */
function dayFromToday(days: number, timeZone: string): string {
  const at = new Date(Date.now() + days * 24 * 60 * 60 * 1000);
  return new Intl.DateTimeFormat("pt-BR", { timeZone, day: "2-digit", month: "2-digit", year: "numeric" }).format(at);
}

/** Configurações › Empresa › Fuso horário, saved. */
async function setCompanyTimeZone(page: Page, zone: string) {
  await page.goto("/admin/configuracoes?aba=empresa");
  const field = page.getByRole("combobox", { name: "Fuso horário" });
  await expect(field).toBeVisible();
  await checkA11y(page, "Configurações › Empresa");
  await field.click();
  await field.fill(zone);
  await page.getByRole("option", { name: zone, exact: true }).click();
  await page.getByRole("button", { name: "Salvar" }).click();
  await expect(page.getByText("Dados da empresa salvos.")).toBeVisible();
}

test("o administrador muda o fuso da empresa e o mesmo agendamento aparece no novo horário local", async ({ page }) => {
  test.setTimeout(90_000);
  await login(page, ADMIN.username, ADMIN.password);
  // The browser stays in São Paulo (playwright.config.ts): what moves is the company's setting only.
  const appointment = page.getByRole("listitem", { name: `Agendamento ${SUBJECT}` });
  const details = page.getByRole("dialog", { name: "Detalhes do agendamento" });
  try {
    await page.goto("/pessoas/000001?aba=agendamentos");
    await expect(appointment).toContainText(`${dayFromToday(7, "America/Sao_Paulo")} 09:00 – 13:00`);
    await checkA11y(page, "aba Agendamentos");

    // Manaus is an hour behind São Paulo all year: the same instants read 08:00–12:00 there.
    await setCompanyTimeZone(page, "America/Manaus");
    await page.goto("/pessoas/000001?aba=agendamentos");
    await expect(appointment).toContainText(`${dayFromToday(7, "America/Manaus")} 08:00 – 12:00`);
    await appointment.getByRole("button", { name: `Detalhes do agendamento ${SUBJECT}` }).click();
    await expect(details).toContainText("08:00 – 12:00");
    await checkA11y(page, "Detalhes do agendamento");
    await details.getByRole("button", { name: "Fechar" }).click();

    // The edit form's date pickers read the company's wall clock too.
    await appointment.getByRole("button", { name: `Editar o agendamento ${SUBJECT}` }).click();
    const form = page.getByRole("dialog", { name: `Editar o agendamento ${SUBJECT}` });
    await expect(form.getByRole("textbox", { name: "Início", exact: true })).toHaveValue(
      `${dayFromToday(7, "America/Manaus")} 08:00`,
    );
    await checkA11y(page, "Editar o agendamento");
    await form.getByRole("button", { name: "Cancelar" }).click();
  } finally {
    // Back to the default zone, so the other journeys read São Paulo's clock.
    await setCompanyTimeZone(page, "America/Sao_Paulo");
  }
  await page.goto("/pessoas/000001?aba=agendamentos");
  await expect(appointment).toContainText(`${dayFromToday(7, "America/Sao_Paulo")} 09:00 – 13:00`);
});
