import {
  type CreatePersonBody,
  documentKindProblem,
  type Person,
  type PersonKind,
  type UpdatePersonBody,
} from "../../../shared/persons.schemas.ts";
import type { AppContext, AuthUser } from "../../context.ts";
import { isUniqueViolation } from "../../db/db-errors.ts";
import type { Executor } from "../../db/types.ts";
import { fail, fieldError } from "../../errors.ts";
import {
  canSeePerson,
  canWriteCategory,
  loadAccess,
  type UserAccess,
  visiblePerson,
} from "../access/access.service.ts";
import { addAddresses } from "../addresses/addresses.service.ts";
import { inTransaction, recordChange } from "../audit/journal.ts";
import { personSearchColumns, toPerson } from "./persons.mapping.ts";
import * as repo from "./persons.repository.ts";

/** Creating and changing a person: the header, its categories, characteristics, e-mails and phones. */

/** What the audit log keeps of a person: the header and its lists, by value (ids of e-mails change on every save). */
async function audited(db: Executor, id: number) {
  const found = await repo.header(db, { id });
  if (!found) return null;
  const p = toPerson(found.row, found.details);
  return {
    code: p.code,
    kind: p.kind,
    name: p.name,
    shortName: p.shortName,
    document: p.document,
    isActive: p.isActive,
    notes: p.notes,
    categoryIds: p.categories.map((c) => c.id).sort((a, b) => a - b),
    characteristicIds: p.characteristics.map((c) => c.id).sort((a, b) => a - b),
    emails: p.emails.map((e) => (e.isMain ? `${e.address} (principal)` : e.address)),
    phones: p.phones.map((f) => (f.isMain ? `${f.number} (principal)` : f.number)),
  };
}

async function personById(ctx: AppContext, id: number): Promise<Person> {
  const found = await repo.header(ctx.db, { id });
  if (!found) throw fail("not_found", "person_not_found");
  return toPerson(found.row, found.details);
}

/**
 * Codes for new persons, in order: a code given (an ERP's own numbering) pushes the shared counter
 * past it, the others take the next ones, reserved together. The persons import uses it too.
 */
export async function assignPersonCodes(db: Executor, wanted: (number | undefined)[]): Promise<number[]> {
  const explicit = wanted.filter((c): c is number => c !== undefined);
  if (explicit.length) await repo.bumpPersonCode(db, Math.max(...explicit));
  const missing = wanted.length - explicit.length;
  let next = missing ? (await repo.takePersonCodes(db, missing)) - missing + 1 : 0;
  return wanted.map((c) => c ?? next++);
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
    if (missing.length) throw fieldError("categoryIds", "unknown_category", { category: missing.join(", ") });
  }
  if (characteristicIds) {
    const found = await repo.existingIds(db, "characteristics", characteristicIds);
    const missing = characteristicIds.filter((id) => !found.has(id));
    if (missing.length) {
      throw fieldError("characteristicIds", "unknown_characteristic", { characteristic: missing.join(", ") });
    }
  }
}

/** 409 for a document in use; the other person's code only when this user may see that person. */
async function assertDocumentFree(db: Executor, access: UserAccess, document: string | null, exceptId?: number) {
  if (!document) return;
  const other = await repo.findByDocument(db, document);
  if (!other || other.id === exceptId) return;
  if (!canSeePerson(access, await repo.categoryIdsOf(db, other.id))) {
    throw fieldError("document", "document_in_use", undefined, "conflict");
  }
  throw fieldError("document", "document_in_use_by", { code: String(other.code).padStart(6, "0") }, "conflict");
}

