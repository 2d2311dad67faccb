import { type TicketArea, tabOfArea } from "../../shared/tickets.schemas.ts";
import type { CaseRecord, MatrixEndpoint, MatrixFixture, Need } from "./grant-matrix.ts";
import type { TestUser } from "./test-app.ts";

/**
 * Rows of the grant matrix for the ticket queues across persons, their bulk actions and saved
 * views (see grant-matrix.ts).
 *
 * - The queue answers 200 to anyone logged in, listing only the tickets of the area the caller
 *   sees through its tab (Atendimentos or Produção): a `listed` row per area, whose ticket is
 *   absent exactly where the ticket would be 404.
 * - A bulk action is each ticket's own change: the ticket's area tab at write (no grant on it →
 *   404, a read grant → 403), the refusals' status when they all agree.
 * - Saved views are any logged-in user's own: listing, saving, changing and removing one's views.
 *   Someone else's view answering 404 (only the owner or an administrator changes it) is a rule
 *   about who owns the record, not about grants: tickets-views.test.ts proves it.
 */

const ticketBody = (f: MatrixFixture, area: TicketArea) => ({
  area,
  typeId: f.ticketRefs.types[area === "production" ? "Correção de defeito" : "Suporte técnico"],
  subject: `Assunto da fila da matriz ${f.unique()}`,
  sectorId: f.ticketRefs.sectors.Suporte,
  note: "Parecer de abertura da fila da matriz.",
});

/** A fresh open ticket of the shared person, opened by the administrator. */
const freshTicket =
  (area: TicketArea) =>
  async (f: MatrixFixture): Promise<CaseRecord> => {
    const created = await f.adminCall({
      method: "POST",
      url: `/api/persons/${f.person.code}/tickets`,
      payload: ticketBody(f, area),
    });
    return { person: f.person, id: created.id as number, version: created.version as number };
  };

function queueRows(area: TicketArea): MatrixEndpoint[] {
  const tab = tabOfArea(area);
  const base = { label: area };
  return [
    {
      ...base,
      method: "GET",
      path: "/api/ticket-queues",
      need: { kind: "ticket", tab, level: "read" },
      setup: freshTicket(area),
      // Newest first: the case's ticket, just opened, is on the first page.
      url: () => `/api/ticket-queues?area=${area}&status=open&sort=opened_desc&limit=500`,
      listed: (res, r) => (res.json().items ?? []).some((i: { id: number }) => i.id === r.id),
    },
    {
      ...base,
      method: "POST",
      path: "/api/ticket-queues/bulk",
      need: { kind: "ticket", tab, level: "write" },
      setup: freshTicket(area),
      url: () => "/api/ticket-queues/bulk",
      body: (r) => ({ ticketIds: [r.id], action: { kind: "priority", priority: "high" } }),
    },
  ];
}

/** Any logged-in user, on their own saved views. */
const anyUser: Need = { kind: "settings-read" };

/** A fresh view of the caller's own (the administrator's for the anonymous case), stored directly. */
async function ownView(f: MatrixFixture, caller: TestUser | null): Promise<CaseRecord> {
  const at = new Date().toISOString();
  const { id, version } = await f.t.ctx.db
    .insertInto("ticket_views")
    .values({
      owner_id: (caller ?? f.admin).id,
      name: `Visão da matriz ${f.unique()}`,
      area: "service",
      filters: JSON.stringify({ status: "open" }),
      shared_profile_id: null,
      created_at: at,
      updated_at: at,
    })
    .returning(["id", "version"])
    .executeTakeFirstOrThrow();
  return { person: f.person, id, version };
}

export const QUEUE_ROWS: MatrixEndpoint[] = [
  ...queueRows("service"),
  ...queueRows("production"),
  { method: "GET", path: "/api/ticket-views", need: anyUser, url: () => "/api/ticket-views?area=service" },
  {
    method: "POST",
    path: "/api/ticket-views",
    need: anyUser,
    url: () => "/api/ticket-views",
    body: (_r, f) => ({ name: `Visão ${f.unique()}`, area: "service", filters: { priority: "high" } }),
  },
  {
    method: "PATCH",
    path: "/api/ticket-views/{id}",
    need: anyUser,
    setup: ownView,
    url: (r) => `/api/ticket-views/${r.id}`,
    body: (r, f) => ({ name: `Visão renomeada ${f.unique()}`, version: r.version }),
  },
  {
    method: "DELETE",
    path: "/api/ticket-views/{id}",
    need: anyUser,
    setup: ownView,
    url: (r) => `/api/ticket-views/${r.id}`,
  },
];
