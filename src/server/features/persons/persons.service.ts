import type { Tab } from "../../../shared/access.schemas.ts";
import type {
  CreatePersonBody,
  Person,
  PersonKind,
  PersonSummary,
  UpdatePersonBody,
} from "../../../shared/persons.schemas.ts";
import {
  buildPersonSearchText,
  exactSearchKeys,
  normalizeSearchText,
  searchTerms,
} from "../../../shared/search-text.ts";
import type { AppContext, AuthUser } from "../../context.ts";
import { isUniqueViolation } from "../../db/db-errors.ts";
import type { Executor } from "../../db/types.ts";
import { AppError, badRequest } from "../../errors.ts";
import {
  assertTab,
  canSeePerson,
  canWriteCategory,
  loadAccess,
  tabsFor,
  type UserAccess,
  visibleCategoryIds,
} from "../access/access.service.ts";
import { newAddressRow } from "../addresses/address-row.ts";
import * as repo from "./persons.repository.ts";

export type VisiblePerson = { row: repo.PersonRow; categoryIds: number[]; access: UserAccess };

const notFound = () => new AppError("not_found", "Pessoa não encontrada.");

/** The person if this user may see it; 404 otherwise, so no one learns what exists. */
export async function visiblePerson(
  ctx: AppContext,
  user: AuthUser,
  code: number,
  db: Executor = ctx.db,
): Promise<VisiblePerson> {
  const row = await repo.findByCode(db, code);
  if (!row) throw notFound();
  const [categoryIds, access] = await Promise.all([repo.categoryIdsOf(db, row.id), loadAccess(db, user)]);
  if (!canSeePerson(access, categoryIds)) throw notFound();
  return { row, categoryIds, access };
}

/** Resolves a person for a tab endpoint and checks the grant: 404 when invisible, 403 without the tab. */
export async function personForTab(
  ctx: AppContext,
  user: AuthUser,
  code: number,
  tab: Tab,
  need: "read" | "write",
  selectedCategoryId?: number,
  db: Executor = ctx.db,
): Promise<VisiblePerson> {
  const vp = await visiblePerson(ctx, user, code, db);
  assertTab(vp.access, vp.categoryIds, tab, need, selectedCategoryId);
  return vp;
}

/** Same as personForTab, starting from the internal id (for /api/addresses/{id} and the like). */
export async function personByIdForTab(
  ctx: AppContext,
  user: AuthUser,
  personId: number,
  tab: Tab,
  need: "read" | "write",
  selectedCategoryId?: number,
  db: Executor = ctx.db,
): Promise<VisiblePerson> {
  const row = await repo.findById(db, personId);
  if (!row) throw notFound();
  return personForTab(ctx, user, row.code, tab, need, selectedCategoryId, db);
}

