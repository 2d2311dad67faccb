import type { ExpressionBuilder, Insertable, Selectable, Updateable } from "kysely";
import { jsonArrayFrom as pgJsonArray } from "kysely/helpers/postgres";
import { jsonArrayFrom as sqliteJsonArray } from "kysely/helpers/sqlite";
import { prepared } from "../../db/prepared.ts";
import type { Database, Dialect, Executor, PersonsTable } from "../../db/types.ts";
import { emailRows, phoneRows } from "./persons.mapping.ts";

/** The SQL of persons and their categories, characteristics, e-mails and phones (search: persons.search.repository.ts). */

export type PersonRow = Selectable<PersonsTable>;

/** Takes `count` codes from the person counter at once; answers the last one taken. */
export async function takePersonCodes(db: Executor, count: number): Promise<number> {
  const row = await db
    .updateTable("sequences")
    .set((eb) => ({ value: eb("value", "+", count) }))
    .where("name", "=", "person_code")
    .returning("value")
    .executeTakeFirstOrThrow();
  return row.value;
}

/** Keeps the counter ahead of codes that came from outside (ERP imports). */
export async function bumpPersonCode(db: Executor, atLeast: number): Promise<void> {
  await db
    .updateTable("sequences")
    .set({ value: atLeast })
    .where("name", "=", "person_code")
    .where("value", "<", atLeast)
    .execute();
}

export function findByDocument(db: Executor, document: string) {
  return db.selectFrom("persons").select(["id", "code"]).where("document", "=", document).executeTakeFirst();
}

export async function categoryIdsOf(db: Executor, personId: number): Promise<number[]> {
  const rows = await db
    .selectFrom("person_categories")
    .select("category_id")
    .where("person_id", "=", personId)
    .execute();
  return rows.map((r) => r.category_id);
}

export async function details(db: Executor, personId: number) {
  const [categories, characteristics, emails, phones] = await Promise.all([
    db
      .selectFrom("person_categories as pc")
      .innerJoin("categories as c", "c.id", "pc.category_id")
      .select(["c.id", "c.name", "c.role"])
      .where("pc.person_id", "=", personId)
      .orderBy("c.name")
      .execute(),
    db
      .selectFrom("person_characteristics as pc")
      .innerJoin("characteristics as c", "c.id", "pc.characteristic_id")
      .select(["c.id", "c.name", "c.color"])
      .where("pc.person_id", "=", personId)
      .orderBy("c.name")
      .execute(),
    db
      .selectFrom("person_emails")
      .select(["id", "address", "is_main"])
      .where("person_id", "=", personId)
      .orderBy("is_main", "desc")
      .orderBy("position")
      .execute(),
    db
      .selectFrom("person_phones")
      .select(["id", "number", "is_main"])
      .where("person_id", "=", personId)
      .orderBy("is_main", "desc")
      .orderBy("position")
      .execute(),
  ]);
  return { categories, characteristics, emails, phones };
}

export type PersonDetails = Awaited<ReturnType<typeof details>>;

const parseJsonArray = <T>(value: unknown): T[] =>
  typeof value === "string" ? (JSON.parse(value) as T[]) : ((value as T[]) ?? []);

const jsonArrayOf = (dialect: Dialect) =>
  (dialect === "postgres" ? pgJsonArray : sqliteJsonArray) as typeof sqliteJsonArray;

/** The person row with categories, characteristics, e-mails and phones as JSON arrays. */
function headerQuery(db: Executor, dialect: Dialect) {
  const jsonArray = jsonArrayOf(dialect);
  return db
    .selectFrom("persons as p")
    .selectAll("p")
    .select((eb) => [
      jsonArray(
        eb
          .selectFrom("person_categories as pc")
          .innerJoin("categories as c", "c.id", "pc.category_id")
          .select(["c.id", "c.name", "c.role"])
          .whereRef("pc.person_id", "=", "p.id")
          .orderBy("c.name"),
      ).as("categories_json"),
      jsonArray(
        eb
          .selectFrom("person_characteristics as pch")
          .innerJoin("characteristics as ch", "ch.id", "pch.characteristic_id")
          .select(["ch.id", "ch.name", "ch.color"])
          .whereRef("pch.person_id", "=", "p.id")
          .orderBy("ch.name"),
      ).as("characteristics_json"),
      jsonArray(
        eb
          .selectFrom("person_emails as e")
          .select(["e.id", "e.address", "e.is_main"])
          .whereRef("e.person_id", "=", "p.id")
          .orderBy("e.is_main", "desc")
          .orderBy("e.position"),
      ).as("emails_json"),
      jsonArray(
        eb
          .selectFrom("person_phones as f")
          .select(["f.id", "f.number", "f.is_main"])
          .whereRef("f.person_id", "=", "p.id")
          .orderBy("f.is_main", "desc")
          .orderBy("f.position"),
      ).as("phones_json"),
    ]);
}

// The person screen's hottest reads, compiled once (db/prepared.ts).
const headerByCode = prepared("persons.header.code", (db, p: { code: number }, dialect) =>
  headerQuery(db, dialect).where("p.code", "=", p.code),
);
const headerById = prepared("persons.header.id", (db, p: { id: number }, dialect) =>
  headerQuery(db, dialect).where("p.id", "=", p.id),
);

