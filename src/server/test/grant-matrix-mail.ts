import type { CaseRecord, MatrixEndpoint, MatrixFixture, Need } from "./grant-matrix.ts";

/**
 * Rows of the grant matrix for e-mail (see grant-matrix.ts): "Enviar e-mail" follows the person
 * header's rule — reading needs the person visible, sending needs write on one of its categories —;
 * the outbox and the SMTP settings are for administrators; the company settings are read by all.
 */

const admin: Need = { kind: "admin" };

/** The current version of a single-row setting, so the case's PATCH is valid. */
const currentVersion =
  (url: string) =>
  async (f: MatrixFixture): Promise<CaseRecord> => {
    const body = await f.adminCall({ method: "GET", url });
    return { person: f.person, version: body.version as number };
  };

/** A message of the shared person that failed, so "Tentar novamente" applies to it. */
async function failedMessage(f: MatrixFixture): Promise<CaseRecord> {
  const sent = await f.adminCall({
    method: "POST",
    url: `/api/persons/${f.person.code}/emails`,
    payload: { to: ["matriz@example.com"], subject: `Matriz ${f.unique()}`, body: "Mensagem da matriz." },
  });
  const id = sent.id as number;
  await f.t.ctx.db
    .updateTable("mail_outbox")
    .set({ status: "failed", last_error: "550 teste da matriz" })
    .where("id", "=", id)
    .execute();
  return { person: f.person, id };
}

export const MAIL_ROWS: MatrixEndpoint[] = [
  {
    method: "GET",
    path: "/api/persons/{code}/email-recipients",
    need: { kind: "person", level: "read" },
    url: (r) => `/api/persons/${r.person.code}/email-recipients`,
  },
  {
    method: "POST",
    path: "/api/persons/{code}/emails",
    need: { kind: "person", level: "write" },
    url: (r) => `/api/persons/${r.person.code}/emails`,
    body: (_r, f) => ({ to: ["matriz@example.com"], subject: `Assunto ${f.unique()}`, body: "Olá." }),
  },
  {
    method: "GET",
    path: "/api/persons/{code}/emails",
    need: { kind: "person", level: "read" },
    url: (r) => `/api/persons/${r.person.code}/emails`,
  },
  { method: "GET", path: "/api/outbox", need: admin, url: () => "/api/outbox?status=failed" },
  {
    method: "POST",
    path: "/api/outbox/{id}/retry",
    need: admin,
    setup: failedMessage,
    url: (r) => `/api/outbox/${r.id}/retry`,
  },
  {
    method: "GET",
    path: "/api/settings/company",
    need: { kind: "settings-read" },
    url: () => "/api/settings/company",
  },
  {
    method: "PATCH",
    path: "/api/settings/company",
    need: admin,
    setup: currentVersion("/api/settings/company"),
    url: () => "/api/settings/company",
    body: (r) => ({ name: "Empresa da Matriz", version: r.version }),
  },
  { method: "GET", path: "/api/settings/smtp", need: admin, url: () => "/api/settings/smtp" },
  {
    method: "PATCH",
    path: "/api/settings/smtp",
    need: admin,
    setup: currentVersion("/api/settings/smtp"),
    url: () => "/api/settings/smtp",
    body: (r) => ({ port: 2525, version: r.version }),
  },
  { method: "POST", path: "/api/settings/smtp/test", need: admin, url: () => "/api/settings/smtp/test" },
];