function toPerson(row: repo.PersonRow, d: repo.PersonDetails): Person {
  return {
    code: row.code,
    kind: row.kind as PersonKind,
    name: row.name,
    shortName: row.short_name,
    document: row.document,
    isActive: row.is_active === 1,
    notes: row.notes,
    categories: d.categories,
    characteristics: d.characteristics,
    emails: d.emails.map((e) => ({ id: e.id, address: e.address, isMain: e.is_main === 1 })),
    phones: d.phones.map((p) => ({ id: p.id, number: p.number, isMain: p.is_main === 1 })),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

export const toSummary = (r: repo.SummaryRow): PersonSummary => ({
  code: r.code,
  kind: r.kind as PersonKind,
  name: r.name,
  shortName: r.short_name,
  document: r.document,
  isActive: r.is_active === 1,
  mainEmail: r.main_email,
  mainPhone: r.main_phone,
});

/** Summaries (code, name, document, main e-mail and phone) of persons by internal id, in that order. */
export async function personSummaries(db: Executor, ids: number[]): Promise<PersonSummary[]> {
  return (await repo.summariesByIds(db, ids)).map(toSummary);
}

export async function getPerson(ctx: AppContext, user: AuthUser, code: number): Promise<Person> {
  const [found, access] = await Promise.all([repo.header(ctx.db, ctx.dialect, { code }), loadAccess(ctx.db, user)]);
  if (
    !found ||
    !canSeePerson(
      access,
      found.details.categories.map((c) => c.id),
    )
  )
    throw notFound();
  return toPerson(found.row, found.details);
}

async function personById(ctx: AppContext, id: number): Promise<Person> {
  const found = await repo.header(ctx.db, ctx.dialect, { id });
  if (!found) throw notFound();
  return toPerson(found.row, found.details);
}

/** Exactly one main: the flagged one, or the first. */
function withMain<T extends { isMain?: boolean | undefined }>(list: T[]): (T & { isMain: boolean })[] {
  const mainIndex = Math.max(
    0,
    list.findIndex((i) => i.isMain),
  );
  return list.map((item, i) => ({ ...item, isMain: i === mainIndex }));
}

async function checkReferences(
  db: Executor,
  categoryIds: number[] | undefined,
  characteristicIds: number[] | undefined,
) {
  if (categoryIds) {
    const found = await repo.existingIds(db, "categories", categoryIds);
    const missing = categoryIds.filter((id) => !found.has(id));
    if (missing.length) throw badRequest("categoryIds", `categoria desconhecida: ${missing.join(", ")}`);
  }
  if (characteristicIds) {
    const found = await repo.existingIds(db, "characteristics", characteristicIds);
    const missing = characteristicIds.filter((id) => !found.has(id));
    if (missing.length) throw badRequest("characteristicIds", `característica desconhecida: ${missing.join(", ")}`);
  }
}

/** 409 for a document in use; the other person's code only when this user may see that person. */
async function assertDocumentFree(db: Executor, access: UserAccess, document: string | null, exceptId?: number) {
  if (!document) return;
  const other = await repo.findByDocument(db, document);
  if (!other || other.id === exceptId) return;
  const visible = canSeePerson(access, await repo.categoryIdsOf(db, other.id));
  const which = visible ? ` para a pessoa ${String(other.code).padStart(6, "0")}` : "";
  throw new AppError("conflict", `document: documento já cadastrado${which}.`, [
    { field: "document", message: `documento já cadastrado${which}` },
  ]);
}

function searchTextOf(p: {
  code: number;
  name: string;
  shortName: string | null;
  document: string | null;
  emails: string[];
  phones: string[];
}) {
  return buildPersonSearchText(p);
}

export async function createPerson(
  ctx: AppContext,
  user: AuthUser,
  body: CreatePersonBody,
  options: { code?: number; externalId?: string | null } = {},
): Promise<Person> {
  const access = await loadAccess(ctx.db, user);
  const denied = body.categoryIds.filter((id) => !canWriteCategory(access, id));
  if (denied.length) throw new AppError("forbidden", "Você não pode cadastrar pessoas nesta categoria.");
  const categoryIds = [...new Set(body.categoryIds)];
  const characteristicIds = [...new Set(body.characteristicIds)];
  const emails = withMain(body.emails);
  const phones = withMain(body.phones);
  const addresses = withMain(body.addresses);
  const now = ctx.now().toISOString();

  const id = await ctx.db
    .transaction()
    .execute(async (trx) => {
      await checkReferences(trx, categoryIds, characteristicIds);
      await assertDocumentFree(trx, access, body.document);
      let code = options.code;
      if (code === undefined) code = await repo.nextPersonCode(trx);
      else await repo.bumpPersonCode(trx, code);
      const { id } = await trx
        .insertInto("persons")
        .values({
          code,
          kind: body.kind,
          name: body.name,
          short_name: body.shortName,
          document: body.document,
          notes: body.notes,
          external_id: options.externalId ?? null,
          sort_name: normalizeSearchText(body.name),
          search_text: searchTextOf({
            code,
            name: body.name,
            shortName: body.shortName,
            document: body.document,
            emails: emails.map((e) => e.address),
            phones: phones.map((p) => p.number),
          }),
          created_at: now,
          updated_at: now,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await repo.replaceCategories(trx, id, categoryIds);
      await repo.replaceCharacteristics(trx, id, characteristicIds);
      await repo.replaceEmails(trx, id, emails);
      await repo.replacePhones(trx, id, phones);
      if (addresses.length) {
        await trx
          .insertInto("addresses")
          .values(addresses.map((a) => newAddressRow(id, a, now)))
          .execute();
      }
      return id;
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw new AppError("conflict", "document: documento ou código já cadastrado.");
      throw error;
    });
  return personById(ctx, id);
}

export async function updatePerson(
  ctx: AppContext,
  user: AuthUser,
  code: number,
  body: UpdatePersonBody,
): Promise<Person> {
  const now = ctx.now().toISOString();
  const id = await ctx.db
    .transaction()
    .execute(async (trx) => {
      const { row, categoryIds, access } = await visiblePerson(ctx, user, code, trx);
      if (!categoryIds.some((c) => canWriteCategory(access, c))) {
        throw new AppError("forbidden", "Você não pode alterar esta pessoa.");
      }
      if (body.version !== row.version) {
        throw new AppError("stale_version", "Outra pessoa alterou este cadastro; recarregue para ver as mudanças.", {
          currentVersion: row.version,
        });
      }
      const nextCategories = body.categoryIds ? [...new Set(body.categoryIds)] : undefined;
      if (nextCategories) {
        const changed = [
          ...nextCategories.filter((c) => !categoryIds.includes(c)),
          ...categoryIds.filter((c) => !nextCategories.includes(c)),
        ];
        if (changed.some((c) => !canWriteCategory(access, c))) {
          throw new AppError("forbidden", "Você não pode incluir ou retirar esta categoria.");
        }
      }
      const kind = body.kind ?? (row.kind as PersonKind);
      const document = body.document !== undefined ? body.document : row.document;
      if (document && (kind === "individual") !== (document.length === 11)) {
        throw badRequest("document", kind === "individual" ? "pessoa física usa CPF" : "pessoa jurídica usa CNPJ");
      }
      await checkReferences(trx, nextCategories, body.characteristicIds);
      await assertDocumentFree(trx, access, document, row.id);

      const current = await repo.details(trx, row.id);
      const emails = body.emails
        ? withMain(body.emails)
        : current.emails.map((e) => ({ address: e.address, isMain: e.is_main === 1 }));
      const phones = body.phones
        ? withMain(body.phones)
        : current.phones.map((p) => ({ number: p.number, isMain: p.is_main === 1 }));
      const name = body.name ?? row.name;
      const shortName = body.shortName !== undefined ? body.shortName : row.short_name;

      const result = await trx
        .updateTable("persons")
        .set({
          kind,
          name,
          short_name: shortName,
          document,
          notes: body.notes !== undefined ? body.notes : row.notes,
          is_active: body.isActive === undefined ? row.is_active : body.isActive ? 1 : 0,
          sort_name: normalizeSearchText(name),
          search_text: searchTextOf({
            code: row.code,
            name,
            shortName,
            document,
            emails: emails.map((e) => e.address),
            phones: phones.map((p) => p.number),
          }),
          updated_at: now,
          version: row.version + 1,
        })
        .where("id", "=", row.id)
        .where("version", "=", row.version)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) {
        throw new AppError("stale_version", "Outra pessoa alterou este cadastro; recarregue para ver as mudanças.");
      }
      if (nextCategories) await repo.replaceCategories(trx, row.id, nextCategories);
      if (body.characteristicIds) await repo.replaceCharacteristics(trx, row.id, [...new Set(body.characteristicIds)]);
      if (body.emails) await repo.replaceEmails(trx, row.id, emails);
      if (body.phones) await repo.replacePhones(trx, row.id, phones);
      return row.id;
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw new AppError("conflict", "document: documento já cadastrado.");
      throw error;
    });
  return personById(ctx, id);
}

// ——— quick search ———

const encodeCursor = (c: repo.SearchCursor) => {
  const index = c.index === "words" ? "w" : c.index === "trigrams" ? "t" : "";
  const body = c.mode === "name" ? ["n", c.name, c.id, index] : ["r", c.id, index];
  return Buffer.from(JSON.stringify(body)).toString("base64url");
};

const indexOf = (v: unknown): repo.SearchIndex | undefined =>
  v === "w" ? "words" : v === "t" ? "trigrams" : undefined;

function decodeCursor(cursor: string | undefined): repo.SearchCursor | null {
  if (!cursor) return null;
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(v) && v[0] === "n" && typeof v[1] === "string" && Number.isInteger(v[2])) {
      return { mode: "name", name: v[1], id: v[2] as number, index: indexOf(v[3]) };
    }
    if (Array.isArray(v) && v[0] === "r" && Number.isInteger(v[1])) {
      return { mode: "recent", id: v[1] as number, index: indexOf(v[2]) };
    }
  } catch {
    // fall through
  }
  throw badRequest("cursor", "cursor inválido");
}

export async function searchPersons(
  ctx: AppContext,
  user: AuthUser,
  query: {
    q: string;
    category?: number | undefined;
    includeInactive: boolean;
    limit: number;
    cursor?: string | undefined;
  },
): Promise<{ items: PersonSummary[]; nextCursor: string | null }> {
  const access = await loadAccess(ctx.db, user);
  const filter: repo.SearchFilter = {
    visibleCategoryIds: visibleCategoryIds(access),
    categoryId: query.category,
    includeInactive: query.includeInactive,
  };
  const after = decodeCursor(query.cursor);
  const terms = searchTerms(query.q);

  // Exact code or document goes first, on the first page only.
  let exact: repo.SummaryRow[] = [];
  if (!after && query.q) {
    const keys = exactSearchKeys(query.q);
    exact = await repo.findExact(ctx.db, filter, {
      code: keys.code ?? undefined,
      document: keys.document ?? undefined,
    });
  }
  const { rows, mode, index } = await repo.searchPage(ctx.db, ctx.dialect, filter, {
    terms,
    excludeIds: exact.map((r) => r.id),
    after,
    limit: query.limit + 1,
  });
  const hasMore = rows.length > query.limit;
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const next: repo.SearchCursor | null =
    !hasMore || !last
      ? null
      : mode === "name"
        ? { mode, name: last.sort_name, id: last.id, index }
        : { mode, id: last.id, index };
  return { items: [...exact, ...page].map(toSummary), nextCursor: next ? encodeCursor(next) : null };
}

export async function personTabs(ctx: AppContext, user: AuthUser, code: number, categoryId: number | undefined) {
  const { categoryIds, access } = await visiblePerson(ctx, user, code);
  const selected = categoryId ?? categoryIds.find((c) => access.isAdmin || access.byCategory.has(c));
  if (selected === undefined || !categoryIds.includes(selected)) {
    throw badRequest("category", "esta pessoa não pertence a essa categoria");
  }
  return { categoryId: selected, tabs: tabsFor(access, selected) };
}
