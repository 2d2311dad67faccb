import { expect, type Page, test } from "@playwright/test";

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

  await fillLogin(page, ADMIN.username, "senha-errada");
  await expect(page.getByRole("alert")).toContainText("Usuário ou senha incorretos.");
  await expect(page).toHaveURL(/\/login$/);

  await fillLogin(page, ADMIN.username, ADMIN.password);
  await expect(page.getByRole("banner")).toContainText("Vínculo");
  await expect(userMenu(page)).toBeVisible();
  await expect(page).not.toHaveURL(/\/login/);

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
  await fillLogin(page, ADMIN.username, ADMIN.password);
  await expect(page).toHaveURL(/\/pessoas\/000001$/);
  await expect(userMenu(page)).toBeVisible();
});

test("rotas desconhecidas da API continuam JSON", async ({ request }) => {
  const res = await request.get("/api/nao-existe", { headers: { accept: "text/html" } });
  expect(res.status()).toBe(404);
  expect((await res.json()).error.code).toBe("not_found");
});

test("trocar para inglês, recarregar e continuar em inglês; voltar ao português", async ({ page }) => {
  await page.goto("/login");
  await fillLogin(page, ADMIN.username, ADMIN.password);
  await userMenu(page).click();
  // English comes in its own chunk, loaded on this click.
  await page.getByRole("menuitem", { name: "English" }).click();
  await expect(page.getByRole("button", { name: "Administration" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

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
