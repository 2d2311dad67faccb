import { normalizeSearchText } from "../../shared/search-text.ts";
import type { Priority, TicketArea } from "../../shared/tickets.schemas.ts";
import type { AppContext } from "../context.ts";
import type { Executor } from "../db/types.ts";
import { insertTicket, nextTicketNumber } from "../features/tickets/tickets.repository.ts";
import { SECTOR_OF_TYPE, STORIES, type Story } from "./demo-ticket-stories.ts";
import { FIRST_NAMES, pickFrom, prng } from "./names.ts";

/**
 * João Carlos da Silva (code 1): an open ticket with a due internal contact for the atendente, an
 * overdue one in each area, a sales request for the vendedor, and closed ones in each area.
 */
const JOAO_PLAN: { area: TicketArea; type: string; daysAgo: number; closed: boolean }[] = [
  { area: "service", type: "Suporte técnico", daysAgo: 1, closed: false },
  { area: "service", type: "Suporte técnico", daysAgo: 6, closed: false },
  { area: "production", type: "Correção de defeito", daysAgo: 12, closed: false },
  { area: "service", type: "Dúvida", daysAgo: 30, closed: true },
  { area: "production", type: "Melhoria", daysAgo: 75, closed: true },
  { area: "service", type: "Solicitação comercial", daysAgo: 0, closed: false },
];

const CHANNELS = ["phone", "phone", "email", "chat", "portal", "visit"] as const;
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

type Refs = {
  types: { id: number; name: string; area: string; days_to_due: number; default_priority: string }[];
  sectors: Record<string, number>;
  products: number[];
  users: Record<string, number>;
};

async function loadRefs(db: Executor): Promise<Refs> {
  const byName = (rows: { id: number; name: string }[]) => Object.fromEntries(rows.map((r) => [r.name, r.id]));
  return {
    types: await db
      .selectFrom("ticket_types")
      .select(["id", "name", "area", "days_to_due", "default_priority"])
      .where("is_active", "=", 1)
      .orderBy("id")
      .execute(),
    sectors: byName(await db.selectFrom("sectors").select(["id", "name"]).execute()),
    products: (await db.selectFrom("products").select("id").orderBy("id").execute()).map((p) => p.id),
    users: Object.fromEntries(
      (await db.selectFrom("users").select(["id", "username"]).execute()).map((u) => [u.username, u.id]),
    ),
  };
}

/** The persons that get tickets: João first, then customers and prospects spread over the codes. */
async function demoPersons(db: Executor, count: number) {
  const rows = await db
    .selectFrom("persons as p")
    .innerJoin("person_categories as pc", "pc.person_id", "p.id")
    .innerJoin("categories as c", "c.id", "pc.category_id")
    .select(["p.id", "p.code", "p.kind", "p.name", "c.name as category"])
    .where("c.name", "in", ["Cliente", "Prospect"])
    .orderBy("p.code")
    .execute();
  const byId = new Map<number, { id: number; code: number; kind: string; name: string; customer: boolean }>();
  for (const r of rows) {
    const seen = byId.get(r.id);
    byId.set(r.id, { ...r, customer: (seen?.customer ?? false) || r.category === "Cliente" });
  }
  const all = [...byId.values()];
  const joao = all.find((p) => p.name === "João Carlos da Silva") ?? all[0];
  const step = Math.max(1, Math.floor(all.length / count));
  const picked = all.filter((p, i) => p !== joao && i % step === 0).slice(0, count - 1);
  return joao ? [joao, ...picked] : picked;
}

/**
 * Tickets for the demo company: about 60 persons (João Carlos da Silva, code 1, among them), both
 * areas, open and closed, some overdue, 2–6 notes each in pt-BR, handled by the demo users
 * (atendente and vendedor on service tickets; atendente and gerente on production ones, since
 * the Vendas profile has no Produção). Runs once: nothing happens when tickets exist.
 */
