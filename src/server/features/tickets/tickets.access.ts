import type { Level } from "../../../shared/access.schemas.ts";
import { TICKET_AREAS, type TicketArea, tabOfArea } from "../../../shared/tickets.schemas.ts";
import type { AppContext, AuthUser } from "../../context.ts";
import type { Executor } from "../../db/types.ts";
import { AppError, fail, fieldError } from "../../errors.ts";
import {
  assertTab,
  loadAccess,
  personByIdForTab,
  tabLevel,
  type UserAccess,
  type VisiblePerson,
} from "../access/access.service.ts";
import * as repo from "./tickets.repository.ts";

export const ticketNotFound = () => fail("not_found", "ticket_not_found");

export const staleTicket = (currentVersion: number) =>
  fail("stale_version", "ticket_changed", undefined, { currentVersion });

export type TicketAccess = {
  row: repo.TicketRow;
  person: VisiblePerson;
  tab: ReturnType<typeof tabOfArea>;
  canWrite: boolean;
};

/**
 * A ticket for this user: the grant of its area's tab (Atendimentos or Produção) on one of the
 * person's categories decides. Without a read grant the ticket does not exist for the user (404,
 * so a production ticket never leaks to someone without Produção); a read grant asking to write
 * gets 403.
 */
export async function ticketFor(
  ctx: AppContext,
  user: AuthUser,
  id: number,
  need: Level,
  db: Executor = ctx.db,
): Promise<TicketAccess> {
  const row = await repo.findTicket(db, id);
  if (!row) throw ticketNotFound();
  const tab = tabOfArea(row.area as TicketArea);
  const person = await personByIdForTab(ctx, user, row.person_id, tab, "read", undefined, db).catch(
    (error: unknown) => {
      if (error instanceof AppError && (error.code === "forbidden" || error.code === "not_found"))
        throw ticketNotFound();
      throw error;
    },
  );
  if (need === "write") assertTab(person.access, person.categoryIds, tab, "write");
  return { row, person, tab, canWrite: tabLevel(person.access, person.categoryIds, tab) === "write" };
}

/**
 * Category ids whose tickets of each area this user may see (the Atendimentos grant for service
 * tickets, the Produção grant for production ones): null = every category (administrator).
 */
export function visibleAreas(access: UserAccess): Record<TicketArea, number[] | null> {
  const of = (area: TicketArea) => {
    if (access.isAdmin) return null;
    const tab = tabOfArea(area);
    return [...access.byCategory.entries()].filter(([, tabs]) => tabs.has(tab)).map(([id]) => id);
  };
  return Object.fromEntries(TICKET_AREAS.map((area) => [area, of(area)])) as Record<TicketArea, number[] | null>;
}

/** The tabs a user is put in charge through, as the refusal names them. */
const ASSIGNED_THROUGH = { tickets: "Atendimentos", production: "Produção", appointments: "Agendamentos" } as const;

/**
 * A user put in charge of something of a person (a ticket's responsible or internal contact, an
 * appointment's responsible) must be active and able to see it through its tab; otherwise it
 * would be assigned to someone who never finds it. 400 naming `field` otherwise.
 */
export async function assignableUser(
  db: Executor,
  field: string,
  userId: number,
  personCategoryIds: number[],
  tab: keyof typeof ASSIGNED_THROUGH,
): Promise<{ id: number; name: string }> {
  const u = await repo.activeUser(db, userId);
  if (!u) throw fieldError(field, "unknown_user");
  const access = await loadAccess(db, {
    id: u.id,
    username: u.username,
    name: u.name,
    email: u.email,
    isAdmin: u.is_admin === 1,
  });
  if (!tabLevel(access, personCategoryIds, tab)) {
    throw fieldError(field, "user_without_tab", { name: u.name, tab: ASSIGNED_THROUGH[tab] });
  }
  return { id: u.id, name: u.name };
}
