import type { Trx } from "../../../db/types.ts";
import { newAddressRow } from "../../addresses/addresses.mapping.ts";
import { emailRows, personSearchColumns, phoneRows } from "../../persons/persons.mapping.ts";
import { assignPersonCodes } from "../../persons/persons.service.ts";
import { StaleBatchError } from "../importer.ts";
import * as repo from "./persons.repository.ts";
import type { MergePlan, StoredPerson } from "./persons-merge.ts";

/**
 * The writes of the persons import, a batch at a time: new persons in multi-row inserts (codes
 * reserved together), changed ones one update each, then what was added to each (categories,
 * characteristics, e-mails, phones, addresses) in multi-row inserts. Codes, search columns and
 * rows come from the same functions as the persons service's, so both write a person alike.
 */
export type Planned = {
  line: number;
  plan: Exclude<MergePlan, { action: "unchanged" }>;
  stored: StoredPerson | null;
  code?: number;
};

type Columns = Planned["plan"]["columns"];

const searchColumns = (code: number, c: Columns, emails: string[], phones: string[]) =>
  personSearchColumns({ code, name: c.name, shortName: c.short_name, document: c.document, emails, phones });

/** Writes the batch; answers each planned person's id and code (the journal names them). */
export async function writePersons(
  trx: Trx,
  planned: Planned[],
  now: string,
): Promise<Map<Planned, { id: number; code: number }>> {
  const creates = planned.filter((p) => p.plan.action === "create");
  const codes = await assignPersonCodes(
    trx,
    creates.map((p) => p.code),
  );
  const createRows = creates.map((p, i) => {
    const code = codes[i] as number;
    const c = p.plan.columns;
    const emails = p.plan.add.emails.map((e) => e.address);
    const phones = p.plan.add.phones.map((f) => f.number);
    return { ...c, code, ...searchColumns(code, c, emails, phones), created_at: now, updated_at: now };
  });
  const idByCode = await repo.insertPersons(trx, createRows);
  const ids = new Map<Planned, number>(creates.map((p, i) => [p, idByCode.get(codes[i] as number) as number]));
  const written = new Map<Planned, { id: number; code: number }>(
    creates.map((p, i) => [p, { id: ids.get(p) as number, code: codes[i] as number }]),
  );
  for (const p of planned) {
    if (p.plan.action !== "update" || !p.stored) continue;
    const s = p.stored;
    const c = p.plan.columns;
    const emails = [...s.emails, ...p.plan.add.emails.map((e) => e.address)];
    const phones = [...s.phones, ...p.plan.add.phones.map((f) => f.number)];
    const saved = await repo.updatePersonAt(trx, s.id, s.version, {
      ...c,
      ...searchColumns(s.code, c, emails, phones),
      updated_at: now,
    });
    // Someone saved this person since the batch read it: merging the old copy would undo that.
    if (!saved) throw new StaleBatchError();
    ids.set(p, s.id);
    written.set(p, { id: s.id, code: s.code });
  }
  const idOf = (p: Planned) => ids.get(p) as number;
  await repo.insertChildren(trx, {
    categories: planned.flatMap((p) =>
      p.plan.add.categoryIds.map((category_id) => ({ person_id: idOf(p), category_id })),
    ),
    characteristics: planned.flatMap((p) =>
      p.plan.add.characteristicIds.map((characteristic_id) => ({ person_id: idOf(p), characteristic_id })),
    ),
    // After the ones stored: the person's main (if it had one) stays first.
    emails: planned.flatMap((p) => emailRows(idOf(p), p.plan.add.emails, p.stored?.emails.length ?? 0)),
    phones: planned.flatMap((p) => phoneRows(idOf(p), p.plan.add.phones, p.stored?.phones.length ?? 0)),
    addresses: planned.flatMap((p) => p.plan.add.addresses.map((a) => newAddressRow(idOf(p), a, now))),
  });
  return written;
}
