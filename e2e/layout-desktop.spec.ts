import { overflows } from "./support/layout.ts";
import { expect, login, test } from "./support/test.ts";

// The phone's layout is e2e/layout.spec.ts (the phone project only); this one is the desktop's.
const ATENDENTE = { username: "atendente", password: "atendente123" };

test("numa tela larga (1366 px), a busca e o menu do usuário vão até a borda do cabeçalho", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await login(page, ATENDENTE.username, ATENDENTE.password);
  const user = page.getByRole("button", { name: "Aline Atendente" });
  const box = await user.boundingBox();
  // The user menu ends at the header's right padding (16 px), not around 945 px.
  expect((box?.x ?? 0) + (box?.width ?? 0)).toBeGreaterThan(1366 - 40);
  const search = await page.getByRole("combobox", { name: "Buscar pessoa" }).boundingBox();
  expect(search?.width ?? 0).toBeGreaterThanOrEqual(500);
  expect(await overflows(page)).toEqual([]);
});
