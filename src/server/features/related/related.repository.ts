import type { Executor } from "../../db/types.ts";

/** The SQL of related persons (person_relationships and their types). */

export type LinkSide = "outgoing" | "incoming";

/**
 * One side of every link of a person: outgoing (this person → the related one) or incoming (the
 * other way), with the link's type and the other person's code and names.
 */
export function linksOf(db: Executor, personId: number, direction: LinkSide) {
  return db
    .selectFrom("person_relationships as r")
    .innerJoin("relationship_types as t", "t.id", "r.type_id")
    .innerJoin("persons as p", "p.id", direction === "outgoing" ? "r.related_person_id" : "r.person_id")
    .select([
      "r.id as link_id",
      "r.type_id",
      "r.created_at as linked_at",
      "t.name as type_name",
      "t.inverse_name",
      "p.id",
      "p.code",
      "p.short_name",
      "p.sort_name",
    ])
    .where(direction === "outgoing" ? "r.person_id" : "r.related_person_id", "=", personId)
    .execute();
}

/** Category ids of each of these persons. */
export async function categoryIdsByPerson(db: Executor, personIds: number[]): Promise<Map<number, number[]>> {
  const byPerson = new Map<number, number[]>();
  if (!personIds.length) return byPerson;
  const rows = await db
    .selectFrom("person_categories")
    .select(["person_id", "category_id"])
    .where("person_id", "in", personIds)
    .execute();
  for (const c of rows) byPerson.set(c.person_id, [...(byPerson.get(c.person_id) ?? []), c.category_id]);
  return byPerson;
}

export async function activeTypeExists(db: Executor, typeId: number): Promise<boolean> {
  const row = await db
    .selectFrom("relationship_types")
    .select("id")
    .where("id", "=", typeId)
    .where("is_active", "=", 1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertLink(
  db: Executor,
  link: { personId: number; relatedPersonId: number; typeId: number; now: string; userId: number },
): Promise<number> {
  const { id } = await db
    .insertInto("person_relationships")
    .values({
      person_id: link.personId,
      related_person_id: link.relatedPersonId,
      type_id: link.typeId,
      created_at: link.now,
      created_by: link.userId,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

/** The link if it hangs from this person, on either side. */
export function linkOfPerson(db: Executor, linkId: number, personId: number) {
  return db
    .selectFrom("person_relationships")
    .select(["id", "person_id", "related_person_id", "type_id"])
    .where("id", "=", linkId)
    .where((eb) => eb.or([eb("person_id", "=", personId), eb("related_person_id", "=", personId)]))
    .executeTakeFirst();
}

/** Whether the link was there to delete. */
export async function deleteLink(db: Executor, linkId: number): Promise<boolean> {
  const result = await db.deleteFrom("person_relationships").where("id", "=", linkId).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
