import type { Insertable } from "kysely";
import { addDaysToDate, dateInZone, zonedMidnight } from "../../shared/appointments.time.ts";
import type { AppContext } from "../context.ts";
import type { AppointmentsTable, Executor } from "../db/types.ts";
import { addressLine } from "../features/appointments/appointments.mapping.ts";
import { insertAppointment } from "../features/appointments/appointments.repository.ts";
import { getCompanySettings } from "../features/settings/company.service.ts";
import { pickFrom, prng } from "./names.ts";

/** What one demo appointment is, relative to the seed time (days from today, local hour). */
type Plan = {
  type: string;
  subject: string;
  user: "atendente" | "vendedor" | "gerente";
  day: number;
  /** Local start hour and length in hours; null = all day (`days` long). */
  hour: number | null;
  hours?: number;
  days?: number;
  remote?: boolean;
  description?: string;
  done?: string;
  deleted?: string;
  locked?: string;
  /** Link João's first ticket. */
  ticket?: boolean;
};

/** João Carlos da Silva (code 1): every state the tab shows — past, done, next week, deleted, locked, all-day. */
const JOAO: Plan[] = [
  {
    type: "Visita técnica",
    subject: "Instalar a nova versão do ERP",
    user: "atendente",
    day: -7,
    hour: 10,
    hours: 2,
    done: "Versão instalada e testada com o financeiro; cliente satisfeito.",
    ticket: true,
  },
  {
    type: "Ligação",
    subject: "Retorno sobre o boleto em atraso",
    user: "vendedor",
    day: -2,
    hour: 15,
    hours: 0.5,
    remote: true,
  },
  {
    type: "Reunião",
    subject: "Apresentar a proposta de renovação",
    user: "vendedor",
    day: 1,
    hour: 14,
    hours: 1,
    remote: true,
  },
  {
    type: "Reunião",
    subject: "Revisar o contrato de manutenção",
    user: "vendedor",
    day: 4,
    hour: 10,
    hours: 1,
    deleted: "Cliente pediu para remarcar.",
  },
  {
    type: "Implantação",
    subject: "Implantar o módulo fiscal",
    user: "atendente",
    day: 7,
    hour: 9,
    hours: 4,
    description: "Levar o checklist de implantação e o certificado A1 do cliente.",
  },
  {
    type: "Treinamento",
    subject: "Treinamento da equipe de faturamento",
    user: "gerente",
    day: 10,
    hour: null,
    days: 2,
    locked: "Aguardando a confirmação da sala pelo cliente.",
  },
];

const OTHER_SUBJECTS: Record<string, string[]> = {
  "Visita técnica": ["Verificar a rede da loja", "Configurar a impressora fiscal", "Atualizar o servidor"],
  Implantação: ["Implantar o controle de estoque", "Migrar os cadastros de clientes"],
  Treinamento: ["Treinar o novo usuário do caixa", "Treinamento de relatórios gerenciais"],
  Reunião: ["Alinhar o cronograma do projeto", "Apresentar novidades da versão", "Negociar o reajuste anual"],
  Ligação: ["Confirmar o recebimento da nota", "Pesquisa de satisfação", "Lembrar da visita"],
  "Visita comercial": ["Apresentar o módulo de vendas", "Conhecer a nova filial"],
};

const HOUR = 3_600_000;

/**
 * Appointments for the demo company, relative to the seed time: João Carlos da Silva (code 1)
 * with one of each state, and about 20 other customers and prospects with one to three each,
 * assigned to the demo users (atendente, vendedor, gerente). Runs once: nothing when any exist.
 */
