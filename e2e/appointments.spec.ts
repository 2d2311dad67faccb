import type { Locator, Page } from "@playwright/test";
import { checkA11y, expect, expectAllChecked, freshPage, isPhone, login, test } from "./support/test.ts";

// The demo company (VINCULO_DEMO=1 in playwright.config.ts). The support user (Aline Atendente) and
// the seller (Vicente Vendedor) write Agendamentos of customers. João Carlos da Silva (000001) has
// one appointment of each state (src/server/seed/demo-appointments.ts, relative to today): done a
// week ago, open two days ago (past), tomorrow, deleted, in 7 days 09:00–13:00 for Aline ("Implantar
// o módulo fiscal") and an all-day one in 10 days locked by the manager.
const ATENDENTE = { username: "atendente", password: "atendente123", name: "Aline Atendente" };
const VENDEDOR = { username: "vendedor", password: "vendedor123" };
const ADMIN = { username: "admin", password: "admin-e2e-123" };
const JOAO_TAB = "/pessoas/000001?aba=agendamentos";

/** dd/mm/aaaa of today + `days` in São Paulo (the company's zone), whatever the machine's zone. */
function dayFromToday(days: number): string {
  const at = new Date(Date.now() + days * 24 * 60 * 60 * 1000);
  return new Intl.DateTimeFormat("pt-BR", {
    timeZone: "America/Sao_Paulo",
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
  }).format(at);
}

const item = (page: Page, subject: string) => page.getByRole("listitem", { name: `Agendamento ${subject}` });

async function choose(scope: Locator, page: Page, label: string, option: string | RegExp) {
  await scope.getByRole("combobox", { name: label }).click();
  await page.getByRole("option", { name: option }).first().click();
}

/** A date field of the form: typed the Brazilian way, then left (the calendar closes on blur). */
async function typeDate(dialog: Locator, label: string, value: string) {
  const input = dialog.getByRole("textbox", { name: label, exact: true });
  await input.fill(value);
  await dialog.getByRole("textbox", { name: "Assunto" }).click();
  await expect(input).toHaveValue(value);
}

/** Drags a FullCalendar event by its top edge to the top of a time slot (same day column). */
/**
 * Drags an event by the mouse to a slot; `meanwhile` runs once the drag has begun (the event
 * lifted), as a colleague's change would arrive while the user holds it.
 */
/** Where the locator is once the layout has settled (two reads 100 ms apart agree). */
async function settledBox(page: Page, locator: Locator) {
  let last = "";
  for (let i = 0; i < 50; i++) {
    const box = await locator.boundingBox();
    const now = JSON.stringify(box);
    if (box && now === last) return box;
    last = now;
    await page.waitForTimeout(100);
  }
  throw new Error("event or slot not on screen, or still moving");
}

async function dragEvent(page: Page, event: Locator, slot: Locator, meanwhile?: () => Promise<void>) {
  // Measured once the page stopped moving (a resized viewport, an alert going away shift the grid).
  const from = await settledBox(page, event);
  const x = from.x + from.width / 2;
  await page.mouse.move(x, from.y + 4);
  await page.mouse.down();
  await page.mouse.move(x, from.y + 14, { steps: 4 });
  await expect(page.locator(".fc-event-dragging")).toBeVisible();
  if (meanwhile) await meanwhile();
  // The target is measured last, after whatever happened meanwhile.
  const to = await settledBox(page, slot);
  await page.mouse.move(x, to.y + 4, { steps: 12 });
  await page.mouse.up();
}

/**
 * Ticks or clears a filter box by a click, then waits for the state it leads to: check()/uncheck()
 * read the box in the same instant as the click and fail when React renders the controlled box's
 * new state a moment later (seen on CI's busy machine).
 */
async function setBox(page: Page, name: string, checked: boolean) {
  const box = page.getByRole("checkbox", { name });
  await expect(box).toBeChecked({ checked: !checked });
  await box.click();
  await expect(box).toBeChecked({ checked });
}

