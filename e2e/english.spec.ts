import type { Locator, Page } from "@playwright/test";
import { workReasonsEn } from "../src/web/i18n/reasons/work.en.ts";
import { checkA11y, expect, test } from "./support/test.ts";

// An English user reads the server's refusals in English: the server writes its pt-BR sentence
// and a reason with params; the web puts the reason's English template (src/web/i18n/reasons/)
// or zod's English in their place. The demo company: João Carlos da Silva is person 000001.
const ADMIN = { username: "admin", password: "admin-e2e-123" };

/** A reason's English template as a pattern, each `{{param}}` given or matching anything. */
function templatePattern(template: string, params: Record<string, string> = {}): RegExp {
  const escaped = template.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(
    escaped.replace(/\\\{\\\{(\w+)\\\}\\\}/g, (_, name: string) =>
      params[name] === undefined ? ".+" : params[name].replace(/[.*+?^${}()|[\]\\]/g, "\\$&"),
    ),
  );
}

async function loginInEnglish(page: Page) {
  // The language is the browser's stored choice (the user menu's Idioma › English sets it).
  await page.addInitScript(() => localStorage.setItem("vinculo.language", "en"));
  await page.goto("/login");
  await page.getByLabel("Username", { exact: true }).fill(ADMIN.username);
  await page.getByLabel("Password", { exact: true }).fill(ADMIN.password);
  await checkA11y(page, "login in English");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/login/);
  // The home's own heading: the login page's h1 may still be shown for a moment at "/", and axe
  // run then would see no page at all while the home counts as shown a moment later.
  await expect(page.getByRole("heading", { level: 1, name: /^Hello, / })).toBeVisible();
  await checkA11y(page, "home in English");
}

const ticketItem = (page: Page, number: number, subject: string) =>
  page.getByRole("listitem", { name: `Ticket ${number}: ${subject}` });

async function choose(scope: Locator, page: Page, label: string, option: string) {
  await scope.getByRole("combobox", { name: label }).click();
  await page.getByRole("option", { name: option }).first().click();
}

test("in English, a 400 on a field and a 409 read in English, and so does the form's own check", async ({ page }) => {
  test.setTimeout(90_000);
  const ts = Date.now();
  const subject = `Slow system ${ts}`;
  await loginInEnglish(page);

  // A ticket of João with an internal contact, made through the API (same origin, the admin's session).
  const headers = { Origin: new URL(page.url()).origin };
  const settings = async (path: string) =>
    ((await (await page.request.get(`/api/settings/${path}`)).json()) as { items: { id: number; name: string }[] })
      .items;
  const typeId = (await settings("ticket-types")).find((t) => t.name === "Suporte técnico")?.id;
  const sectorId = (await settings("sectors")).find((s) => s.name === "Suporte")?.id;
  const created = await page.request.post("/api/persons/1/tickets", {
    data: { area: "service", typeId, sectorId, subject, note: "Opened through the API." },
    headers,
  });
  expect(created.status()).toBe(201);
  const ticket = (await created.json()) as { id: number; number: number; version: number };
  const me = (await (await page.request.get("/api/me")).json()) as { user: { id: number } };
  const contact = await page.request.patch(`/api/tickets/${ticket.id}`, {
    data: {
      internalContactAt: new Date(Date.now() + 86_400_000).toISOString(),
      internalContactUserId: me.user.id,
      version: ticket.version,
    },
    headers,
  });
  expect(contact.status()).toBe(200);
  // A colleague without any access profile: the server refuses to make them the internal contact.
  const outsider = `No Access ${ts}`;
  const user = await page.request.post("/api/users", {
    data: {
      username: `noaccess-${ts}`,
      name: outsider,
      email: `noaccess-${ts}@example.com`,
      password: "noaccess-e2e-123",
    },
    headers,
  });
  expect(user.status()).toBe(201);

  await page.goto("/pessoas/000001?aba=atendimentos");
  await page.getByRole("searchbox", { name: "Search by subject or number" }).fill(String(ts));
  await expect(ticketItem(page, ticket.number, subject)).toBeVisible();
  await checkA11y(page, "Tickets tab");

  // 400 on a field: the contact user may not see this person's tickets. The server's words are
  // "No Access … não tem acesso a Atendimentos desta pessoa"; the English user reads the reason's template.
  await page.getByRole("button", { name: `More actions for ticket ${ticket.number}` }).click();
  await page.getByRole("menuitem", { name: "Change internal contact date" }).click();
  const contactDialog = page.getByRole("dialog", { name: `Internal contact date of ticket ${ticket.number}` });
  await choose(contactDialog, page, "Contact user", outsider);
  await contactDialog.getByRole("button", { name: "Save internal contact" }).click();
  await expect(
    contactDialog.getByText(templatePattern(workReasonsEn.user_without_tab, { name: outsider })),
  ).toBeVisible();
  await expect(contactDialog).not.toContainText("não tem acesso");
  await checkA11y(page, "Internal contact date, refused");
  await contactDialog.getByRole("button", { name: "Cancel" }).click();

  // The form's own check speaks English too (zod's English locale, not the schema's pt-BR words).
  await page.getByRole("button", { name: `Note on ticket ${ticket.number}` }).click();
  const noteDialog = page.getByRole("dialog", { name: `Note on ticket ${ticket.number}` });
  await noteDialog.getByRole("button", { name: "Add note" }).click();
  await expect(noteDialog.getByText(/Too small: expected string to have >=1 characters/)).toBeVisible();
  await expect(noteDialog).not.toContainText("escreva o parecer");
  await checkA11y(page, "Note, with the form's check");

  // 409: closed meanwhile by someone else. First the stale version (412), then the rule.
  await noteDialog.getByRole("textbox", { name: "Note" }).fill("An attempt after the closing.");
  const closedElsewhere = await page.request.post(`/api/tickets/${ticket.id}/notes`, {
    data: { text: "Closed by someone else.", close: true },
    headers,
  });
  expect(closedElsewhere.status()).toBe(201);
  await noteDialog.getByRole("button", { name: "Add note" }).click();
  await expect(noteDialog.getByRole("alert")).toHaveText(
    "Someone else changed this ticket; the data has been reloaded.",
  );
  await noteDialog.getByRole("button", { name: "Add note" }).click();
  await expect(noteDialog.getByRole("alert")).toHaveText(workReasonsEn.ticket_closed);
  await expect(noteDialog.getByRole("alert")).not.toContainText("Atendimento encerrado");
  await noteDialog.getByRole("button", { name: "Cancel" }).click();
});
