import type { Trx } from "../../../db/types.ts";

/** The SQL of the commission entries import beyond the shared bulk writes (bulk.repository.ts). */

const SELLER_ROLES = ["employee", "representative"];

/** Which of these persons are sellers: a category whose role is employee or representative. */
export async function sellersAmong(trx: Trx, personIds: number[]): Promise<Set<number>> {
  const ids = [...new Set(personIds)];
  if (!ids.length) return new Set();
  const rows = await trx
    .selectFrom("person_categories as pc")
    .innerJoin("categories as c", "c.id", "pc.category_id")
    .select("pc.person_id")
    .where("pc.person_id", "in", ids)
    .where("c.role", "in", SELLER_ROLES)
    .execute();
  return new Set(rows.map((r) => r.person_id));
}

/** The stored items of these entries, in position order. */
export function itemsOfEntries(trx: Trx, entryIds: number[]) {
  return trx
    .selectFrom("commission_items")
    .select(["entry_id", "product", "quantity_milli", "base_cents", "rate_ppm", "amount_cents"])
    .where("entry_id", "in", entryIds)
    .orderBy("entry_id")
    .orderBy("position")
    .execute();
}

export async function deleteItemsOfEntries(trx: Trx, entryIds: number[]): Promise<void> {
  if (entryIds.length) await trx.deleteFrom("commission_items").where("entry_id", "in", entryIds).execute();
}
