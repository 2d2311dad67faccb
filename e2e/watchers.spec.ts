import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import { checkA11y, expect, expectAllChecked, freshPage, login, serverDataDir, test } from "./support/test.ts";

// The demo company (VINCULO_DEMO=1): Padaria Pão de Açúcar (000002) is a customer with critical and
// attention tickets in several sectors (seed/demo-watchers.ts), and nobody watches it. The e2e
// server has no SMTP: the mail worker writes .eml files under VINCULO_E2E_DATA_DIR/mail.
const PADARIA = { code: 2, path: "/pessoas/000002", name: "Padaria Pão de Açúcar Comércio de Alimentos Ltda" };
const TICKET_SUBJECT = "Proposta para a segunda loja";

/** A user in a browser of their own (the manager and the support user side by side), watched by axe. */
async function loginIn(browser: Browser, username: string, password: string): Promise<Page> {
  const page = await freshPage(browser);
  await login(page, username, password);
  return page;
}

/** The .eml files written since the test began that contain every one of `texts`. */
function mailWith(texts: string[]): string | undefined {
  const dir = path.join(serverDataDir(), "mail");
  if (!fs.existsSync(dir)) return undefined;
  for (const name of fs.readdirSync(dir).filter((f) => f.endsWith(".eml"))) {
    // Bodies are quoted-printable: undo soft line breaks and =XX escapes before looking.
    const raw = fs.readFileSync(path.join(dir, name), "latin1").replace(/=\r?\n/g, "");
    const text = Buffer.from(
      raw.replace(/=([0-9A-F]{2})/g, (_, hex) => String.fromCharCode(Number.parseInt(hex, 16))),
      "latin1",
    ).toString("utf8");
    if (texts.every((t) => text.includes(t))) return text;
  }
  return undefined;
}

