import type { Level, Tab } from "../../../shared/access.schemas.ts";
import { type TicketArea, tabOfArea } from "../../../shared/tickets.schemas.ts";
import type { AppContext, AuthUser } from "../../context.ts";
import type { Executor } from "../../db/types.ts";
import { AppError, badRequest } from "../../errors.ts";
import { assertTab, loadAccess, tabLevel } from "../access/access.service.ts";
import { personByIdForTab, type VisiblePerson } from "../persons/persons.service.ts";
import * as repo from "./tickets.repository.ts";

export const ticketNotFound = () => new AppError("not_found", "Atendimento não encontrado.");

export const staleTicket = (currentVersion: number) =>
  new AppError("stale_version", "Outra pessoa alterou este atendimento; recarregue para ver as mudanças.", {
    currentVersion,
  });

export type TicketAccess = { row: repo.TicketRow; person: VisiblePerson; tab: Tab; canWrite: boolean };

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
 * A user named on a ticket (responsible, internal contact) must be active and able to see it;
 * otherwise the ticket would be assigned to someone who never finds it.
 */
export async function assignableUser(
  db: Executor,
  field: string,
  userId: number,
  personCategoryIds: number[],
  tab: Tab,
): Promise<{ id: number; name: string }> {
  const u = await repo.activeUser(db, userId);
  if (!u) throw badRequest(field, "usuário desconhecido ou inativo");
  const access = await loadAccess(db, {
    id: u.id,
    username: u.username,
    name: u.name,
    email: u.email,
    isAdmin: u.is_admin === 1,
  });
  if (!tabLevel(access, personCategoryIds, tab)) {
    throw badRequest(
      field,
      `${u.name} não tem acesso a ${tab === "production" ? "Produção" : "Atendimentos"} desta pessoa`,
    );
  }
  return { id: u.id, name: u.name };
}
