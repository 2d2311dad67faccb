import type { RelatedPerson } from "../../../shared/persons.schemas.ts";
import { normalizeSearchText } from "../../../shared/search-text.ts";
import type { AppContext, AuthUser } from "../../context.ts";
import { isUniqueViolation } from "../../db/db-errors.ts";
import type { Executor } from "../../db/types.ts";
import { AppError, badRequest } from "../../errors.ts";
import { canSeePerson } from "../access/access.service.ts";
import { personForTab, personSummaries, visiblePerson } from "../persons/persons.service.ts";

type Side = "outgoing" | "incoming";

/** Both sides of every link of one person, with the other person's summary and categories. */
async function links(db: Executor, personId: number) {
  const side = (direction: Side) =>
    db
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
  const [outgoing, incoming] = await Promise.all([side("outgoing"), side("incoming")]);
  const rows = [
    ...outgoing.map((r) => ({ ...r, direction: "outgoing" as const })),
    ...incoming.map((r) => ({ ...r, direction: "incoming" as const })),
  ];
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
  const summaries = new Map((await personSummaries(db, ids)).map((p) => [p.code, p]));
  return rows.flatMap((r) => {
    const person = summaries.get(r.code);
    return person ? [{ ...r, person, categoryIds: byPerson.get(r.id) ?? [] }] : [];
  });
}

export async function listRelated(
  ctx: AppContext,
  user: AuthUser,
  code: number,
  q: string,
  category?: number,
): Promise<RelatedPerson[]> {
  const { row, access } = await personForTab(ctx, user, code, "related", "read", category);
  const needle = normalizeSearchText(q);
  const digits = q.replace(/\D/g, "");
  return (
    (await links(ctx.db, row.id))
      // Links to persons this user may not see are not shown: a hidden person never leaks.
      .filter((r) => canSeePerson(access, r.categoryIds))
      .filter(
        (r) =>
          !needle ||
          (digits.length > 0 && digits === q.trim() && String(r.code).includes(String(Number(digits)))) ||
          r.sort_name.includes(needle) ||
          (r.short_name ? normalizeSearchText(r.short_name).includes(needle) : false),
      )
      .sort((a, b) => a.sort_name.localeCompare(b.sort_name) || a.link_id - b.link_id)
      .map((r) => ({
        id: r.link_id,
        direction: r.direction,
        typeId: r.type_id,
        label: r.direction === "incoming" && r.inverse_name ? r.inverse_name : r.type_name,
        person: r.person,
        createdAt: r.linked_at,
      }))
  );
}

export async function linkPerson(
  ctx: AppContext,
  user: AuthUser,
  code: number,
  body: { relatedCode: number; typeId: number },
  category?: number,
): Promise<RelatedPerson> {
  const id = await ctx.db
    .transaction()
    .execute(async (trx) => {
      const { row } = await personForTab(ctx, user, code, "related", "write", category, trx);
      const other = await visiblePerson(ctx, user, body.relatedCode, trx).catch((error: unknown) => {
        if (error instanceof AppError && error.code === "not_found")
          throw badRequest("relatedCode", "pessoa não encontrada");
        throw error;
      });
      if (other.row.id === row.id) throw badRequest("relatedCode", "uma pessoa não se relaciona com ela mesma");
      const type = await trx
        .selectFrom("relationship_types")
        .select("id")
        .where("id", "=", body.typeId)
        .where("is_active", "=", 1)
        .executeTakeFirst();
      if (!type) throw badRequest("typeId", "tipo de relacionamento desconhecido");
      const inserted = await trx
        .insertInto("person_relationships")
        .values({
          person_id: row.id,
          related_person_id: other.row.id,
          type_id: body.typeId,
          created_at: ctx.now().toISOString(),
          created_by: user.id,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      return inserted.id;
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error))
        throw new AppError("conflict", "Estas pessoas já estão relacionadas com este tipo.");
      throw error;
    });
  const all = await listRelated(ctx, user, code, "");
  const created = all.find((r) => r.id === id);
  if (!created) throw new Error("link vanished after insert");
  return created;
}

/**
 * Unlinking needs write on the Related tab of either side the link hangs from. A link to a
 * person this user may not see is not listed, so it cannot be undone either (404).
 */
export async function unlinkPerson(
  ctx: AppContext,
  user: AuthUser,
  code: number,
  linkId: number,
  category?: number,
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const { row, access } = await personForTab(ctx, user, code, "related", "write", category, trx);
    const notFound = () => new AppError("not_found", "Relacionamento não encontrado.");
    const link = await trx
      .selectFrom("person_relationships")
      .select(["id", "person_id", "related_person_id"])
      .where("id", "=", linkId)
      .where((eb) => eb.or([eb("person_id", "=", row.id), eb("related_person_id", "=", row.id)]))
      .executeTakeFirst();
    if (!link) throw notFound();
    const otherId = link.person_id === row.id ? link.related_person_id : link.person_id;
    const otherCategories = await trx
      .selectFrom("person_categories")
      .select("category_id")
      .where("person_id", "=", otherId)
      .execute();
    const otherCategoryIds = otherCategories.map((c) => c.category_id);
    if (!canSeePerson(access, otherCategoryIds)) throw notFound();
    const result = await trx.deleteFrom("person_relationships").where("id", "=", link.id).executeTakeFirst();
    if (Number(result.numDeletedRows) !== 1) throw notFound();
  });
}
