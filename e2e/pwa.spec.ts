import { checkA11y, expect, login, test } from "./support/test.ts";

// The other journeys block the service worker (playwright.config.ts); this one lets it run.
test.use({ serviceWorkers: "allow" });

const JOAO = "João Carlos da Silva";

/** Every URL the page's Cache Storage holds, by cache name. */
const cachedUrls = (page: import("@playwright/test").Page) =>
  page.evaluate(async () => {
    const out: Record<string, string[]> = {};
    for (const name of await caches.keys()) {
      out[name] = (await (await caches.open(name)).keys()).map((request) => new URL(request.url).pathname);
    }
    return out;
  });

test("instalável: manifesto e ícones como o Chrome pede", async ({ request }) => {
  const answer = await request.get("/manifest.webmanifest");
  expect(answer.status()).toBe(200);
  const manifest = (await answer.json()) as {
    name: string;
    short_name: string;
    start_url: string;
    display: string;
    lang: string;
    icons: { src: string; sizes: string; type: string; purpose?: string }[];
  };
  expect(manifest).toMatchObject({ short_name: "Vínculo", start_url: "/", display: "standalone", lang: "pt-BR" });
  // Chrome's installability: PNG icons of 192 and 512 px (and a maskable one for Android).
  for (const sizes of ["192x192", "512x512"]) {
    const icon = manifest.icons.find((i) => i.sizes === sizes && i.type === "image/png" && !i.purpose);
    expect(icon, sizes).toBeDefined();
    const file = await request.get(icon?.src ?? "");
    expect(file.status()).toBe(200);
    expect(file.headers()["content-type"]).toBe("image/png");
  }
  expect(manifest.icons.some((i) => i.purpose === "maskable")).toBe(true);
  const sw = await request.get("/sw.js");
  expect(sw.status()).toBe(200);
  expect(sw.headers()["content-type"]).toMatch(/javascript/);
});

test("sem rede, o aplicativo abre e diz que está sem conexão; nenhum dado da API fica em cache", async ({
  page,
  context,
}) => {
  test.setTimeout(90_000);
  await login(page, "atendente", "atendente123");
  await page.goto("/pessoas/000001");
  await expect(page.getByRole("heading", { level: 1, name: JOAO })).toBeVisible();
  await checkA11y(page, "pessoa");
  // The worker installs (precaching the shell) and takes over this page.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

  // The shell is there; nothing of /api is, although the person screen just read a dozen answers.
  const cached = await cachedUrls(page);
  const urls = Object.values(cached).flat();
  expect(urls).toContain("/index.html");
  expect(urls.some((u) => u.startsWith("/assets/"))).toBe(true);
  expect(urls.filter((u) => u.startsWith("/api"))).toEqual([]);

  // The network drops while the app is open: it says so, in a live region.
  await context.setOffline(true);
  const banner = page.getByRole("status").filter({ hasText: "Sem conexão" });
  await expect(banner).toBeVisible();
  await checkA11y(page, "pessoa, sem conexão");

  // A deep link opened offline: the shell, and its own "sem conexão" state, not the browser's error.
  await page.goto("/pessoas/000001");
  await expect(page).toHaveURL(/\/pessoas\/000001$/);
  const offline = page.getByRole("alert").filter({ hasText: "Sem conexão" });
  await expect(offline).toContainText("abriu sem internet");
  await checkA11y(page, "aberto sem conexão");

  // Back online, "Tentar novamente" brings the person.
  await context.setOffline(false);
  await page.getByRole("button", { name: "Tentar novamente" }).click();
  await expect(page.getByRole("heading", { level: 1, name: JOAO })).toBeVisible();
  await expect(banner).toHaveCount(0);

  // Logging out leaves only the shell in the caches.
  await page.getByRole("button", { name: "Aline Atendente" }).click();
  await page.getByRole("menuitem", { name: "Sair" }).click();
  await expect(page).toHaveURL(/\/login$/);
  const after = await cachedUrls(page);
  expect(Object.keys(after).every((name) => name.startsWith("workbox-precache"))).toBe(true);
  expect(
    Object.values(after)
      .flat()
      .filter((u) => u.startsWith("/api")),
  ).toEqual([]);
});
