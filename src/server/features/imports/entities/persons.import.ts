import { type ImportPersonRecord, importPersonRecord } from "../../../../shared/imports.schemas.ts";
import { normalizeSearchText } from "../../../../shared/search-text.ts";
import type { AppContext } from "../../../context.ts";
import type { Trx } from "../../../db/types.ts";
import { type Column, selectByKeys, type Value } from "../bulk.ts";
import { emptyOutcome, type Importer, reject } from "../importer.ts";
import { addressKey, mergePerson, type StoredPerson } from "./persons-merge.ts";
import { type Planned, writePersons } from "./persons-write.ts";

const PERSON_FIELDS = [
  "id",
  "code",
  "kind",
  "name",
  "short_name",
  "document",
  "notes",
  "is_active",
  "external_id",
  "version",
];

/** The batch's stored persons, by external id, document and code (one query each). */
async function lookups(ctx: AppContext, trx: Trx, records: ImportPersonRecord[]) {
  const by = (name: string, pg: Column["pg"], keys: Value[]) =>
    selectByKeys(ctx, trx, "persons", { name, pg }, PERSON_FIELDS, keys);
  return {
    byExternalId: await by(
      "external_id",
      "text",
      records.map((r) => r.externalId ?? null),
    ),
    byDocument: await by(
      "document",
      "text",
      records.map((r) => r.document),
    ),
    byCode: await by(
      "code",
      "int4",
      records.map((r) => r.code ?? null),
    ),
  };
}

/** Categories, characteristics, e-mails, phones and addresses of these persons. */
async function snapshots(trx: Trx, rows: Record<string, Value>[]): Promise<Map<number, StoredPerson>> {
  const out = new Map<number, StoredPerson>();
  for (const r of rows) {
    out.set(Number(r.id), {
      id: Number(r.id),
      code: Number(r.code),
      version: Number(r.version),
      kind: String(r.kind),
      name: String(r.name),
      short_name: r.short_name as string | null,
      document: r.document as string | null,
      notes: r.notes as string | null,
      is_active: Number(r.is_active),
      external_id: r.external_id as string | null,
      categoryIds: new Set(),
      characteristicIds: new Set(),
      emails: [],
      phones: [],
      addressKeys: new Set(),
    });
  }
  const ids = [...out.keys()];
  if (!ids.length) return out;
  const get = (id: number) => out.get(id) as StoredPerson;
  for (const c of await trx.selectFrom("person_categories").selectAll().where("person_id", "in", ids).execute()) {
    get(c.person_id).categoryIds.add(c.category_id);
  }
  for (const c of await trx.selectFrom("person_characteristics").selectAll().where("person_id", "in", ids).execute()) {
    get(c.person_id).characteristicIds.add(c.characteristic_id);
  }
  const emails = await trx
    .selectFrom("person_emails")
    .select(["person_id", "address"])
    .where("person_id", "in", ids)
    .orderBy("person_id")
    .orderBy("is_main", "desc")
    .orderBy("position")
    .execute();
  for (const e of emails) get(e.person_id).emails.push(e.address);
  const phones = await trx
    .selectFrom("person_phones")
    .select(["person_id", "number"])
    .where("person_id", "in", ids)
    .orderBy("person_id")
    .orderBy("is_main", "desc")
    .orderBy("position")
    .execute();
  for (const p of phones) get(p.person_id).phones.push(p.number);
  const addresses = await trx
    .selectFrom("addresses")
    .select(["person_id", "zip", "number", "street"])
    .where("person_id", "in", ids)
    .execute();
  for (const a of addresses) get(a.person_id).addressKeys.add(addressKey(a));
  return out;
}

/** Active categories by id and by name (lower case, no accents); active characteristic ids. */
async function references(trx: Trx) {
  const categories = await trx.selectFrom("categories").select(["id", "name"]).where("is_active", "=", 1).execute();
  const characteristics = await trx.selectFrom("characteristics").select("id").where("is_active", "=", 1).execute();
  return {
    categoryIds: new Set(categories.map((c) => c.id)),
    categoryByName: new Map(categories.map((c) => [normalizeSearchText(c.name), c.id])),
    characteristicIds: new Set(characteristics.map((c) => c.id)),
  };
}

/**
 * Persons, merged by externalId or document (CPF/CNPJ) into the stored person, or created.
 * Writes like the persons service (persons.service.ts): the search columns (sort_name,
 * search_text with every e-mail and phone) are rebuilt from the merged person, exactly one main
 * e-mail/phone/address, the person code from the shared counter (kept ahead of ERP codes).
 */
export const personsImporter: Importer<ImportPersonRecord> = {
  schema: importPersonRecord,
  batchSize: { sqlite: 1000, postgres: 1000 },
  keys: (r) => [
    ...(r.externalId ? [`ext:${r.externalId}`] : []),
    ...(r.document ? [`doc:${r.document}`] : []),
    ...(r.code !== undefined ? [`code:${r.code}`] : []),
  ],
  async writeBatch(ctx, trx, items, now) {
    const outcome = emptyOutcome();
    const refs = await references(trx);
    const found = await lookups(
      ctx,
      trx,
      items.map((i) => i.record),
    );
    const stored = await snapshots(trx, [...found.byExternalId.values(), ...found.byDocument.values()]);
    const planned: Planned[] = [];
    for (const { line, record: r } of items) {
      const categoryIds: number[] = [];
      const unknownCategory = [...r.categoryIds, ...r.categories].find((c) => {
        const id =
          typeof c === "number"
            ? refs.categoryIds.has(c)
              ? c
              : undefined
            : refs.categoryByName.get(normalizeSearchText(c));
        if (id !== undefined) categoryIds.push(id);
        return id === undefined;
      });
      if (unknownCategory !== undefined) {
        const field = r.categoryIds.includes(unknownCategory as number) ? "categoryIds" : "categories";
        outcome.rejected.push(reject(line, field, `categoria desconhecida: ${unknownCategory}`));
        continue;
      }
      const badCharacteristic = r.characteristicIds.find((id) => !refs.characteristicIds.has(id));
      if (badCharacteristic !== undefined) {
        outcome.rejected.push(reject(line, "characteristicIds", `característica desconhecida: ${badCharacteristic}`));
        continue;
      }
      const byExt = r.externalId ? found.byExternalId.get(r.externalId) : undefined;
      const byDoc = r.document ? found.byDocument.get(r.document) : undefined;
      if (byExt && byDoc && byExt.id !== byDoc.id) {
        const other = String(byDoc.code).padStart(6, "0");
        outcome.rejected.push(reject(line, "document", `documento já cadastrado para a pessoa ${other}`));
        continue;
      }
      const target = byExt ?? byDoc;
      const person = target ? (stored.get(Number(target.id)) ?? null) : null;
      const byCode = r.code !== undefined ? found.byCode.get(r.code) : undefined;
      if (!person && byCode) {
        outcome.rejected.push(reject(line, "code", `código já usado pela pessoa ${String(byCode.name)}`));
        continue;
      }
      const plan = mergePerson(r, categoryIds, person);
      if ("field" in plan) {
        outcome.rejected.push(reject(line, plan.field, plan.error));
        continue;
      }
      if (plan.action === "unchanged") outcome.unchanged += 1;
      else planned.push({ line, plan, stored: person, ...(r.code !== undefined ? { code: r.code } : {}) });
    }
    await writePersons(trx, planned, now);
    outcome.inserted = planned.filter((p) => p.plan.action === "create").length;
    outcome.updated = planned.length - outcome.inserted;
    return outcome;
  },
};
