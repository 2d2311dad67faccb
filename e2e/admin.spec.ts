import type { Page } from "@playwright/test";
import { checkA11y, expect, expectAllChecked, freshPage, login, test } from "./support/test.ts";

// The server of playwright.config.ts creates `admin` with this password on its fresh database.
const ADMIN = { username: "admin", password: "admin-e2e-123" };
// Unique names, so the journey also passes on a database with demo data or earlier runs.
const SUFFIX = Date.now().toString(36);

async function openAdmin(page: Page, item: string) {
  await page.getByRole("button", { name: "Administração" }).click();
  await page.getByRole("menuitem", { name: item }).click();
  await expect(page.getByRole("heading", { level: 1, name: item })).toBeVisible();
  await checkA11y(page, item);
}

test("administrador cria característica, perfil de acesso e usuário; o usuário tem exatamente esses acessos", async ({
  page,
  browser,
}) => {
  // A long journey with three password hashes (one user created, two logins): more than the default 30 s.
  test.setTimeout(90_000);
  const characteristic = `Cliente diamante ${SUFFIX}`;
  const sector = `Pós-venda ${SUFFIX}`;
  const ticketType = `Visita de manutenção ${SUFFIX}`;
  const profile = `Suporte ${SUFFIX}`;
  const username = `suporte1-${SUFFIX}`;
  const password = "suporte-e2e-123";

  await login(page, ADMIN.username, ADMIN.password);

  // Configurações → Características: a new tag with its colour.
  await openAdmin(page, "Configurações");
  await page.getByRole("tab", { name: "Características" }).click();
  await expect(page.getByRole("table", { name: "Características" })).toBeVisible();
  await checkA11y(page, "Características");
  await page.getByRole("button", { name: "Nova característica" }).click();
  const newCharacteristic = page.getByRole("dialog", { name: "Nova característica" });
  await expect(newCharacteristic.getByLabel("Nome", { exact: true })).toBeVisible();
  await checkA11y(page, "Nova característica");
  await newCharacteristic.getByLabel("Nome", { exact: true }).fill(characteristic);
  await newCharacteristic.getByLabel("Cor", { exact: true }).fill("#6a1b9a");
  await newCharacteristic.getByRole("button", { name: "Criar" }).click();
  await expect(newCharacteristic).toBeHidden();
  const characteristics = page.getByRole("table", { name: "Características" });
  await expect(characteristics.getByRole("row").filter({ hasText: characteristic })).toContainText("#6a1b9a");

  // Configurações → Setores and Tipos de atendimento: a sector, and a type with its area and deadline.
  await page.getByRole("tab", { name: "Setores" }).click();
  await expect(page.getByRole("table", { name: "Setores" })).toBeVisible();
  await checkA11y(page, "Setores");
  await page.getByRole("button", { name: "Novo setor" }).click();
  const newSector = page.getByRole("dialog", { name: "Novo setor" });
  await expect(newSector.getByLabel("Nome", { exact: true })).toBeVisible();
  await checkA11y(page, "Novo setor");
  await newSector.getByLabel("Nome", { exact: true }).fill(sector);
  await newSector.getByRole("button", { name: "Criar" }).click();
  await expect(newSector).toBeHidden();
  const sectorRow = page.getByRole("table", { name: "Setores" }).getByRole("row").filter({ hasText: sector });
  await expect(sectorRow.getByRole("cell")).toHaveText([sector, "Ativo", /Editar/]);

  await page.getByRole("tab", { name: "Tipos de atendimento" }).click();
  await expect(page.getByRole("table", { name: "Tipos de atendimento" })).toBeVisible();
  await checkA11y(page, "Tipos de atendimento");
  await page.getByRole("button", { name: "Novo tipo de atendimento" }).click();
  const newType = page.getByRole("dialog", { name: "Novo tipo de atendimento" });
  await expect(newType.getByLabel("Nome", { exact: true })).toBeVisible();
  await checkA11y(page, "Novo tipo de atendimento");
  await newType.getByLabel("Nome", { exact: true }).fill(ticketType);
  await newType.getByRole("combobox", { name: "Área", exact: true }).click();
  await page.getByRole("option", { name: "Atendimento", exact: true }).click();
  await newType.getByLabel("Prazo em dias", { exact: true }).fill("3");
  await newType.getByRole("button", { name: "Criar" }).click();
  await expect(newType).toBeHidden();
  const typeRow = page
    .getByRole("table", { name: "Tipos de atendimento" })
    .getByRole("row")
    .filter({ hasText: ticketType });
  await expect(typeRow.getByRole("cell")).toHaveText([ticketType, "Atendimento", "3", "Normal", "Ativo", /Editar/]);

  // Perfis de acesso: Cliente — Endereços: Escrita, Cliente — Pessoas relacionadas: Leitura.
  await openAdmin(page, "Perfis de acesso");
  await page.getByRole("button", { name: "Novo perfil" }).click();
  const newProfile = page.getByRole("dialog", { name: "Novo perfil" });
  await expect(newProfile.getByLabel("Nome", { exact: true })).toBeVisible();
  await checkA11y(page, "Novo perfil");
  await newProfile.getByLabel("Nome", { exact: true }).fill(profile);
  await newProfile.getByRole("combobox", { name: "Cliente — Endereços", exact: true }).selectOption("Escrita");
  await newProfile
    .getByRole("combobox", { name: "Cliente — Pessoas relacionadas", exact: true })
    .selectOption("Leitura");
  await expect(newProfile.getByText("2 acessos concedidos")).toBeVisible();
  await newProfile.getByRole("button", { name: "Criar perfil" }).click();
  await expect(newProfile).toBeHidden();
  const profileRow = page
    .getByRole("table", { name: "Perfis de acesso" })
    .getByRole("row")
    .filter({ hasText: profile });
  await expect(profileRow.getByRole("cell")).toHaveText([profile, "0", "2", /Editar/]);

  // Usuários: suporte1 with that profile.
  await openAdmin(page, "Usuários");
  await page.getByRole("button", { name: "Novo usuário" }).click();
  const newUser = page.getByRole("dialog", { name: "Novo usuário" });
  await expect(newUser.getByLabel("Nome", { exact: true })).toBeVisible();
  await checkA11y(page, "Novo usuário");
  await newUser.getByLabel("Usuário", { exact: true }).fill(username);
  await newUser.getByLabel("Nome", { exact: true }).fill("Suporte Um");
  await newUser.getByLabel("E-mail", { exact: true }).fill(`${username}@example.com`);
  await newUser.getByLabel("Senha", { exact: true }).fill(password);
  await newUser.getByRole("combobox", { name: "Perfis de acesso" }).click();
  await page.getByRole("option", { name: profile, exact: true }).click();
  await newUser.getByRole("button", { name: "Criar usuário" }).click();
  await expect(newUser).toBeHidden();
  await expect(page.getByText(`Usuário ${username} criado.`)).toBeVisible();
  const userRow = page.getByRole("table", { name: "Usuários" }).getByRole("row").filter({ hasText: username });
  await expect(userRow).toContainText(profile);

  // The new user, in a browser of their own, gets exactly the profile's grants.
  const categories = await page.request.get("/api/settings/categories");
  const cliente = ((await categories.json()).items as { id: number; name: string }[]).find((c) => c.name === "Cliente");
  expect(cliente).toBeDefined();

  const support = await freshPage(browser);
  await login(support, username, password);
  const me = await support.request.get("/api/me");
  expect(me.status()).toBe(200);
  const body = await me.json();
  expect(body.user).toMatchObject({ username, isAdmin: false });
  const byTab = (a: { tab: string }, b: { tab: string }) => a.tab.localeCompare(b.tab);
  expect([...body.grants].sort(byTab)).toEqual([
    { categoryId: cliente?.id, tab: "addresses", level: "write" },
    { categoryId: cliente?.id, tab: "related", level: "read" },
  ]);
  // Not an administrator: the administration pages stay closed to them.
  expect((await support.request.get("/api/access-profiles")).status()).toBe(403);
  await expectAllChecked(support);
  await support.context().close();
});