/**
 * The whole person header in one query (the person screen's hottest read): the
 * person row with categories, characteristics, e-mails and phones as JSON arrays.
 */
export async function header(
  db: Executor,
  by: { code: number } | { id: number },
): Promise<{ row: PersonRow; details: PersonDetails } | undefined> {
  const [found] = "code" in by ? await headerByCode(db, by) : await headerById(db, by);
  if (!found) return undefined;
  const { categories_json, characteristics_json, emails_json, phones_json, ...row } = found;
  return {
    row: row as PersonRow,
    details: {
      categories: parseJsonArray(categories_json),
      characteristics: parseJsonArray(characteristics_json),
      emails: parseJsonArray(emails_json),
      phones: parseJsonArray(phones_json),
    },
  };
}

const categoriesByCode = prepared("persons.categories.code", (db, p: { code: number }, dialect) =>
  db
    .selectFrom("persons as p")
    .select((eb) => [
      "p.id",
      jsonArrayOf(dialect)(
        eb
          .selectFrom("person_categories as pc")
          .select("pc.category_id")
          .whereRef("pc.person_id", "=", "p.id")
          .orderBy("pc.category_id"),
      ).as("categories_json"),
    ])
    .where("p.code", "=", p.code),
);

/** The person's id and category ids (in id order), by code, in one query: what the tabs answer needs. */
export async function categoriesOfCode(
  db: Executor,
  code: number,
): Promise<{ id: number; categoryIds: number[] } | undefined> {
  const [found] = await categoriesByCode(db, { code });
  if (!found) return undefined;
  return {
    id: found.id,
    categoryIds: parseJsonArray<{ category_id: number }>(found.categories_json).map((c) => c.category_id),
  };
}

export async function replaceCategories(db: Executor, personId: number, ids: number[]): Promise<void> {
  await db.deleteFrom("person_categories").where("person_id", "=", personId).execute();
  if (ids.length)
    await db
      .insertInto("person_categories")
      .values(ids.map((category_id) => ({ person_id: personId, category_id })))
      .execute();
}

export async function replaceCharacteristics(db: Executor, personId: number, ids: number[]): Promise<void> {
  await db.deleteFrom("person_characteristics").where("person_id", "=", personId).execute();
  if (ids.length)
    await db
      .insertInto("person_characteristics")
      .values(ids.map((characteristic_id) => ({ person_id: personId, characteristic_id })))
      .execute();
}

export async function replaceEmails(
  db: Executor,
  personId: number,
  emails: { address: string; isMain: boolean }[],
): Promise<void> {
  await db.deleteFrom("person_emails").where("person_id", "=", personId).execute();
  if (emails.length) await db.insertInto("person_emails").values(emailRows(personId, emails)).execute();
}

export async function replacePhones(
  db: Executor,
  personId: number,
  phones: { number: string; isMain: boolean }[],
): Promise<void> {
  await db.deleteFrom("person_phones").where("person_id", "=", personId).execute();
  if (phones.length) await db.insertInto("person_phones").values(phoneRows(personId, phones)).execute();
}

export async function existingIds(
  db: Executor,
  table: "categories" | "characteristics",
  ids: number[],
): Promise<Set<number>> {
  if (!ids.length) return new Set();
  const rows = await db.selectFrom(table).select("id").where("id", "in", ids).where("is_active", "=", 1).execute();
  return new Set(rows.map((r) => r.id));
}

export async function insertPerson(db: Executor, row: Insertable<PersonsTable>): Promise<number> {
  const { id } = await db.insertInto("persons").values(row).returning("id").executeTakeFirstOrThrow();
  return id;
}

/** Rewrites the person only if it still has `version` (bumping it); false when someone saved it meanwhile. */
export async function updatePersonAt(
  db: Executor,
  id: number,
  version: number,
  set: Updateable<PersonsTable>,
): Promise<boolean> {
  const result = await db
    .updateTable("persons")
    .set({ ...set, version: version + 1 })
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

// ——— summaries (search results, related persons) ———

export type PersonsEb = ExpressionBuilder<Database & { p: Database["persons"] }, "p">;

export const summaryColumns = (eb: PersonsEb) =>
  [
    "p.id",
    "p.code",
    "p.kind",
    "p.name",
    "p.short_name",
    "p.document",
    "p.is_active",
    "p.sort_name",
    eb
      .selectFrom("person_emails as e")
      .select("e.address")
      .whereRef("e.person_id", "=", "p.id")
      .where("e.is_main", "=", 1)
      .limit(1)
      .as("main_email"),
    eb
      .selectFrom("person_phones as f")
      .select("f.number")
      .whereRef("f.person_id", "=", "p.id")
      .where("f.is_main", "=", 1)
      .limit(1)
      .as("main_phone"),
  ] as const;

export type SummaryRow = {
  id: number;
  code: number;
  kind: string;
  name: string;
  short_name: string | null;
  document: string | null;
  is_active: number;
  sort_name: string;
  main_email: string | null;
  main_phone: string | null;
};

export async function summariesByIds(db: Executor, ids: number[]): Promise<SummaryRow[]> {
  if (!ids.length) return [];
  const rows = (await db
    .selectFrom("persons as p")
    .select(summaryColumns)
    .where("p.id", "in", ids)
    .execute()) as SummaryRow[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is SummaryRow => r !== undefined);
}