export async function seedDemoAppointments(ctx: AppContext): Promise<{ appointments: number }> {
  const existing = await ctx.db.selectFrom("appointments").select("id").limit(1).execute();
  if (existing.length) return { appointments: 0 };
  const rand = prng(20260709);
  const { timeZone } = await getCompanySettings(ctx.db);
  const now = ctx.now();
  const today = dateInZone(now.toISOString(), timeZone);

  return ctx.db.transaction().execute(async (trx) => {
    const users = Object.fromEntries(
      (await trx.selectFrom("users").select(["id", "username"]).execute()).map((u) => [u.username, u.id]),
    );
    const types = Object.fromEntries(
      (await trx.selectFrom("appointment_types").select(["id", "name"]).execute()).map((t) => [t.name, t.id]),
    );
    const persons = await trx
      .selectFrom("persons as p")
      .innerJoin("person_categories as pc", "pc.person_id", "p.id")
      .innerJoin("categories as c", "c.id", "pc.category_id")
      .select(["p.id", "p.code"])
      .where("c.name", "in", ["Cliente", "Prospect"])
      .orderBy("p.code")
      .distinct()
      .execute();
    const joao = persons.find((p) => p.code === 1) ?? persons[0];
    if (!joao || !users.atendente || !users.vendedor || !users.gerente) return { appointments: 0 };
    const joaoTicket = await trx
      .selectFrom("tickets")
      .select("id")
      .where("person_id", "=", joao.id)
      .where("area", "=", "service")
      .orderBy("id")
      .executeTakeFirst();

    let count = 0;
    const add = async (personId: number, plan: Plan) => {
      await insertAppointment(trx, await row(trx, personId, plan));
      count += 1;
    };
    const row = async (db: Executor, personId: number, plan: Plan): Promise<Insertable<AppointmentsTable>> => {
      const date = addDaysToDate(today, plan.day);
      const userId = users[plan.user] as number;
      const start =
        plan.hour === null
          ? zonedMidnight(date, timeZone)
          : new Date(Date.parse(zonedMidnight(date, timeZone)) + plan.hour * HOUR).toISOString();
      const lastDay = addDaysToDate(date, (plan.days ?? 1) - 1);
      const end =
        plan.hour === null
          ? zonedMidnight(addDaysToDate(lastDay, 1), timeZone)
          : new Date(Date.parse(start) + (plan.hours ?? 1) * HOUR).toISOString();
      const address = plan.remote
        ? undefined
        : await db
            .selectFrom("addresses")
            .selectAll()
            .where("person_id", "=", personId)
            .orderBy("is_main", "desc")
            .orderBy("id")
            .executeTakeFirst();
      // Created a few days before it happens (or before now, for those ahead).
      const createdAt = new Date(Math.min(Date.parse(start), now.getTime()) - 3 * 24 * HOUR).toISOString();
      const at = (iso: string) => (iso > now.toISOString() ? now.toISOString() : iso);
      return {
        person_id: personId,
        type_id: types[plan.type] as number,
        all_day: plan.hour === null ? 1 : 0,
        starts_at: start,
        ends_at: end,
        start_date: plan.hour === null ? date : null,
        end_date: plan.hour === null ? lastDay : null,
        subject: plan.subject,
        description: plan.description ?? null,
        assigned_user_id: userId,
        address_id: address?.id ?? null,
        address_text: address ? addressLine(address) : null,
        remote: plan.remote ? 1 : 0,
        product_id: null,
        ticket_id: plan.ticket ? (joaoTicket?.id ?? null) : null,
        status: plan.done ? "done" : "open",
        done_at: plan.done ? at(end) : null,
        done_by: plan.done ? userId : null,
        result: plan.done ?? null,
        deleted_at: plan.deleted ? at(createdAt) : null,
        deleted_by: plan.deleted ? userId : null,
        delete_reason: plan.deleted ?? null,
        locked_by: plan.locked ? userId : null,
        locked_at: plan.locked ? createdAt : null,
        lock_reason: plan.locked ?? null,
        created_at: createdAt,
        created_by: userId,
        updated_at: createdAt,
      };
    };

    for (const plan of JOAO) await add(joao.id, plan);
    const others = persons.filter((p) => p.id !== joao.id);
    const step = Math.max(1, Math.floor(others.length / 20));
    for (const person of others.filter((_, i) => i % step === 0).slice(0, 20)) {
      const n = 1 + Math.floor(rand() * 3);
      for (let k = 0; k < n; k++) {
        const type = pickFrom(rand, Object.keys(OTHER_SUBJECTS));
        const day = Math.floor(rand() * 50) - 20;
        const past = day < 0;
        await add(person.id, {
          type,
          subject: pickFrom(rand, OTHER_SUBJECTS[type] as string[]),
          user: pickFrom(rand, ["atendente", "atendente", "vendedor", "gerente"] as const),
          day,
          hour: 8 + Math.floor(rand() * 9),
          hours: type === "Ligação" ? 0.5 : type === "Implantação" ? 4 : 1 + Math.floor(rand() * 2),
          remote: type === "Ligação",
          ...(past && rand() < 0.6 ? { done: "Realizado conforme combinado." } : {}),
        });
      }
    }
    return { appointments: count };
  });
}
