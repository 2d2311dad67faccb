import type { MeResponse } from "../../../shared/auth.schemas.ts";
import type { AppContext, AuthUser } from "../../context.ts";
import { loadAccess } from "../access/access.service.ts";

/** `GET /api/me`: the user, the person they are linked to, their grants, and whether Conta corrente applies. */
export async function getMe(ctx: AppContext, user: AuthUser): Promise<MeResponse> {
  const [access, person] = await Promise.all([
    loadAccess(ctx.db, user),
    ctx.db
      .selectFrom("users")
      .innerJoin("persons", "persons.id", "users.person_id")
      .select(["persons.id", "persons.code", "persons.name"])
      .where("users.id", "=", user.id)
      .executeTakeFirst(),
  ]);
  let currentAccountEnabled = false;
  if (person) {
    const seller = await ctx.db
      .selectFrom("person_categories as pc")
      .innerJoin("categories as c", "c.id", "pc.category_id")
      .select("c.id")
      .where("pc.person_id", "=", person.id)
      .where("c.role", "in", ["employee", "representative"])
      .executeTakeFirst();
    currentAccountEnabled = seller !== undefined;
  }
  const grants = [...access.byCategory.entries()].flatMap(([categoryId, tabs]) =>
    [...tabs.entries()].map(([tab, level]) => ({ categoryId, tab, level })),
  );
  return {
    user,
    person: person ? { code: person.code, name: person.name } : null,
    grants,
    currentAccountEnabled,
  };
}
