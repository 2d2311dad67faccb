import type { Insertable, Updateable } from "kysely";
import type {
  AddressesTable,
  PersonCategoriesTable,
  PersonCharacteristicsTable,
  PersonEmailsTable,
  PersonPhonesTable,
  PersonsTable,
  Trx,
} from "../../../db/types.ts";

/**
 * The SQL of the persons import beyond the shared bulk reads (bulk.repository.ts): what the
 * batch's stored persons already have, the active references, and the batch's writes in
 * multi-row inserts.
 */

/** Categories, characteristics, e-mails, phones (main first, then in order) and address keys of these persons. */
export async function childrenOf(trx: Trx, personIds: number[]) {
  const categories = await trx
    .selectFrom("person_categories")
    .selectAll()
    .where("person_id", "in", personIds)
    .execute();
  const characteristics = await trx
    .selectFrom("person_characteristics")
    .selectAll()
    .where("person_id", "in", personIds)
    .execute();
  const emails = await trx
    .selectFrom("person_emails")
    .select(["person_id", "address"])
    .where("person_id", "in", personIds)
    .orderBy("person_id")
    .orderBy("is_main", "desc")
    .orderBy("position")
    .execute();
  const phones = await trx
    .selectFrom("person_phones")
    .select(["person_id", "number"])
    .where("person_id", "in", personIds)
    .orderBy("person_id")
    .orderBy("is_main", "desc")
    .orderBy("position")
    .execute();
  const addresses = await trx
    .selectFrom("addresses")
    .select(["person_id", "zip", "number", "street"])
    .where("person_id", "in", personIds)
    .execute();
  return { categories, characteristics, emails, phones, addresses };
}

/** Active categories (id and name) and active characteristic ids. */
export async function activeReferences(trx: Trx) {
  const categories = await trx.selectFrom("categories").select(["id", "name"]).where("is_active", "=", 1).execute();
  const characteristics = await trx.selectFrom("characteristics").select("id").where("is_active", "=", 1).execute();
  return { categories, characteristics };
}

const CHUNK = 300;
function* chunked<T>(list: T[]): Generator<T[]> {
  for (let i = 0; i < list.length; i += CHUNK) yield list.slice(i, i + CHUNK);
}

/** New persons in multi-row inserts; their ids by code. */
export async function insertPersons(trx: Trx, rows: Insertable<PersonsTable>[]): Promise<Map<number, number>> {
  const ids = new Map<number, number>();
  for (const part of chunked(rows)) {
    for (const row of await trx.insertInto("persons").values(part).returning(["id", "code"]).execute()) {
      ids.set(row.code, row.id);
    }
  }
  return ids;
}

/** Rewrites the person only if it still has `version` (bumping it); false when someone saved it meanwhile. */
export async function updatePersonAt(
  trx: Trx,
  id: number,
  version: number,
  set: Updateable<PersonsTable>,
): Promise<boolean> {
  const result = await trx
    .updateTable("persons")
    .set({ ...set, version: version + 1 })
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export type ChildRows = {
  categories: Insertable<PersonCategoriesTable>[];
  characteristics: Insertable<PersonCharacteristicsTable>[];
  emails: Insertable<PersonEmailsTable>[];
  phones: Insertable<PersonPhonesTable>[];
  addresses: Insertable<AddressesTable>[];
};

/** What the batch added to its persons, in multi-row inserts. */
export async function insertChildren(trx: Trx, rows: ChildRows): Promise<void> {
  for (const part of chunked(rows.categories)) await trx.insertInto("person_categories").values(part).execute();
  for (const part of chunked(rows.characteristics)) {
    await trx.insertInto("person_characteristics").values(part).execute();
  }
  for (const part of chunked(rows.emails)) await trx.insertInto("person_emails").values(part).execute();
  for (const part of chunked(rows.phones)) await trx.insertInto("person_phones").values(part).execute();
  for (const part of chunked(rows.addresses)) await trx.insertInto("addresses").values(part).execute();
}
