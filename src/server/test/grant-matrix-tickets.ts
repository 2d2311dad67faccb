import { type TicketArea, tabOfArea } from "../../shared/tickets.schemas.ts";
import type { CaseRecord, MatrixEndpoint, MatrixFixture, Need } from "./grant-matrix.ts";

/** Rows of the grant matrix for Atendimentos and Produção (see grant-matrix.ts). */

const ticketBodyFor = (f: MatrixFixture, area: TicketArea) => ({
  area,
  typeId: f.ticketRefs.types[area === "production" ? "Correção de defeito" : "Suporte técnico"],
  subject: `Assunto da matriz ${f.unique()}`,
  sectorId: f.ticketRefs.sectors.Suporte,
  note: "Parecer de abertura da matriz.",
});

/** A fresh ticket of the shared person, opened (and, for `closed`, closed) by the administrator. */
const freshTicket =
  (area: TicketArea, state: "open" | "closed" = "open") =>
  async (f: MatrixFixture): Promise<CaseRecord> => {
    const created = await f.adminCall({
      method: "POST",
      url: `/api/persons/${f.person.code}/tickets`,
      payload: ticketBodyFor(f, area),
    });
    const id = created.id as number;
    if (state === "open") return { person: f.person, id, version: created.version as number };
    const closed = await f.adminCall({
      method: "POST",
      url: `/api/tickets/${id}/notes`,
      payload: { text: "Encerrado pela matriz.", close: true },
    });
    return { person: f.person, id, version: (closed.ticket as { version: number }).version };
  };

/**
 * Atendimentos and Produção: the same routes, once per area. Each area's rows meet the
 * sisterTabWrite user, who may write the other area's tickets: 404 by id, 403 on the tab.
 */
function ticketRows(area: TicketArea): MatrixEndpoint[] {
  const tab = tabOfArea(area);
  const read: Need = { kind: "ticket", tab, level: "read" };
  const write: Need = { kind: "ticket", tab, level: "write" };
  const base = { label: area };
  return [
    {
      ...base,
      method: "GET",
      path: "/api/persons/{code}/tickets",
      need: { kind: "tab", tab, level: "read" },
      url: (r) => `/api/persons/${r.person.code}/tickets?area=${area}&status=open`,
    },
    {
      ...base,
      method: "POST",
      path: "/api/persons/{code}/tickets",
      need: { kind: "tab", tab, level: "write" },
      url: (r) => `/api/persons/${r.person.code}/tickets`,
      body: (_r, f) => ticketBodyFor(f, area),
    },
    {
      ...base,
      method: "GET",
      path: "/api/tickets/{id}",
      need: read,
      setup: freshTicket(area),
      url: (r) => `/api/tickets/${r.id}`,
    },
    {
      ...base,
      method: "PATCH",
      path: "/api/tickets/{id}",
      need: write,
      setup: freshTicket(area),
      url: (r) => `/api/tickets/${r.id}`,
      body: (r, f) => ({ subject: `Assunto trocado ${f.unique()}`, version: r.version }),
    },
    {
      ...base,
      method: "GET",
      path: "/api/tickets/{id}/notes",
      need: read,
      setup: freshTicket(area),
      url: (r) => `/api/tickets/${r.id}/notes`,
    },
    {
      ...base,
      method: "POST",
      path: "/api/tickets/{id}/notes",
      need: write,
      setup: freshTicket(area),
      url: (r) => `/api/tickets/${r.id}/notes`,
      body: () => ({ text: "Parecer da matriz." }),
    },
    {
      ...base,
      method: "POST",
      path: "/api/tickets/{id}/reopen",
      need: write,
      setup: freshTicket(area, "closed"),
      url: (r) => `/api/tickets/${r.id}/reopen`,
      body: (r) => ({ text: "Reaberto pela matriz.", version: r.version }),
    },
    {
      ...base,
      method: "POST",
      path: "/api/tickets/{id}/duplicate",
      need: write,
      setup: freshTicket(area),
      url: (r) => `/api/tickets/${r.id}/duplicate`,
    },
    {
      ...base,
      method: "GET",
      path: "/api/my-tickets",
      need: read,
      // A ticket the caller is responsible for (set directly: the API refuses to assign a ticket to
      // someone who cannot see it, but access can be withdrawn later). Listed only if visible.
      setup: async (f, caller) => {
        const record = await freshTicket(area)(f);
        if (caller && record.id !== undefined) {
          await f.t.ctx.db
            .updateTable("tickets")
            .set({ responsible_user_id: caller.id })
            .where("id", "=", record.id)
            .execute();
        }
        return record;
      },
      url: () => "/api/my-tickets?limit=500",
      listed: (res, r) => (res.json().items ?? []).some((i: { id: number }) => i.id === r.id),
    },
  ];
}

export const TICKET_ROWS: MatrixEndpoint[] = [...ticketRows("service"), ...ticketRows("production")];
