import crypto from "node:crypto";
import type { Page } from "@playwright/test";
import sharp from "sharp";
import { checkA11y, expect, login, test } from "./support/test.ts";

// The demo company (VINCULO_DEMO=1): the support user writes on João Carlos da Silva's (000001) tickets.
const ATENDENTE = { username: "atendente", password: "atendente123" };

const png = (width: number, height: number, background: string) =>
  sharp({ create: { width, height, channels: 3, background } })
    .png()
    .toBuffer();
const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);
const sha256 = (bytes: Buffer) => crypto.createHash("sha256").update(bytes).digest("hex");

/** A DataTransfer in the page holding one file, as a drop or a paste carries it. */
const transferOf = (page: Page, name: string, type: string, bytes: Buffer) =>
  page.evaluateHandle(
    ({ name, type, data }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], name, { type }));
      return transfer;
    },
    { name, type, data: bytes.toString("base64") },
  );

test("atendente anexa arquivos a um parecer (escolhidos, arrastados e colados) e os vê e baixa no Histórico", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const ts = Date.now();
  const subject = `Nota fiscal rejeitada ${ts}`;
  await login(page, ATENDENTE.username, ATENDENTE.password);
  const headers = { Origin: new URL(page.url()).origin };
  const settings = async (path: string) =>
    ((await (await page.request.get(`/api/settings/${path}`)).json()) as { items: { id: number; name: string }[] })
      .items;
  const typeId = (await settings("ticket-types")).find((t) => t.name === "Suporte técnico")?.id;
  const sectorId = (await settings("sectors")).find((s) => s.name === "Suporte")?.id;
  const created = await page.request.post("/api/persons/1/tickets", {
    data: { area: "service", typeId, sectorId, subject, note: "Cliente enviou a rejeição da SEFAZ." },
    headers,
  });
  expect(created.status()).toBe(201);
  const ticket = (await created.json()) as { id: number; number: number };

  await page.goto("/pessoas/000001?aba=atendimentos");
  await page.getByRole("searchbox", { name: "Buscar por assunto ou número" }).fill(String(ts));
  await page.getByRole("button", { name: `Parecer no atendimento ${ticket.number}` }).click();
  const dialog = page.getByRole("dialog", { name: `Parecer no atendimento ${ticket.number}` });
  const files = dialog.getByRole("list", { name: "Arquivos" });
  await dialog.getByRole("textbox", { name: "Parecer" }).fill("Segue a rejeição e a tela do erro.");

  // Chosen: a PDF, and a "PDF" that is really HTML (refused by its bytes, not its name).
  await dialog.getByLabel("Escolher arquivos").setInputFiles([
    { name: "rejeição 539.pdf", mimeType: "application/pdf", buffer: PDF },
    { name: "boleto.pdf", mimeType: "application/pdf", buffer: Buffer.from("<html><script>alert(1)</script></html>") },
  ]);
  await expect(files.getByRole("progressbar", { name: "rejeição 539.pdf enviado" })).toBeVisible();
  await expect(files.getByRole("listitem", { name: "boleto.pdf" }).getByRole("alert")).toContainText("boleto.pdf");

  // Dropped on the box: an image.
  const photo = await png(64, 48, "#2255aa");
  await dialog
    .getByTestId("drop-zone")
    .dispatchEvent("drop", { dataTransfer: await transferOf(page, "foto do equipamento.png", "image/png", photo) });
  await expect(files.getByRole("progressbar", { name: "foto do equipamento.png enviado" })).toBeVisible();

  // Pasted into the text: a screenshot, named by when it was pasted.
  const screenshot = await png(80, 60, "#cc3311");
  const clipboard = await transferOf(page, "image.png", "image/png", screenshot);
  await dialog.getByRole("textbox", { name: "Parecer" }).evaluate((box, clipboardData) => {
    box.dispatchEvent(new ClipboardEvent("paste", { clipboardData, bubbles: true, cancelable: true }));
  }, clipboard);
  await expect(files.getByRole("progressbar", { name: /^imagem colada .+\.png enviado$/ })).toBeVisible();
  await checkA11y(page, "Parecer com arquivos");

  // The refused file blocks the save until it is removed; nothing is saved meanwhile.
  await dialog.getByRole("button", { name: "Incluir parecer" }).click();
  await expect(dialog.getByRole("alert").first()).toBeVisible();
  await expect(dialog).toContainText("Remova os arquivos que não foram enviados.");
  await dialog.getByRole("button", { name: "Remover boleto.pdf" }).click();
  await dialog.getByRole("button", { name: "Incluir parecer" }).click();
  await expect(dialog).toBeHidden();

  // Histórico: the parecer with its three files; the images as thumbnails, the PDF to download.
  await page.getByRole("button", { name: `Histórico do atendimento ${ticket.number}` }).click();
  const history = page.getByRole("dialog", { name: `Histórico do atendimento ${ticket.number}` });
  const noteFiles = history.getByRole("list", { name: /^Arquivos do parecer de / });
  await expect(noteFiles.getByRole("listitem")).toHaveCount(3);
  const thumb = noteFiles.getByRole("link", { name: "Abrir foto do equipamento.png" }).locator("img");
  await expect(thumb).toBeVisible();
  await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await expect(noteFiles.getByRole("link", { name: /^Abrir imagem colada / })).toBeVisible();
  await checkA11y(page, "Histórico com arquivos");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    noteFiles.getByRole("link", { name: /^Baixar rejeição 539\.pdf/ }).click(),
  ]);
  const saved = await download.path();
  const fs = await import("node:fs");
  expect(sha256(fs.readFileSync(saved))).toBe(sha256(PDF));

  // The image itself, opened inline, is the bytes that were dropped.
  const href = await noteFiles.getByRole("link", { name: "Abrir foto do equipamento.png" }).getAttribute("href");
  const inline = await page.request.get(href ?? "");
  expect(inline.headers()["content-type"]).toBe("image/png");
  expect(sha256(await inline.body())).toBe(sha256(photo));
});

