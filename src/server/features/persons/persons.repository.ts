import { type ExpressionBuilder, type Selectable, sql } from "kysely";
import { jsonArrayFrom as pgJsonArray } from "kysely/helpers/postgres";
import { jsonArrayFrom as sqliteJsonArray } from "kysely/helpers/sqlite";
import type { Database, Dialect, Executor, PersonsTable } from "../../db/types.ts";

export type PersonRow = Selectable<PersonsTable>;

export async function nextPersonCode(db: Executor): Promise<number> {
  const row = await db
    .updateTable("sequences")
    .set((eb) => ({ value: eb("value", "+", 1) }))
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

export function findByCode(db: Executor, code: number) {
  return db.selectFrom("persons").selectAll().where("code", "=", code).executeTakeFirst();
}

export function findById(db: Executor, id: number) {
  return db.selectFrom("persons").selectAll().where("id", "=", id).executeTakeFirst();
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

/**
 * The whole person header in one query (the person screen's hottest read): the
 * person row with categories, characteristics, e-mails and phones as JSON arrays.
 */
export async function header(
  db: Executor,
  dialect: Dialect,
  by: { code: number } | { id: number },
): Promise<{ row: PersonRow; details: PersonDetails } | undefined> {
  const jsonArray = (dialect === "postgres" ? pgJsonArray : sqliteJsonArray) as typeof sqliteJsonArray;
  const found = await db
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
    ])
    .where("code" in by ? "p.code" : "p.id", "=", "code" in by ? by.code : by.id)
    .executeTakeFirst();
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
  if (emails.length)
    await db
      .insertInto("person_emails")
      .values(
        emails.map((e, position) => ({ person_id: personId, address: e.address, is_main: e.isMain ? 1 : 0, position })),
      )
      .execute();
}

