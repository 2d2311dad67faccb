import type { CaseRecord, MatrixEndpoint, MatrixFixture, Need } from "./grant-matrix.ts";

/** Rows of the grant matrix for Agendamentos, its settings, the agenda and the calendar feed (see grant-matrix.ts). */

const DAY = 86_400_000;
const read: Need = { kind: "tab", tab: "appointments", level: "read" };
const write: Need = { kind: "tab", tab: "appointments", level: "write" };
const admin: Need = { kind: "admin" };
/** Any logged-in user, about themselves or the lists every screen needs. */
const anyUser: Need = { kind: "settings-read" };

/** Two days ahead, so no rule (past) gets in the way of the access answer. */
const soon = () => new Date(Date.now() + 2 * DAY).toISOString();

async function typeId(f: MatrixFixture): Promise<number> {
  const row = await f.t.ctx.db
    .selectFrom("appointment_types")
    .select("id")
    .where("name", "=", "Reunião")
    .executeTakeFirstOrThrow();
  return row.id;
}

const appointmentBody = (f: MatrixFixture, type: number) => ({
  typeId: type,
  startsAt: soon(),
  subject: `Agendamento da matriz ${f.unique()}`,
});

/** A fresh appointment of the shared person, made (and assigned to) the administrator. */
async function freshAppointment(f: MatrixFixture): Promise<CaseRecord> {
  const created = await f.adminCall({
    method: "POST",
    url: `/api/persons/${f.person.code}/appointments`,
    payload: appointmentBody(f, await typeId(f)),
  });
  return { person: f.person, id: created.id as number, version: created.version as number };
}

const appointmentTypeBody = (f: MatrixFixture) => ({ name: `Tipo de agendamento ${f.unique()}`, durationMinutes: 45 });

export const APPOINTMENT_ROWS: MatrixEndpoint[] = [
  {
    method: "GET",
    path: "/api/settings/appointment-types",
    need: anyUser,
    url: () => "/api/settings/appointment-types",
  },
  {
    method: "POST",
    path: "/api/settings/appointment-types",
    need: admin,
    url: () => "/api/settings/appointment-types",
    body: (_r, f) => appointmentTypeBody(f),
  },
  {
    method: "PATCH",
    path: "/api/settings/appointment-types/{id}",
    need: admin,
    setup: async (f) => {
      const created = await f.adminCall({
        method: "POST",
        url: "/api/settings/appointment-types",
        payload: appointmentTypeBody(f),
      });
      return { person: f.person, id: created.id as number, version: created.version as number };
    },
    url: (r) => `/api/settings/appointment-types/${r.id}`,
    body: (r, f) => ({ name: `Renomeado ${f.unique()}`, version: r.version }),
  },
  {
    method: "GET",
    path: "/api/persons/{code}/appointments",
    need: read,
    url: (r) => `/api/persons/${r.person.code}/appointments?status=open&includePast=true`,
  },
  {
    method: "POST",
    path: "/api/persons/{code}/appointments",
    need: write,
    // The type id rides in `id`: bodies are built synchronously.
    setup: async (f) => ({ person: f.person, id: await typeId(f) }),
    url: (r) => `/api/persons/${r.person.code}/appointments`,
    body: (r, f) => appointmentBody(f, r.id as number),
  },
  {
    method: "GET",
    path: "/api/appointments/{id}",
    need: read,
    setup: freshAppointment,
    url: (r) => `/api/appointments/${r.id}`,
  },
  {
    method: "PATCH",
    path: "/api/appointments/{id}",
    need: write,
    setup: freshAppointment,
    url: (r) => `/api/appointments/${r.id}`,
    body: (r, f) => ({ subject: `Assunto trocado ${f.unique()}`, version: r.version }),
  },
  {
    method: "DELETE",
    path: "/api/appointments/{id}",
    need: write,
    setup: freshAppointment,
    url: (r) => `/api/appointments/${r.id}`,
    body: () => ({ reason: "Excluído pela matriz" }),
  },
  {
    method: "POST",
    path: "/api/appointments/{id}/done",
    need: write,
    setup: freshAppointment,
    url: (r) => `/api/appointments/${r.id}/done`,
    body: () => ({ result: "Realizado pela matriz" }),
  },
  {
    method: "POST",
    path: "/api/appointments/{id}/lock",
    need: write,
    setup: freshAppointment,
    url: (r) => `/api/appointments/${r.id}/lock`,
    body: () => ({ reason: "Bloqueado pela matriz" }),
  },
  {
    method: "DELETE",
    path: "/api/appointments/{id}/lock",
    need: write,
    // Locked by the caller (set directly: the lock endpoint itself is what is under test above), so
    // the answer depends on access only; others' locks are the rules' tests.
    setup: async (f, caller) => {
      const record = await freshAppointment(f);
      if (caller && record.id !== undefined) {
        await f.t.ctx.db
          .updateTable("appointments")
          .set({ locked_by: caller.id, locked_at: new Date().toISOString(), lock_reason: "da matriz" })
          .where("id", "=", record.id)
          .execute();
      }
      return record;
    },
    url: (r) => `/api/appointments/${r.id}/lock`,
  },
  {
    method: "GET",
    path: "/api/appointments",
    need: read,
    setup: freshAppointment,
    url: () => {
      const from = new Date(Date.now() + DAY).toISOString();
      const to = new Date(Date.now() + 3 * DAY).toISOString();
      return `/api/appointments?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
    },
    listed: (res, r) => (res.json().items ?? []).some((i: { id: number }) => i.id === r.id),
  },
  { method: "GET", path: "/api/appointments/assignees", need: anyUser, url: () => "/api/appointments/assignees" },
  { method: "GET", path: "/api/me/calendar-feed", need: anyUser, url: () => "/api/me/calendar-feed" },
  { method: "POST", path: "/api/me/calendar-feed", need: anyUser, url: () => "/api/me/calendar-feed" },
  { method: "DELETE", path: "/api/me/calendar-feed", need: anyUser, url: () => "/api/me/calendar-feed" },
];

export const APPOINTMENT_OUTSIDE_MATRIX: Record<string, string> = {
  "GET /api/calendar/{file}":
    "public by secret URL ({token}.ics) for calendar apps, no session; unknown or revoked → 404 (calendar-feed.test.ts)",
};
