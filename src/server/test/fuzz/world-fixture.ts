import { generateCnpj, generateCpf } from "../../../shared/brazil.ts";
import { createToken } from "../../features/tokens/tokens.service.ts";
import { createUser } from "../../features/users/users.service.ts";
import { personIdOf } from "../../seed/finance-rows.ts";
import { appointmentBody, appointmentTypeIds, createAppointment } from "../appointments.ts";
import { accountFixture } from "../current-account-fixture.ts";
import { categoryIds, makePerson } from "../factories.ts";
import type { TestApp } from "../test-app.ts";
import { openTicket, ticketBody, ticketRefs } from "../tickets.ts";
import { World } from "./world.ts";

let docSeed = 17;
const rand = () => {
  docSeed = (docSeed * 1103515245 + 12345) % 2147483648;
  return docSeed / 2147483648;
};

/**
 * The world the requests land in: persons of every default category with contacts and
 * addresses, tickets (one closed, one in production), related persons, appointments, a
 * current account with closings, receivables, contracts and billings, mail in the outbox,
 * a calendar feed, extra users and tokens to be targets.
 */
export async function buildWorld(t: TestApp, origin: string): Promise<World> {
  const w = new World(t);
  w.origin = origin;
  const account = await accountFixture(t);
  w.sellerPersonId = await personIdOf(t.ctx.db, account.rita.code);
  w.admin = await w.identity(true);
  w.noGrants = await w.identity(false);
  const asAdmin = { cookie: w.admin.cookie };
  for (const entity of ["receivables", "commission-entries", "contracts", "contract-billings", "persons", "nada"]) {
    w.add("entity", entity);
  }
  w.documents = [generateCpf(rand), generateCpf(rand), generateCnpj(rand), generateCnpj(rand)];

  const target = `fuzz-alvo-${Date.now()}`;
  await createUser(t.ctx, {
    username: target,
    name: "Alvo do Login",
    email: `${target}@example.com`,
    password: "senha-alvo-123",
    isAdmin: false,
  });
  w.loginTarget = { username: target, password: "senha-alvo-123" };
  for (let i = 0; i < 2; i++) {
    const extra = await createUser(t.ctx, {
      username: `fuzz-extra-${Date.now()}-${i}`,
      name: `Usuária Extra ${i}`,
      email: `extra${i}@example.com`,
      password: "senha-extra-123",
      isAdmin: false,
    });
    w.add("users", extra.id);
    const token = await createToken(t.ctx, { userId: extra.id, name: `alvo ${i}`, createdBy: null });
    w.add("tokens", token.id);
  }

  const cats = await categoryIds(t.ctx);
  for (const p of [account.rita, account.paulo, account.alfa, account.beta]) w.add("persons", p.code);
  for (const id of [account.ids.jan, account.ids.feb]) w.add("closings", id);
  for (const id of Object.values(account.ids)) if (typeof id === "number") w.add("entries", id);

  const refs = await ticketRefs(t.ctx);
  const people = [];
  for (const [i, name] of (["Cliente", "Fornecedor", "Funcionário", "Transportadora"] as const).entries()) {
    const person = await makePerson(t.ctx, {
      name: `Pessoa Fuzz ${name} ${i}`,
      categoryIds: [cats[name]],
      emails: [{ address: `fuzz${i}@example.com`, isMain: true }],
      phones: [{ number: "(11) 98765-4321", isMain: true }],
      addresses: [
        {
          type: "main",
          zip: "01310-100",
          street: "Avenida Paulista",
          number: String(1000 + i),
          district: "Bela Vista",
          city: "São Paulo",
          state: "SP",
          isMain: true,
        },
      ],
    });
    people.push(person);
    w.add("persons", person.code);
  }
  const [alfa, beta] = [people[0], people[1]];
  if (!alfa || !beta) throw new Error("fuzz world: persons missing");

  const tickets = [
    await openTicket(t, asAdmin, alfa.code, ticketBody(refs)),
    await openTicket(t, asAdmin, alfa.code, ticketBody(refs, { subject: "Boleto não chega" })),
    await openTicket(t, asAdmin, beta.code, ticketBody(refs, { area: "production" })),
  ];
  const closing = await t.as(asAdmin, {
    method: "POST",
    url: `/api/tickets/${tickets[1]?.id}/notes`,
    payload: { text: "Resolvido por telefone.", close: true },
  });
  if (closing.statusCode !== 201) throw new Error(`fuzz world: close ticket ${closing.statusCode} ${closing.body}`);
  for (const ticket of tickets) w.add("tickets", ticket.id);

  const typeRows = await t.ctx.db.selectFrom("relationship_types").select("id").execute();
  const link = await t.as(asAdmin, {
    method: "POST",
    url: `/api/persons/${alfa.code}/related`,
    payload: { relatedCode: beta.code, typeId: typeRows[0]?.id },
  });
  if (link.statusCode !== 201) throw new Error(`fuzz world: related ${link.statusCode} ${link.body}`);

  const types = await appointmentTypeIds(t.ctx);
  const soon = new Date(Date.now() + 3 * 24 * 3600_000);
  soon.setUTCHours(14, 0, 0, 0);
  for (const person of [alfa, beta]) {
    const created = await createAppointment(t, asAdmin, person.code, appointmentBody(types, soon.toISOString()));
    w.add("appointments", created.id);
  }

  const ndjson = (records: unknown[]) => `${records.map((r) => JSON.stringify(r)).join("\n")}\n`;
  const imports: [string, unknown[]][] = [
    [
      "receivables",
      [
        {
          externalId: "FZ-R1",
          personCode: alfa.code,
          documentNumber: "NF 1",
          installment: "1/2",
          issueDate: "2026-01-01",
          dueDate: "2026-01-10",
          amountCents: 10000,
        },
        {
          externalId: "FZ-R2",
          personCode: alfa.code,
          documentNumber: "NF 1",
          installment: "2/2",
          issueDate: "2026-01-01",
          dueDate: "2026-02-10",
          amountCents: 10000,
        },
      ],
    ],
    [
      "contracts",
      [
        {
          externalId: "FZ-C1",
          personCode: alfa.code,
          number: "CT-FZ-1",
          description: "Suporte mensal",
          startDate: "2025-01-01",
          status: "active",
        },
      ],
    ],
    [
      "contract-billings",
      [
        {
          externalId: "FZ-B1",
          contractExternalId: "FZ-C1",
          period: "2026-01",
          kind: "fixed",
          amountCents: 50000,
          status: "charged",
          receivableExternalId: "FZ-R1",
        },
      ],
    ],
  ];
  for (const [entity, records] of imports) {
    const res = await t.as(asAdmin, {
      method: "POST",
      url: `/api/import/${entity}`,
      payload: ndjson(records),
      headers: { "content-type": "application/x-ndjson" },
    });
    if (res.statusCode !== 200) throw new Error(`fuzz world: import ${entity} ${res.statusCode} ${res.body}`);
  }
  const mail = await t.as(asAdmin, {
    method: "POST",
    url: `/api/persons/${alfa.code}/emails`,
    payload: { to: ["fuzz0@example.com"], subject: "Olá", body: "Mensagem do fuzzer." },
  });
  if (mail.statusCode !== 201) throw new Error(`fuzz world: mail ${mail.statusCode} ${mail.body}`);
  // A message that failed, so POST /api/outbox/{id}/retry has something to retry.
  const failed = await t.ctx.db
    .updateTable("mail_outbox")
    .set({ status: "failed", last_error: "fuzz: servidor recusou" })
    .returning("id")
    .executeTakeFirstOrThrow();
  w.add("outbox", failed.id);
  for (const [pool, table] of [
    ["receivables", "receivables"],
    ["contracts", "contracts"],
    ["contract-billings", "contract_billings"],
    ["access-profiles", "access_profiles"],
    ["characteristics", "characteristics"],
    ["addresses", "addresses"],
  ] as const) {
    for (const row of await t.ctx.db.selectFrom(table).select("id").execute()) w.add(pool, row.id);
  }
  return w;
}
