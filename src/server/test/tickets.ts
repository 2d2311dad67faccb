import { expect } from "vitest";
import type { Ticket, TicketNote } from "../../shared/tickets.schemas.ts";
import type { AppContext } from "../context.ts";
import type { TestApp } from "./test-app.ts";

/** Ids of the default ticket types, sectors and products, by pt-BR name. */
export type TicketRefs = {
  types: Record<string, number>;
  sectors: Record<string, number>;
  products: Record<string, number>;
};

export async function ticketRefs(ctx: AppContext): Promise<TicketRefs> {
  const byName = (rows: { id: number; name: string }[]) =>
    Object.fromEntries(rows.map((r) => [r.name, r.id])) as Record<string, number>;
  return {
    types: byName(await ctx.db.selectFrom("ticket_types").select(["id", "name"]).execute()),
    sectors: byName(await ctx.db.selectFrom("sectors").select(["id", "name"]).execute()),
    products: byName(await ctx.db.selectFrom("products").select(["id", "name"]).execute()),
  };
}

/** A valid body for POST /api/persons/{code}/tickets: a service ticket unless `over` says otherwise. */
export function ticketBody(refs: TicketRefs, over: Record<string, unknown> = {}): Record<string, unknown> {
  const production = over.area === "production";
  return {
    area: "service",
    typeId: refs.types[production ? "Correção de defeito" : "Suporte técnico"],
    subject: production ? "Relatório de vendas soma o frete duas vezes" : "Erro ao emitir nota fiscal",
    sectorId: refs.sectors[production ? "Desenvolvimento" : "Suporte"],
    note: "Cliente relata que a emissão da NF-e para no passo de assinatura.",
    ...over,
  };
}

/** Opens a ticket through the API as `user`; fails the test unless it answers 201. */
export async function openTicket(
  t: TestApp,
  user: { cookie: string },
  personCode: number,
  body: Record<string, unknown>,
): Promise<Ticket> {
  const res = await t.as(user, { method: "POST", url: `/api/persons/${personCode}/tickets`, payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** The whole history of a ticket, as `user` sees it. */
export async function notesOf(t: TestApp, user: { cookie: string }, ticketId: number): Promise<TicketNote[]> {
  const res = await t.as(user, { method: "GET", url: `/api/tickets/${ticketId}/notes?limit=500` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
}

/** The stored row, to prove that a refused request changed nothing. */
export const ticketRow = (ctx: AppContext, id: number) =>
  ctx.db.selectFrom("tickets").selectAll().where("id", "=", id).executeTakeFirstOrThrow();

export const noteCount = async (ctx: AppContext, ticketId?: number) => {
  let q = ctx.db.selectFrom("ticket_notes").select((eb) => eb.fn.countAll<number>().as("n"));
  if (ticketId !== undefined) q = q.where("ticket_id", "=", ticketId);
  return Number((await q.executeTakeFirstOrThrow()).n);
};
