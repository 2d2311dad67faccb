import { searchTerms } from "../../../shared/search-text.ts";
import {
  type PersonTicketsQuery,
  type TicketArea,
  type TicketSummary,
  tabOfArea,
} from "../../../shared/tickets.schemas.ts";
import type { AppContext, AuthUser } from "../../context.ts";
import { badRequest } from "../../errors.ts";
import { loadAccess, type UserAccess } from "../access/access.service.ts";
import { personForTab } from "../persons/persons.service.ts";
import { toSummary } from "./tickets.mapping.ts";
import * as repo from "./tickets.repository.ts";

type Page = { items: TicketSummary[]; nextCursor: string | null };

const encode = (value: [string, string, number]) => Buffer.from(JSON.stringify(value)).toString("base64url");

/** A keyset cursor: [kind, timestamp, id]; anything else is a 400 naming `cursor`. */
function decode(cursor: string | undefined, kind: "o" | "d"): { at: string; id: number } | null {
  if (!cursor) return null;
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(v) && v[0] === kind && typeof v[1] === "string" && Number.isSafeInteger(v[2])) {
      return { at: v[1], id: v[2] as number };
    }
  } catch {
    // fall through
  }
  throw badRequest("cursor", "cursor inválido");
}

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
  const after = decode(query.cursor, "o");
  const digits = /^\d{1,9}$/.test(query.q) ? Number(query.q) : null;
  const rows = await repo.listByPerson(ctx.db, {
    personId: row.id,
    area: query.area,
    status: query.status,
    terms: searchTerms(query.q),
    number: digits,
    after,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const now = ctx.now();
  return {
    items: page.map((r) => toSummary(r, now)),
    nextCursor: rows.length > query.limit && last ? encode(["o", last.opened_at, last.id]) : null,
  };
}

/** Category ids whose tickets of the area this user may see; null = all (administrator). */
function visibleFor(access: UserAccess, area: TicketArea): number[] | null {
  if (access.isAdmin) return null;
  const tab = tabOfArea(area);
  return [...access.byCategory.entries()].filter(([, tabs]) => tabs.has(tab)).map(([id]) => id);
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
  const after = decode(query.cursor, "d");
  const now = ctx.now();
  const rows = await repo.listMine(ctx.db, {
    userId: user.id,
    now: now.toISOString(),
    visible: { service: visibleFor(access, "service"), production: visibleFor(access, "production") },
    after: after ? { due: after.at, id: after.id } : null,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => toSummary(r, now)),
    nextCursor: rows.length > query.limit && last ? encode(["d", last.due_at, last.id]) : null,
  };
}
