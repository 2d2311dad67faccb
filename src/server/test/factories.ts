import type { Grant } from "../../shared/access.schemas.ts";
import { generateCpf } from "../../shared/brazil.ts";
import { type CreatePersonBody, createPersonBody, type Person } from "../../shared/persons.schemas.ts";
import type { AppContext, AuthUser } from "../context.ts";
import type { defaultCategories } from "../db/migrations/0003-persons-defaults.ts";
import { createProfile } from "../features/access/profiles.service.ts";
import { createPerson } from "../features/persons/persons.service.ts";
import type { TestApp, TestUser } from "./test-app.ts";

const SYSTEM: AuthUser = { id: 0, username: "system", name: "System", email: "", isAdmin: true };

/** Category ids of a fresh database, by pt-BR name. */
export type DefaultCategory = (typeof defaultCategories)[number]["name"];

export async function categoryIds(ctx: AppContext): Promise<Record<DefaultCategory, number>> {
  const rows = await ctx.db.selectFrom("categories").select(["id", "name"]).execute();
  return Object.fromEntries(rows.map((r) => [r.name, r.id])) as Record<DefaultCategory, number>;
}

let seed = 1;
const rand = () => {
  // Deterministic per process: a tiny LCG is enough for unique test documents.
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};

export async function makePerson(
  ctx: AppContext,
  overrides: Partial<Record<keyof CreatePersonBody, unknown>> & { categoryIds: number[] },
): Promise<Person> {
  // Through the API's own schema, so factories store what a request would.
  return createPerson(
    ctx,
    SYSTEM,
    createPersonBody.parse({
      kind: "individual",
      name: "Pessoa de Teste",
      shortName: null,
      document: generateCpf(rand),
      characteristicIds: [],
      emails: [],
      phones: [],
      addresses: [],
      notes: null,
      ...overrides,
    }),
  );
}

/** A user whose only access is one profile with these grants. */
export async function userWithGrants(t: TestApp, grants: Grant[], username?: string): Promise<TestUser> {
  const profile = await createProfile(t.ctx, { name: `perfil-${Math.random().toString(36).slice(2)}`, grants });
  const user = await t.user(username ? { username } : {});
  await t.ctx.db.insertInto("user_access_profiles").values({ user_id: user.id, profile_id: profile.id }).execute();
  return user;
}
