import type { Insertable, Updateable } from "kysely";
import type { AddressesTable, Executor } from "../../db/types.ts";
import type { AddressRow } from "./addresses.mapping.ts";

/** The SQL of addresses. */

/** A person's addresses: the main one first, then by type and age. */
export function listOfPerson(db: Executor, personId: number): Promise<AddressRow[]> {
  return db
    .selectFrom("addresses")
    .selectAll()
    .where("person_id", "=", personId)
    .orderBy("is_main", "desc")
    .orderBy("type")
    .orderBy("id")
    .execute();
}

export function byId(db: Executor, id: number): Promise<AddressRow | undefined> {
  return db.selectFrom("addresses").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function insertAddress(db: Executor, row: Insertable<AddressesTable>): Promise<number> {
  const { id } = await db.insertInto("addresses").values(row).returning("id").executeTakeFirstOrThrow();
  return id;
}

export async function insertAddresses(db: Executor, rows: Insertable<AddressesTable>[]): Promise<void> {
  if (rows.length) await db.insertInto("addresses").values(rows).execute();
}

/** Rewrites the address only if it still has `version` (bumping it); false when someone saved it meanwhile. */
export async function updateAddressAt(
  db: Executor,
  id: number,
  version: number,
  set: Updateable<AddressesTable>,
): Promise<boolean> {
  const result = await db
    .updateTable("addresses")
    .set({ ...set, version: version + 1 })
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteAddress(db: Executor, id: number): Promise<void> {
  await db.deleteFrom("addresses").where("id", "=", id).execute();
}

/** Every other address of the person stops being main. */
export async function unmarkOtherMains(db: Executor, personId: number, mainId: number): Promise<void> {
  await db
    .updateTable("addresses")
    .set({ is_main: 0 })
    .where("person_id", "=", personId)
    .where("id", "!=", mainId)
    .execute();
}

export async function markMain(db: Executor, id: number): Promise<void> {
  await db.updateTable("addresses").set({ is_main: 1 }).where("id", "=", id).execute();
}
