import path from "node:path";
import { type Browser, test as base, expect, type Page } from "@playwright/test";
import { checkA11y, uncheckedScreens, watchA11y } from "./a11y.ts";

/**
 * Playwright's `test` with axe on every page and dialog: each page a journey opens is watched, and
 * the journey fails at its end when it showed a page or a dialog that no `checkA11y` analyzed.
 */
export const test = base.extend({
  page: async ({ page }, use) => {
    await watchA11y(page);
    await use(page);
    await expectAllChecked(page);
  },
});

export { checkA11y, expect };

/** Fails when the page showed a page or dialog that axe did not see (the fixture calls it for `page`). */
export async function expectAllChecked(page: Page): Promise<void> {
  expect(await uncheckedScreens(page), "páginas e diálogos que o axe não verificou").toEqual([]);
}

/** The data folder of this project's server (playwright.config.ts gives each project its own). */
export const serverDataDir = (): string =>
  path.join(process.env.VINCULO_E2E_DATA_DIR ?? "", test.info().project.name === "phone" ? "phone" : "desktop");

/** True in the 390×844 project: journeys take the phone's path where the layout differs. */
export const isPhone = (page: Page): boolean => (page.viewportSize()?.width ?? 1280) < 576;

/**
 * One of the person header's commands (E-mails, Enviar e-mail, Editar): a button on a wide screen,
 * an item of the header's "Ações" menu on a phone.
 */
export async function personCommand(page: Page, name: string): Promise<void> {
  if (isPhone(page)) {
    await page.getByRole("button", { name: "Ações", exact: true }).click();
    await page.getByRole("menuitem", { name, exact: true }).click();
  } else {
    await page.getByRole("button", { name, exact: true }).click();
  }
}

/** A new browser context of the same project (size, locale, zone): a colleague with a session of their own, watched too. */
export async function freshPage(browser: Browser): Promise<Page> {
  const { baseURL, locale, timezoneId, viewport, serviceWorkers } = test.info().project.use;
  const context = await browser.newContext({ baseURL, locale, timezoneId, viewport, serviceWorkers });
  const page = await context.newPage();
  await watchA11y(page);
  return page;
}

/** The login page (checked by axe once per journey), then the user's first screen. */
export async function login(page: Page, username: string, password: string): Promise<void> {
  await page.goto("/login");
  const user = page.getByLabel("Usuário", { exact: true });
  await expect(user).toBeVisible();
  await checkA11y(page, "login");
  await user.fill(username);
  await page.getByLabel("Senha", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Entrar" }).click();
  await expect(page).not.toHaveURL(/\/login/);
  // The home page (or the link the user came from) is the first screen: checked when it is the home.
  if (new URL(page.url()).pathname === "/") {
    await expect(page.getByRole("heading", { level: 1, name: /^Olá, / })).toBeVisible();
    await checkA11y(page, "início");
  }
}