test("o gerente monitora uma pessoa, recebe o parecer da atendente por e-mail e vê os fatores críticos", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const gerente = await loginIn(browser, "gerente", "gerente123");
  await gerente.goto(PADARIA.path);
  await expect(gerente.getByRole("heading", { level: 1, name: PADARIA.name })).toBeVisible();
  await checkA11y(gerente, "pessoa");

  // The badge says what the server counts.
  const counts = (await (await gerente.request.get(`/api/persons/${PADARIA.code}/critical-factors`)).json()).counts as {
    critical: number;
    attention: number;
  };
  expect(counts.critical).toBeGreaterThan(0);
  expect(counts.attention).toBeGreaterThan(0);
  const critical = `${counts.critical} ${counts.critical === 1 ? "crítico" : "críticos"}`;
  const attention = `${counts.attention} em atenção`;
  const badge = gerente.getByRole("button", { name: `Fatores críticos: ${critical}, ${attention}` });
  await expect(badge).toBeVisible();
  await expect(badge).toContainText(critical);
  await expect(badge).toContainText(attention);
  await checkA11y(gerente, "cabeçalho com fatores críticos");

  // Spy System: nobody watches yet; "Monitorar".
  await gerente.getByRole("button", { name: "Monitoramento (Spy System): 0 monitorando" }).click();
  await expect(gerente.getByText("Ninguém monitora esta pessoa.")).toBeVisible();
  await checkA11y(gerente, "Monitoramento");
  await gerente.getByRole("button", { name: "Monitorar", exact: true }).click();
  await expect(gerente.getByText("Você passou a monitorar esta pessoa.")).toBeVisible();
  await expect(gerente.getByRole("list", { name: "Monitoramento" })).toContainText("Gustavo Gerente (você)");
  await expect(gerente.getByRole("button", { name: "Monitoramento (Spy System): 1 monitorando" })).toBeVisible();
  await expect(gerente.getByRole("button", { name: "Deixar de monitorar" })).toBeVisible();
  await gerente.keyboard.press("Escape");

  // The atendente adds a parecer to one of Padaria's tickets.
  const atendente = await loginIn(browser, "atendente", "atendente123");
  await atendente.goto(`${PADARIA.path}?aba=atendimentos`);
  const item = atendente.getByRole("listitem", { name: new RegExp(`^Atendimento \\d+: ${TICKET_SUBJECT}$`) });
  await expect(item).toBeVisible();
  await checkA11y(atendente, "aba Atendimentos");
  const number = Number(/Atendimento (\d+)/.exec((await item.getAttribute("aria-label")) ?? "")?.[1]);
  expect(number).toBeGreaterThan(0);
  const note = `Cliente confirmou a abertura da loja em Contagem para o dia 15 (${Date.now()}).`;
  await atendente.getByRole("button", { name: `Parecer no atendimento ${number}` }).click();
  const dialog = atendente.getByRole("dialog", { name: `Parecer no atendimento ${number}` });
  await expect(dialog.getByRole("textbox", { name: "Parecer" })).toBeVisible();
  await checkA11y(atendente, "Parecer");
  await dialog.getByRole("textbox", { name: "Parecer" }).fill(note);
  await dialog.getByRole("button", { name: "Incluir parecer" }).click();
  await expect(dialog).toBeHidden();

  // The gerente's message arrives (the worker writes it as an .eml file).
  let message: string | undefined;
  await expect
    .poll(
      () => {
        message = mailWith([`Atendimento ${number}`, note]);
        return message !== undefined;
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  expect(message).toContain("gerente@vinculo-demo.com.br");
  expect(message).toContain(`000002 — ${PADARIA.name}`);
  expect(message).toContain(`/pessoas/000002?aba=atendimentos`);
  expect(message).toContain("Aline Atendente incluiu um parecer");
  // Not to the author.
  expect(mailWith([note, "To: atendente@vinculo-demo.com.br"])).toBeUndefined();

  // The panel lists the person's critical factors by sector.
  await badge.click();
  const panel = gerente.getByRole("dialog", { name: `Fatores críticos — ${PADARIA.name}` });
  await expect(panel.getByRole("region", { name: "Setor Comercial" })).toContainText(TICKET_SUBJECT);
  await expect(panel.getByRole("region", { name: "Setor Suporte" })).toContainText("Balança não comunica com o PDV");
  await expect(panel.getByRole("region", { name: "Setor Desenvolvimento" })).toContainText("Etiqueta de validade");
  await checkA11y(gerente, "Fatores críticos da pessoa");
  await panel.getByRole("button", { name: "Fechar" }).click();

  // The company-wide page, from the user menu: grouped by sector, then person; filtered by sector.
  await gerente.getByRole("button", { name: "Gustavo Gerente" }).click();
  await gerente.getByRole("menuitem", { name: "Fatores críticos" }).click();
  await expect(gerente).toHaveURL(/\/fatores-criticos$/);
  await expect(gerente.getByRole("heading", { level: 1, name: "Fatores críticos" })).toBeVisible();
  const comercial = gerente.getByRole("region", { name: "Setor Comercial" });
  await expect(comercial.getByRole("link", { name: `000002 · ${PADARIA.name}` })).toBeVisible();
  await expect(comercial).toContainText(TICKET_SUBJECT);
  await checkA11y(gerente, "Fatores críticos");
  // Filtered by a sector (its tickets may be past the first page of the whole company, which
  // depends on the hour and on what earlier journeys opened): only that sector is listed.
  await gerente.getByRole("combobox", { name: "Setor" }).click();
  await gerente.getByRole("option", { name: "Implantação", exact: true }).click();
  await expect(gerente).toHaveURL(/setor=\d+/);
  await expect(gerente.getByRole("region", { name: "Setor Implantação" })).toContainText(
    "Implantação do módulo de delivery",
  );
  await expect(gerente.getByRole("region", { name: "Setor Suporte" })).toHaveCount(0);
  await gerente.getByRole("combobox", { name: "Setor" }).click();
  await gerente.getByRole("option", { name: "Comercial", exact: true }).click();
  await expect(gerente.getByRole("region", { name: "Setor Implantação" })).toHaveCount(0);
  await expect(comercial).toContainText(TICKET_SUBJECT);

  // Avisos do monitoramento: the daily digest instead of one e-mail per event.
  await gerente.getByRole("button", { name: "Gustavo Gerente" }).click();
  await gerente.getByRole("menuitem", { name: "Avisos do monitoramento" }).click();
  const prefs = gerente.getByRole("dialog", { name: "Avisos do monitoramento" });
  await expect(prefs.getByRole("radio", { name: /Um resumo por dia/ })).toBeVisible();
  await checkA11y(gerente, "Avisos do monitoramento");
  await prefs.getByRole("radio", { name: /Um resumo por dia/ }).check();
  await prefs.getByRole("button", { name: "Salvar" }).click();
  await expect(gerente.getByText("Preferência de avisos salva.")).toBeVisible();
  const saved = await (await gerente.request.get("/api/me/watch-preferences")).json();
  expect(saved).toEqual({ delivery: "digest" });
  await expectAllChecked(gerente);
  await expectAllChecked(atendente);
});
