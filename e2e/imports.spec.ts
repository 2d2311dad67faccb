import type { Page } from "@playwright/test";
import { checkA11y, expect, login, test } from "./support/test.ts";

// The server of playwright.config.ts creates `admin`; the demo company has persons 000001 and 000002.
const ADMIN = { username: "admin", password: "admin-e2e-123" };
const SUFFIX = Date.now().toString(36);

const receivable = (n: number, personCode: number) => ({
  externalId: `E2E-${SUFFIX}-${n}`,
  personCode,
  documentNumber: `NF ${n}`,
  installment: "1/1",
  // Far in the future: never overdue, listed after the demo's own titles (other journeys check those).
  issueDate: "2099-01-05",
  dueDate: "2099-02-05",
  amountCents: 12_345 * n,
});

async function upload(page: Page, name: string, text: string) {
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Arquivo" }).click();
  await (await chooser).setFiles({ name, mimeType: "application/x-ndjson", buffer: Buffer.from(text) });
  await page.getByRole("button", { name: "Importar" }).click();
}

test("administrador importa títulos a receber; o mesmo arquivo de novo não muda nada", async ({ page }) => {
  const file = `titulos-${SUFFIX}.ndjson`;
  const lines = [receivable(1, 1), receivable(2, 2), receivable(3, 1), { ...receivable(4, 1), dueDate: "2099-02-30" }];
  const text = `${lines.map((l) => JSON.stringify(l)).join("\n")}\n`;

  await login(page, ADMIN.username, ADMIN.password);
  await page.getByRole("button", { name: "Administração" }).click();
  await page.getByRole("menuitem", { name: "Importações" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Importações" })).toBeVisible();
  await expect(page.getByRole("combobox", { name: "O que importar" })).toHaveValue("Títulos a receber");
  await checkA11y(page, "Importações");

  await upload(page, file, text);
  const result = page.getByRole("region", { name: `Resultado de ${file}` });
  await expect(result.getByRole("group", { name: "Inseridos: 3" })).toBeVisible();
  await expect(result.getByRole("group", { name: "Recusados: 1" })).toBeVisible();
  const rejected = result.getByRole("table", { name: "Linhas recusadas" });
  await expect(rejected.getByRole("row").nth(1)).toContainText("4");
  await expect(rejected.getByRole("row").nth(1)).toContainText("dueDate");
  await checkA11y(page, "Importações, com o resultado");

  await upload(page, file, text);
  await expect(result.getByRole("group", { name: "Inseridos: 0" })).toBeVisible();
  await expect(result.getByRole("group", { name: "Atualizados: 0" })).toBeVisible();
  await expect(result.getByRole("group", { name: "Inalterados: 3" })).toBeVisible();

  // Without the bad line: nothing changed at all.
  const clean = `${lines
    .slice(0, 3)
    .map((l) => JSON.stringify(l))
    .join("\n")}\n`;
  await upload(page, `limpo-${file}`, clean);
  const cleanResult = page.getByRole("region", { name: `Resultado de limpo-${file}` });
  await expect(cleanResult.getByRole("group", { name: "Inseridos: 0" })).toBeVisible();
  await expect(cleanResult.getByText("Nada mudou")).toBeVisible();

  // The history lists the three runs, newest first.
  const history = page.getByRole("region", { name: "Importações anteriores" });
  await expect(history.getByRole("row").filter({ hasText: file })).toHaveCount(3);

  // A malformed file says which line, and imports nothing.
  await upload(page, `quebrado-${file}`, `${JSON.stringify(receivable(9, 1))}\n{quebrado\n`);
  await expect(page.getByRole("alert").filter({ hasText: "linha 2" })).toBeVisible();
});
