import type { CurrentAccountMode } from "../../../shared/current-account.schemas.ts";
import type { AppContext, AuthUser } from "../../context.ts";
import type { Executor } from "../../db/types.ts";
import { AppError } from "../../errors.ts";
import { personForTab, type VisiblePerson } from "../persons/persons.service.ts";
import { codeLabel, SELLER_ROLES } from "../receivables/finance-refs.ts";
import * as repo from "./current-account.repository.ts";

/**
 * Who may see which current account (DESIGN.md "Current account"):
 * - the tab is enabled only for a user linked to a person with a category whose role is employee
 *   or representative (the rule behind /api/me's currentAccountEnabled); otherwise 403
 *   `current_account_disabled` with the reason, so the tab can say why;
 * - the focused person is a seller → that seller's account (to users with the tab's grant);
 *   otherwise → the logged-in seller's own entries coming from the focused person.
 */

export type Seller = { id: number; code: number; name: string };

export type AccountScope = {
  mode: CurrentAccountMode;
  seller: Seller;
  /** The focused customer in "customer" mode. */
  customer: Seller | null;
  person: VisiblePerson;
};

const disabled = (message: string) => new AppError("current_account_disabled", message);

/** The seller the logged-in user is; 403 current_account_disabled (with the reason) when none. */
export async function currentSeller(db: Executor, user: AuthUser): Promise<Seller> {
  const linked = await repo.linkedPerson(db, user.id);
  if (!linked) {
    throw disabled(
      "Conta corrente indisponível: seu usuário não está vinculado a uma pessoa. Peça ao administrador que vincule seu usuário a um funcionário ou representante.",
    );
  }
  const isSeller = linked.is_seller === true || Number(linked.is_seller) === 1;
  if (!isSeller) {
    throw disabled(
      `Conta corrente indisponível: a pessoa vinculada ao seu usuário (${codeLabel(linked.code)} ${linked.name}) não é funcionário nem representante.`,
    );
  }
  return { id: linked.id, code: linked.code, name: linked.name };
}

/**
 * A seller is a person whose selected category has a seller role; with no category selected,
 * whose categories include one. So a person who is both customer and representative shows the
 * representative's account under Representante and, under Cliente, what the logged-in seller
 * earned from them.
 */
async function isSellerFocus(db: Executor, person: VisiblePerson, selectedCategoryId?: number): Promise<boolean> {
  const ids = selectedCategoryId === undefined ? person.categoryIds : [selectedCategoryId];
  const roles = await repo.categoryRoles(db, ids);
  return roles.some((r) => (SELLER_ROLES as readonly string[]).includes(r.role));
}

/** The account a person-screen list shows: tab access first (404/403), then the enable rule. */
export async function accountScope(
  ctx: AppContext,
  user: AuthUser,
  code: number,
  selectedCategoryId?: number,
): Promise<AccountScope> {
  const person = await personForTab(ctx, user, code, "currentAccount", "read", selectedCategoryId);
  const me = await currentSeller(ctx.db, user);
  const focus = { id: person.row.id, code: person.row.code, name: person.row.name };
  if (await isSellerFocus(ctx.db, person, selectedCategoryId)) {
    return { mode: "seller", seller: focus, customer: null, person };
  }
  return { mode: "customer", seller: me, customer: focus, person };
}
