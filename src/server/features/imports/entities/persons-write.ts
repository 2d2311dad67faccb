import { buildPersonSearchText, normalizeSearchText } from "../../../../shared/search-text.ts";
import type { Trx } from "../../../db/types.ts";
import { newAddressRow } from "../../addresses/address-row.ts";
import { StaleBatchError } from "../importer.ts";
import type { MergePlan, StoredPerson } from "./persons-merge.ts";

/**
 * The writes of the persons import, a batch at a time: new persons in multi-row inserts (codes
 * reserved together), changed ones one update each, then what was added to each (categories,
 * characteristics, e-mails, phones, addresses) in multi-row inserts. The search columns are
 * rebuilt from the merged person, as the persons service does.
 */
export type Planned = {
  line: number;
  plan: Exclude<MergePlan, { action: "unchanged" }>;
  stored: StoredPerson | null;
  code?: number;
};

/** Reserves person codes: ERP codes push the counter past them, the rest take the next ones. */
async function assignCodes(trx: Trx, creates: Planned[]): Promise<number[]> {
  const explicit = creates.flatMap((p) => (p.code !== undefined ? [p.code] : []));
  if (explicit.length) {
    await trx
      .updateTable("sequences")
      .set({ value: Math.max(...explicit) })
      .where("name", "=", "person_code")
      .where("value", "<", Math.max(...explicit))
      .execute();
  }
  const missing = creates.filter((p) => p.code === undefined).length;
  let next = 0;
  if (missing) {
    const row = await trx
      .updateTable("sequences")
      .set((eb) => ({ value: eb("value", "+", missing) }))
      .where("name", "=", "person_code")
      .returning("value")
      .executeTakeFirstOrThrow();
    next = row.value - missing + 1;
  }
  return creates.map((p) => p.code ?? next++);
}

const CHUNK = 300;
function* chunked<T>(list: T[]): Generator<T[]> {
  for (let i = 0; i < list.length; i += CHUNK) yield list.slice(i, i + CHUNK);
}

export async function writePersons(trx: Trx, planned: Planned[], now: string): Promise<void> {
  const creates = planned.filter((p) => p.plan.action === "create");
  const codes = await assignCodes(trx, creates);
  const ids = new Map<Planned, number>();
  const searchText = (code: number, c: Planned["plan"]["columns"], emails: string[], phones: string[]) =>
    buildPersonSearchText({ code, name: c.name, shortName: c.short_name, document: c.document, emails, phones });
  const createRows = creates.map((p, i) => {
    const code = codes[i] as number;
    const c = p.plan.columns;
    const emails = p.plan.add.emails.map((e) => e.address);
    const phones = p.plan.add.phones.map((f) => f.number);
    return {
      ...c,
      code,
      sort_name: normalizeSearchText(c.name),
      search_text: searchText(code, c, emails, phones),
      created_at: now,
      updated_at: now,
    };
  });
  const byCode = new Map(creates.map((p, i) => [codes[i] as number, p]));
  for (const part of chunked(createRows)) {
    for (const row of await trx.insertInto("persons").values(part).returning(["id", "code"]).execute()) {
      ids.set(byCode.get(row.code) as Planned, row.id);
    }
  }
  for (const p of planned) {
    if (p.plan.action !== "update" || !p.stored) continue;
    const s = p.stored;
    const c = p.plan.columns;
    const emails = [...s.emails, ...p.plan.add.emails.map((e) => e.address)];
    const phones = [...s.phones, ...p.plan.add.phones.map((f) => f.number)];
    const result = await trx
      .updateTable("persons")
      .set({
        ...c,
        sort_name: normalizeSearchText(c.name),
        search_text: searchText(s.code, c, emails, phones),
        updated_at: now,
        version: s.version + 1,
      })
      .where("id", "=", s.id)
      .where("version", "=", s.version)
      .executeTakeFirst();
    // Someone saved this person since the batch read it: merging the old copy would undo that.
    if (Number(result.numUpdatedRows) !== 1) throw new StaleBatchError();
    ids.set(p, s.id);
  }
  await writeChildren(trx, planned, ids, now);
}

async function writeChildren(trx: Trx, planned: Planned[], ids: Map<Planned, number>, now: string): Promise<void> {
  const idOf = (p: Planned) => ids.get(p) as number;
  const offset = (p: Planned, kind: "emails" | "phones") => p.stored?.[kind].length ?? 0;
  const rows = {
    categories: planned.flatMap((p) =>
      p.plan.add.categoryIds.map((category_id) => ({ person_id: idOf(p), category_id })),
    ),
    characteristics: planned.flatMap((p) =>
      p.plan.add.characteristicIds.map((characteristic_id) => ({ person_id: idOf(p), characteristic_id })),
    ),
    emails: planned.flatMap((p) =>
      p.plan.add.emails.map((e, i) => ({
        person_id: idOf(p),
        address: e.address,
        is_main: e.isMain ? 1 : 0,
        position: offset(p, "emails") + i,
      })),
    ),
    phones: planned.flatMap((p) =>
      p.plan.add.phones.map((f, i) => ({
        person_id: idOf(p),
        number: f.number,
        is_main: f.isMain ? 1 : 0,
        position: offset(p, "phones") + i,
      })),
    ),
    addresses: planned.flatMap((p) => p.plan.add.addresses.map((a) => newAddressRow(idOf(p), a, now))),
  };
  for (const part of chunked(rows.categories)) await trx.insertInto("person_categories").values(part).execute();
  for (const part of chunked(rows.characteristics))
    await trx.insertInto("person_characteristics").values(part).execute();
  for (const part of chunked(rows.emails)) await trx.insertInto("person_emails").values(part).execute();
  for (const part of chunked(rows.phones)) await trx.insertInto("person_phones").values(part).execute();
  for (const part of chunked(rows.addresses)) await trx.insertInto("addresses").values(part).execute();
}