export async function replacePhones(
  db: Executor,
  personId: number,
  phones: { number: string; isMain: boolean }[],
): Promise<void> {
  await db.deleteFrom("person_phones").where("person_id", "=", personId).execute();
  if (phones.length)
    await db
      .insertInto("person_phones")
      .values(
        phones.map((p, position) => ({ person_id: personId, number: p.number, is_main: p.isMain ? 1 : 0, position })),
      )
      .execute();
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

// ——— quick search ———

export type SearchFilter = {
  /** null = every category (administrator) */
  visibleCategoryIds: number[] | null;
  categoryId?: number | undefined;
  includeInactive: boolean;
};

type PersonsEb = ExpressionBuilder<Database & { p: Database["persons"] }, "p">;

function visibility(eb: PersonsEb, f: SearchFilter) {
  const conds = [];
  if (!f.includeInactive) conds.push(eb("p.is_active", "=", 1));
  const cats =
    f.categoryId !== undefined
      ? f.visibleCategoryIds === null || f.visibleCategoryIds.includes(f.categoryId)
        ? [f.categoryId]
        : []
      : f.visibleCategoryIds;
  if (cats !== null) {
    if (!cats.length) return eb.lit(false);
    conds.push(
      eb.exists(
        eb
          .selectFrom("person_categories as pc")
          .select(eb.lit(1).as("one"))
          .whereRef("pc.person_id", "=", "p.id")
          .where("pc.category_id", "in", cats),
      ),
    );
  }
  return eb.and(conds);
}

const summaryColumns = (eb: PersonsEb) =>
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

/** Exact hits (code or document) that go first on the first page. */
export async function findExact(
  db: Executor,
  f: SearchFilter,
  exact: { code?: number | undefined; document?: string | undefined },
): Promise<SummaryRow[]> {
  if (exact.code === undefined && exact.document === undefined) return [];
  return (await db
    .selectFrom("persons as p")
    .select(summaryColumns)
    .where((eb) => {
      const ors = [];
      if (exact.code !== undefined) ors.push(eb("p.code", "=", exact.code));
      if (exact.document !== undefined) ors.push(eb("p.document", "=", exact.document));
      return eb.and([eb.or(ors), visibility(eb, f)]);
    })
    .orderBy("p.code")
    .limit(5)
    .execute()) as SummaryRow[];
}

/** Up to this many matches are sorted by name in memory; past it, pages follow the index (newest first). */
export const SORTED_LIMIT = 500;

/** Where a page starts: after a (name, id) in name order, or below an id in newest-first order. */
export type SearchIndex = "words" | "trigrams";
export type SearchCursor = ({ mode: "name"; name: string; id: number } | { mode: "recent"; id: number }) & {
  /** Which index served the first page; the following pages use the same one. */
  index?: SearchIndex;
};

type PageQuery = { terms: string[]; excludeIds: number[]; after: SearchCursor | null; limit: number };

const likeAll = (terms: string[]) => (eb: PersonsEb) => eb.and(terms.map((t) => eb("p.search_text", "like", `%${t}%`)));

/** Word pieces of a term as FTS5 and to_tsquery split them (letters and digits). */
const wordTokens = (term: string) => term.split(/[^\p{L}\p{N}]+/u).filter((t) => t !== "");

/** The word index keeps prefixes of up to this many characters (FTS5 `prefix='1 2 3 4 5 6'`). */
const INDEXED_PREFIX = 6;

/**
 * FTS5 match for the word index: every word piece as a prefix, cut to an indexed
 * prefix length (a longer prefix would make FTS5 merge every matching word's list
 * in memory); the full term is then checked with LIKE on the rows found.
 */
const wordsMatch = (terms: string[]) =>
  terms
    .flatMap(wordTokens)
    .map((w) => `"${w.slice(0, INDEXED_PREFIX)}"*`)
    .join(" AND ");
const needsRecheck = (terms: string[]) =>
  terms.filter((t) => wordTokens(t).join(" ") !== t || t.length > INDEXED_PREFIX);

/**
 * The indexed filter. Trigrams: FTS5 `trigram` on SQLite, pg_trgm GIN (LIKE) on
 * PostgreSQL — any substring. Words: FTS5 `unicode61` with prefix indexes on
 * SQLite, a `simple` tsvector GIN on PostgreSQL — each term as a word prefix.
 */
function indexedQuery(db: Executor, dialect: Dialect, f: SearchFilter, q: PageQuery, index: SearchIndex) {
  const long = q.terms.filter((t) => t.length >= 3);
  const short = q.terms.filter((t) => t.length < 3);
  if (dialect === "sqlite") {
    const table = index === "words" ? "persons_words" : "persons_fts";
    const match =
      index === "words" ? wordsMatch(q.terms) : long.map((t) => `"${t.replaceAll('"', '""')}"`).join(" AND ");
    // A join (not IN): FTS5 then yields rows lazily and LIMIT stops it early.
    let query = db
      .selectFrom(sql<{ rowid: number }>`${sql.table(table)}`.as("f"))
      .innerJoin("persons as p", (join) => join.on(sql<boolean>`p.id = f.rowid`))
      .where(sql<boolean>`${sql.table(table)} match ${match}`)
      .where((eb) => visibility(eb as unknown as PersonsEb, f));
    const recheck = index === "words" ? needsRecheck(q.terms) : short;
    if (recheck.length) query = query.where((eb) => likeAll(recheck)(eb as unknown as PersonsEb));
    if (q.excludeIds.length) query = query.where("p.id", "not in", q.excludeIds);
    return query;
  }
  let query = db.selectFrom("persons as p").where((eb) => visibility(eb, f));
  if (index === "words") {
    const tsquery = q.terms.flatMap((t) => wordTokens(t).map((w) => `${w}:*`)).join(" & ");
    query = query.where(sql<boolean>`to_tsvector('simple', p.search_text) @@ to_tsquery('simple', ${tsquery})`);
  } else {
    query = query.where(likeAll([...long, ...short]));
  }
  if (q.excludeIds.length) query = query.where("p.id", "not in", q.excludeIds);
  return query;
}

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

const byNameThenId = (a: { sort_name: string; id: number }, b: { sort_name: string; id: number }) =>
  a.sort_name < b.sort_name ? -1 : a.sort_name > b.sort_name ? 1 : a.id - b.id;

export type SearchPage = { rows: SummaryRow[]; mode: SearchCursor["mode"]; index?: SearchIndex };

/**
 * One page of matches, whatever the query's selectivity:
 * - no term, or only short ones (1–2 characters): the name index, in name order
 *   (a prefix range for short terms);
 * - up to SORTED_LIMIT matches: the trigram index finds them all, sorted by name in memory;
 * - more ("ltda", "silva"): in trigram-index order, newest first, which stops as soon
 *   as a page is full. Sorting them all by name would cost time proportional to the
 *   matches (seconds at a million persons) for a list nobody reads past page one.
 */
export async function searchPage(db: Executor, dialect: Dialect, f: SearchFilter, q: PageQuery): Promise<SearchPage> {
  const long = q.terms.filter((t) => t.length >= 3);
  const short = q.terms.filter((t) => t.length < 3);
  const after = q.after;
  if (!long.length) {
    const prefix = short.join(" ");
    let query = db
      .selectFrom("persons as p")
      .select(summaryColumns)
      .where((eb) => visibility(eb, f));
    if (prefix) query = query.where("p.sort_name", ">=", prefix).where("p.sort_name", "<", `${prefix}\uffff`);
    if (q.excludeIds.length) query = query.where("p.id", "not in", q.excludeIds);
    if (after?.mode === "name") {
      query = query.where((eb) =>
        eb.or([
          eb("p.sort_name", ">", after.name),
          eb.and([eb("p.sort_name", "=", after.name), eb("p.id", ">", after.id)]),
        ]),
      );
    }
    const rows = (await query.orderBy("p.sort_name").orderBy("p.id").limit(q.limit).execute()) as SummaryRow[];
    return { rows, mode: "name" };
  }

  // Words when every term has a letter (names, e-mails); trigrams for digits and
  // for substrings inside a word, tried when words find nothing.
  if (after?.index) return pageFrom(db, dialect, f, q, after.index);
  const wordy = q.terms.every((t) => /\p{L}/u.test(t));
  if (wordy) {
    const page = await pageFrom(db, dialect, f, q, "words");
    if (page.rows.length || !long.length) return page;
  }
  return pageFrom(db, dialect, f, q, "trigrams");
}

async function pageFrom(
  db: Executor,
  dialect: Dialect,
  f: SearchFilter,
  q: PageQuery,
  index: SearchIndex,
): Promise<SearchPage> {
  const after = q.after;
  if (after?.mode !== "recent") {
    const candidates = await indexedQuery(db, dialect, f, q, index)
      .select(["p.id", "p.sort_name"])
      .limit(SORTED_LIMIT + 1)
      .execute();
    if (candidates.length <= SORTED_LIMIT) {
      const page = candidates
        .filter((c) => after?.mode !== "name" || byNameThenId(c, { sort_name: after.name, id: after.id }) > 0)
        .sort(byNameThenId)
        .slice(0, q.limit);
      return {
        rows: await summariesByIds(
          db,
          page.map((c) => c.id),
        ),
        mode: "name",
        index,
      };
    }
  }
  // On SQLite order by FTS5's own rowid, which it walks backwards natively; by p.id it would sort every match.
  const idRef = dialect === "sqlite" ? sql<number>`f.rowid` : sql<number>`p.id`;
  let recent = indexedQuery(db, dialect, f, q, index).select("p.id");
  if (after?.mode === "recent") recent = recent.where(idRef, "<", after.id);
  const ids = await recent.orderBy(idRef, "desc").limit(q.limit).execute();
  return {
    rows: await summariesByIds(
      db,
      ids.map((r) => r.id),
    ),
    mode: "recent",
    index,
  };
}
