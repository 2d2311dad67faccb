import type { MeResponse } from "../../../shared/auth.schemas.ts";
import type { AppContext, AuthUser } from "../../context.ts";
import { loadAccess } from "../access/access.service.ts";
import { linkedPerson } from "../users/users.service.ts";

/** `GET /api/me`: the user, the person they are linked to, their grants, and whether Conta corrente applies. */
export async function getMe(ctx: AppContext, user: AuthUser): Promise<MeResponse> {
  const [access, person] = await Promise.all([loadAccess(ctx.db, user), linkedPerson(ctx.db, user.id)]);
  const grants = [...access.byCategory.entries()].flatMap(([categoryId, tabs]) =>
    [...tabs.entries()].map(([tab, level]) => ({ categoryId, tab, level })),
  );
  return {
    user,
    person: person ? { code: person.code, name: person.name } : null,
    grants,
    currentAccountEnabled: person?.isSeller ?? false,
  };
}
