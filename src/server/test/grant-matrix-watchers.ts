import type { LightMyRequestResponse } from "fastify";
import { type TicketArea, tabOfArea } from "../../shared/tickets.schemas.ts";
import type { CaseRecord, MatrixEndpoint, MatrixFixture } from "./grant-matrix.ts";

/**
 * Rows of the grant matrix for critical factors and the Spy System (see grant-matrix.ts).
 * Watching needs only to see the person (DESIGN.md: "any user who may see a person can watch it");
 * the company-wide critical factors list a ticket only to users with its area's tab.
 */

const anyUser = { kind: "settings-read" } as const;
const seesPerson = { kind: "person", level: "read" } as const;

/** One sector per fixture and area, so the listing of a case holds only the matrix's tickets. */
const sectors = new WeakMap<MatrixFixture, Partial<Record<TicketArea, Promise<number>>>>();
function sectorFor(f: MatrixFixture, area: TicketArea): Promise<number> {
  const byArea = sectors.get(f) ?? {};
  sectors.set(f, byArea);
  byArea[area] ??= f
    .adminCall({ method: "POST", url: "/api/settings/sectors", payload: { name: `Setor da matriz ${f.unique()}` } })
    .then((s) => s.id as number);
  return byArea[area] as Promise<number>;
}

/** The sector of each case's ticket, for its URL. */
const sectorOfTicket = new Map<number, number>();

/** A ticket of the shared person due long ago: critical for everyone who may see it. */
const overdueTicket = (area: TicketArea) => async (f: MatrixFixture) => {
  const sectorId = await sectorFor(f, area);
  const created = await f.adminCall({
    method: "POST",
    url: `/api/persons/${f.person.code}/tickets`,
    payload: {
      area,
      typeId: f.ticketRefs.types[area === "production" ? "Correção de defeito" : "Suporte técnico"],
      subject: `Atrasado da matriz ${f.unique()}`,
      sectorId,
      dueAt: "2020-01-02T12:00:00.000Z",
      note: "Parecer de abertura da matriz.",
    },
  });
  sectorOfTicket.set(created.id as number, sectorId);
  return { person: f.person, id: created.id as number } satisfies CaseRecord;
};

const listedTicket = (res: LightMyRequestResponse, r: CaseRecord) =>
  (res.json().items ?? []).some((i: { id: number }) => i.id === r.id);

function companyRow(area: TicketArea): MatrixEndpoint {
  return {
    method: "GET",
    path: "/api/critical-factors",
    label: area,
    need: { kind: "ticket", tab: tabOfArea(area), level: "read" },
    setup: overdueTicket(area),
    url: (r) => `/api/critical-factors?limit=500&sectorId=${sectorOfTicket.get(r.id as number)}`,
    listed: listedTicket,
  };
}

export const WATCHERS_ROWS: MatrixEndpoint[] = [
  {
    method: "GET",
    path: "/api/settings/critical-factors",
    need: anyUser,
    url: () => "/api/settings/critical-factors",
  },
  {
    method: "PATCH",
    path: "/api/settings/critical-factors",
    need: { kind: "admin" },
    setup: async (f) => {
      const current = await f.adminCall({ method: "GET", url: "/api/settings/critical-factors" });
      return { person: f.person, version: current.version as number };
    },
    url: () => "/api/settings/critical-factors",
    // The defaults again: the row proves who may save, without changing what other rows see.
    body: (r) => ({ thresholdDays: 5, warnDays: 2, version: r.version }),
  },
  {
    method: "GET",
    path: "/api/persons/{code}/critical-factors",
    need: seesPerson,
    url: (r) => `/api/persons/${r.person.code}/critical-factors`,
  },
  companyRow("service"),
  companyRow("production"),
  {
    method: "GET",
    path: "/api/persons/{code}/watchers",
    need: seesPerson,
    url: (r) => `/api/persons/${r.person.code}/watchers`,
  },
  {
    method: "PUT",
    path: "/api/persons/{code}/watchers/me",
    need: seesPerson,
    url: (r) => `/api/persons/${r.person.code}/watchers/me`,
  },
  {
    method: "DELETE",
    path: "/api/persons/{code}/watchers/me",
    need: seesPerson,
    url: (r) => `/api/persons/${r.person.code}/watchers/me`,
  },
  { method: "GET", path: "/api/me/watch-preferences", need: anyUser, url: () => "/api/me/watch-preferences" },
  {
    method: "PUT",
    path: "/api/me/watch-preferences",
    need: anyUser,
    url: () => "/api/me/watch-preferences",
    body: () => ({ delivery: "immediate" }),
  },
];
