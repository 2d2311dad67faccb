import type { CurrentAccountMode } from "../../../shared/current-account.schemas.ts";
import type { AppContext, AuthUser } from "../../context.ts";
import type { Executor } from "../../db/types.ts";
import { fail } from "../../errors.ts";
import { personForTab, type VisiblePerson } from "../access/access.service.ts";
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

/** The roles that make a person a seller, whose account Conta corrente shows. */
const SELLER_ROLES = ["employee", "representative"] as const;

/** A person code as users see it: zero-padded to six digits. */
const codeLabel = (code: number) => String(code).padStart(6, "0");

/** The seller the logged-in user is; 403 current_account_disabled (with the reason) when none. */
export async function currentSeller(db: Executor, user: AuthUser): Promise<Seller> {
  const linked = await repo.linkedPerson(db, user.id, SELLER_ROLES);
  if (!linked) throw fail("current_account_disabled", "current_account_unlinked");
  const isSeller = linked.is_seller === true || Number(linked.is_seller) === 1;
  if (!isSeller) {
    throw fail("current_account_disabled", "current_account_not_seller", {
      code: codeLabel(linked.code),
      name: linked.name,
    });
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
