import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Person } from "../../../shared/persons.schemas.ts";
import { appointmentBody, appointmentTypeIds, createAppointment } from "../../test/appointments.ts";
import { pdfBytes, pngBytes, sha256, upload } from "../../test/attachments.ts";
import { categoryIds, makePerson, userWithGrants } from "../../test/factories.ts";
import { buildTestApp, type TestApp, type TestUser } from "../../test/test-app.ts";
import { noteCount, openTicket, type TicketRefs, ticketBody, ticketRefs } from "../../test/tickets.ts";

/** A file is visible exactly when what it hangs from is (issue 15, "Access"). */
describe("attachments: what they hang from decides who sees them", () => {
  let t: TestApp;
  let admin: TestUser;
  let refs: TicketRefs;
  let cats: Awaited<ReturnType<typeof categoryIds>>;
  let person: Person;
  beforeAll(async () => {
    t = await buildTestApp();
    admin = await t.user({ isAdmin: true });
    refs = await ticketRefs(t.ctx);
    cats = await categoryIds(t.ctx);
    person = await makePerson(t.ctx, { categoryIds: [cats.Cliente], name: "Cliente dos Anexos" });
  });
  afterAll(() => t.close());

  const get = (user: TestUser, url: string) => t.as(user, { method: "GET", url });

  it("attaches a parecer's files with it, and lists them on the ticket by note", async () => {
    const [print, nota] = await upload(t, admin, [
      { name: "erro.png", content: pngBytes("parecer") },
      { name: "nfe.xml", content: Buffer.from('<?xml version="1.0"?><nfeProc/>') },
    ]);
    const ticket = await openTicket(t, admin, person.code, ticketBody(refs, { attachments: [print?.id] }));
    const added = await t.as(admin, {
      method: "POST",
      url: `/api/tickets/${ticket.id}/notes`,
      payload: { text: "Segue a nota fiscal.", attachments: [nota?.id] },
    });
    expect(added.statusCode, added.body).toBe(201);
    const noteId = added.json().note.id;
    const list = await get(admin, `/api/tickets/${ticket.id}/attachments`);
    expect(list.statusCode).toBe(200);
    const items = list.json().items;
    expect(items.map((i: { name: string; target: string }) => [i.name, i.target])).toEqual([
      ["erro.png", "note"],
      ["nfe.xml", "note"],
    ]);
    expect(items[1].noteId).toBe(noteId);
    expect(items[0].noteId).not.toBe(noteId);
    expect(items.every((i: { canDelete: boolean }) => i.canDelete === false)).toBe(true);
    // Attached once: the same draft cannot come with another note.
    const again = await t.as(admin, {
      method: "POST",
      url: `/api/tickets/${ticket.id}/notes`,
      payload: { text: "De novo.", attachments: [nota?.id] },
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.details[0]).toMatchObject({ field: "attachments.0", reason: "draft_not_found" });
    // A parecer's files are part of it.
    const remove = await t.as(admin, { method: "DELETE", url: `/api/attachments/${nota?.id}` });
    expect(remove.statusCode).toBe(409);
    expect(remove.json().error.reason).toBe("note_attachment_permanent");
  });

  it("refuses someone else's draft and then writes nothing at all", async () => {
    const other = await t.user({ isAdmin: true });
    const [theirs] = await upload(t, other, [{ name: "deles.pdf", content: pdfBytes("deles") }]);
    const ticket = await openTicket(t, admin, person.code, ticketBody(refs));
    const before = await noteCount(t.ctx, ticket.id);
    const res = await t.as(admin, {
      method: "POST",
      url: `/api/tickets/${ticket.id}/notes`,
      payload: { text: "Com arquivo alheio.", attachments: [theirs?.id] },
    });
    expect(res.statusCode).toBe(400);
    expect(await noteCount(t.ctx, ticket.id)).toBe(before);
    const stillDraft = await t.ctx.db
      .selectFrom("attachments")
      .select("target")
      .where("key", "=", theirs?.id ?? "")
      .executeTakeFirstOrThrow();
    expect(stillDraft.target).toBe("draft");
  });

  it("hides a production ticket's file from a user without Produção (404), and shows it with it", async () => {
    const [file] = await upload(t, admin, [{ name: "stack.txt", content: Buffer.from("TypeError at line 3") }]);
    const ticket = await openTicket(
      t,
      admin,
      person.code,
      ticketBody(refs, { area: "production", attachments: [file?.id] }),
    );
    const service = await userWithGrants(t, [{ categoryId: cats.Cliente, tab: "tickets", level: "write" }]);
    const production = await userWithGrants(t, [{ categoryId: cats.Cliente, tab: "production", level: "read" }]);
    for (const url of [
      `/api/attachments/${file?.id}`,
      `/api/attachments/${file?.id}/content`,
      `/api/attachments/${file?.id}/thumbnail`,
    ]) {
      const hidden = await get(service, url);
      expect(hidden.statusCode, url).toBe(404);
      expect(hidden.json().error).toMatchObject({ reason: "attachment_not_found", message: "Arquivo não encontrado." });
    }
    expect((await get(service, `/api/tickets/${ticket.id}/attachments`)).statusCode).toBe(404);
    const seen = await get(production, `/api/attachments/${file?.id}/content`);
    expect(seen.statusCode).toBe(200);
    expect(seen.body).toBe("TypeError at line 3");
  });

  it("lets a read grant download a ticket's files but not add or remove them", async () => {
    const ticket = await openTicket(t, admin, person.code, ticketBody(refs));
    const [file] = await upload(t, admin, [{ name: "contrato.pdf", content: pdfBytes("contrato") }]);
    const attached = await t.as(admin, {
      method: "POST",
      url: `/api/tickets/${ticket.id}/attachments`,
      payload: { uploads: [file?.id] },
    });
    expect(attached.statusCode, attached.body).toBe(201);
    expect(attached.json().items[0]).toMatchObject({ target: "ticket", noteId: null, name: "contrato.pdf" });
    const reader = await userWithGrants(t, [{ categoryId: cats.Cliente, tab: "tickets", level: "read" }]);
    const download = await get(reader, `/api/attachments/${file?.id}/content`);
    expect(sha256(download.rawPayload)).toBe(sha256(pdfBytes("contrato")));
    const listed = await get(reader, `/api/tickets/${ticket.id}/attachments`);
    expect(listed.json().items[0].canDelete).toBe(false);
    expect((await t.as(reader, { method: "DELETE", url: `/api/attachments/${file?.id}` })).statusCode).toBe(403);
    const [mine] = await upload(t, reader, [{ name: "meu.txt", content: Buffer.from("do leitor") }]);
    const refused = await t.as(reader, {
      method: "POST",
      url: `/api/tickets/${ticket.id}/attachments`,
      payload: { uploads: [mine?.id] },
    });
    expect(refused.statusCode).toBe(403);
    expect((await t.as(admin, { method: "DELETE", url: `/api/attachments/${file?.id}` })).statusCode).toBe(204);
    expect((await get(admin, `/api/tickets/${ticket.id}/attachments`)).json().items).toEqual([]);
  });

  it("takes no file on a closed ticket", async () => {
    const ticket = await openTicket(t, admin, person.code, ticketBody(refs));
    await t.as(admin, {
      method: "POST",
      url: `/api/tickets/${ticket.id}/notes`,
      payload: { text: "Encerrado.", close: true },
    });
    const [file] = await upload(t, admin, [{ name: "tarde.txt", content: Buffer.from("tarde demais") }]);
    const res = await t.as(admin, {
      method: "POST",
      url: `/api/tickets/${ticket.id}/attachments`,
      payload: { uploads: [file?.id] },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.reason).toBe("ticket_closed_for_changes");
  });

  it("keeps a person's Documentos with who and when, following the person's visibility", async () => {
    const [doc] = await upload(t, admin, [{ name: "contrato social.pdf", content: pdfBytes("social") }]);
    const res = await t.as(admin, {
      method: "POST",
      url: `/api/persons/${person.code}/attachments`,
      payload: { uploads: [doc?.id] },
    });
    expect(res.statusCode, res.body).toBe(201);
    const seller = await userWithGrants(t, [{ categoryId: cats.Cliente, tab: "addresses", level: "read" }]);
    const stranger = await userWithGrants(t, [{ categoryId: cats.Fornecedor, tab: "tickets", level: "write" }]);
    const list = await get(seller, `/api/persons/${person.code}/attachments`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items[0]).toMatchObject({
      name: "contrato social.pdf",
      target: "person",
      createdBy: { id: admin.id },
      canDelete: false,
    });
    expect(list.json().items[0].createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect((await get(seller, `/api/attachments/${doc?.id}/content`)).statusCode).toBe(200);
    expect((await get(stranger, `/api/persons/${person.code}/attachments`)).statusCode).toBe(404);
    expect((await get(stranger, `/api/attachments/${doc?.id}/content`)).statusCode).toBe(404);
    // Changing Documentos is changing the person: a read grant cannot.
    const [mine] = await upload(t, seller, [{ name: "x.txt", content: Buffer.from("do vendedor") }]);
    const refused = await t.as(seller, {
      method: "POST",
      url: `/api/persons/${person.code}/attachments`,
      payload: { uploads: [mine?.id] },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.reason).toBe("cannot_change_person");
  });

  it("follows an appointment's Agendamentos tab", async () => {
    const types = await appointmentTypeIds(t.ctx);
    const soon = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const appointment = await createAppointment(t, admin, person.code, appointmentBody(types, soon));
    const [file] = await upload(t, admin, [{ name: "pauta.txt", content: Buffer.from("1. módulo fiscal") }]);
    const attached = await t.as(admin, {
      method: "POST",
      url: `/api/appointments/${appointment.id}/attachments`,
      payload: { uploads: [file?.id] },
    });
    expect(attached.statusCode, attached.body).toBe(201);
    const agenda = await userWithGrants(t, [{ categoryId: cats.Cliente, tab: "appointments", level: "read" }]);
    const noTab = await userWithGrants(t, [{ categoryId: cats.Cliente, tab: "tickets", level: "write" }]);
    expect((await get(agenda, `/api/appointments/${appointment.id}/attachments`)).json().items).toHaveLength(1);
    expect((await get(agenda, `/api/attachments/${file?.id}/content`)).body).toBe("1. módulo fiscal");
    expect((await get(noTab, `/api/attachments/${file?.id}/content`)).statusCode).toBe(403);
    expect((await get(noTab, `/api/appointments/${appointment.id}/attachments`)).statusCode).toBe(403);
  });

  it("answers 404 to a key that does not exist and 400 to one that cannot", async () => {
    expect((await get(admin, "/api/attachments/AAAAAAAAAAAAAAAAAAAAAA/content")).statusCode).toBe(404);
    const bad = await get(admin, "/api/attachments/..%2F..%2Fetc/content");
    expect(bad.statusCode).toBe(400);
  });
});