async function moreActions(page: Page, subject: string, action: string) {
  await page.getByRole("button", { name: `Mais ações do agendamento ${subject}` }).click();
  await page.getByRole("menuitem", { name: action }).click();
}

test("atendente agenda, edita, realiza, bloqueia; colega recusado; anteriores e excluídos só quando pedidos; a Agenda mostra a visita", async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000);
  const ts = Date.now().toString(36);
  const subject = `Visita de manutenção preventiva ${ts}`;
  const nextWeek = dayFromToday(7);

  await login(page, ATENDENTE.username, ATENDENTE.password);
  await page.goto(JOAO_TAB);
  await expect(page.getByRole("tab", { name: "Agendamentos", selected: true })).toBeVisible();
  await expect(item(page, "Implantar o módulo fiscal")).toBeVisible();
  await expect(item(page, "Apresentar a proposta de renovação")).toContainText("Remoto");
  await checkA11y(page, "aba Agendamentos");

  // Past and deleted appointments only when asked for.
  await expect(item(page, "Retorno sobre o boleto em atraso")).toHaveCount(0);
  await expect(item(page, "Revisar o contrato de manutenção")).toHaveCount(0);
  await setBox(page, "Mostrar anteriores", true);
  await expect(item(page, "Retorno sobre o boleto em atraso")).toContainText("Anterior");
  await expect(item(page, "Revisar o contrato de manutenção")).toHaveCount(0);
  await setBox(page, "Mostrar excluídos", true);
  const deleted = item(page, "Revisar o contrato de manutenção");
  await expect(deleted).toContainText("Excluído");
  await expect(deleted.getByRole("button", { name: /^Editar/ })).toHaveCount(0);
  await setBox(page, "Mostrar anteriores", false);
  await setBox(page, "Mostrar excluídos", false);
  await expect(item(page, "Retorno sobre o boleto em atraso")).toHaveCount(0);
  await expect(deleted).toHaveCount(0);

  // The locked all-day training: who holds the lock and since when; dates only.
  const training = item(page, "Treinamento da equipe de faturamento");
  await expect(training).toContainText(/Bloqueado por Gustavo Gerente desde \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
  await expect(training).toContainText(new RegExp(`${dayFromToday(10).replaceAll("/", "\\/")} – \\d{2}/`));
  await expect(training).toContainText("Dia inteiro");
  // The reason Editar is off shows on keyboard focus too, not only under the mouse.
  const trainingEdit = page.getByRole("button", { name: "Editar o agendamento Treinamento da equipe de faturamento" });
  await trainingEdit.focus();
  // Reached by the keyboard (a focus the browser shows as such), as a keyboard user would.
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Tab");
  await expect(trainingEdit).toBeFocused();
  await expect(page.getByRole("tooltip")).toContainText("Bloqueado por Gustavo Gerente");
  await checkA11y(page, "motivo do Editar desabilitado");
  await trainingEdit.blur();

  // Novo agendamento: the required fields first, then a visit next week at one of João's addresses.
  await page.getByRole("button", { name: "Novo agendamento" }).click();
  const create = page.getByRole("dialog", { name: "Novo agendamento" });
  await create.getByRole("button", { name: "Agendar" }).click();
  await expect(create.getByRole("combobox", { name: "Tipo de agendamento" })).toHaveAccessibleDescription(
    /Escolha o tipo de agendamento/,
  );
  await expect(create.getByRole("textbox", { name: "Início" })).toHaveAttribute("aria-invalid", "true");
  await expect(create.getByRole("textbox", { name: "Assunto" })).toHaveAttribute("aria-invalid", "true");
  await checkA11y(page, "Novo agendamento, com os erros");
  await choose(create, page, "Tipo de agendamento", "Visita técnica");
  await typeDate(create, "Início", `${nextWeek} 09:00`);
  await typeDate(create, "Fim", `${nextWeek} 10:30`);
  await create.getByRole("textbox", { name: "Assunto" }).fill(subject);
  await create.getByRole("combobox", { name: "Local" }).click();
  await expect(page.getByRole("option", { name: "Remoto (sem endereço)" })).toBeVisible();
  await page.getByRole("option").nth(2).click(); // the first of João's addresses
  await create.getByRole("textbox", { name: "Descrição" }).fill("Levar o kit de limpeza da impressora fiscal.");
  await create.getByRole("button", { name: "Agendar" }).click();
  await expect(create).toBeHidden();
  await expect(page.getByText(`Agendamento “${subject}” criado.`)).toBeVisible();
  // Aline already has the fiscal module installation at that time: a warning, the visit is saved anyway.
  const conflict = page.getByRole("alert").filter({ hasText: "Conflito de horário" });
  await expect(conflict).toContainText("Aline Atendente já tem outro agendamento nesse horário");
  await expect(conflict).toContainText("Implantar o módulo fiscal (000001 — João Carlos da Silva)");
  await checkA11y(page, "aviso de conflito");
  await conflict.getByRole("button", { name: "Fechar" }).click();
  const visit = item(page, subject);
  await expect(visit).toContainText(`${nextWeek} 09:00 – 10:30`);
  await expect(visit).toContainText("Visita técnica");
  await expect(visit).toContainText(`Responsável: ${ATENDENTE.name}`);
  await expect(visit).not.toContainText("Local não informado");

  // Editar: moved to the afternoon (no conflict now).
  await page.getByRole("button", { name: `Editar o agendamento ${subject}` }).click();
  const edit = page.getByRole("dialog", { name: `Editar o agendamento ${subject}` });
  await expect(edit.getByRole("textbox", { name: "Início", exact: true })).toHaveValue(`${nextWeek} 09:00`);
  await checkA11y(page, "Editar o agendamento");
  await typeDate(edit, "Início", `${nextWeek} 14:00`);
  await typeDate(edit, "Fim", `${nextWeek} 15:30`);
  await edit.getByRole("button", { name: "Salvar alterações" }).click();
  await expect(edit).toBeHidden();
  await expect(page.getByText(`Agendamento “${subject}” alterado.`)).toBeVisible();
  await expect(visit).toContainText(`${nextWeek} 14:00 – 15:30`);

  // Another one marked done: it leaves Abertos, shows under Realizados, and can no longer be deleted.
  const proposal = "Apresentar a proposta de renovação";
  await page.getByRole("button", { name: `Marcar como realizado o agendamento ${proposal}` }).click();
  const done = page.getByRole("dialog", { name: `Marcar como realizado: ${proposal}` });
  await expect(done.getByRole("textbox", { name: "Resultado" })).toBeVisible();
  await checkA11y(page, "Marcar como realizado");
  await done.getByRole("textbox", { name: "Resultado" }).fill("Proposta apresentada; cliente vai avaliar até sexta.");
  await done.getByRole("button", { name: "Marcar como realizado" }).click();
  await expect(done).toBeHidden();
  await expect(item(page, proposal)).toHaveCount(0);
  // The specification's word for the filter: Abertos ou Encerrados.
  await page.getByRole("radiogroup", { name: "Situação dos agendamentos" }).getByText("Encerrados").click();
  await expect(item(page, proposal)).toContainText("Realizado");
  await checkA11y(page, "agendamentos encerrados");
  await expect(page.getByRole("button", { name: `Editar o agendamento ${proposal}` })).toHaveAccessibleDescription(
    "Já realizado: não pode ser editado.",
  );
  await moreActions(page, proposal, "Excluir");
  const refusedDelete = page.getByRole("dialog", { name: `Excluir o agendamento ${proposal}` });
  await expect(refusedDelete.getByRole("alert")).toContainText(
    "Já realizado: um agendamento realizado não pode ser excluído.",
  );
  await checkA11y(page, "Excluir recusado");
  await refusedDelete.getByRole("button", { name: "Fechar" }).last().click();
  await expect(refusedDelete).toBeHidden();
  // The week-old done visit is also past: only with "Mostrar anteriores".
  await expect(item(page, "Instalar a nova versão do ERP")).toHaveCount(0);
  await setBox(page, "Mostrar anteriores", true);
  await expect(item(page, "Instalar a nova versão do ERP")).toContainText("Realizado");
  await setBox(page, "Mostrar anteriores", false);
  await expect(item(page, "Instalar a nova versão do ERP")).toHaveCount(0);
  await page.getByRole("radiogroup", { name: "Situação dos agendamentos" }).getByText("Abertos").click();

  // A colleague opens the visit to edit it; meanwhile Aline locks it.
  const colleague = await freshPage(browser);
  await login(colleague, VENDEDOR.username, VENDEDOR.password);
  await colleague.goto(JOAO_TAB);
  await expect(item(colleague, subject)).toBeVisible();
  await checkA11y(colleague, "aba Agendamentos do colega");
  await colleague.getByRole("button", { name: `Editar o agendamento ${subject}` }).click();
  const colleagueEdit = colleague.getByRole("dialog", { name: `Editar o agendamento ${subject}` });
  await expect(colleagueEdit.getByRole("textbox", { name: "Assunto" })).toBeVisible();
  await checkA11y(colleague, "Editar o agendamento, colega");
  await colleagueEdit.getByRole("textbox", { name: "Assunto" }).fill(`${subject} (vendedor)`);

  await moreActions(page, subject, "Bloquear");
  const lock = page.getByRole("dialog", { name: `Bloquear o agendamento ${subject}` });
  await expect(lock.getByRole("textbox", { name: "Motivo do bloqueio" })).toBeVisible();
  await checkA11y(page, "Bloquear");
  await lock.getByRole("textbox", { name: "Motivo do bloqueio" }).fill("Aguardando a confirmação do técnico.");
  await lock.getByRole("button", { name: "Bloquear" }).click();
  await expect(lock).toBeHidden();
  await expect(visit).toContainText(/Bloqueado por Aline Atendente desde \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);

  // The lock changed the visit: first the stale version (reloaded, the typed text kept), then the
  // server's refusal naming who holds the lock; the list then shows it.
  await colleagueEdit.getByRole("button", { name: "Salvar alterações" }).click();
  await expect(colleagueEdit.getByRole("alert")).toContainText("Outra pessoa alterou este agendamento");
  await expect(colleagueEdit.getByRole("textbox", { name: "Assunto" })).toHaveValue(`${subject} (vendedor)`);
  await colleagueEdit.getByRole("button", { name: "Salvar alterações" }).click();
  await expect(colleagueEdit.getByRole("alert")).toContainText(
    /bloqueado por Aline Atendente desde .*só quem bloqueou pode editá-lo/,
  );
  await checkA11y(colleague, "Editar o agendamento, recusado");
  await colleagueEdit.getByRole("button", { name: "Cancelar" }).click();
  const colleagueVisit = item(colleague, subject);
  await expect(colleagueVisit).toContainText("Bloqueado por Aline Atendente");
  await expect(colleague.getByRole("button", { name: `Editar o agendamento ${subject}` })).toHaveAccessibleDescription(
    /^Bloqueado por Aline Atendente desde .*: só quem bloqueou pode editá-lo\.$/,
  );
  // Locked by someone else: neither Bloquear, Excluir nor Desbloquear is offered (only the holder,
  // or an administrator, may — the server would refuse with 423 anyway), so there is no "Mais
  // ações" menu at all rather than an empty one; Detalhes stays.
  await expect(colleagueVisit.getByRole("button", { name: `Detalhes do agendamento ${subject}` })).toBeVisible();
  await expect(colleague.getByRole("button", { name: `Mais ações do agendamento ${subject}` })).toHaveCount(0);
  await expectAllChecked(colleague);
  await colleague.context().close();

  await moreActions(page, subject, "Desbloquear");
  const unlock = page.getByRole("dialog", { name: `Desbloquear o agendamento ${subject}` });
  await expect(unlock).toContainText("Aguardando a confirmação do técnico.");
  await checkA11y(page, "Desbloquear");
  await unlock.getByRole("button", { name: "Desbloquear" }).click();
  await expect(unlock).toBeHidden();
  await expect(visit).not.toContainText("Bloqueado por");

  // The Agenda (user menu): next week shows the visit; a click opens its details.
  await page.getByRole("button", { name: ATENDENTE.name }).click();
  await page.getByRole("menuitem", { name: "Agenda" }).click();
  await expect(page).toHaveURL(/\/agenda$/);
  await expect(page.getByRole("heading", { level: 1, name: "Agenda" })).toBeVisible();
  const calendar = page.getByRole("region", { name: "Calendário de agendamentos" });
  await calendar.locator(".fc-next-button").click();
  if (isPhone(page)) {
    // A phone lists the week. Rescheduling without dragging (WCAG 2.5.7): open it, Editar, type.
    const listed = calendar.locator(".fc-list-event", { hasText: subject });
    await expect(listed).toContainText("14:00 - 15:30");
    await checkA11y(page, "Agenda");
    await listed.getByText(subject).click();
    const opened = page.getByRole("dialog", { name: "Detalhes do agendamento" });
    await expect(opened.getByRole("row", { name: /Data e hora/ })).toContainText(`${nextWeek} 14:00 – 15:30`);
    await checkA11y(page, "Detalhes do agendamento, na Agenda");
    await opened.getByRole("button", { name: `Editar o agendamento ${subject}` }).click();
    const moving = page.getByRole("dialog", { name: `Editar o agendamento ${subject}` });
    await typeDate(moving, "Início", `${nextWeek} 16:00`);
    await typeDate(moving, "Fim", `${nextWeek} 17:30`);
    await checkA11y(page, "Editar o agendamento, na Agenda");
    await moving.getByRole("button", { name: "Salvar alterações" }).click();
    await expect(page.getByText(`Agendamento “${subject}” alterado.`)).toBeVisible();
    await expect(listed).toContainText("16:00 - 17:30");
    return;
  }
  const event = calendar.locator(".fc-timegrid-event", { hasText: subject });
  await expect(event).toBeVisible();
  await expect(event).toContainText("14:00 - 15:30");
  await checkA11y(page, "Agenda");

  // Someone changes the visit while it is being dragged: the drop is refused as stale and the event
  // goes back. (Changed before the drag, the live update would already have brought the new version.)
  const headers = { Origin: new URL(page.url()).origin };
  const listed = await page.request.get("/api/persons/1/appointments?limit=100");
  const stored = ((await listed.json()) as { items: { id: number; subject: string; version: number }[] }).items.find(
    (a) => a.subject === subject,
  );
  expect(stored).toBeDefined();
  await page.setViewportSize({ width: 1280, height: 1200 });
  await dragEvent(page, event, calendar.locator('td.fc-timegrid-slot-lane[data-time="16:00:00"]'), async () => {
    const changed = await page.request.patch(`/api/appointments/${stored?.id}`, {
      data: { description: "Levar também o cabo serial.", version: stored?.version },
      headers,
    });
    expect(changed.status()).toBe(200);
  });
  const refused = page.getByRole("alert").filter({ hasText: "Não foi possível remarcar" });
  await expect(refused).toContainText("Outra pessoa alterou este agendamento antes; a agenda foi recarregada.");
  await expect(event).toContainText("14:00 - 15:30");
  await refused.getByRole("button", { name: "Fechar" }).click();
  // The alert sat above the calendar: measure the drag only once the calendar has moved up.
  await expect(refused).toBeHidden();

  // Dragged again, with the current version: saved two hours later, same length.
  await dragEvent(page, event, calendar.locator('td.fc-timegrid-slot-lane[data-time="16:00:00"]'));
  await expect(page.getByText(`Agendamento remarcado para ${nextWeek} 16:00 – 17:30.`)).toBeVisible();
  await expect(event).toContainText("16:00 - 17:30");
  await event.click();
  const details = page.getByRole("dialog", { name: "Detalhes do agendamento" });
  await expect(details.getByRole("row", { name: /Assunto/ })).toContainText(subject);
  await expect(details.getByRole("row", { name: /Data e hora/ })).toContainText(`${nextWeek} 16:00 – 17:30`);
  await expect(details.getByRole("row", { name: /Descrição/ })).toContainText("Levar também o cabo serial.");
  await checkA11y(page, "Detalhes do agendamento, na Agenda");
  await details.getByRole("button", { name: "Fechar" }).click();
});

