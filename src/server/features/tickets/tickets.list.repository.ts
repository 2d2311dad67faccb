import type { TicketArea } from "../../../shared/tickets.schemas.ts";
import { prepared } from "../../db/prepared.ts";
import type { Dialect, Executor } from "../../db/types.ts";
import {
  type AreaVisibility,
  type TicketsEb,
  ticketVisibleParams,
  type VisibilityParams,
  visibilityParams,
} from "../../db/visibility.ts";
import { type TicketViewRow, viewQuery } from "./tickets.repository.ts";

/**
 * The SQL of the ticket lists (the person's Atendimentos and Produção tabs, Meus atendimentos),
 * their usual shapes compiled once (db/prepared.ts).
 */

export type OpenedCursor = { at: string; id: number };

type PersonPage = { personId: number; area: TicketArea; status: "open" | "closed"; limit: number };

function personPageQuery(db: Executor, p: PersonPage) {
  return viewQuery(db)
    .where("t.person_id", "=", p.personId)
    .where("t.area", "=", p.area)
    .where("t.status", "=", p.status);
}

const newestFirst = <Q extends ReturnType<typeof personPageQuery>>(q: Q, limit: number) =>
  q.orderBy("t.opened_at", "desc").orderBy("t.id", "desc").limit(limit);

// The person screen's list without a filter (its first page, and the next ones), compiled once.
const personFirstPage = prepared("tickets.person.page", (db, p: PersonPage) =>
  newestFirst(personPageQuery(db, p), p.limit),
);
const personNextPage = prepared(
  "tickets.person.page_after",
  (db, p: PersonPage & { afterAt: string; afterId: number }) =>
    newestFirst(
      personPageQuery(db, p).where((eb) => eb(eb.refTuple("t.opened_at", "t.id"), "<", eb.tuple(p.afterAt, p.afterId))),
      p.limit,
    ),
);

/** One page of a person's tickets of an area and status, newest first (index tickets_person_list). */
export function listByPerson(
  db: Executor,
  f: {
    personId: number;
    area: TicketArea;
    status: "open" | "closed";
    terms: string[];
    number: number | null;
    after: OpenedCursor | null;
    limit: number;
  },
): Promise<TicketViewRow[]> {
  const page = { personId: f.personId, area: f.area, status: f.status, limit: f.limit };
  const after = f.after;
  if (!f.terms.length) {
    return after ? personNextPage(db, { ...page, afterAt: after.at, afterId: after.id }) : personFirstPage(db, page);
  }
  // Filtered by words: one `like` per word, so the text varies with the words; built each time.
  let query = personPageQuery(db, page).where((eb) => {
    const text = eb.and(f.terms.map((term) => eb("t.search_text", "like", `%${term}%`)));
    return f.number === null ? text : eb.or([eb("t.number", "=", f.number), text]);
  });
  if (after) query = query.where((eb) => eb(eb.refTuple("t.opened_at", "t.id"), "<", eb.tuple(after.at, after.id)));
  return newestFirst(query, f.limit).execute();
}

export type DueCursor = { due: string; id: number };

type MineParams = VisibilityParams & { userId: number; now: string; limit: number };
type MineAfter = MineParams & { afterDue: string; afterId: number };
type Branch = "responsible" | "contact";

/** One branch of Meus atendimentos, with the visibility as parameters (one shape for every user). */
function mineQuery(
  db: Executor,
  which: Branch,
  p: MineParams,
  after: { due: string; id: number } | null,
  dialect: Dialect,
) {
  let query = viewQuery(db).where("t.status", "=", "open");
  query =
    which === "responsible"
      ? query.where("t.responsible_user_id", "=", p.userId)
      : query
          .where("t.internal_contact_user_id", "=", p.userId)
          .where("t.internal_contact_at", "<=", p.now)
          // Already in the other branch.
          .where((eb) => eb.or([eb("t.responsible_user_id", "is", null), eb("t.responsible_user_id", "!=", p.userId)]));
  query = query.where((eb) => ticketVisibleParams(eb as unknown as TicketsEb, p, dialect));
  if (after) query = query.where((eb) => eb(eb.refTuple("t.due_at", "t.id"), ">", eb.tuple(after.due, after.id)));
  return query.orderBy("t.due_at").orderBy("t.id").limit(p.limit);
}

const mine = (which: Branch) => ({
  first: prepared(`tickets.mine.${which}`, (db, p: MineParams, dialect) => mineQuery(db, which, p, null, dialect)),
  after: prepared(`tickets.mine.${which}_after`, (db, p: MineAfter, dialect) =>
    mineQuery(db, which, p, { due: p.afterDue, id: p.afterId }, dialect),
  ),
});
const mineBranches = { responsible: mine("responsible"), contact: mine("contact") };

/**
 * "Meus atendimentos": open tickets whose responsible is the user, or whose internal contact is
 * the user and due by `now`; only those of categories the user may see for the ticket's area
 * (`visible`: category ids per area, null = all). Most urgent first: (due_at, id).
 *
 * Two queries merged here rather than one OR: each branch walks its own index in (due_at, id)
 * order and stops at `limit`, where an OR would collect and sort every open ticket of the user.
 */
export async function listMine(
  db: Executor,
  f: {
    userId: number;
    now: string;
    visible: AreaVisibility;
    after: DueCursor | null;
    limit: number;
  },
): Promise<TicketViewRow[]> {
  const p: MineParams = { ...visibilityParams(f.visible), userId: f.userId, now: f.now, limit: f.limit };
  const after = f.after;
  const branch = (which: Branch) =>
    after
      ? mineBranches[which].after(db, { ...p, afterDue: after.due, afterId: after.id })
      : mineBranches[which].first(db, p);
  const [responsible, contact] = await Promise.all([branch("responsible"), branch("contact")]);
  return [...responsible, ...contact]
    .sort((a, b) => (a.due_at < b.due_at ? -1 : a.due_at > b.due_at ? 1 : a.id - b.id))
    .slice(0, f.limit);
}
