import { searchTerms } from "../../../shared/search-text.ts";
import { type PersonTicketsQuery, type TicketSummary, tabOfArea } from "../../../shared/tickets.schemas.ts";
import type { AppContext, AuthUser } from "../../context.ts";
import { decodeCursor, pageOf } from "../../keyset.ts";
import { loadAccess, personForTab } from "../access/access.service.ts";
import { visibleAreas } from "./tickets.access.ts";
import * as repo from "./tickets.list.repository.ts";
import { toSummary } from "./tickets.mapping.ts";

type Page = { items: TicketSummary[]; nextCursor: string | null };

/**
 * The person's tickets of one area (Atendimentos or Produção), open or closed, newest first.
 * `q` filters by words of the subject, or by the ticket number when it is a number.
 */
export async function listPersonTickets(
  ctx: AppContext,
  user: AuthUser,
  code: number,
  query: PersonTicketsQuery,
): Promise<Page> {
  const { row } = await personForTab(ctx, user, code, tabOfArea(query.area), "read", query.category);
  const after = decodeCursor(query.cursor, "o", ["s", "n"] as const);
  const digits = /^\d{1,9}$/.test(query.q) ? Number(query.q) : null;
  const rows = await repo.listByPerson(ctx.db, {
    personId: row.id,
    area: query.area,
    status: query.status,
    terms: searchTerms(query.q),
    number: digits,
    after: after ? { at: after[0], id: after[1] } : null,
    limit: query.limit + 1,
  });
  const page = pageOf(rows, query.limit, "o", (r) => [r.opened_at, r.id]);
  const now = ctx.now();
  return { items: page.rows.map((r) => toSummary(r, now)), nextCursor: page.nextCursor };
}

/**
 * "Meus atendimentos": across persons, the open tickets this user is responsible for, and those
 * whose internal contact is this user and due by now; only tickets the user may see (the
 * Atendimentos grant for service tickets, the Produção grant for production ones). Most urgent
 * (earliest due) first.
 */
export async function listMyTickets(
  ctx: AppContext,
  user: AuthUser,
  query: { limit: number; cursor?: string | undefined },
): Promise<Page> {
  const access = await loadAccess(ctx.db, user);
  const after = decodeCursor(query.cursor, "d", ["s", "n"] as const);
  const now = ctx.now();
  const rows = await repo.listMine(ctx.db, {
    userId: user.id,
    now: now.toISOString(),
    visible: visibleAreas(access),
    after: after ? { due: after[0], id: after[1] } : null,
    limit: query.limit + 1,
  });
  const page = pageOf(rows, query.limit, "d", (r) => [r.due_at, r.id]);
  return { items: page.rows.map((r) => toSummary(r, now)), nextCursor: page.nextCursor };
}