test("assinatura da agenda: endereço privado criado, lido como iCalendar e revogado", async ({ page }) => {
  await login(page, ATENDENTE.username, ATENDENTE.password);
  await page.goto("/agenda");
  await expect(page.getByRole("heading", { level: 1, name: "Agenda" })).toBeVisible();
  await checkA11y(page, "Agenda");
  await page.getByRole("button", { name: "Assinar no Google Agenda / Outlook" }).click();
  const feed = page.getByRole("dialog", { name: "Assinar a agenda no Google Agenda ou no Outlook" });
  await expect(feed).toContainText("Nenhum endereço ativo.");
  await checkA11y(page, "Assinar a agenda");
  await feed.getByRole("button", { name: "Criar endereço" }).click();
  const address = feed.getByRole("textbox", { name: "Endereço da agenda" });
  await expect(address).toHaveValue(/^http:\/\/127\.0\.0\.1:\d+\/api\/calendar\/[A-Za-z0-9_-]+\.ics$/);
  const url = await address.inputValue();
  const ics = await page.request.get(url);
  expect(ics.status()).toBe(200);
  const text = await ics.text();
  expect(text).toContain("BEGIN:VCALENDAR");
  expect(text).toContain("Implantar o módulo fiscal");
  await expect(feed).toContainText(/Endereço ativo desde \d{2}\/\d{2}\/\d{4}/);
  await checkA11y(page, "Assinar a agenda, com o endereço");

  await feed.getByRole("button", { name: "Revogar endereço" }).click();
  await expect(page.getByText("Endereço revogado")).toBeVisible();
  await expect(feed).toContainText("Nenhum endereço ativo.");
  expect((await page.request.get(url)).status()).toBe(404);
});

test("administrador cadastra um tipo de agendamento com cor e duração", async ({ page }) => {
  const name = `Visita de cortesia ${Date.now().toString(36)}`;
  await login(page, ADMIN.username, ADMIN.password);
  await page.goto("/admin/configuracoes?aba=tipos-agendamento");
  const table = page.getByRole("table", { name: "Tipos de agendamento" });
  await expect(table.getByRole("row", { name: /Visita técnica/ })).toBeVisible();
  await checkA11y(page, "Tipos de agendamento");
  await page.getByRole("button", { name: "Novo tipo de agendamento" }).click();
  const dialog = page.getByRole("dialog", { name: "Novo tipo de agendamento" });
  await expect(dialog.getByRole("textbox", { name: "Nome" })).toBeVisible();
  await checkA11y(page, "Novo tipo de agendamento");
  await dialog.getByRole("textbox", { name: "Nome" }).fill(name);
  await dialog.getByRole("textbox", { name: "Duração padrão (minutos)" }).fill("45");
  await dialog.getByRole("button", { name: "Criar" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Tipo de agendamento ${name} criado.`)).toBeVisible();
  await expect(table.getByRole("row", { name: new RegExp(name) })).toContainText("45 min");
});
