import type { Page } from "@playwright/test";
import { checkA11y, expect, test } from "./support/test.ts";

// The server of playwright.config.ts creates `admin` with this password on its fresh database.
const ADMIN = { username: "admin", password: "admin-e2e-123", name: "Administrador" };

async function fillLogin(page: Page, username: string, password: string) {
  await page.getByLabel("Usuário", { exact: true }).fill(username);
  await page.getByLabel("Senha", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Entrar" }).click();
}

const userMenu = (page: Page) => page.getByRole("button", { name: new RegExp(ADMIN.name) });

test("entrar, errar a senha, ver o sistema e sair", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole("button", { name: "Entrar" })).toBeVisible();
  await checkA11y(page, "login");

  await fillLogin(page, ADMIN.username, "senha-errada");
  await expect(page.getByRole("alert")).toContainText("Usuário ou senha incorretos.");
  await checkA11y(page, "login com erro");
  await expect(page).toHaveURL(/\/login$/);

  await fillLogin(page, ADMIN.username, ADMIN.password);
  await expect(page.getByRole("banner")).toContainText("Vínculo");
  await expect(userMenu(page)).toBeVisible();
  await expect(page).not.toHaveURL(/\/login/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await checkA11y(page, "início");

  // The session survives a reload: it lives in an HttpOnly cookie, not in the page.
  await page.reload();
  await expect(userMenu(page)).toBeVisible();

  await userMenu(page).click();
  await page.getByRole("menuitem", { name: "Sair" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByLabel("Usuário", { exact: true })).toBeVisible();

  // Logged out for real: going back to the app lands on the login page again.
  await page.goto("/");
  await expect(page).toHaveURL(/\/login$/);
});

test("um link direto abre o aplicativo, pede login e volta ao link", async ({ page, request }) => {
  const html = await request.get("/pessoas/000001", { headers: { accept: "text/html" } });
  expect(html.status()).toBe(200);
  expect(html.headers()["content-type"]).toMatch(/text\/html/);
  expect(await html.text()).toContain('<div id="root">');

  await page.goto("/pessoas/000001");
  await expect(page).toHaveURL(/\/login\?next=%2Fpessoas%2F000001$/);
  await expect(page.getByLabel("Usuário", { exact: true })).toBeVisible();
  await checkA11y(page, "login com next");
  await fillLogin(page, ADMIN.username, ADMIN.password);
  await expect(page).toHaveURL(/\/pessoas\/000001$/);
  await expect(userMenu(page)).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "João Carlos da Silva" })).toBeVisible();
  await checkA11y(page, "pessoa");
});

test("rotas desconhecidas da API continuam JSON", async ({ request }) => {
  const res = await request.get("/api/nao-existe", { headers: { accept: "text/html" } });
  expect(res.status()).toBe(404);
  expect((await res.json()).error.code).toBe("not_found");
});

test("trocar para inglês, recarregar e continuar em inglês; voltar ao português", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByLabel("Usuário", { exact: true })).toBeVisible();
  await checkA11y(page, "login");
  await fillLogin(page, ADMIN.username, ADMIN.password);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await checkA11y(page, "início");
  await userMenu(page).click();
  // English comes in its own chunk, loaded on this click.
  await page.getByRole("menuitem", { name: "English" }).click();
  await expect(page.getByRole("button", { name: "Administration" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await checkA11y(page, "início em inglês");

  // The choice is remembered: the reload fetches English before the first render.
  await page.reload();
  await expect(page.getByRole("button", { name: "Administration" })).toBeVisible();

  await userMenu(page).click();
  await page.getByRole("menuitem", { name: "Português" }).click();
  await expect(page.getByRole("button", { name: "Administração" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("button", { name: "Administração" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "pt-BR");
});
