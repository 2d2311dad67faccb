import { normalizeSearchText } from "../../shared/search-text.ts";
import type { TicketArea } from "../../shared/tickets.schemas.ts";
import type { AppContext } from "../context.ts";
import { insertTicket, nextTicketNumber } from "../features/tickets/tickets.repository.ts";

/**
 * Critical factors and the Spy System in the demo company: open tickets overdue or about to be
 * (relative to the moment the demo is loaded) in several sectors, and watchers — the atendente and
 * the gerente follow João Carlos da Silva (code 1), the gerente also Horizonte Nova. Runs once:
 * nothing happens when someone already watches a person.
 */

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

type Planned = {
  person: string;
  area: TicketArea;
  type: string;
  sector: string;
  /** Days from now to the due date (negative: overdue). */
  due: number;
  subject: string;
  /** Two or more, like every demo ticket: the opening and what happened since. */
  notes: [string, string, ...string[]];
};

/** With the default rule (N = 5, M = 2): due more than 5 days ago is critical, the rest attention. */
const PLAN: Planned[] = [
  {
    person: "João Carlos da Silva",
    area: "service",
    type: "Reclamação",
    sector: "Suporte",
    due: -9,
    subject: "Boleto cobrado em duplicidade",
    notes: [
      "Cliente reclama que recebeu dois boletos da mensalidade de março com o mesmo valor.",
      "Financeiro confirmou a duplicidade; aguardando o estorno do segundo boleto.",
    ],
  },
  {
    person: "Padaria Pão de Açúcar Comércio de Alimentos Ltda",
    area: "service",
    type: "Suporte técnico",
    sector: "Suporte",
    due: -8,
    subject: "Balança não comunica com o PDV",
    notes: [
      "A balança do balcão de frios não envia o peso para o PDV desde a troca do cabo serial.",
      "Agendada visita técnica; cliente pesando manualmente enquanto isso.",
    ],
  },
  {
    person: "Padaria Pão de Açúcar Comércio de Alimentos Ltda",
    area: "service",
    type: "Implantação",
    sector: "Implantação",
    due: -3,
    subject: "Implantação do módulo de delivery",
    notes: [
      "Início da implantação do delivery: cardápio cadastrado, faltam as taxas por bairro.",
      "Cliente ainda não enviou a tabela de taxas de entrega por bairro.",
    ],
  },
  {
    person: "Padaria Pão de Açúcar Comércio de Alimentos Ltda",
    area: "service",
    type: "Solicitação comercial",
    sector: "Comercial",
    due: 1,
    subject: "Proposta para a segunda loja",
    notes: [
      "Cliente vai abrir a segunda loja em Contagem e pediu proposta de licenças adicionais.",
      "Proposta com três licenças e implantação em preparação pelo comercial.",
    ],
  },
  {
    person: "Padaria Pão de Açúcar Comércio de Alimentos Ltda",
    area: "production",
    type: "Customização",
    sector: "Desenvolvimento",
    due: -10,
    subject: "Etiqueta de validade com tabela nutricional",
    notes: [
      "Cliente precisa imprimir a tabela nutricional na etiqueta de validade (exigência da Anvisa).",
      "Layout aprovado pelo cliente; desenvolvimento ainda não começou.",
    ],
  },
  {
    person: "Tecnologia Horizonte Nova S.A.",
    area: "service",
    type: "Solicitação comercial",
    sector: "Comercial",
    due: -7,
    subject: "Retorno sobre a demonstração",
    notes: [
      "Prospect pediu retorno sobre preços após a demonstração de terça-feira.",
      "Tentei contato duas vezes por telefone; ainda sem resposta do diretor de compras.",
    ],
  },
];

const WATCHERS: [username: string, person: string][] = [
  ["atendente", "João Carlos da Silva"],
  ["gerente", "João Carlos da Silva"],
  ["gerente", "Tecnologia Horizonte Nova S.A."],
];

export async function seedDemoWatchers(ctx: AppContext): Promise<{ tickets: number; watchers: number }> {
  const existing = await ctx.db.selectFrom("person_watchers").select("user_id").limit(1).execute();
  if (existing.length) return { tickets: 0, watchers: 0 };
  const now = ctx.now().getTime();
  const iso = (ms: number) => new Date(ms).toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const idOf = async (table: "persons" | "ticket_types" | "sectors", name: string) =>
      (await trx.selectFrom(table).select("id").where("name", "=", name).executeTakeFirst())?.id;
    const users = Object.fromEntries(
      (await trx.selectFrom("users").select(["id", "username"]).execute()).map((u) => [u.username, u.id]),
    );
    const atendente = users.atendente ?? null;
    let tickets = 0;
    for (const p of PLAN) {
      const [personId, typeId, sectorId] = await Promise.all([
        idOf("persons", p.person),
        idOf("ticket_types", p.type),
        idOf("sectors", p.sector),
      ]);
      if (personId === undefined || typeId === undefined || sectorId === undefined) continue;
      const type = await trx
        .selectFrom("ticket_types")
        .select("days_to_due")
        .where("id", "=", typeId)
        .executeTakeFirst();
      // At 10:00 in São Paulo (13:00 UTC) of the due day, opened the type's days before (never after now).
      const dueDay = new Date(now + p.due * DAY);
      dueDay.setUTCHours(13, 0, 0, 0);
      const due = dueDay.getTime();
      const opened = Math.min(due - (type?.days_to_due ?? 1) * DAY, now - 2 * HOUR);
      const noteTimes = p.notes.map((_, i) => Math.min(opened + i * (DAY / 2), now - HOUR));
      const last = iso(noteTimes.at(-1) ?? opened);
      const id = await insertTicket(trx, {
        number: await nextTicketNumber(trx),
        person_id: personId,
        area: p.area,
        type_id: typeId,
        subject: p.subject,
        search_text: normalizeSearchText(p.subject),
        product_id: null,
        sector_id: sectorId,
        responsible_user_id: atendente,
        priority: "high",
        contact_name: null,
        channel: "phone",
        status: "open",
        opened_at: iso(opened),
        opened_by: atendente,
        due_at: iso(due),
        note_count: p.notes.length,
        last_note_at: last,
        updated_at: last,
      });
      await trx
        .insertInto("ticket_notes")
        .values(
          p.notes.map((text, i) => ({
            ticket_id: id,
            author_id: atendente,
            kind: "user",
            text,
            created_at: iso(noteTimes[i] ?? opened),
          })),
        )
        .execute();
      tickets += 1;
    }
    let watchers = 0;
    for (const [username, person] of WATCHERS) {
      const personId = await idOf("persons", person);
      const userId = users[username];
      if (personId === undefined || userId === undefined) continue;
      await trx
        .insertInto("person_watchers")
        .values({ person_id: personId, user_id: userId, created_at: iso(now - 30 * DAY) })
        .execute();
      watchers += 1;
    }
    return { tickets, watchers };
  });
}
