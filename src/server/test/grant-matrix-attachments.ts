import type { TicketArea } from "../../shared/tickets.schemas.ts";
import { tabOfArea } from "../../shared/tickets.schemas.ts";
import { appointmentBody, appointmentTypeIds } from "./appointments.ts";
import { multipartBody, pngBytes, upload } from "./attachments.ts";
import type { CaseRecord, MatrixEndpoint, MatrixFixture, Need } from "./grant-matrix.ts";
import type { TestUser } from "./test-app.ts";

/**
 * Rows of the grant matrix for files (see grant-matrix.ts). A file is visible exactly when what it
 * hangs from is, and changes with it (attachments.access.ts):
 * - a ticket's file: its area's tab (Atendimentos or Produção); without a grant on it → 404;
 * - an appointment's file: the person's Agendamentos tab (hidden person → 404, no tab → 403);
 * - a parecer's file: its ticket's; an e-mail's attachment: its person's (both kept: never removed);
 * - a person's document: the person (seeing it; changing it = a write grant on one of its categories);
 * - a draft: its uploader's alone, so every logged-in user on their own draft (someone else's
 *   draft answering 404 is a rule of ownership, not of grants: attachments-upload.test.ts proves it).
 * Sending files (POST /api/uploads) and reading the limits are any logged-in user's; attaching is
 * writing what the file goes to, with a draft of the caller's own.
 */

const DAY = 86_400_000;
const anyUser: Need = { kind: "settings-read" };

/** The same small picture each time: its bytes are stored once and its thumbnail made once. */
const picture = () => [{ name: "matriz.png", content: pngBytes("matriz") }];

/** A draft of `user`'s own (the administrator's for the anonymous case); answers its key. */
async function draftOf(f: MatrixFixture, user: TestUser | null): Promise<string> {
  const [file] = await upload(f.t, user ?? f.admin, picture());
  if (!file) throw new Error("matrix setup: upload answered no file");
  return file.id;
}

async function freshTicket(f: MatrixFixture, area: TicketArea): Promise<number> {
  const created = await f.adminCall({
    method: "POST",
    url: `/api/persons/${f.person.code}/tickets`,
    payload: {
      area,
      typeId: f.ticketRefs.types[area === "production" ? "Correção de defeito" : "Suporte técnico"],
      subject: `Assunto dos anexos da matriz ${f.unique()}`,
      sectorId: f.ticketRefs.sectors.Suporte,
      note: "Parecer de abertura dos anexos da matriz.",
    },
  });
  return created.id as number;
}

async function freshAppointment(f: MatrixFixture): Promise<number> {
  const startsAt = new Date(Date.now() + 2 * DAY).toISOString();
  const body = appointmentBody(await appointmentTypeIds(f.t.ctx), startsAt, {
    subject: `Agendamento dos anexos da matriz ${f.unique()}`,
  });
  const created = await f.adminCall({
    method: "POST",
    url: `/api/persons/${f.person.code}/appointments`,
    payload: body,
  });
  return created.id as number;
}

/** What a file can hang from, how to make one, and what reading and changing it need. */
type Owner = {
  label: string;
  read: Need;
  write: Need;
  /** A fresh file (its key in `key`), made by the administrator unless it is the caller's draft. */
  file: (f: MatrixFixture, caller: TestUser | null) => Promise<CaseRecord>;
};

/** An administrator's draft attached through the owner's attach route. */
const attached = async (f: MatrixFixture, url: string): Promise<string> => {
  const key = await draftOf(f, null);
  await f.adminCall({ method: "POST", url, payload: { uploads: [key] } });
  return key;
};

const ticketOwner = (area: TicketArea): Owner => {
  const tab = tabOfArea(area);
  return {
    label: `${area} ticket`,
    read: { kind: "ticket", tab, level: "read" },
    write: { kind: "ticket", tab, level: "write" },
    file: async (f) => {
      const id = await freshTicket(f, area);
      return { person: f.person, id, key: await attached(f, `/api/tickets/${id}/attachments`) };
    },
  };
};

/**
 * Files that are part of what they came with (a parecer, an e-mail) and are never removed (409 to
 * whoever may see them): only their reading routes are rows.
 */
type ReadOnlyOwner = Omit<Owner, "write">;

const noteOwner = (area: TicketArea): ReadOnlyOwner => ({
  label: `${area} parecer`,
  read: { kind: "ticket", tab: tabOfArea(area), level: "read" },
  file: async (f) => {
    const id = await freshTicket(f, area);
    const key = await draftOf(f, null);
    await f.adminCall({
      method: "POST",
      url: `/api/tickets/${id}/notes`,
      payload: { text: "Parecer com arquivo da matriz.", attachments: [key] },
    });
    return { person: f.person, id, key };
  },
});

