import type { RelatedPerson } from "../../../shared/persons.schemas.ts";
import { normalizeSearchText } from "../../../shared/search-text.ts";
import type { AppContext, AuthUser } from "../../context.ts";
import { isUniqueViolation } from "../../db/db-errors.ts";
import type { Executor } from "../../db/types.ts";
import { AppError, fail, fieldError } from "../../errors.ts";
import { canSeePerson, canSeePersonId, personForTab, visiblePerson } from "../access/access.service.ts";
import { inTransaction, type PersonRef, personRef, recordChange } from "../audit/journal.ts";
import { personSummaries } from "../persons/persons.service.ts";
import * as repo from "./related.repository.ts";

/** Both sides of every link of one person, with the other person's summary and categories. */
async function links(db: Executor, personId: number) {
  const [outgoing, incoming] = await Promise.all([
    repo.linksOf(db, personId, "outgoing"),
    repo.linksOf(db, personId, "incoming"),
  ]);
  const rows = [
    ...outgoing.map((r) => ({ ...r, direction: "outgoing" as const })),
    ...incoming.map((r) => ({ ...r, direction: "incoming" as const })),
  ];
  const ids = [...new Set(rows.map((r) => r.id))];
  const byPerson = await repo.categoryIdsByPerson(db, ids);
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
  const id = await inTransaction(ctx, async (trx) => {
    const { row } = await personForTab(ctx, user, code, "related", "write", category, trx);
    const other = await visiblePerson(ctx, user, body.relatedCode, trx).catch((error: unknown) => {
      if (error instanceof AppError && error.code === "not_found") {
        throw fieldError("relatedCode", "related_person_not_found");
      }
      throw error;
    });
    if (other.row.id === row.id) throw fieldError("relatedCode", "self_relationship");
    if (!(await repo.activeTypeExists(trx, body.typeId))) throw fieldError("typeId", "unknown_relationship_type");
    const linkId = await repo.insertLink(trx, {
      personId: row.id,
      relatedPersonId: other.row.id,
      typeId: body.typeId,
      now: ctx.now().toISOString(),
      userId: user.id,
    });
    recordChange(trx, ctx, linkChange(linkId, "create", row, other.row, body.typeId));
    return linkId;
  }).catch((error: unknown) => {
    if (isUniqueViolation(error)) throw fail("conflict", "already_related");
    throw error;
  });
  const all = await listRelated(ctx, user, code, "");
  const created = all.find((r) => r.id === id);
  // Unlinked by someone else in the instant since the commit.
  if (!created) throw fail("not_found", "relationship_not_found");
  return created;
}

/** A link made or undone: one audit row (on the person whose screen did it), an event for each side. */
function linkChange(linkId: number, action: "create" | "delete", person: PersonRef, other: PersonRef, typeId: number) {
  const fields = { relatedCode: other.code, typeId };
  const event = { type: "related.changed" as const, area: "related" as const, refs: { linkId } };
  return {
    entity: "relationship",
    id: linkId,
    action,
    person: { id: person.id, code: person.code },
    ...(action === "create" ? { after: fields } : { before: fields }),
    events: [event, { ...event, person: { id: other.id, code: other.code } }],
  };
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
  await inTransaction(ctx, async (trx) => {
    const { row, access } = await personForTab(ctx, user, code, "related", "write", category, trx);
    const notFound = () => fail("not_found", "relationship_not_found");
    const link = await repo.linkOfPerson(trx, linkId, row.id);
    if (!link) throw notFound();
    const otherId = link.person_id === row.id ? link.related_person_id : link.person_id;
    if (!(await canSeePersonId(trx, access, otherId))) throw notFound();
    if (!(await repo.deleteLink(trx, link.id))) throw notFound();
    const other = await personRef(trx, otherId);
    if (other) recordChange(trx, ctx, linkChange(link.id, "delete", row, other, link.type_id));
  });
}
