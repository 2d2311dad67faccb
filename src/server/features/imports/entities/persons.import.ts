import { type ImportPersonRecord, importPersonRecord } from "../../../../shared/imports.schemas.ts";
import { normalizeSearchText } from "../../../../shared/search-text.ts";
import type { AppContext } from "../../../context.ts";
import type { Trx } from "../../../db/types.ts";
import { journalEnabled } from "../../audit/actor.ts";
import { type Change, type EventSpec, recordChanges, recordEvents } from "../../audit/journal.ts";
import { type Column, selectByKeys, type Value } from "../bulk.repository.ts";
import { emptyOutcome, type Importer, reject } from "../importer.ts";
import * as repo from "./persons.repository.ts";
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
  const children = await repo.childrenOf(trx, ids);
  for (const c of children.categories) get(c.person_id).categoryIds.add(c.category_id);
  for (const c of children.characteristics) get(c.person_id).characteristicIds.add(c.characteristic_id);
  for (const e of children.emails) get(e.person_id).emails.push(e.address);
  for (const p of children.phones) get(p.person_id).phones.push(p.number);
  for (const a of children.addresses) get(a.person_id).addressKeys.add(addressKey(a));
  return out;
}

/** Active categories by id and by name (lower case, no accents); active characteristic ids. */
async function references(trx: Trx) {
  const { categories, characteristics } = await repo.activeReferences(trx);
  return {
    categoryIds: new Set(categories.map((c) => c.id)),
    categoryByName: new Map(categories.map((c) => [normalizeSearchText(c.name), c.id])),
    characteristicIds: new Set(characteristics.map((c) => c.id)),
  };
}

const columnsOf = (c: Record<string, unknown>) => ({
  kind: c.kind,
  name: c.name,
  shortName: c.short_name,
  document: c.document,
  notes: c.notes,
  isActive: c.is_active === 1,
  externalId: c.external_id,
});

/** One audit row per person written (a merge lists what it added), one event each. */
function journalPersons(
  trx: Trx,
  ctx: AppContext,
  planned: Planned[],
  written: Map<Planned, { id: number; code: number }>,
): void {
  const changes: Change[] = [];
  const events: EventSpec[] = [];
  for (const p of planned) {
    const ref = written.get(p);
    if (!ref) continue;
    const add = p.plan.add;
    const added = {
      categoryIds: add.categoryIds,
      characteristicIds: add.characteristicIds,
      emails: add.emails.map((e) => e.address),
      phones: add.phones.map((f) => f.number),
      addresses: add.addresses.map((a) => `${a.street}, ${a.number} — ${a.city}/${a.state}`),
    };
    const create = p.plan.action === "create";
    changes.push({
      entity: "person",
      id: ref.id,
      action: create ? "create" : "update",
      person: ref,
      before: p.stored ? columnsOf(p.stored) : null,
      // A merge only adds to the lists: what it added shows as the change of each list.
      after: { ...columnsOf(p.plan.columns), ...(create ? { code: ref.code } : {}), ...added },
    });
    events.push({ type: create ? "person.created" : "person.changed", area: "person", person: ref });
  }
  recordChanges(trx, ctx, changes);
  recordEvents(trx, ctx, events);
}

/**
 * Persons, merged by externalId or document (CPF/CNPJ) into the stored person, or created.
 * Writes like the persons service, with its functions: the search columns (sort_name, search_text
 * with every e-mail and phone) rebuilt from the merged person by personSearchColumns, exactly one
 * main e-mail/phone/address, the person codes from assignPersonCodes (the shared counter, kept
 * ahead of ERP codes).
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
        outcome.rejected.push(reject(line, field, "unknown_category", { category: unknownCategory }));
        continue;
      }
      const badCharacteristic = r.characteristicIds.find((id) => !refs.characteristicIds.has(id));
      if (badCharacteristic !== undefined) {
        outcome.rejected.push(
          reject(line, "characteristicIds", "unknown_characteristic", { characteristic: badCharacteristic }),
        );
        continue;
      }
      const byExt = r.externalId ? found.byExternalId.get(r.externalId) : undefined;
      const byDoc = r.document ? found.byDocument.get(r.document) : undefined;
      if (byExt && byDoc && byExt.id !== byDoc.id) {
        const other = String(byDoc.code).padStart(6, "0");
        outcome.rejected.push(reject(line, "document", "document_in_use_by", { code: other }));
        continue;
      }
      const target = byExt ?? byDoc;
      const person = target ? (stored.get(Number(target.id)) ?? null) : null;
      const byCode = r.code !== undefined ? found.byCode.get(r.code) : undefined;
      if (!person && byCode) {
        outcome.rejected.push(reject(line, "code", "import_code_in_use", { name: String(byCode.name) }));
        continue;
      }
      const plan = mergePerson(r, categoryIds, person);
      if ("field" in plan) {
        outcome.rejected.push(reject(line, plan.field, plan.reason, plan.params));
        continue;
      }
      if (plan.action === "unchanged") outcome.unchanged += 1;
      else planned.push({ line, plan, stored: person, ...(r.code !== undefined ? { code: r.code } : {}) });
    }
    const written = await writePersons(trx, planned, now);
    if (journalEnabled()) journalPersons(trx, ctx, planned, written);
    outcome.inserted = planned.filter((p) => p.plan.action === "create").length;
    outcome.updated = planned.length - outcome.inserted;
    return outcome;
  },
};