test("atendente anexa um contrato aos Documentos da pessoa, vê quem anexou e o remove", async ({ page }) => {
  const name = `contrato assinado ${Date.now().toString(36)}.pdf`;
  await login(page, ATENDENTE.username, ATENDENTE.password);
  await page.goto("/pessoas/000001");
  await page.getByRole("button", { name: "Documentos" }).click();
  const drawer = page.getByRole("dialog", { name: "Documentos — João Carlos da Silva" });
  await expect(drawer.getByRole("button", { name: "Escolher arquivos" })).toBeVisible();
  await checkA11y(page, "Documentos");

  await drawer.getByLabel("Escolher arquivos").setInputFiles({ name, mimeType: "application/pdf", buffer: PDF });
  await expect(drawer.getByRole("progressbar", { name: `${name} enviado` })).toBeVisible();
  await drawer.getByRole("button", { name: "Anexar aos documentos" }).click();
  await expect(page.getByText("1 documento anexado.")).toBeVisible();
  const row = drawer.getByRole("list", { name: "Documentos da pessoa" }).getByRole("listitem", { name });
  await expect(row).toContainText(/Aline Atendente, \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
  // The picker starts again, empty.
  await expect(drawer.getByRole("progressbar")).toHaveCount(0);
  await checkA11y(page, "Documentos com um arquivo");

  // A PDF opens in the browser (a new tab), served as what its bytes are, and is those bytes.
  const link = row.getByRole("link", { name });
  await expect(link).toHaveAttribute("target", "_blank");
  const opened = await page.request.get((await link.getAttribute("href")) ?? "");
  expect(opened.headers()["content-type"]).toBe("application/pdf");
  expect(opened.headers()["content-disposition"]).toMatch(/^inline;/);
  expect(sha256(await opened.body())).toBe(sha256(PDF));

  await row.getByRole("button", { name: `Remover ${name}` }).click();
  await expect(page.getByText(`${name} removido.`)).toBeVisible();
  await expect(row).toHaveCount(0);
  const listed = (await (await page.request.get("/api/persons/1/attachments")).json()) as { items: { name: string }[] };
  expect(listed.items.map((f) => f.name)).not.toContain(name);
});