const READ_ONLY_OWNERS: ReadOnlyOwner[] = [
  noteOwner("service"),
  noteOwner("production"),
  {
    label: "e-mail",
    read: { kind: "person", level: "read" },
    file: async (f) => {
      const key = await draftOf(f, null);
      await f.adminCall({
        method: "POST",
        url: `/api/persons/${f.person.code}/emails`,
        payload: { to: ["matriz@example.com"], subject: `Anexo ${f.unique()}`, body: "Segue.", attachments: [key] },
      });
      return { person: f.person, key };
    },
  },
];

const OWNERS: Owner[] = [
  ticketOwner("service"),
  ticketOwner("production"),
  {
    label: "appointment",
    read: { kind: "tab", tab: "appointments", level: "read" },
    write: { kind: "tab", tab: "appointments", level: "write" },
    file: async (f) => {
      const id = await freshAppointment(f);
      return { person: f.person, id, key: await attached(f, `/api/appointments/${id}/attachments`) };
    },
  },
  {
    label: "person document",
    read: { kind: "person", level: "read" },
    write: { kind: "person", level: "write" },
    file: async (f) => ({ person: f.person, key: await attached(f, `/api/persons/${f.person.code}/attachments`) }),
  },
  {
    label: "own draft",
    read: anyUser,
    write: anyUser,
    file: async (f, caller) => ({ person: f.person, key: await draftOf(f, caller) }),
  },
];

/** The routes that read a file by its key, once per kind of owner. */
function keyReadRows(owner: ReadOnlyOwner): MatrixEndpoint[] {
  const base = { label: owner.label, setup: owner.file };
  return [
    {
      ...base,
      method: "GET",
      path: "/api/attachments/{key}",
      need: owner.read,
      url: (r) => `/api/attachments/${r.key}`,
    },
    {
      ...base,
      method: "GET",
      path: "/api/attachments/{key}/content",
      need: owner.read,
      url: (r) => `/api/attachments/${r.key}/content`,
    },
    {
      ...base,
      method: "GET",
      path: "/api/attachments/{key}/thumbnail",
      need: owner.read,
      url: (r) => `/api/attachments/${r.key}/thumbnail`,
    },
  ];
}

/** Reading and removing a file by its key. */
const keyRows = (owner: Owner): MatrixEndpoint[] => [
  ...keyReadRows(owner),
  {
    label: owner.label,
    setup: owner.file,
    method: "DELETE",
    path: "/api/attachments/{key}",
    need: owner.write,
    url: (r) => `/api/attachments/${r.key}`,
  },
];

/** Listing a ticket's, an appointment's or a person's files, and attaching a draft of the caller's own. */
function listAndAttach(
  label: string | undefined,
  path: string,
  read: Need,
  write: Need,
  make: (f: MatrixFixture) => Promise<CaseRecord>,
  url: (r: CaseRecord) => string,
): MatrixEndpoint[] {
  const base = label ? { label } : {};
  return [
    { ...base, method: "GET", path, need: read, setup: make, url },
    {
      ...base,
      method: "POST",
      path,
      need: write,
      setup: async (f, caller) => ({ ...(await make(f)), key: await draftOf(f, caller) }),
      url,
      body: (r) => ({ uploads: [r.key] }),
    },
  ];
}

const ticketLists = (area: TicketArea): MatrixEndpoint[] => {
  const tab = tabOfArea(area);
  return listAndAttach(
    area,
    "/api/tickets/{id}/attachments",
    { kind: "ticket", tab, level: "read" },
    { kind: "ticket", tab, level: "write" },
    async (f) => ({ person: f.person, id: await freshTicket(f, area) }),
    (r) => `/api/tickets/${r.id}/attachments`,
  );
};

/** A multipart body as a browser sends it, built once: the same bytes for every case. */
const UPLOAD = multipartBody([{ name: "matriz.txt", content: Buffer.from("Arquivo enviado pela matriz.") }]);

export const ATTACHMENT_ROWS: MatrixEndpoint[] = [
  { method: "GET", path: "/api/uploads/limits", need: anyUser, url: () => "/api/uploads/limits" },
  {
    method: "POST",
    path: "/api/uploads",
    need: anyUser,
    url: () => "/api/uploads",
    headers: UPLOAD.headers,
    body: () => UPLOAD.payload,
  },
  ...OWNERS.flatMap(keyRows),
  ...READ_ONLY_OWNERS.flatMap(keyReadRows),
  ...ticketLists("service"),
  ...ticketLists("production"),
  ...listAndAttach(
    undefined,
    "/api/appointments/{id}/attachments",
    { kind: "tab", tab: "appointments", level: "read" },
    { kind: "tab", tab: "appointments", level: "write" },
    async (f) => ({ person: f.person, id: await freshAppointment(f) }),
    (r) => `/api/appointments/${r.id}/attachments`,
  ),
  ...listAndAttach(
    undefined,
    "/api/persons/{code}/attachments",
    { kind: "person", level: "read" },
    { kind: "person", level: "write" },
    async (f) => ({ person: f.person }),
    (r) => `/api/persons/${r.person.code}/attachments`,
  ),
];
