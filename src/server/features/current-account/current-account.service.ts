import type {
  ClosingList,
  CommissionEntryDetails,
  CurrentAccountList,
  CurrentAccountQuery,
} from "../../../shared/current-account.schemas.ts";
import type { AppContext, AuthUser } from "../../context.ts";
import { AppError, fail, fieldError } from "../../errors.ts";
import { decodeCursor, pageOf } from "../../keyset.ts";
import { personByIdForTab } from "../access/access.service.ts";
import { accountScope, currentSeller } from "./current-account.access.ts";
import { toClosing, toEntry, toItem, toItemRow } from "./current-account.mapping.ts";
import * as repo from "./current-account.repository.ts";

const entryNotFound = () => fail("not_found", "entry_not_found");
const ref = (p: { code: number; name: string } | null) => (p ? { code: p.code, name: p.name } : null);

/**
 * Conta corrente of the focused person (see current-account.access.ts for whose account), by
 * entry or by item, of one status (default open) or of one closing; totals over the whole filter.
 */
export async function listCurrentAccount(
  ctx: AppContext,
  user: AuthUser,
  code: number,
  query: CurrentAccountQuery,
): Promise<CurrentAccountList> {
  const scope = await accountScope(ctx, user, code, query.category);
  let closingId: number | null = null;
  if (query.closingId !== undefined) {
    const closing = await repo.findClosing(ctx.db, query.closingId);
    if (!closing || closing.seller_person_id !== scope.seller.id) {
      throw fieldError("closingId", "closing_not_in_account");
    }
    if (query.status !== undefined && query.status !== "closed") {
      throw fieldError("status", "closing_entries_closed");
    }
    closingId = closing.id;
  }
  const filter: repo.EntryFilter = {
    sellerId: scope.seller.id,
    customerId: scope.customer?.id ?? null,
    status: query.status ?? (closingId !== null ? "closed" : "open"),
    closingId,
  };
  const head = {
    mode: scope.mode,
    seller: { code: scope.seller.code, name: scope.seller.name },
    customer: ref(scope.customer),
  };
  if (query.view === "item") {
    const after = decodeCursor(query.cursor, "ci", ["s", "n", "n"] as const);
    const [rows, totals] = await Promise.all([
      repo.items(ctx.db, {
        ...filter,
        after: after ? { date: after[0], entryId: after[1], itemId: after[2] } : null,
        limit: query.limit + 1,
      }),
      repo.totals(ctx.db, filter),
    ]);
    const page = pageOf(rows, query.limit, "ci", (r) => [r.date, r.id, r.item_id]);
    return { view: "item", ...head, items: page.rows.map(toItemRow), nextCursor: page.nextCursor, totals };
  }
  const after = decodeCursor(query.cursor, "ce", ["s", "n"] as const);
  const [rows, totals] = await Promise.all([
    repo.entries(ctx.db, {
      ...filter,
      after: after ? { date: after[0], id: after[1] } : null,
      limit: query.limit + 1,
    }),
    repo.totals(ctx.db, filter),
  ]);
  const page = pageOf(rows, query.limit, "ce", (r) => [r.date, r.id]);
  return { view: "entry", ...head, items: page.rows.map(toEntry), nextCursor: page.nextCursor, totals };
}

/** The closing selector: the shown account's closings (in "customer" mode, those with entries from the customer). */
export async function listClosings(
  ctx: AppContext,
  user: AuthUser,
  code: number,
  query: { limit: number; cursor?: string | undefined; category?: number | undefined },
): Promise<ClosingList> {
  const scope = await accountScope(ctx, user, code, query.category);
  const after = decodeCursor(query.cursor, "cl", ["s", "n"] as const);
  const customerId = scope.customer?.id ?? null;
  const rows = await repo.closings(ctx.db, {
    sellerId: scope.seller.id,
    customerId,
    after: after ? { end: after[0], id: after[1] } : null,
    limit: query.limit + 1,
  });
  const page = pageOf(rows, query.limit, "cl", (r) => [r.period_end, r.id]);
  const sums = await repo.closingSums(
    ctx.db,
    page.rows.map((c) => c.id),
    customerId,
  );
  return {
    mode: scope.mode,
    seller: { code: scope.seller.code, name: scope.seller.name },
    customer: ref(scope.customer),
    items: page.rows.map((c) => ({
      ...toClosing(c),
      entryCount: sums.get(c.id)?.count ?? 0,
      totalCents: sums.get(c.id)?.total ?? 0,
    })),
    nextCursor: page.nextCursor,
  };
}

/**
 * An entry's details (with items and closing). Visible to a user whose current account is
 * enabled and who has the Conta corrente grant on the entry's seller, or, for the user's own
 * entries, on the customer they come from. Otherwise 404 (invisible) or 403 (no tab).
 */
export async function getEntry(ctx: AppContext, user: AuthUser, id: number): Promise<CommissionEntryDetails> {
  const me = await currentSeller(ctx.db, user);
  const entry = await repo.findEntry(ctx.db, id);
  if (!entry) throw entryNotFound();
  const asEntryError = (error: unknown) =>
    error instanceof AppError && error.code === "not_found" ? entryNotFound() : error;
  try {
    await personByIdForTab(ctx, user, entry.seller_person_id, "currentAccount", "read");
  } catch (sellerError) {
    if (entry.seller_person_id !== me.id || entry.person_id === null) throw asEntryError(sellerError);
    await personByIdForTab(ctx, user, entry.person_id, "currentAccount", "read").catch((error: unknown) => {
      throw asEntryError(error);
    });
  }
  const items = await repo.itemsOf(ctx.db, id);
  return { ...toEntry(entry), items: items.map(toItem) };
}