export async function seedDemoTickets(ctx: AppContext): Promise<{ tickets: number; notes: number }> {
  const existing = await ctx.db.selectFrom("tickets").select("id").limit(1).execute();
  if (existing.length) return { tickets: 0, notes: 0 };
  const rand = prng(20260702);
  const now = ctx.now().getTime();
  const iso = (ms: number) => new Date(ms).toISOString();
  const chance = (p: number) => rand() < p;
  const between = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
  const SP = -3 * HOUR;
  /** The same moment moved into business hours (8h–18h in São Paulo, UTC−3): a night note moves to the next morning. */
  const inBusinessHours = (ms: number) => {
    const local = new Date(ms + SP);
    const hour = local.getUTCHours();
    if (hour >= 8 && hour < 18) return ms;
    if (hour >= 18) local.setUTCDate(local.getUTCDate() + 1);
    local.setUTCHours(8, between(0, 59), between(0, 59), 0);
    return local.getTime() - SP;
  };
  /** A moment in business hours, `daysAgo` days before now (and before now). */
  const businessTime = (daysAgo: number) => {
    const local = new Date(now + SP - daysAgo * DAY);
    local.setUTCHours(8 + between(0, 9), between(0, 59), between(0, 59), 0);
    return Math.min(local.getTime() - SP, now - between(5, 60) * 60_000);
  };

  return ctx.db.transaction().execute(async (trx) => {
    const refs = await loadRefs(trx);
    const user = (name: string) => refs.users[name] ?? null;
    const [atendente, vendedor, gerente] = [user("atendente"), user("vendedor"), user("gerente")];
    const persons = await demoPersons(trx, 60);
    let tickets = 0;
    let notes = 0;

    for (const [index, person] of persons.entries()) {
      const isJoao = index === 0;
      const count = isJoao ? JOAO_PLAN.length : between(1, 3);
      for (let k = 0; k < count; k++) {
        // João's tickets cover every case the guided tour shows; the others are drawn.
        const plan = isJoao ? JOAO_PLAN[k] : undefined;
        const area: TicketArea = plan?.area ?? (person.customer && chance(0.3) ? "production" : "service");
        const types = refs.types.filter((t) => t.area === area);
        const type = types.find((t) => t.name === plan?.type) ?? pickFrom(rand, types);
        const stories = STORIES[type.name] ?? (STORIES["Suporte técnico"] as Story[]);
        const story = (plan ? stories[k % stories.length] : undefined) ?? pickFrom(rand, stories);
        const closed = plan?.closed ?? chance(0.55);
        // Most open tickets are recent; about a third have been waiting long enough to be overdue.
        const daysAgo = plan?.daysAgo ?? (closed ? between(3, 150) : chance(0.35) ? between(6, 40) : between(0, 1));
        const openedAt = businessTime(daysAgo);
        const responsible =
          plan && k === 0
            ? atendente
            : area === "production"
              ? chance(0.7)
                ? atendente
                : gerente
              : type.name === "Solicitação comercial" || chance(0.25)
                ? vendedor
                : chance(0.85)
                  ? atendente
                  : null;
        const openedBy = area === "production" ? atendente : chance(0.7) ? atendente : vendedor;
        const handler = responsible ?? openedBy;
        const priority = (
          chance(0.15) ? pickFrom(rand, ["high", "urgent"] as const) : type.default_priority
        ) as Priority;

        // 2–6 notes: the opening, the story's next follow-ups, and on closed tickets its ending.
        const max = closed ? 3 : 5;
        const followUps = story.followUps.slice(0, between(closed ? 0 : 1, Math.min(max, story.followUps.length)));
        const texts: { text: string; kind: "user" | "system"; author: number | null }[] = [
          { text: story.opening, kind: "user", author: openedBy },
          ...followUps.map((text) => ({ text, kind: "user" as const, author: handler })),
          ...(closed
            ? [
                { text: story.closing, kind: "user" as const, author: handler },
                { text: "Atendimento encerrado.", kind: "system" as const, author: handler },
              ]
            : []),
        ];
        // Spread over the ticket's life (closed: up to 10 days), in business hours, in order, before now.
        const span = Math.min(now - openedAt, (closed ? Math.min(daysAgo, 10) : daysAgo) * DAY + 4 * HOUR);
        const times: number[] = [];
        for (const [i] of texts.entries()) {
          const planned = i === 0 ? openedAt : inBusinessHours(openedAt + Math.round((span * i) / texts.length));
          const after = (times.at(-1) ?? openedAt - 60_000) + between(1, 20) * 60_000;
          const atClose = closed && i === texts.length - 1 ? (times.at(-1) ?? openedAt) + 60_000 : null;
          times.push(
            i === 0 ? openedAt : (atClose ?? Math.min(Math.max(planned, after), now - (texts.length - i) * 60_000)),
          );
        }
        const lastAt = times.at(-1) ?? openedAt;
        const dueAt = openedAt + type.days_to_due * DAY;
        // Some open tickets have an internal follow-up for the atendente: some due, some ahead.
        const contact = !closed && (isJoao ? k === 0 : chance(0.2));
        const contactAt = contact ? inBusinessHours(now + (isJoao ? -2 * HOUR : between(-48, 72) * HOUR)) : null;

        const number = await nextTicketNumber(trx);
        const id = await insertTicket(trx, {
          number,
          person_id: person.id,
          area,
          type_id: type.id,
          subject: story.subject,
          search_text: normalizeSearchText(story.subject),
          product_id: chance(0.8) ? pickFrom(rand, refs.products) : null,
          sector_id: refs.sectors[SECTOR_OF_TYPE[type.name] ?? "Suporte"] as number,
          responsible_user_id: responsible,
          priority,
          contact_name: person.kind === "company" ? pickFrom(rand, FIRST_NAMES) : null,
          channel: pickFrom(rand, CHANNELS),
          status: closed ? "closed" : "open",
          opened_at: iso(openedAt),
          opened_by: openedBy,
          due_at: iso(dueAt),
          internal_contact_at: contactAt === null ? null : iso(contactAt),
          internal_contact_user_id: contactAt === null ? null : atendente,
          closed_at: closed ? iso(lastAt) : null,
          closed_by: closed ? handler : null,
          note_count: texts.length,
          last_note_at: iso(lastAt),
          updated_at: iso(lastAt),
        });
        await trx
          .insertInto("ticket_notes")
          .values(
            texts.map((n, i) => ({
              ticket_id: id,
              author_id: n.author,
              kind: n.kind,
              text: n.text,
              created_at: iso(times[i] ?? openedAt),
            })),
          )
          .execute();
        tickets += 1;
        notes += texts.length;
      }
    }
    return { tickets, notes };
  });
}
