import type { Person, PersonSummary } from "../../../shared/persons.schemas.ts";
import type { AppContext, AuthUser } from "../../context.ts";
import type { Executor } from "../../db/types.ts";
import { fail, fieldError } from "../../errors.ts";
import { canSeePerson, loadAccess, tabsFor } from "../access/access.service.ts";
import { noteAccess } from "../audit/access-log.service.ts";
import { toPerson, toSummary } from "./persons.mapping.ts";
import * as repo from "./persons.repository.ts";

export { searchPersons } from "./persons.search.service.ts";
/**
 * The persons feature's service: reading a person and its tabs here; writing in
 * persons.write.service.ts and the quick search in persons.search.service.ts, exported from here
 * too so other features and the routes have one door.
 */
export { assignPersonCodes, createPerson, updatePerson } from "./persons.write.service.ts";

/** Summaries (code, name, document, main e-mail and phone) of persons by internal id, in that order. */
export async function personSummaries(db: Executor, ids: number[]): Promise<PersonSummary[]> {
  return (await repo.summariesByIds(db, ids)).map(toSummary);
}

export async function getPerson(ctx: AppContext, user: AuthUser, code: number): Promise<Person> {
  const [found, access] = await Promise.all([repo.header(ctx.db, { code }), loadAccess(ctx.db, user)]);
  if (
    !found ||
    !canSeePerson(
      access,
      found.details.categories.map((c) => c.id),
    )
  )
    throw fail("not_found", "person_not_found");
  // The person's screen was read (Marco Civil access log; once a minute per user and person, in the background).
  noteAccess(ctx, { kind: "person_view", personId: found.row.id });
  return toPerson(found.row, found.details);
}

export async function personTabs(ctx: AppContext, user: AuthUser, code: number, categoryId: number | undefined) {
  // What visiblePerson answers, in one compiled query instead of two (the tabs are on every person screen).
  const [found, access] = await Promise.all([repo.categoriesOfCode(ctx.db, code), loadAccess(ctx.db, user)]);
  if (!found || !canSeePerson(access, found.categoryIds)) throw fail("not_found", "person_not_found");
  const { categoryIds } = found;
  const selected = categoryId ?? categoryIds.find((c) => access.isAdmin || access.byCategory.has(c));
  if (selected === undefined || !categoryIds.includes(selected)) {
    throw fieldError("category", "category_not_of_person");
  }
  return { categoryId: selected, tabs: tabsFor(access, selected) };
}