export async function createPerson(
  ctx: AppContext,
  user: AuthUser,
  body: CreatePersonBody,
  options: { code?: number; externalId?: string | null } = {},
): Promise<Person> {
  const access = await loadAccess(ctx.db, user);
  if (body.categoryIds.some((id) => !canWriteCategory(access, id)))
    throw fail("forbidden", "cannot_create_in_category");
  const categoryIds = [...new Set(body.categoryIds)];
  const characteristicIds = [...new Set(body.characteristicIds)];
  const emails = withMain(body.emails);
  const phones = withMain(body.phones);
  const addresses = withMain(body.addresses);
  const now = ctx.now().toISOString();

  const id = await inTransaction(ctx, async (trx) => {
    await checkReferences(trx, categoryIds, characteristicIds);
    await assertDocumentFree(trx, access, body.document);
    const [code] = (await assignPersonCodes(trx, [options.code])) as [number];
    const id = await repo.insertPerson(trx, {
      code,
      kind: body.kind,
      name: body.name,
      short_name: body.shortName,
      document: body.document,
      notes: body.notes,
      external_id: options.externalId ?? null,
      ...personSearchColumns({
        code,
        name: body.name,
        shortName: body.shortName,
        document: body.document,
        emails: emails.map((e) => e.address),
        phones: phones.map((p) => p.number),
      }),
      created_at: now,
      updated_at: now,
    });
    await repo.replaceCategories(trx, id, categoryIds);
    await repo.replaceCharacteristics(trx, id, characteristicIds);
    await repo.replaceEmails(trx, id, emails);
    await repo.replacePhones(trx, id, phones);
    await addAddresses(trx, id, addresses, now);
    const after = await audited(trx, id);
    recordChange(trx, ctx, {
      entity: "person",
      id,
      action: "create",
      person: { id, code },
      after: after && { ...after, addresses: addresses.map((a) => `${a.street}, ${a.number} — ${a.city}/${a.state}`) },
      events: [{ type: "person.created", area: "person" }],
    });
    return id;
  }).catch((error: unknown) => {
    if (isUniqueViolation(error)) throw fieldError("document", "document_or_code_in_use", undefined, "conflict");
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
  const id = await inTransaction(ctx, async (trx) => {
    const { row, categoryIds, access } = await visiblePerson(ctx, user, code, trx);
    if (!categoryIds.some((c) => canWriteCategory(access, c))) throw fail("forbidden", "cannot_change_person");
    if (body.version !== row.version) {
      throw fail("stale_version", "person_changed", undefined, { currentVersion: row.version });
    }
    const nextCategories = body.categoryIds ? [...new Set(body.categoryIds)] : undefined;
    if (nextCategories) {
      const changed = [
        ...nextCategories.filter((c) => !categoryIds.includes(c)),
        ...categoryIds.filter((c) => !nextCategories.includes(c)),
      ];
      if (changed.some((c) => !canWriteCategory(access, c))) throw fail("forbidden", "cannot_change_category");
    }
    const kind = body.kind ?? (row.kind as PersonKind);
    const document = body.document !== undefined ? body.document : row.document;
    const kindProblem = document ? documentKindProblem(kind, document) : null;
    if (kindProblem) throw fieldError("document", kindProblem);
    await checkReferences(trx, nextCategories, body.characteristicIds);
    await assertDocumentFree(trx, access, document, row.id);

    const before = await audited(trx, row.id);
    const current = await repo.details(trx, row.id);
    const emails = body.emails
      ? withMain(body.emails)
      : current.emails.map((e) => ({ address: e.address, isMain: e.is_main === 1 }));
    const phones = body.phones
      ? withMain(body.phones)
      : current.phones.map((p) => ({ number: p.number, isMain: p.is_main === 1 }));
    const name = body.name ?? row.name;
    const shortName = body.shortName !== undefined ? body.shortName : row.short_name;

    const saved = await repo.updatePersonAt(trx, row.id, row.version, {
      kind,
      name,
      short_name: shortName,
      document,
      notes: body.notes !== undefined ? body.notes : row.notes,
      is_active: body.isActive === undefined ? row.is_active : body.isActive ? 1 : 0,
      ...personSearchColumns({
        code: row.code,
        name,
        shortName,
        document,
        emails: emails.map((e) => e.address),
        phones: phones.map((p) => p.number),
      }),
      updated_at: now,
    });
    if (!saved) throw fail("stale_version", "person_changed");
    if (nextCategories) await repo.replaceCategories(trx, row.id, nextCategories);
    if (body.characteristicIds) await repo.replaceCharacteristics(trx, row.id, [...new Set(body.characteristicIds)]);
    if (body.emails) await repo.replaceEmails(trx, row.id, emails);
    if (body.phones) await repo.replacePhones(trx, row.id, phones);
    recordChange(trx, ctx, {
      entity: "person",
      id: row.id,
      action: "update",
      person: { id: row.id, code: row.code },
      before,
      after: await audited(trx, row.id),
      events: [{ type: "person.changed", area: "person" }],
    });
    return row.id;
  }).catch((error: unknown) => {
    if (isUniqueViolation(error)) throw fieldError("document", "document_in_use", undefined, "conflict");
    throw error;
  });
  return personById(ctx, id);
}
