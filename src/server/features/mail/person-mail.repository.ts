import type { Executor } from "../../db/types.ts";

/** The person's own e-mails, main first. */
export function personEmails(db: Executor, personId: number) {
  return db
    .selectFrom("person_emails")
    .select(["address", "is_main"])
    .where("person_id", "=", personId)
    .orderBy("is_main", "desc")
    .orderBy("position")
    .execute();
}

/** The main e-mail of every person linked to this one (either side of the link), with their categories. */
export async function relatedMainEmails(db: Executor, personId: number) {
  const rows = await db
    .selectFrom("person_relationships as r")
    .innerJoin("persons as p", (j) =>
      j.on((eb) =>
        eb.or([
          eb.and([eb("r.person_id", "=", personId), eb("p.id", "=", eb.ref("r.related_person_id"))]),
          eb.and([eb("r.related_person_id", "=", personId), eb("p.id", "=", eb.ref("r.person_id"))]),
        ]),
      ),
    )
    .innerJoin("person_emails as e", (j) => j.onRef("e.person_id", "=", "p.id").on("e.is_main", "=", 1))
    .select(["p.id", "p.name", "p.sort_name", "e.address"])
    .where((eb) => eb.or([eb("r.person_id", "=", personId), eb("r.related_person_id", "=", personId)]))
    .where("p.is_active", "=", 1)
    .execute();
  const ids = [...new Set(rows.map((r) => r.id))];
  const cats = ids.length
    ? await db
        .selectFrom("person_categories")
        .select(["person_id", "category_id"])
        .where("person_id", "in", ids)
        .execute()
    : [];
  const byPerson = new Map<number, number[]>();
  for (const c of cats) byPerson.set(c.person_id, [...(byPerson.get(c.person_id) ?? []), c.category_id]);
  return rows
    .sort((a, b) => a.sort_name.localeCompare(b.sort_name))
    .map((r) => ({ name: r.name, address: r.address, categoryIds: byPerson.get(r.id) ?? [] }));
}
